// Long paragraphs are read by the entity recogniser in windows of at most ENTITY_WINDOW
// characters (server/src/analysis/entities.ts, entityWindows): a hover reads the window around
// it, the Statistics view and the JSON export read them one by one. Here: the windows cover the
// paragraph exactly, are cut after sentence ends, keep offsets right, and find what reading the
// paragraphs one by one finds.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { ENTITY_WINDOW, entitiesIn, entityAt, entityWindows, paragraphAt } from '../../server/src/analysis/entities';
import { collectEntities, spokenParagraphs } from '../../server/src/features/statistics';
import { timeInWorker } from '../helpers/arbitraries';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function assertWindows(text: string, span: { start: number; end: number }, max = ENTITY_WINDOW): { start: number; end: number }[] {
  const w = entityWindows(text, span, max);
  assert.ok(w.length >= 1);
  assert.equal(w[0].start, span.start);
  assert.equal(w[w.length - 1].end, span.end);
  for (let i = 0; i < w.length; i++) {
    assert.ok(w[i].end > w[i].start || span.end === span.start, `window ${i} is empty`);
    assert.ok(w[i].end - w[i].start <= max, `window ${i}: ${w[i].end - w[i].start} characters`);
    if (i > 0) assert.equal(w[i].start, w[i - 1].end, 'consecutive');
    if (i < w.length - 1) {
      assert.ok(!(isHigh(text.charCodeAt(w[i].end - 1)) && isLow(text.charCodeAt(w[i].end))), `window ${i} ends inside a surrogate pair`);
      // Not the last: at least half full.
      assert.ok(w[i].end - w[i].start > max / 2, `window ${i}: ${w[i].end - w[i].start} characters`);
    }
  }
  return w;
}

describe('entityWindows', () => {
  test('a short span is one window', () => {
    assert.deepEqual(entityWindows('PARK: Hello there.', { start: 6, end: 18 }), [{ start: 6, end: 18 }]);
    assert.deepEqual(entityWindows('', { start: 0, end: 0 }), [{ start: 0, end: 0 }]);
  });

  test('long spans of every shape: covered exactly, bounded, never inside a surrogate pair', () => {
    const shapes = [
      'Maria Lopez went to the University of Oslo and then to Paris, she said. ',
      'and so (LAUGHTER) she said "yes" [crosstalk] ',
      ' ',
      'x',
      '😀𠮷',
      'e\u0301\u0302',
      'PARK: ',
      '.',
      '."”) ',
      'a\r\n',
    ];
    for (const unit of shapes) {
      for (const max of [64, 101, ENTITY_WINDOW]) {
        const text = `PARK: ${unit.repeat(Math.ceil((10 * max) / unit.length))}`;
        for (const span of [{ start: 6, end: text.length }, { start: 7, end: text.length - 3 }]) assertWindows(text, span, max);
      }
    }
  });

  test('cut after the white space that follows a sentence end (with closing quotes), when there is one', () => {
    const sentence = 'The ferry left Tallinn at dawn, and nobody on the quay said a word about it." ';
    const text = sentence.repeat(200);
    const w = assertWindows(text, { start: 0, end: text.length });
    assert.ok(w.length > 2);
    for (const x of w.slice(0, -1)) assert.match(text.slice(x.start, x.end), /\." $/);
    // No sentence end: after white space.
    const words = 'and the boats were late '.repeat(500);
    for (const x of assertWindows(words, { start: 0, end: words.length }).slice(0, -1)) assert.match(words.slice(x.start, x.end), / $/);
  });
});

describe('a hover in a long paragraph reads the window around it', () => {
  const filler = 'The boats stopped, and the crews said nothing for a long time. ';
  const before = filler.repeat(8_000); // ~500 KB
  const text = `PARK: ${before}Yesterday Maria Lopez flew to Oslo. ${filler.repeat(8_000)}\n`;
  const t = analyze('file:///long.transcript', 1, text);
  const at = text.indexOf('Maria Lopez');

  test('paragraphAt gives a bounded window that holds the offset', () => {
    const p = paragraphAt(t.doc, at + 2)!;
    assert.ok(p.start <= at && at + 'Maria Lopez'.length <= p.end, JSON.stringify(p));
    assert.ok(p.end - p.start <= ENTITY_WINDOW, `${p.end - p.start} characters`);
    // Its own start: after the label.
    const first = paragraphAt(t.doc, 2)!;
    assert.equal(first.start, 6);
    assert.ok(first.end - first.start <= ENTITY_WINDOW);
  });

  test('the entity under the cursor, with its offsets in the document', () => {
    const started = performance.now();
    const e = entityAt(t.doc, t.speakers, at + 2);
    const ms = performance.now() - started;
    assert.deepEqual(e && { text: e.text, kind: e.kind, start: e.start, end: e.end }, { text: 'Maria Lopez', kind: 'person', start: at, end: at + 11 });
    const oslo = entityAt(t.doc, t.speakers, text.indexOf('Oslo') + 1);
    assert.deepEqual(oslo && { text: oslo.text, start: oslo.start }, { text: 'Oslo', start: text.indexOf('Oslo') });
    // Minutes before windows (the NLP library over 1 MB); the window takes well under a second.
    assert.ok(ms < 5_000, `${Math.round(ms)} ms`);
  });
});

// The fixtures of entities-quality.test.ts, their paragraphs said by one speaker: each in a
// paragraph of its own, or all in one long line. What the windows of the long line find should
// be what the paragraphs one by one find.
const dir = join(__dirname, '..', 'fixtures', 'entities');

function fixtureParagraphs(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { fixture: string };
    const t = analyze('file:///fixture.transcript', 1, readFileSync(join(dir, gold.fixture), 'utf8'));
    for (const p of spokenParagraphs(t)) out.push(t.doc.text.slice(p.start, p.end).replace(/\s+/g, ' '));
  }
  return out;
}

