// `transcript import FILE.vtt|FILE.srt` from the BUILT tool: to standard output or --out, the
// format from the extension or --from, warnings on stderr, and a round trip with export.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../helpers/cli';

const tmp = mkdtempSync(path.join(tmpdir(), 'transcript-import-'));

describe('transcript import', () => {
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('a WebVTT file with voice tags to standard output', () => {
    const r = runCli(['import', 'test/fixtures/export/voices.vtt']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        'Night Ferry Call-In',
        '',
        '[00:00:01] TESSA MORROW: Good evening, and welcome to the call-in. Our first caller is on the line from the harbour.',
        '',
        '[PHONE RINGING]',
        '',
        "[00:00:09.250] IDRIS CALLOWAY: Hi, Tessa. I ride the night boat & I've got a question. Why does it leave at 11:40 <sharp>?",
        '',
        '[00:00:14] TESSA MORROW: Good question.',
        '',
        '[00:00:14] IDRIS CALLOWAY: Thanks! and it goes on without a voice tag',
        '',
        "[00:01:05] TESSA MORROW: That's all for tonight.",
        '',
      ].join('\n'),
    );
  });

  test('an SRT file with "Name:" prefixes to --out, with a title', () => {
    const out = path.join(tmp, 'prefixes.transcript');
    const r = runCli(['import', 'test/fixtures/export/prefixes.srt', '--out', out, '--title', 'Ferry strike, captions']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const text = readFileSync(out, 'utf8');
    assert.match(text, /^Ferry strike, captions\n\n\[00:00:00\.500\] NINA PARK: We begin at the terminal\. Omar, what does it look like\?\n/);
    const outline = runCli(['outline', out]);
    assert.match(outline.stdout, /Speakers \(2\)/);
  });

  test('round trip: export to vtt, import, outline shows the same speakers', () => {
    const vtt = path.join(tmp, 'podcast.vtt');
    assert.equal(runCli(['export', '--to', 'vtt', '--out', vtt, 'test/fixtures/podcast.transcript']).status, 0);
    const back = path.join(tmp, 'podcast.transcript');
    assert.equal(runCli(['import', vtt, '--out', back]).status, 0);
    const speakers = (file: string) => runCli(['outline', '--json', file]).stdout;
    const names = (json: string) => (JSON.parse(json) as { speakers: { name: string; turns: number }[] }[])[0].speakers.map((s) => [s.name.toUpperCase(), s.turns]);
    assert.deepEqual(names(speakers(back)), names(speakers('test/fixtures/podcast.transcript')));
  });

  test('--from for an unusual extension; usage and read errors', () => {
    const f = path.join(tmp, 'captions.txt');
    writeFileSync(f, 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana Pires>Hello.\n');
    assert.equal(runCli(['import', f]).status, 2);
    assert.match(runCli(['import', f]).stderr, /use --from vtt or --from srt/);
    const r = runCli(['import', '--from', 'webvtt', f]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\[00:00:01\] ANA PIRES: Hello\.$/m);
    assert.equal(runCli(['import', 'no-such.vtt']).status, 1);
    const empty = path.join(tmp, 'empty.srt');
    writeFileSync(empty, '\n');
    const e = runCli(['import', empty]);
    assert.equal(e.status, 1);
    assert.match(e.stderr, /no cues found/);
  });

  test('warnings go to stderr, the transcript to stdout', () => {
    const f = path.join(tmp, 'noheader.vtt');
    writeFileSync(f, '00:01.000 --> 00:02.000\nNobody named.\n');
    const r = runCli(['import', f]);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /does not start with "WEBVTT"/);
    assert.match(r.stderr, /UNIDENTIFIED SPEAKER/);
    assert.match(r.stdout, /^noheader\n\n\[00:00:01\] UNIDENTIFIED SPEAKER: Nobody named\.\n$/);
  });
});
