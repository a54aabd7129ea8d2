// Files the user did not mean as transcripts: a binary file renamed `.transcript`, a file in
// an encoding other than UTF-8, an empty file, a file that is all one line, a 50 MB file.
// Each gets a clear, single message or a quiet, empty result — never a flood of diagnostics
// or a freeze. Here: the server's declineReason (which decides), the language service on
// what it accepts, and the command-line tool on the same files (written to a temporary folder
// at test time). Over the real protocol: test/protocol/hostile-files.test.ts.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import { declineReason } from '../../server/src/startServer';
import { cpuTimed, hostileFiles, repoRoot } from '../helpers/arbitraries';

const MB = 1024 * 1024;

describe('declineReason: which documents the server declines', () => {
  test('a document over transcript.maxFileSize is declined, saying its size and the setting', () => {
    const big = 'x'.repeat(50 * MB);
    const { value: reason, ms } = cpuTimed(() => declineReason(big, 32));
    assert.match(reason ?? '', /50 MB/);
    assert.match(reason ?? '', /transcript\.maxFileSize \(32 MB\)/);
    assert.ok(ms < 50, `declining 50 MB took ${ms} ms: it must not read the whole text`);
    assert.equal(declineReason(big, 64), undefined, 'allowed by a larger setting');
  });

  test(
    'the message never says a document "is N MB, more than … (N MB)"',
    () => {
      const reason = declineReason('x'.repeat(Math.round(32.3 * MB)), 32) ?? '';
      assert.doesNotMatch(reason, /is 32 MB, more than transcript\.maxFileSize \(32 MB\)/);
    },
  );

  test('binary data and text in another encoding are declined as not a transcript', () => {
    const files = hostileFiles();
    for (const name of ['binary (PNG header, NULs)', 'binary without NULs (high bytes and controls)', 'UTF-16LE with BOM']) {
      assert.match(declineReason(files[name].toString('utf8'), 32) ?? '', /does not look like a transcript/, name);
    }
  });

  test('text is accepted: an empty file, one long line, Latin-1 read as UTF-8, tabs, form feeds, a few control characters', () => {
    const files = hostileFiles();
    for (const name of ['empty', 'all one line (1 MB of prose)', 'all one line (1 MB of capitals and colons)', 'Latin-1 (Windows-1252)', 'Shift-JIS-like double bytes']) {
      assert.equal(declineReason(files[name].toString('utf8'), 32), undefined, name);
    }
    // A stray bell or escape now and then (a transcript pasted from a terminal) is still text.
    assert.equal(declineReason(`PARK: Hi, and welcome back to the programme.\f\n\tSALEH: Thank you, it is good to be here.\u0007\n`.repeat(100), 32), undefined);
  });
});

describe('what is accepted gets quiet, bounded answers', () => {
  const svc = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  let version = 0;
  for (const [name, bytes] of Object.entries(hostileFiles())) {
    test(name, () => {
      const text = bytes.toString('utf8');
      const d = { uri: `file:///hostile/${encodeURIComponent(name)}.transcript`, version: ++version, getText: () => text };
      const { ms } = cpuTimed(() => {
        const diagnostics = svc.getDiagnostics(d, defaultSettings);
        // A flood is one diagnostic per few lines of garbage: a file that is no transcript gets a handful at most.
        assert.ok(diagnostics.length <= 10, `${diagnostics.length} diagnostics: ${diagnostics.slice(0, 5).map((x) => x.message).join(' | ')}`);
        svc.getDocumentSymbols(d, defaultSettings);
        svc.getFoldingRanges(d);
        svc.getSemanticTokens(d);
        svc.getFormattingEdits(d);
      });
      assert.ok(ms < 3_000, `${Math.round(ms)} ms of CPU`);
    });
  }
});

describe('the command-line tool on the same files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'transcript-hostile-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = join(repoRoot, 'dist', 'cli.js');
  for (const [name, bytes] of Object.entries(hostileFiles())) {
    test(name, () => {
      const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.transcript`);
      writeFileSync(file, bytes);
      for (const command of ['outline', 'check']) {
        const r = spawnSync(process.execPath, [cli, command, file], { encoding: 'utf8', timeout: 20_000 });
        assert.notEqual(r.signal, 'SIGTERM', `${command}: still running after 20 s`);
        assert.ok(r.status === 0 || r.status === 1, `${command}: exit ${r.status}: ${r.stderr}`);
        const errLines = r.stderr.split('\n').filter(Boolean);
        assert.ok(errLines.length <= 1, `${command}: ${errLines.length} lines on stderr: ${r.stderr.slice(0, 300)}`);
        if (/binary|NULs|UTF-16/.test(name) && !/without NULs/.test(name)) {
          assert.equal(r.status, 1, `${command} of ${name}`);
          assert.match(r.stderr, /not a text file/, `${command} of ${name}: a clear message`);
        }
        if (command === 'check') {
          const problems = r.stdout.split('\n').filter((l) => /:\d+:\d+/.test(l));
          assert.ok(problems.length <= 10, `check of ${name}: ${problems.length} problems reported`);
        }
      }
    });
  }
});