describe('entities of a long paragraph', () => {
  // Twice, the second time backwards, so that the windows cut in more places.
  const paragraphs = [...fixtureParagraphs(), ...fixtureParagraphs().reverse()];
  const separate = `Fixtures\n\n${paragraphs.map((p) => `PARK: ${p}`).join('\n\n')}\n`;
  const long = `Fixtures\n\nPARK: ${paragraphs.join(' ')}\n`;

  test('windows of one long line find what the paragraphs one by one find', (t) => {
    assert.ok(long.length > 3 * ENTITY_WINDOW, `${long.length} characters`);
    // Per paragraph, offsets moved to where the paragraph is in the long line.
    const a = analyze('file:///separate.transcript', 1, separate);
    const expected = new Set<string>();
    let at = long.indexOf('PARK: ') + 6;
    for (const p of a.doc.turns) {
      const span = { start: p.textStart, end: p.textStart + a.doc.text.slice(p.textStart, p.end).trimEnd().length };
      for (const e of entitiesIn(a.doc, a.speakers, span)) expected.add(`${e.start - span.start + at}:${e.end - span.start + at}:${e.kind}`);
      at += span.end - span.start + 1;
    }
    const b = analyze('file:///long.transcript', 1, long);
    const turn = b.doc.turns[0];
    const windows = entityWindows(b.doc.text, { start: turn.textStart, end: long.length - 1 });
    assert.ok(windows.length > 1);
    const found = new Set(entitiesIn(b.doc, b.speakers, { start: turn.textStart, end: long.length - 1 }).map((e) => `${e.start}:${e.end}:${e.kind}`));
    const both = [...found].filter((k) => expected.has(k)).length;
    const agreeFound = both / found.size;
    const agreeExpected = both / expected.size;
    t.diagnostic(`${paragraphs.length} paragraphs, ${long.length} characters in ${windows.length} windows: ${found.size} found, ${expected.size} one by one, ${both} the same (${(agreeFound * 100).toFixed(1)}% / ${(agreeExpected * 100).toFixed(1)}%)`);
    assert.ok(agreeFound >= 0.95 && agreeExpected >= 0.95, `${(agreeFound * 100).toFixed(1)}% of the windows' finds are the paragraphs', ${(agreeExpected * 100).toFixed(1)}% of the paragraphs' finds are the windows'`);
  });

  test('collectEntities reads a long line window by window, within its budget and its character limit', () => {
    // Text no other test has read (nothing cached), as long again.
    const text = `Fixtures\n\nPARK: ${paragraphs.map((p) => p.replace(/\bthe\b/g, 'that')).join(' ')}\n`;
    const tr = analyze('file:///collect-long.transcript', 1, text);
    // A budget of 0: one window a call, and each call gets further.
    const first = collectEntities(tr, 0);
    assert.deepEqual([first.done, first.total, first.limited], [0, 1, false]);
    let last = first;
    let calls = 1;
    for (; calls < 500 && last.done < last.total; calls++) last = collectEntities(tr, 0);
    assert.equal(last.done, 1);
    assert.ok(calls >= entityWindows(text, { start: tr.doc.turns[0].textStart, end: text.length - 1 }).length, `${calls} calls`);
    assert.deepEqual(collectEntities(tr).entities, last.entities);
    // The character limit stops inside the paragraph.
    const limited = collectEntities(tr, Infinity, ENTITY_WINDOW);
    assert.deepEqual([limited.done, limited.total, limited.limited], [1, 1, true]);
    assert.ok(limited.entities.reduce((n, e) => n + e.mentions, 0) < last.entities.reduce((n, e) => n + e.mentions, 0));
  });
});

