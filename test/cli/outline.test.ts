// `transcript outline` from the BUILT tool (`node dist/cli.js`): exact text output, --json,
// --group-by-speaker, several files, errors and exit statuses, and a reader that hangs up early.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import { cliPath, runCli, runCliClosingStdout } from '../helpers/cli';
import { morningFlat, morningGrouped } from '../helpers/expected';
import { repoRoot } from '../helpers/lspClient';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const example = 'examples/harbour-strike.transcript';
const fixture = 'test/fixtures/workspace/morning-edition.transcript';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

// Speakers and the outline in document order, as the editor's Outline shows it.
const exampleHead = [
  `${example} — Ferry crews walk off the job as the harbour city's night service grinds to a halt`,
  '',
  'Speakers (4)',
  '  Nina Park           5 turns  PARK · HOST',
  '  Omar Saleh          6 turns  SALEH · BYLINE',
  '  Marcus Oyelaran     1 turn',
  '  Priya Natarajan     3 turns  NATARAJAN',
  '',
  'Outline',
  "    L6  Ferry crews walk off the job as the harbour city's night service grinds to a halt",
];
const exampleText = lines(
  ...exampleHead,
  '   L10  NINA PARK  We begin at the ferry terminal. Omar, what does it look like…',
  '   L14  OMAR SALEH  Quiet, Nina, which is the strange part. On a normal Tuesday…',
  '   L16  (SOUNDBITE OF CROWD CHANTING)',
  "   L18  SALEH (Omar Saleh)  That's the picket line you hear. They say the new roster…",
  '   L20  PARK (Nina Park)  What does the ferry authority say?',
  "   L22  SALEH (Omar Saleh)  The authority's director, Marcus Oyelaran, told me the…",
  "   L24  MARCUS OYELARAN  We've offered to sit down again today, tomorrow, whenever…",
  '   L26  SALEH (Omar Saleh)  The union disputes that. Its local president, Dee Kowalczyk…',
  "   L28  PARK (Nina Park)  Let's bring in Priya Natarajan, who studies transport labor…",
  '   L30  PRIYA NATARAJAN  Not as unusual as people think. Harbour crews have a lot of…',
  '   L34  PARK (Nina Park)  Six days. Does that history shape how both sides behave now?',
  '   L36  NATARAJAN (Priya Natarajan)  It does. Nobody wants to be the side that let it run a week…',
  '   L38  (SOUNDBITE OF FERRY HORN)',
  '   L40  SALEH (Omar Saleh)  And, Nina, just as we were talking, one boat has sounded its…',
  "   L42  PARK (Nina Park)  KBRT's Omar Saleh at the Port Calder ferry terminal and…",
  '   L44  SALEH (Omar Saleh)  Thank you.',
  '   L46  NATARAJAN (Priya Natarajan)  My pleasure.',
  '   L48  (SOUNDBITE OF MUSIC)',
);

const fixtureText = lines(
  `${fixture} — Library opens its doors overnight for exam season`,
  '',
  'Speakers (3)',
  '  Rafael Moreno           3 turns  MORENO · HOST',
  '  Ada Quint               3 turns  QUINT · LIBRARIAN',
  '  Unidentified Man #1     1 turn',
  '',
  'Outline',
  '    L6  Library opens its doors overnight for exam season',
  '   L10  RAFAEL MORENO  Good morning. Ada, why open all night?',
  '   L14  ADA QUINT  Because the students asked, Rafael. Every spring the reading…',
  '   L16  (SOUNDBITE OF TYPING)',
  '   L18  ADA QUINT (continued)  They asked for quiet desks and somewhere to charge a laptop.',
  '   L20  MORENO (Rafael Moreno)  And what does it cost?',
  '   L22  QUINT (Ada Quint)  Two extra staff a night, paid from the events budget…',
  "   L26  Unidentified Man #1  I'm just here for the coffee.",
  '   L28  MORENO (Rafael Moreno)  Ada Quint, thank you.',
  '   L30  (SOUNDBITE OF MUSIC)',
);

