// The built server (dist/server.js) over stdio: the custom requests behind the Statistics view
// (transcript/statistics), the status bar (transcript/wordCount) and export/import
// (transcript/export, transcript/import); code lenses; elapsed-time inlay hints and their
// setting; the capabilities that announce them.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, InitializeResult, InlayHint } from 'vscode-languageserver-protocol';
import type { StatisticsResult, WordCountResult } from '../../server/src/features/statistics';
import { ExportMethod, ImportMethod, StatisticsMethod, WordCountMethod, type ExportResponse, type ImportResponse } from '../../server/src/protocol';
import { r } from '../helpers/expected';
import { TestClient } from '../helpers/lspClient';
import { read } from '../fixtures/export/support';

const uri = 'file:///virtual/harbour-strike.transcript';
const podcastUri = 'file:///virtual/podcast.transcript';

describe('statistics, word count, code lenses, inlay hints and export over LSP', () => {
  let client: TestClient;
  let init: InitializeResult;
  let settings: Record<string, unknown> = {};
  before(async () => {
    client = await TestClient.start({ configuration: (item) => (item.section === 'transcript' ? settings : null) });
    init = await client.initialize();
    await client.open(uri, read('examples/harbour-strike.transcript'), 1);
    await client.open(podcastUri, read('test/fixtures/podcast.transcript'), 1);
  });
  after(() => client.finish());

  test('the server announces code lenses and inlay hints', () => {
    assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(init.capabilities.inlayHintProvider, { resolveProvider: false });
  });

  test('transcript/statistics: the view’s data', async () => {
    const s = await client.request<StatisticsResult>(StatisticsMethod, { uri });
    assert.equal(s.uri, uri);
    assert.equal(s.version, 1);
    assert.deepEqual([s.totals.turns, s.totals.words, s.totals.speakers, s.totals.duration], [15, 323, 4, '~2 min']);
    assert.deepEqual(s.speakers.map((x) => [x.name, x.words, x.turns]), [
      ['Nina Park', 72, 5],
      ['Omar Saleh', 154, 6],
      ['Marcus Oyelaran', 22, 1],
      ['Priya Natarajan', 75, 3],
    ]);
    assert.equal(s.timeline.length, 15);
    assert.deepEqual(s.timeline[0].reveal, r(9, 0, 9, 9));
    assert.deepEqual(s.totals.stageDirections, { ownLine: 3, inline: 3, byKind: { soundbite: 3, reaction: 2, phonetic: 1 } });
    // Entities may take more than one request on a slow machine: ask until complete.
    let e = s.entities;
    for (let i = 0; i < 50 && !e.complete; i++) e = (await client.request<StatisticsResult>(StatisticsMethod, { uri })).entities;
    assert.equal(e.complete, true);
    assert.deepEqual(e.byKind.find((k) => k.kind === 'place')?.top, [{ text: 'Port Calder', mentions: 1 }]);
  });

  test('transcript/statistics follows edits', async () => {
    await client.change(uri, 2, [{ range: r(11, 0, 11, 0), text: 'One two three four five. ' }]);
    const s = await client.request<StatisticsResult>(StatisticsMethod, { uri });
    assert.equal(s.version, 2);
    assert.equal(s.totals.words, 328);
    assert.equal(s.speakers[0].words, 77);
  });

  test('transcript/statistics for a document the server does not have: null', async () => {
    assert.equal(await client.request(StatisticsMethod, { uri: 'file:///nope.transcript' }), null);
    assert.equal(await client.request(StatisticsMethod, {}), null);
  });

  test('transcript/wordCount: the whole transcript, a selection, several', async () => {
    const all = await client.request<WordCountResult>(WordCountMethod, { uri });
    assert.deepEqual([all.words, all.selection, all.duration], [328, false, '~2 min']);
    const sel = await client.request<WordCountResult>(WordCountMethod, { uri, ranges: [r(11, 0, 11, 24)] });
    assert.deepEqual([sel.words, sel.totalWords, sel.selection], [5, 328, true]);
    const junk = await client.request<WordCountResult>(WordCountMethod, { uri, ranges: [{ start: 'x' }, null, r(11, 0, 11, 24)] });
    assert.equal(junk.words, 5, 'malformed ranges are ignored');
  });

  test('code lenses above each introduction, running the client command with the URI and position', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [r(9, 0, 9, 9), '5 turns · 77 words · ~31 s', 'transcript.showReferences', [uri, { line: 9, character: 0 }]],
        [r(13, 0, 13, 10), '6 turns · 154 words · ~1 min', 'transcript.showReferences', [uri, { line: 13, character: 0 }]],
        [r(23, 0, 23, 15), '1 turn · 22 words · ~9 s', 'transcript.showReferences', [uri, { line: 23, character: 0 }]],
        [r(29, 0, 29, 15), '3 turns · 75 words · ~30 s', 'transcript.showReferences', [uri, { line: 29, character: 0 }]],
      ],
    );
    // The position the lens carries is one the server finds the speaker's references at.
    const refs = await client.request<unknown[]>('textDocument/references', { textDocument: { uri }, position: lenses[0].command!.arguments![1], context: { includeDeclaration: true } });
    assert.ok(refs.length >= 5);
  });

  test('inlay hints: none while the setting is off, elapsed times once it is on', async () => {
    const range = r(0, 0, 60, 0);
    assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range }), []);
    settings = { inlayHints: { elapsedTime: true }, wordsPerMinute: 100 };
    await client.changeConfiguration({ transcript: settings });
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.equal(hints.length, 15);
    // 20 words at 100 a minute: 12 s.
    assert.deepEqual([hints[0].label, hints[1].label, hints[1].position], ['~0:00', '~0:12', { line: 13, character: 0 }]);
    assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: podcastUri }, range }), [], 'every turn has its own time');
    settings = {};
    await client.changeConfiguration({ transcript: settings });
  });

  test('transcript/export: every format, and subtitles only with real or requested estimated times', async () => {
    for (const [format, start] of [['markdown', '# Ferry crews'], ['md', '# Ferry crews'], ['html', '<!doctype html>'], ['json', '{']] as const) {
      const res = await client.request<ExportResponse>(ExportMethod, { uri, format });
      assert.ok(!('error' in res), format);
      assert.ok(res.content.startsWith(start), `${format}: ${res.content.slice(0, 40)}`);
    }
    const refused = await client.request<ExportResponse>(ExportMethod, { uri, format: 'vtt' });
    assert.ok('error' in refused && /no timestamps/.test(refused.error));
    const estimated = await client.request<ExportResponse>(ExportMethod, { uri, format: 'srt', estimateTimes: true });
    assert.ok(!('error' in estimated) && estimated.estimated && estimated.extension === 'srt');
    const real = await client.request<ExportResponse>(ExportMethod, { uri: podcastUri, format: 'webvtt' });
    assert.ok(!('error' in real) && !real.estimated && real.content.startsWith('WEBVTT - Episode 42'));
    const bad = await client.request<ExportResponse>(ExportMethod, { uri, format: 'docx' });
    assert.deepEqual(bad, { error: 'Unknown export format: docx' });
  });

  test('transcript/import: WebVTT to a transcript; bad parameters are an error, not a crash', async () => {
    const res = await client.request<ImportResponse>(ImportMethod, { text: read('test/fixtures/export/voices.vtt'), format: 'vtt', fileName: 'voices.vtt' });
    assert.ok(!('error' in res));
    assert.deepEqual([res.turns, res.speakers], [5, ['Tessa Morrow', 'Idris Calloway']]);
    assert.match(res.text, /^\[00:00:01\] TESSA MORROW: Good evening/m);
    const bad = await client.request<ImportResponse>(ImportMethod, { text: 42, format: 'ass' });
    assert.ok('error' in bad);
  });
});
