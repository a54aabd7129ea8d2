// `transcript check` from the BUILT bundle (node dist/cli.js): the report lines, the summary,
// exit codes, --format json, --fix on temporary copies, files that cannot be read.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { pos, slipsAfterEveryFix, span } from '../fixtures/rules/support';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = 'test/fixtures/rules';
const SLIPS = `${dir}/slips.transcript`;
const CLEAN = `${dir}/clean.transcript`;
const WARNINGS = `${dir}/warnings.transcript`;
const read = (f: string) => readFileSync(join(root, f), 'utf8');

function run(...args: string[]) {
  assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `file:line:col` of the first character of `sub` in `text` (1-based, as the CLI prints). */
function where(file: string, text: string, sub: string, offset = 0): string {
  const p = pos(text, span(text, sub).start + offset);
  return `${file}:${p.line + 1}:${p.character + 1}`;
}

const slips = read(SLIPS);
const slipsLines = (file: string, text = slips) => [
  `${where(file, text, 'WHITFEILD')} warning Unknown speaker WHITFEILD — did you mean WHITFIELD (Dana Whitfield)? [unknown-speaker]`,
  `${where(file, text, 'VANCE Mostly')} error VANCE starts a line like a speaker label but has no colon: write VANCE: [missing-colon]`,
  `${where(file, text, '(SOUNDBITE OF ARCHIVED')} error Stage direction (SOUNDBITE OF ARCHIVED RECORDING is never closed: add ')'. [unclosed-stage-direction]`,
  `${where(file, text, 'VANCE: Vendors')} warning Teo Vance speaks twice in a row (line 17 and here): probably one turn split by mistake. [split-turn]`,
  `${where(file, text, 'whitfield:')} warning Label whitfield is not in upper case like the transcript's other labels: write WHITFIELD: [label-case]`,
  `${where(file, text, ' : Relieved')} warning Space before the colon in the label VANCE: write VANCE: [label-spacing]`,
  `${where(file, text, 'WHITFIELD:\n')} warning WHITFIELD says nothing: the label has no text before the next turn. [empty-turn]`,
  `${where(file, text, '"We would')} warning Unbalanced double quote: this turn has one " mark, an odd number, so a quotation is never closed. [unbalanced-quote]`,
  `${where(file, text, ':Teo')} warning No space after the colon of WHITFIELD: the words run into the label. [label-spacing]`,
];

describe('transcript check', () => {
  test('a draft with slips: one line per problem, the summary, exit 1 for errors', () => {
    const r = run('check', SLIPS);
    assert.equal(r.err, '');
    assert.equal(r.out, [...slipsLines(SLIPS), '2 errors, 7 warnings in 1 file.', ''].join('\n'));
    assert.equal(r.code, 1);
    // Spot-check the arithmetic of where() against the file itself.
    assert.ok(r.out.startsWith(`${SLIPS}:9:1 warning Unknown speaker WHITFEILD`));
  });

  test('a clean transcript: "No problems", exit 0', () => {
    const r = run('check', CLEAN);
    assert.deepEqual([r.out, r.err, r.code], ['No problems in 1 file.\n', '', 0]);
  });

  test('warnings, information and hints only: exit 0, counted by kind', () => {
    const text = read(WARNINGS);
    const r = run('check', WARNINGS);
    assert.equal(
      r.out,
      [
        `${where(WARNINGS, text, 'VANCE: Five')} hint VANCE is never introduced by full name and role (as TEO VANCE, ROLE: on first appearance); the summary names them Teo Vance. [no-introduction]`,
        `${where(WARNINGS, text, '"We would')} warning Unbalanced double quote: this turn has one " mark, an odd number, so a quotation is never closed. [unbalanced-quote]`,
        `${where(WARNINGS, text, 'VANCE: The council')} warning Teo Vance speaks twice in a row (line 7 and here): probably one turn split by mistake. [split-turn]`,
        `${where(WARNINGS, text, 'DANA WHITFIELD: Thanks')} info Dana Whitfield was already introduced on line 5; later turns use the short label WHITFIELD. [duplicate-introduction]`,
        '2 warnings, 1 info, 1 hint in 1 file.',
        '',
      ].join('\n'),
    );
    assert.equal(r.code, 0);
  });

  test('several files: reported in order, one summary', () => {
    const r = run('check', CLEAN, SLIPS, WARNINGS);
    const out = r.out.split('\n');
    assert.deepEqual(out.slice(0, 9), slipsLines(SLIPS));
    assert.equal(out.filter((l) => l.startsWith(WARNINGS)).length, 4);
    assert.equal(out.at(-2), '2 errors, 9 warnings, 1 info, 1 hint in 3 files.');
    assert.equal(r.code, 1);
  });

  test('--format json: file, fixed count and LSP diagnostics', () => {
    for (const args of [['--format', 'json'], ['--format=json'], ['--json']]) {
      const r = run('check', ...args, SLIPS, CLEAN);
      assert.equal(r.code, 1, args.join(' '));
      const report = JSON.parse(r.out) as { file: string; fixed: number; diagnostics: { code: string; severity: number; source: string; message: string; range: unknown; codeDescription: { href: string }; relatedInformation?: { location: { uri: string } }[] }[] }[];
      assert.deepEqual(report.map((f) => [f.file, f.fixed, f.diagnostics.length]), [[SLIPS, 0, 9], [CLEAN, 0, 0]]);
      const [first] = report[0].diagnostics;
      const s = span(slips, 'WHITFEILD');
      assert.deepEqual(first.range, { start: pos(slips, s.start), end: pos(slips, s.end) });
      assert.equal(first.code, 'unknown-speaker');
      assert.equal(first.severity, 2);
      assert.equal(first.source, 'transcript');
      assert.ok(first.codeDescription.href.endsWith('#unknown-speaker'));
      assert.equal(first.relatedInformation![0].location.uri, pathToFileURL(join(root, SLIPS)).href);
    }
    assert.equal(run('check', '--format', 'text', CLEAN).out, 'No problems in 1 file.\n');
  });

  test('usage errors: exit 2 with a message and the usage on stderr', () => {
    const cases: [string[], string][] = [
      [[], 'transcript: no command given'],
      [['check'], 'transcript: check needs at least one FILE'],
      [['check', '--format', 'xml', CLEAN], 'transcript: --format takes json or text, not xml'],
      [['check', '--format'], 'transcript: --format takes json or text, not nothing'],
      [['check', '--frobnicate', CLEAN], 'transcript: unknown option --frobnicate'],
      [['lint', CLEAN], "transcript: unknown command 'lint'"],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.ok(r.err.startsWith(`${message}\n\nUsage: transcript <command>`), r.err);
    }
  });
});

describe('transcript check --fix', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'transcript-check-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const slipsFixed = slipsAfterEveryFix(slips);

  test('rewrites the file with every automatic fix, then reports what is left', () => {
    const file = join(tmp, 'slips.transcript');
    copyFileSync(join(root, SLIPS), file);
    const r = run('check', '--fix', file);
    assert.equal(readFileSync(file, 'utf8'), slipsFixed);
    assert.equal(
      r.out,
      [
        `${file}: fixed 8 problems`,
        `${where(file, slipsFixed, '"We would')} warning Unbalanced double quote: this turn has one " mark, an odd number, so a quotation is never closed. [unbalanced-quote]`,
        '1 warning in 1 file (fixed 1).',
        '',
      ].join('\n'),
    );
    assert.equal(r.code, 0, 'only a warning is left');
    // A second check of the fixed file finds the same, and a second --fix changes nothing.
    const again = run('check', file);
    assert.equal(again.out, [`${where(file, slipsFixed, '"We would')} warning Unbalanced double quote: this turn has one " mark, an odd number, so a quotation is never closed. [unbalanced-quote]`, '1 warning in 1 file.', ''].join('\n'));
    const twice = run('check', '--fix', file);
    assert.equal(twice.out, again.out);
    assert.equal(readFileSync(file, 'utf8'), slipsFixed);
  });

  test('warnings file: preferred fixes for hints and information too', () => {
    const file = join(tmp, 'warnings.transcript');
    copyFileSync(join(root, WARNINGS), file);
    const r = run('check', '--fix', '--format', 'json', file);
    assert.equal(r.code, 0);
    const [report] = JSON.parse(r.out) as { file: string; fixed: number; diagnostics: { code: string }[] }[];
    assert.equal(report.fixed, 3);
    assert.deepEqual(report.diagnostics.map((d) => d.code), ['unbalanced-quote']);
    assert.equal(
      readFileSync(file, 'utf8'),
      read(WARNINGS).replace('VANCE: Five', 'TEO VANCE: Five').replace('VANCE: The council', 'The council').replace('DANA WHITFIELD: Thanks', 'WHITFIELD: Thanks'),
    );
  });

  test('a clean file is left untouched (no "fixed" line)', () => {
    const file = join(tmp, 'clean.transcript');
    copyFileSync(join(root, CLEAN), file);
    const r = run('check', '--fix', file);
    assert.deepEqual([r.out, r.code], ['No problems in 1 file.\n', 0]);
    assert.equal(readFileSync(file, 'utf8'), read(CLEAN));
  });

  test('CRLF files keep their line ends', () => {
    const file = join(tmp, 'crlf.transcript');
    writeFileSync(file, slips.replace(/\n/g, '\r\n'));
    run('check', '--fix', file);
    assert.equal(readFileSync(file, 'utf8'), slipsFixed.replace(/\n/g, '\r\n'));
  });
});

