// Code lenses: one above each speaker's introduction with turns, words and estimated time,
// running the client's "show references" command at the label.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { codeLenses, lensTitle, ShowReferencesCommand } from '../../server/src/features/codeLens';
import { references } from '../../server/src/features/navigation';
import { offsetAt } from '../../server/src/features/positions';
import { defaultSettings } from '../../server/src/settings';
import { r } from '../helpers/expected';
import { load } from '../fixtures/export/support';

const lens = (range: ReturnType<typeof r>, title: string, uri = 'file:///work/harbour-strike.transcript') => ({
  range,
  command: { title, command: ShowReferencesCommand, arguments: [uri, range.start] },
});

describe('code lenses', () => {
  test('one per speaker, at the introduction, with turns, words and time', () => {
    const t = load('examples/harbour-strike.transcript');
    assert.deepEqual(codeLenses(t, defaultSettings), [
      lens(r(9, 0, 9, 9), '5 turns · 72 words · ~29 s'),
      lens(r(13, 0, 13, 10), '6 turns · 154 words · ~1 min'),
      lens(r(23, 0, 23, 15), '1 turn · 22 words · ~9 s'),
      lens(r(29, 0, 29, 15), '3 turns · 75 words · ~30 s'),
    ]);
  });

  test('the speaking rate changes the time', () => {
    const t = load('examples/harbour-strike.transcript');
    assert.equal(codeLenses(t, { ...defaultSettings, wordsPerMinute: 30 })[1].command?.title, '6 turns · 154 words · ~5 min');
  });

  test('a speaker never introduced by full name gets the lens on their first label', () => {
    const t = analyze('file:///a.transcript', 1, 'Title\n\nMORENO: Hi.\n\nQUINT: Hello there.\n\nMORENO: Bye.\n');
    assert.deepEqual(
      codeLenses(t, defaultSettings).map((l) => [l.range.start.line, l.command?.title]),
      [
        [2, '2 turns · 2 words · ~1 s'],
        [4, '1 turn · 2 words · ~1 s'],
      ],
    );
  });

  test('the position the lens passes finds the speaker’s references', () => {
    const t = load('examples/harbour-strike.transcript');
    for (const l of codeLenses(t, defaultSettings)) {
      const [uri, position] = l.command!.arguments as [string, { line: number; character: number }];
      assert.equal(uri, t.uri);
      const refs = references(t, offsetAt(t.doc.text, t.doc.lineStarts, position), true);
      assert.ok(refs && refs.length >= 1, `references at ${JSON.stringify(position)}`);
      assert.ok(refs.some((x) => x.range.start.line === position.line), 'the introduction is among them');
    }
  });

  test('no speakers, no lenses; thousands are grouped', () => {
    assert.deepEqual(codeLenses(analyze('file:///e.transcript', 1, 'Just a title\n\nSome prose.\n'), defaultSettings), []);
    assert.equal(lensTitle(14, 1203, 150), '14 turns · 1,203 words · ~8 min');
  });
});
