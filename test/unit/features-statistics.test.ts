// The Statistics view's data (transcript/statistics) and the status bar's word count
// (transcript/wordCount), on in-memory documents.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { collectEntities, statistics, wordCount } from '../../server/src/features/statistics';
import { defaultSettings } from '../../server/src/settings';
import { r } from '../helpers/expected';
import { load } from '../fixtures/export/support';

describe('statistics', () => {
  const t = load('examples/harbour-strike.transcript');
  const s = statistics(t, defaultSettings, Infinity);

  test('totals: turns, words, time, speakers, stage directions by kind', () => {
    assert.equal(s.uri, t.uri);
    assert.equal(s.title, "Ferry crews walk off the job as the harbour city's night service grinds to a halt");
    assert.deepEqual(
      { ...s.totals, minutes: Math.round(s.totals.minutes * 100) / 100, seconds: Math.round(s.totals.seconds) },
      {
        turns: 15,
        words: 323,
        minutes: 2.15,
        duration: '~2 min',
        speakers: 4,
        stageDirections: { ownLine: 3, inline: 3, byKind: { soundbite: 3, reaction: 2, phonetic: 1 } },
        lines: 53,
        hasTimestamps: false,
        seconds: 129,
      },
    );
  });

  test('speakers: words, turns, share, minutes, and where their bar leads', () => {
    assert.deepEqual(
      s.speakers.map((x) => [x.name, x.role, x.turns, x.words, Math.round(x.share * 100), x.duration, x.reveal]),
      [
        ['Nina Park', 'HOST', 5, 72, 22, '~29 s', r(9, 0, 9, 9)],
        ['Omar Saleh', 'BYLINE', 6, 154, 48, '~1 min', r(13, 0, 13, 10)],
        ['Marcus Oyelaran', null, 1, 22, 7, '~9 s', r(23, 0, 23, 15)],
        ['Priya Natarajan', null, 3, 75, 23, '~30 s', r(29, 0, 29, 15)],
      ],
    );
    assert.equal(s.speakers.reduce((a, x) => a + x.words, 0), s.totals.words);
  });

  test('the timeline: every turn in order, placed by the words before it, with its label to reveal', () => {
    assert.equal(s.timeline.length, 15);
    assert.deepEqual(s.timeline.slice(0, 3).map((x) => [x.speaker, x.at, x.words, x.firstLine, x.lastLine, x.reveal, x.timeSource]), [
      [0, 0, 15, 9, 11, r(9, 0, 9, 9), 'estimate'],
      [1, 15, 44, 13, 13, r(13, 0, 13, 10), 'estimate'],
      [1, 59, 30, 17, 17, r(17, 0, 17, 5), 'estimate'],
    ]);
    for (let i = 1; i < s.timeline.length; i++) assert.equal(s.timeline[i].at, s.timeline[i - 1].at + s.timeline[i - 1].words);
  });

  test('entities by kind, with the most mentioned', () => {
    assert.equal(s.entities.complete, true);
    const place = s.entities.byKind.find((k) => k.kind === 'place');
    assert.deepEqual(place, { kind: 'place', distinct: 1, mentions: 1, top: [{ text: 'Port Calder', mentions: 1 }] });
    const org = s.entities.byKind.find((k) => k.kind === 'organization');
    assert.deepEqual(org?.top[0], { text: 'Calder State University', mentions: 2 });
  });

  test('entities are counted within a time budget and the next call goes on where it stopped', () => {
    // A transcript no earlier test has read, so that nothing is cached yet.
    const paras = Array.from({ length: 40 }, (_, i) => `Speaker ${(i % 2) + 1}: Paragraph ${i} names Harbour Street Bridge ${i} and the Calder Port Authority.`);
    const fresh = analyze('file:///budget.transcript', 1, `Budget test\n\n${paras.join('\n\n')}\n`);
    const first = collectEntities(fresh, 0);
    assert.ok(first.done < first.total, `stopped early: ${first.done} of ${first.total}`);
    let last = first;
    for (let i = 0; i < 200 && last.done < last.total; i++) last = collectEntities(fresh, 0);
    assert.equal(last.done, last.total);
    assert.deepEqual(collectEntities(fresh).entities, last.entities);
    const view = statistics(fresh, defaultSettings, 0);
    assert.equal(view.entities.complete, true, 'all cached now');
  });

  test('an empty document', () => {
    const e = statistics(analyze('file:///e.transcript', 1, ''), defaultSettings);
    assert.deepEqual([e.totals.turns, e.totals.words, e.speakers, e.timeline], [0, 0, [], []]);
  });
});

describe('wordCount (the status bar)', () => {
  const t = load('examples/harbour-strike.transcript');

  test('the whole transcript: the words said, not labels, stage directions or the preamble', () => {
    assert.deepEqual(wordCount(t, undefined, defaultSettings), { words: 323, totalWords: 323, selection: false, duration: '~2 min', seconds: 129.2 });
    assert.equal(wordCount(t, [], defaultSettings).selection, false);
    assert.equal(wordCount(t, [r(3, 0, 3, 0)], defaultSettings).selection, false, 'an empty selection is no selection');
  });

  test('a selection: what was said inside it', () => {
    // "We begin at the ferry terminal." on line 11.
    const one = wordCount(t, [r(11, 0, 11, 31)], defaultSettings);
    assert.deepEqual([one.words, one.totalWords, one.selection, one.duration], [6, 323, true, '~2 s']);
    // A selection over a label and a stage direction counts neither.
    assert.equal(wordCount(t, [r(13, 0, 13, 25)], defaultSettings).words, 1);
    assert.equal(wordCount(t, [r(15, 0, 15, 29)], defaultSettings).words, 0);
    // The whole document selected, backwards, twice (overlaps count once).
    assert.equal(wordCount(t, [r(60, 0, 0, 0), r(0, 0, 30, 0)], defaultSettings).words, 323);
    // Two selections add up.
    assert.equal(wordCount(t, [r(11, 0, 11, 31), r(19, 0, 19, 40)], defaultSettings).words, 6 + 6);
  });
});

test('the same paragraph in two transcripts: each gets its own speaker ids', () => {
  const para = 'Omar Saleh said the boats were tied up.';
  const a = analyze('file:///a.transcript', 1, `A\n\nOMAR SALEH, BYLINE: Hello.\n\nNINA PARK, HOST: ${para}\n`);
  const b = analyze('file:///b.transcript', 1, `B\n\nDEE KOWALCZYK: Hi.\n\nNINA PARK, HOST: Hello.\n\nOMAR SALEH, BYLINE: ${para}\n`);
  const saleh = (t: typeof a) => collectEntities(t).entities.find((e) => e.text === 'Omar Saleh')?.speaker;
  assert.equal(saleh(a), 0);
  assert.equal(saleh(b), 2);
});

test('entities are read in the first characters said only: limited, and the view stops asking', () => {
  const paras = Array.from({ length: 30 }, (_, i) => `SPEAKER ${(i % 2) + 1}: Paragraph ${i} is about Harbour Street and the Calder Port Authority.`);
  const t = analyze('file:///limited.transcript', 1, `Limited\n\n${paras.join('\n\n')}\n`);
  const r = collectEntities(t, Infinity, 300);
  assert.equal(r.limited, true);
  assert.ok(r.done > 0 && r.done < r.total, `${r.done} of ${r.total}`);
  assert.equal(collectEntities(t).limited, false);
  assert.equal(statistics(t, defaultSettings, Infinity).entities.limited, false);
});