describe('transcript outline', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'transcript-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('the example: the whole text output', () => {
    const r = runCli(['outline', example]);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, exampleText);
    assert.equal(r.status, 0);
  });

  test('--group-by-speaker: speaker -> turns, stage directions left out', () => {
    const r = runCli(['outline', '--group-by-speaker', example]);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      lines(
        ...exampleHead,
        '   L10  Nina Park  NINA PARK, PARK · HOST · 5 turns',
        '   L10    NINA PARK  We begin at the ferry terminal. Omar, what does it look like…',
        '   L20    PARK (Nina Park)  What does the ferry authority say?',
        "   L28    PARK (Nina Park)  Let's bring in Priya Natarajan, who studies transport labor…",
        '   L34    PARK (Nina Park)  Six days. Does that history shape how both sides behave now?',
        "   L42    PARK (Nina Park)  KBRT's Omar Saleh at the Port Calder ferry terminal and…",
        '   L14  Omar Saleh  OMAR SALEH, SALEH · BYLINE · 6 turns',
        '   L14    OMAR SALEH  Quiet, Nina, which is the strange part. On a normal Tuesday…',
        "   L18    SALEH (Omar Saleh)  That's the picket line you hear. They say the new roster…",
        "   L22    SALEH (Omar Saleh)  The authority's director, Marcus Oyelaran, told me the…",
        '   L26    SALEH (Omar Saleh)  The union disputes that. Its local president, Dee Kowalczyk…',
        '   L40    SALEH (Omar Saleh)  And, Nina, just as we were talking, one boat has sounded its…',
        '   L44    SALEH (Omar Saleh)  Thank you.',
        '   L24  Marcus Oyelaran  MARCUS OYELARAN · 1 turn',
        "   L24    MARCUS OYELARAN  We've offered to sit down again today, tomorrow, whenever…",
        '   L30  Priya Natarajan  PRIYA NATARAJAN, NATARAJAN · 3 turns',
        '   L30    PRIYA NATARAJAN  Not as unusual as people think. Harbour crews have a lot of…',
        '   L36    NATARAJAN (Priya Natarajan)  It does. Nobody wants to be the side that let it run a week…',
        '   L46    NATARAJAN (Priya Natarajan)  My pleasure.',
      ),
    );
    assert.equal(r.status, 0);
  });

  test('options may come before the command or after the files', () => {
    assert.equal(runCli(['--group-by-speaker', 'outline', example]).stdout, runCli(['outline', example, '--group-by-speaker']).stdout);
  });

  test('several files: each in turn, separated by a blank line', () => {
    const r = runCli(['outline', example, fixture]);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `${exampleText}\n${fixtureText}`);
    assert.equal(r.status, 0);
  });

  test('--json: one entry per file with title, speakers and the outline the editor shows', () => {
    const r = runCli(['outline', '--json', example, fixture]);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    const parsed = JSON.parse(r.stdout) as { file: string; title: string | null; speakers: unknown[]; outline: { name: string; kind: number; selectionRange: { start: { line: number } } }[] }[];
    assert.equal(parsed.length, 2);
    const [ex, fx] = parsed;
    assert.deepEqual(Object.keys(ex), ['file', 'title', 'speakers', 'outline']);
    assert.equal(ex.file, example);
    assert.equal(ex.title, "Ferry crews walk off the job as the harbour city's night service grinds to a halt");
    assert.deepEqual(ex.speakers, [
      { name: 'Nina Park', labels: ['NINA PARK', 'PARK'], role: 'HOST', turns: 5, firstLine: 10 },
      { name: 'Omar Saleh', labels: ['OMAR SALEH', 'SALEH'], role: 'BYLINE', turns: 6, firstLine: 14 },
      { name: 'Marcus Oyelaran', labels: ['MARCUS OYELARAN'], role: null, turns: 1, firstLine: 24 },
      { name: 'Priya Natarajan', labels: ['PRIYA NATARAJAN', 'NATARAJAN'], role: null, turns: 3, firstLine: 30 },
    ]);
    assert.deepEqual(
      ex.outline.map((s) => [s.name, s.kind, s.selectionRange.start.line]),
      [
        ["Ferry crews walk off the job as the harbour city's night service grinds to a halt", 1, 5],
        ['NINA PARK', 24, 9],
        ['OMAR SALEH', 24, 13],
        ['(SOUNDBITE OF CROWD CHANTING)', 15, 15],
        ['SALEH (Omar Saleh)', 24, 17],
        ['PARK (Nina Park)', 24, 19],
        ['SALEH (Omar Saleh)', 24, 21],
        ['MARCUS OYELARAN', 24, 23],
        ['SALEH (Omar Saleh)', 24, 25],
        ['PARK (Nina Park)', 24, 27],
        ['PRIYA NATARAJAN', 24, 29],
        ['PARK (Nina Park)', 24, 33],
        ['NATARAJAN (Priya Natarajan)', 24, 35],
        ['(SOUNDBITE OF FERRY HORN)', 15, 37],
        ['SALEH (Omar Saleh)', 24, 39],
        ['PARK (Nina Park)', 24, 41],
        ['SALEH (Omar Saleh)', 24, 43],
        ['NATARAJAN (Priya Natarajan)', 24, 45],
        ['(SOUNDBITE OF MUSIC)', 15, 47],
      ],
    );
    // The same symbols the language server computes for the same text.
    const service = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
    const text = readFileSync(path.join(repoRoot, example), 'utf8');
    assert.deepEqual(ex.outline, service.getDocumentSymbols({ uri: 'file:///x.transcript', version: 1, getText: () => text }, defaultSettings));
    // The fixture's outline, checked symbol by symbol against the hand-written expectation.
    assert.equal(fx.file, fixture);
    assert.equal(fx.title, 'Library opens its doors overnight for exam season');
    assert.deepEqual(fx.outline, morningFlat);
  });

  test('--json --group-by-speaker gives the grouped outline; --format json is --json', () => {
    const grouped = JSON.parse(runCli(['outline', '--json', '--group-by-speaker', fixture]).stdout) as { outline: unknown }[];
    assert.deepEqual(grouped[0].outline, morningGrouped);
    assert.equal(runCli(['outline', '--format', 'json', fixture]).stdout, runCli(['outline', '--json', fixture]).stdout);
    assert.equal(runCli(['outline', '--format=json', fixture]).stdout, runCli(['outline', '--json', fixture]).stdout);
  });

  test('an empty file: no title, no speakers, an empty outline', () => {
    const file = path.join(tmp, 'empty.transcript');
    writeFileSync(file, '');
    const r = runCli(['outline', file]);
    assert.deepEqual(r, { status: 0, signal: null, stdout: lines(file, '', 'Speakers (0)', '', 'Outline'), stderr: '' });
    assert.deepEqual(JSON.parse(runCli(['outline', '--json', file]).stdout), [{ file, title: null, speakers: [], outline: [] }]);
  });

  test('CRLF and a BOM: the same line numbers as LF', () => {
    const file = path.join(tmp, 'crlf.transcript');
    writeFileSync(file, '\uFEFFHarbour update\r\n\r\nNINA PARK, HOST: Hi.\r\n\r\nPARK: Bye.\r\n');
    const r = runCli(['outline', file]);
    assert.equal(
      r.stdout,
      lines(`${file} — Harbour update`, '', 'Speakers (1)', '  Nina Park     2 turns  PARK · HOST', '', 'Outline', '    L1  Harbour update', '    L3  NINA PARK  Hi.', '    L5  PARK (Nina Park)  Bye.'),
    );
    assert.equal(r.status, 0);
  });

  test(
    'no line of the text output ends in white space',
    () => {
      const r = runCli(['outline', example, fixture]);
      assert.deepEqual(
        r.stdout.split('\n').filter((l) => /\s$/.test(l)),
        [],
      );
    },
  );
});

