// documentSymbols (the Outline), flat and grouped by speaker, called directly on in-memory
// documents through the language service and through the feature function.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { documentSymbols, firstWords, Kinds, turnName } from '../../server/src/features/symbols';
import { createLanguageService, type TextDocumentLike } from '../../server/src/languageService';
import { defaultSettings, type TranscriptSettings } from '../../server/src/settings';
import { K, morningFlat, morningGrouped, r, stage, title, turn } from '../helpers/expected';
import { fixtureWorkspace } from '../helpers/lspClient';

const flat: TranscriptSettings = { ...defaultSettings, outline: { groupBySpeaker: false } };
const grouped: TranscriptSettings = { ...defaultSettings, outline: { groupBySpeaker: true } };

const doc = (text: string, uri = 'file:///t.transcript', version = 1): TextDocumentLike => ({ uri, version, getText: () => text });
const service = () => createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
const symbolsOf = (text: string, settings = flat) => documentSymbols(analyze('file:///t.transcript', 1, text), settings);

const morning = readFileSync(path.join(fixtureWorkspace, 'morning-edition.transcript'), 'utf8');

describe('documentSymbols', () => {
  test('symbol kinds are the documented ones', () => {
    assert.deepEqual(Kinds, { title: K.File, turn: K.Event, speaker: K.Class, stage: K.String });
  });

  test('asked again for the same version, the outline and the folding ranges are built once, per grouping', () => {
    const svc = service();
    const d = doc(morning);
    const first = svc.getDocumentSymbols(d, flat);
    assert.equal(svc.getDocumentSymbols(d, flat), first);
    assert.deepEqual(svc.getDocumentSymbols(d, grouped), morningGrouped);
    assert.equal(svc.getFoldingRanges(d), svc.getFoldingRanges(d));
    // A new version is built afresh.
    const next = doc(`${morning}\nPARK: One more.\n`, 'file:///t.transcript', 2);
    assert.notEqual(svc.getDocumentSymbols(next, flat), first);
    assert.deepEqual(svc.getDocumentSymbols(next, flat), service().getDocumentSymbols(next, flat));
    assert.notDeepEqual(svc.getDocumentSymbols(next, flat), first);
  });

  test('the fixture in document order, through the language service', () => {
    assert.deepEqual(service().getDocumentSymbols(doc(morning), flat), morningFlat);
  });

  test('the fixture grouped by speaker, through the language service', () => {
    assert.deepEqual(service().getDocumentSymbols(doc(morning), grouped), morningGrouped);
  });

  test('the default settings give document order', () => {
    assert.deepEqual(service().getDocumentSymbols(doc(morning), defaultSettings), morningFlat);
  });

  test('the service re-parses when the version changes, reuses the parse otherwise, and forgets it on close', () => {
    const s = service();
    let text = 'NINA PARK: One.\n';
    const d: TextDocumentLike = { uri: 'file:///v.transcript', version: 1, getText: () => text };
    assert.deepEqual(s.getDocumentSymbols(d, flat), [turn('NINA PARK', 'One.', r(0, 0, 0, 15), r(0, 0, 0, 10))]);
    const first = s.getTranscript(d);
    text = 'OMAR SALEH: Two.\n';
    // Same URI and version: the cached parse, even though getText() now says otherwise.
    assert.equal(s.getTranscript(d), first);
    // A new version is parsed again.
    assert.deepEqual(s.getDocumentSymbols({ ...d, version: 2 }, flat), [turn('OMAR SALEH', 'Two.', r(0, 0, 0, 16), r(0, 0, 0, 11))]);
    // After a close, even the old version number is parsed afresh.
    text = 'DEE KOWALCZYK: Three.\n';
    s.onDocumentClosed(d.uri);
    assert.equal(s.getTranscript({ ...d, version: 2 }).doc.text, 'DEE KOWALCZYK: Three.\n');
  });

  test('an empty document, and one of blank lines, have no symbols', () => {
    assert.deepEqual(symbolsOf(''), []);
    assert.deepEqual(symbolsOf('\n\n   \n\t\n'), []);
    assert.deepEqual(symbolsOf('', grouped), []);
  });

  test('prose without a label is the title (and its summary), with no turns', () => {
    assert.deepEqual(symbolsOf('Just a headline\n\nA summary line.\n'), [title('Just a headline', r(0, 0, 2, 15), r(0, 0, 0, 15))]);
  });

  test('text after a stage direction before any speaker is unattributed; grouped, stage directions are left out', () => {
    const text = 'Title here\n\n(SOUNDBITE OF MUSIC)\n\nSome words nobody said.\n\nNINA PARK: Hi.\n';
    const unattributed = turn('(unattributed)', 'Some words nobody said.', r(4, 0, 4, 23), r(4, 0, 4, 23));
    const nina = turn('NINA PARK', 'Hi.', r(6, 0, 6, 14), r(6, 0, 6, 10));
    const music = stage('(SOUNDBITE OF MUSIC)', r(2, 0, 2, 20));
    const head = title('Title here', r(0, 0, 0, 10), r(0, 0, 0, 10));
    assert.deepEqual(symbolsOf(text), [head, music, unattributed, nina]);
    assert.deepEqual(symbolsOf(text, grouped), [
      head,
      { name: '(unattributed)', detail: '1 turn', kind: K.Class, range: r(4, 0, 4, 23), selectionRange: r(4, 0, 4, 23), children: [unattributed] },
      { name: 'Nina Park', detail: 'NINA PARK · 1 turn', kind: K.Class, range: r(6, 0, 6, 14), selectionRange: r(6, 0, 6, 10), children: [nina] },
    ]);
  });

  test('grouped: two labels of one speaker in one group', () => {
    assert.deepEqual(symbolsOf('NINA PARK: Hi.\n\nPARK: Bye.\n', grouped), [
      {
        name: 'Nina Park',
        detail: 'NINA PARK, PARK · 2 turns',
        kind: K.Class,
        range: r(0, 0, 2, 10),
        selectionRange: r(0, 0, 0, 10),
        children: [turn('NINA PARK', 'Hi.', r(0, 0, 0, 14), r(0, 0, 0, 10)), turn('PARK (Nina Park)', 'Bye.', r(2, 0, 2, 10), r(2, 0, 2, 5))],
      },
    ]);
  });

  test('a long title is cut at a word boundary near 100 characters, with an ellipsis', () => {
    const long = `Opening ${'word '.repeat(30)}end`; // 8 + 150 + 3 = 161 characters
    const [head] = symbolsOf(`${long}\n\nNINA PARK: Hi.\n`);
    assert.deepEqual(head, title(`Opening ${'word '.repeat(17)}word…`, r(0, 0, 0, 161), r(0, 0, 0, 161)));
  });

  test('a detail of emoji without spaces is cut without leaving half a surrogate pair', () => {
    const [t] = symbolsOf(`NINA PARK: x${'🎉'.repeat(40)}\n`);
    // 60 units: `x`, 29 emoji (58 units) and the high half of the 30th, which is dropped.
    assert.deepEqual(t, turn('NINA PARK', `x${'🎉'.repeat(29)}…`, r(0, 0, 0, 92), r(0, 0, 0, 10)));
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(t.detail!), 'no lone high surrogate');
  });

  test(
    "a multi-line continuation's selection ends at the end of its first line, not at the start of the next",
    () => {
      const symbols = symbolsOf('A title\n\nNINA PARK: Hi.\n\n(MUSIC)\n\nline A\nline B\n');
      assert.deepEqual(symbols[3], turn('NINA PARK (continued)', 'line A line B', r(6, 0, 7, 6), r(6, 0, 6, 6)));
    },
  );

  test('selection ranges lie inside their ranges, for every symbol of the fixture', () => {
    const inside = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    const walk = (list: typeof morningGrouped) => {
      for (const s of list) {
        assert.ok(inside(s.range.start, s.selectionRange.start) && inside(s.selectionRange.end, s.range.end), s.name);
        walk(s.children ?? []);
      }
    };
    walk(service().getDocumentSymbols(doc(morning), flat));
    walk(service().getDocumentSymbols(doc(morning), grouped));
  });
});

