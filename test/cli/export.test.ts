// `transcript export --to FORMAT FILE` from the BUILT tool: each format to standard output or
// --out, estimated times only when asked (and then said on stderr), usage errors (exit 2),
// unreadable files (exit 1).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../helpers/cli';

const example = 'examples/harbour-strike.transcript';
const podcast = 'test/fixtures/podcast.transcript';
const tmp = mkdtempSync(path.join(tmpdir(), 'transcript-export-'));

describe('transcript export', () => {
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('--to markdown (and md) to standard output', () => {
    for (const to of ['markdown', 'md', 'Markdown']) {
      const r = runCli(['export', '--to', to, example]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^# Ferry crews walk off the job/);
      assert.match(r.stdout, /^\*\*NINA PARK, HOST:\*\* We begin at the ferry terminal\./m);
      assert.match(r.stdout, /^\*\(SOUNDBITE OF CROWD CHANTING\)\*$/m);
    }
  });

  test('--to html and --to json, with --to=FORMAT too', () => {
    const html = runCli(['export', '--to=html', example]);
    assert.equal(html.status, 0, html.stderr);
    assert.match(html.stdout, /^<!doctype html>/);
    assert.match(html.stdout, /<b class="speaker">NINA PARK, HOST:<\/b>/);
    const json = runCli(['export', '--to', 'json', example]);
    assert.equal(json.status, 0, json.stderr);
    const j = JSON.parse(json.stdout);
    assert.equal(j.format, 'transcript-tools/export');
    assert.equal(j.speakers.length, 4);
    assert.equal(j.turns.length, 15);
  });

  test('--to vtt and srt with the transcript’s own timestamps', () => {
    const vtt = runCli(['export', '--to', 'vtt', podcast]);
    assert.equal(vtt.status, 0, vtt.stderr);
    assert.equal(vtt.stderr, '');
    assert.match(vtt.stdout, /^WEBVTT - Episode 42 - Tide Tables and Other Small Lies\n/);
    assert.match(vtt.stdout, /^00:00:09\.000 --> 00:00:16\.000\n<v Dev Pillai>Hi\. \[laughs\] I'm Dev/m);
    const srt = runCli(['export', '--to', 'srt', podcast]);
    assert.equal(srt.status, 0, srt.stderr);
    assert.match(srt.stdout, /^1\n00:00:00,000 --> 00:00:05,538\n<v Marisol Okafor-Reyes>Welcome back/);
    const prefix = runCli(['export', '--to', 'srt', '--speaker-style', 'prefix', podcast]);
    assert.match(prefix.stdout, /^Dev Pillai: Hi\./m);
  });

  test('no timestamps: refused, unless --estimate-times, which says so on stderr and in the file', () => {
    const refused = runCli(['export', '--to', 'vtt', example]);
    assert.equal(refused.status, 1);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /cannot export to WebVTT: the transcript has no timestamps.*--estimate-times/);
    const r = runCli(['export', '--to', 'vtt', '--estimate-times', '--words-per-minute', '120', example]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /times are estimated from word counts at 120 words a minute/);
    assert.match(r.stdout, /TIMES ARE ESTIMATED for 15 of 15 turns: counted from the words\nsaid at 120 words a minute/);
  });

  test('--out writes the file and prints nothing', () => {
    const out = path.join(tmp, 'harbour.md');
    const r = runCli(['export', '--to', 'md', '--out', out, example]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /^# Ferry crews/);
    const bad = runCli(['export', '--to', 'md', '--out', path.join(tmp, 'no', 'such', 'dir', 'x.md'), example]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /cannot write \(ENOENT\)/);
  });

  test('usage errors exit 2; unreadable files exit 1', () => {
    assert.equal(runCli(['export', example]).status, 2);
    assert.match(runCli(['export', example]).stderr, /export needs --to FORMAT/);
    assert.match(runCli(['export', '--to', 'docx', example]).stderr, /--to takes markdown, html, json, vtt or srt, not docx/);
    assert.equal(runCli(['export', '--to', 'md', example, podcast]).status, 2);
    assert.equal(runCli(['export', '--to']).status, 2);
    assert.equal(runCli(['export', '--to', 'srt', '--speaker-style', 'loud', podcast]).status, 2);
    assert.equal(runCli(['export', '--to', 'srt', '--words-per-minute', '9000', podcast]).status, 2);
    const missing = runCli(['export', '--to', 'md', 'no-such.transcript']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no-such\.transcript: no such file/);
  });

  test('--help lists export and import', () => {
    const r = runCli(['--help']);
    assert.match(r.stdout, /export --to FORMAT FILE/);
    assert.match(r.stdout, /import FILE/);
  });
});