describe('the Statistics view on a long turn of distinct sentences', () => {
  // robust-complexity.test.ts times a turn of one repeated phrase, whose windows are mostly alike
  // (and cached): here every window is new. 400 KB in one turn took a minute within a budget of
  // 150 ms when the turn was read whole.
  test('keeps to its budget', async (t) => {
    const job = ([ls, settings]: any[], kb: number) => {
      const first = ['Amara', 'Tomas', 'Leila', 'Grace', 'Peter', 'Rosa', 'Denise', 'Kaja', 'Jaan', 'Ilse', 'Wendell', 'Somsak'];
      const last = ['Okafor', 'Lindqvist', 'Hartmann', 'Chebet', 'Otieno', 'Delgado', 'Thibodeaux', 'Rebane', 'Kask', 'Brandvold', 'Okoro'];
      const places = ['Nairobi', 'Helsinki', 'Tallinn', 'New Orleans', 'Baton Rouge', 'Kericho', 'Vientiane', 'Bangkok', 'Stockholm', 'London'];
      let seed = 7;
      const pick = (xs: string[]) => xs[(seed = (seed * 1103515245 + 12345) % 2147483648) % xs.length];
      let text = 'NINA PARK, HOST: ';
      for (let i = 0; text.length < kb * 1024; i++) text += `In ${pick(places)}, ${pick(first)} ${pick(last)} said ${i} boats were late and the crews waited ${i % 7} days. `;
      const svc = ls.createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
      const r = svc.getStatistics({ uri: 'file:///distinct.transcript', version: 1, getText: () => text }, settings.defaultSettings, 150);
      if (r.entities.complete || r.entities.paragraphsTotal !== 1) throw new Error(`read it all? ${JSON.stringify(r.entities)}`);
    };
    const ms = await timeInWorker(['server/src/languageService.ts', 'server/src/settings.ts'], job, 400, 3_000, ['compromise']);
    assert.ok(ms !== undefined, 'still running after 3 s (terminated)');
    t.diagnostic(`statistics of a 400 KB turn, budget 150 ms: ${Math.round(ms)} ms`);
  });
});