describe('turnName', () => {
  const t = analyze('file:///n.transcript', 1, 'SCOTT DETROW, HOST: Hi.\n\nDETROW: Again.\n\nMr. RICHARD KYLE: Hello.\n\n(MUSIC)\n\nMore.\n');
  const nameOf = (i: number) => turnName(t.doc.turns[i], t.speakers.speakers[t.speakers.byTurn[i]!]);

  test('a full-name label is the name; a short label gets the full name in brackets', () => {
    assert.deepEqual([0, 1, 2, 3].map(nameOf), ['SCOTT DETROW', 'DETROW (Scott Detrow)', 'Mr. RICHARD KYLE', 'Mr. RICHARD KYLE (continued)']);
  });

  test('an unlabelled turn without a speaker is unattributed', () => {
    assert.equal(turnName(t.doc.turns[3], undefined), '(unattributed)');
  });
});

describe('firstWords', () => {
  test('joins lines, squeezes white space and trims', () => {
    const text = '  Good   morning.\n\n  Still\there.  ';
    assert.equal(firstWords(text, 0, text.length), 'Good morning. Still here.');
  });

  test('cuts at the last space within 60 characters and drops trailing punctuation', () => {
    const text = 'It does. Nobody wants to be the side that let it run a week. (Laughter) I would expect calls.';
    assert.equal(firstWords(text, 0, text.length), 'It does. Nobody wants to be the side that let it run a week…');
  });

  test('60 characters or fewer are kept whole', () => {
    const sixty = 'x'.repeat(60);
    assert.equal(firstWords(sixty, 0, 60), sixty);
    assert.equal(firstWords(`${sixty}y`, 0, 61), `${sixty}…`);
  });

  test('only [start, end) is read', () => {
    assert.equal(firstWords('AAA said this. BBB', 4, 14), 'said this.');
  });
});