describe('files that cannot be read', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'transcript-unreadable-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('a missing file, a folder and a binary file: a message each on stderr, exit 1, the rest still checked', () => {
    const folder = join(tmp, 'folder.transcript');
    mkdirSync(folder);
    const binary = join(tmp, 'binary.transcript');
    writeFileSync(binary, Buffer.from([0x50, 0x41, 0x52, 0x4b, 0x3a, 0x00, 0x01]));
    const missing = join(tmp, 'missing.transcript');
    const r = run('check', missing, CLEAN, folder, binary);
    assert.equal(
      r.err,
      [
        `transcript: ${missing}: no such file`,
        `transcript: ${folder}: is a folder, not a transcript`,
        `transcript: ${binary}: is not a text file (it holds NUL bytes)`,
        '',
      ].join('\n'),
    );
    assert.equal(r.out, 'No problems in 1 file.\n');
    assert.equal(r.code, 1);
  });

  const root_ = typeof process.getuid === 'function' && process.getuid() === 0;
  test('a file without read permission', { skip: root_ ? 'running as root: every file is readable' : false }, () => {
    const locked = join(tmp, 'locked.transcript');
    writeFileSync(locked, 'PARK: Hi.\n');
    chmodSync(locked, 0o000);
    const r = run('check', locked);
    assert.equal(r.err, `transcript: ${locked}: permission denied\n`);
    assert.equal(r.code, 1);
  });

  test('--format json: unreadable files are left out of the report', () => {
    const r = run('check', '--format', 'json', join(tmp, 'nope.transcript'), CLEAN);
    assert.equal(r.code, 1);
    assert.deepEqual(
      (JSON.parse(r.out) as { file: string }[]).map((f) => f.file),
      [CLEAN],
    );
    assert.match(r.err, /nope\.transcript: no such file/);
  });
});
