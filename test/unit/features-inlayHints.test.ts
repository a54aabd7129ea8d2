// Elapsed-time inlay hints: off by default; when on, before each turn without a timestamp of its
// own, the time from a timestamp line before it or an estimate from the words said since the
// last known time.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { formatClock } from '../../server/src/analysis/timing';
import { inlayHints } from '../../server/src/features/inlayHints';
import { defaultSettings, toSettings } from '../../server/src/settings';
import { load } from '../fixtures/export/support';

const on = { ...defaultSettings, inlayHints: { elapsedTime: true } };
const labels = (h: ReturnType<typeof inlayHints>) => h.map((x) => [x.position.line, x.position.character, x.label]);

describe('elapsed-time inlay hints', () => {
  test('off by default', () => {
    assert.equal(defaultSettings.inlayHints.elapsedTime, false);
    assert.deepEqual(inlayHints(load('examples/harbour-strike.transcript'), undefined, defaultSettings), []);
    assert.equal(toSettings({ inlayHints: { elapsedTime: true } }).inlayHints.elapsedTime, true);
    assert.equal(toSettings({ inlayHints: { elapsedTime: 'yes' } }).inlayHints.elapsedTime, false);
  });

  test('estimates from the words said so far at the speaking rate', () => {
    const hints = inlayHints(load('examples/harbour-strike.transcript'), undefined, on);
    // 15 words (6 s at 150 words a minute), then 44 more by Omar Saleh.
    assert.deepEqual(labels(hints).slice(0, 4), [
      [9, 0, '~0:00'],
      [13, 0, '~0:06'],
      [17, 0, '~0:23'],
      [19, 0, '~0:35'],
    ]);
    assert.equal(hints.length, 15);
    assert.match(String(hints[1].tooltip), /^Estimated: 15 words since the start at 150 words a minute/);
    assert.ok(hints.every((h) => h.paddingRight === true));
  });

  test('the rate comes from the settings', () => {
    const hints = inlayHints(load('examples/harbour-strike.transcript'), undefined, { ...on, wordsPerMinute: 30 });
    assert.equal(hints[1].label, '~0:30');
  });

  test('turns with their own timestamp get none; after a timestamp line, the time counts from it', () => {
    const t = analyze(
      'file:///t.transcript',
      1,
      'Hearing\n\n[00:00:05] LENA MARSH, HOST: One two three four five six seven eight nine ten.\n\nOKONJO: Eleven twelve.\n\n[00:05:00]\n\nMARSH: We are back.\n\nOKONJO: Fine.\n',
    );
    assert.deepEqual(labels(inlayHints(t, undefined, on)), [
      [4, 0, '~0:09'],
      [8, 0, '5:00'],
      [10, 0, '~5:01'],
    ]);
    const [, line, estimate] = inlayHints(t, undefined, on);
    assert.equal(line.tooltip, 'Time from the timestamp line before this turn.');
    assert.match(String(estimate.tooltip), /3 words since the timestamp on line 7 \(5:00\)/);
  });

  test('a podcast with a time in every label has no hints', () => {
    assert.deepEqual(inlayHints(load('test/fixtures/podcast.transcript'), undefined, on), []);
  });

  test('only the turns in the requested range', () => {
    const hints = inlayHints(load('examples/harbour-strike.transcript'), { start: { line: 17, character: 0 }, end: { line: 22, character: 0 } }, on);
    assert.deepEqual(hints.map((h) => h.position.line), [17, 19, 21]);
  });

  test('formatClock', () => {
    assert.deepEqual([0, 59.9, 61, 3600, 3723].map(formatClock), ['0:00', '0:59', '1:01', '1:00:00', '1:02:03']);
  });
});