describe('transcript outline: errors and usage', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'transcript-cli-err-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const usageStart = 'Usage: transcript <command> [options] FILE...\n';

  test('a missing file: exit 1, a clear message on stderr, nothing on stdout', () => {
    assert.deepEqual(runCli(['outline', 'no-such.transcript']), {
      status: 1,
      signal: null,
      stdout: '',
      stderr: 'transcript: no-such.transcript: no such file\n',
    });
  });

  test('a missing file among good ones: the good ones are printed, exit 1', () => {
    const r = runCli(['outline', example, 'no-such.transcript', fixture]);
    assert.equal(r.stdout, `${exampleText}\n${fixtureText}`);
    assert.equal(r.stderr, 'transcript: no-such.transcript: no such file\n');
    assert.equal(r.status, 1);
    const json = runCli(['outline', '--json', 'no-such.transcript', fixture]);
    assert.equal(json.status, 1);
    assert.deepEqual(
      (JSON.parse(json.stdout) as { file: string }[]).map((e) => e.file),
      [fixture],
    );
  });

  test('a binary file (NUL bytes): refused with exit 1', () => {
    const file = path.join(tmp, 'image.transcript');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    assert.deepEqual(runCli(['outline', file]), { status: 1, signal: null, stdout: '', stderr: `transcript: ${file}: is not a text file (it holds NUL bytes)\n` });
  });

  test('a folder: refused with exit 1', () => {
    const dir = path.join(tmp, 'shows.transcript');
    mkdirSync(dir, { recursive: true });
    assert.deepEqual(runCli(['outline', dir]), { status: 1, signal: null, stdout: '', stderr: `transcript: ${dir}: is a folder, not a transcript\n` });
  });

  test('an unknown command: exit 2 and the usage on stderr', () => {
    const r = runCli(['frobnicate', example]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.startsWith(`transcript: unknown command 'frobnicate'\n\n${usageStart}`), r.stderr);
  });

  test('an unknown option: exit 2 and the usage on stderr', () => {
    const r = runCli(['outline', '--frobnicate', example]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.startsWith(`transcript: unknown option --frobnicate\n\n${usageStart}`), r.stderr);
  });

  test('no arguments: exit 2 and the usage on stderr', () => {
    const r = runCli([]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.startsWith('transcript: '), r.stderr);
    assert.ok(r.stderr.includes(usageStart), r.stderr);
  });

  test('outline without files: exit 2 and the usage on stderr', () => {
    const r = runCli(['outline']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.startsWith(`transcript: outline needs at least one FILE\n\n${usageStart}`), r.stderr);
  });

  test('--help and -h: the usage on stdout, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = runCli([flag]);
      assert.equal(r.status, 0, flag);
      assert.equal(r.stderr, '', flag);
      assert.ok(r.stdout.startsWith(usageStart), r.stdout);
      assert.match(r.stdout, /^ {2}outline FILE\.\.\. {2,}\S/m);
      assert.match(r.stdout, /--group-by-speaker/);
      assert.match(r.stdout, /--json/);
    }
    // Help wins over everything else on the line.
    assert.equal(runCli(['outline', 'no-such.transcript', '--help']).status, 0);
  });

  test('--version and -v: the package version on stdout, exit 0', () => {
    for (const flag of ['--version', '-v']) {
      assert.deepEqual(runCli([flag]), { status: 0, signal: null, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });

  test('the bundle is executable through its shebang', () => {
    const r = spawnSync(cliPath, ['--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${pkg.version}\n`);
  });
});

describe('transcript outline: a reader that stops early (| head -1)', () => {
  let tmp: string;
  let big: string;
  before(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'transcript-cli-pipe-'));
    big = path.join(tmp, 'long-hearing.transcript');
    const turns: string[] = ['A very long hearing', ''];
    // About 400 KB of outline: far more than a pipe holds.
    for (let i = 0; i < 5000; i++) turns.push(`${i % 2 ? 'SMITH' : 'JANE SMITH, CHAIR'}: Point number ${i}, which the committee will take up in due course.`, '');
    writeFileSync(big, turns.join('\n'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('stdout closed after the first chunk: exit 0, no EPIPE error', async () => {
    const r = await runCliClosingStdout(['outline', big]);
    assert.ok(r.firstChunk.startsWith(`${big} — A very long hearing\n`), r.firstChunk.slice(0, 200));
    assert.equal(r.stderr, '');
    assert.equal(r.signal, null);
    assert.equal(r.status, 0);
  });

  test('the same through a shell pipe into head -1', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" outline "${big}" | head -1; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `${big} — A very long hearing\nstatus=0\n`);
  });

  test('--json into a closed pipe: exit 0 as well', async () => {
    const r = await runCliClosingStdout(['outline', '--json', big]);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
  });
});
