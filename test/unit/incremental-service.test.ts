// Through the language service, as the server uses it: after random edits reported with
// onDocumentEdited (one at a time or several merged), every result — outline, folding,
// diagnostics — equals what a fresh service computes from the final text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { createLanguageService, mergeEdits } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';

const noFiles = { findFiles: async () => [], readFile: async () => undefined };
const base = readFileSync(join(__dirname, '..', '..', 'examples', 'draft-with-slips.transcript'), 'utf8') + readFileSync(join(__dirname, '..', '..', 'examples', 'harbour-strike.transcript'), 'utf8');
const pieces = ['\n', ':', ' ', 'VANCE', 'VANCE: ', '\nWHITFIELD: Yes.\n', '\n(SOUNDBITE OF MUSIC\n', '(', ')', '"', 'x', 'whitfield: ', '\n\n'];

test('incremental analysis through the service equals a fresh analysis', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ at: fc.nat({ max: 1_000_000 }), len: fc.nat({ max: 30 }), insert: fc.constantFrom(...pieces), ask: fc.boolean() }), { minLength: 1, maxLength: 10 }),
      (edits) => {
        const service = createLanguageService({ workspace: noFiles });
        let text = base;
        let version = 1;
        const doc = () => ({ uri: 'file:///t.transcript', version, getText: () => text });
        service.getDiagnostics(doc(), defaultSettings);
        for (const e of edits) {
          const start = e.at % (text.length + 1);
          const end = Math.min(text.length, start + e.len);
          text = text.slice(0, start) + e.insert + text.slice(end);
          service.onDocumentEdited('file:///t.transcript', version, version + 1, { start, end, newLength: e.insert.length });
          version++;
          // Sometimes several edits pile up before the server looks (they are merged).
          if (!e.ask) continue;
          const fresh = createLanguageService({ workspace: noFiles });
          const d = doc();
          assert.deepEqual(service.getDiagnostics(d, defaultSettings), fresh.getDiagnostics(d, defaultSettings));
          assert.deepEqual(service.getDocumentSymbols(d, defaultSettings), fresh.getDocumentSymbols(d, defaultSettings));
          assert.deepEqual(service.getFoldingRanges(d), fresh.getFoldingRanges(d));
        }
      },
    ),
    { seed: 7, numRuns: 150 },
  );
});

test('mergeEdits: two edits in a row as one edit of the original text', () => {
  const apply = (t: string, e: { start: number; end: number }, s: string) => t.slice(0, e.start) + s + t.slice(e.end);
  const original = 'abcdefghijklmnopqrstuvwxyz';
  const cases: [number, number, string, number, number, string][] = [
    [3, 5, 'XY', 10, 12, 'Q'], // second after the first
    [10, 12, '', 2, 3, 'ZZZ'], // second before the first
    [5, 8, 'hello', 6, 9, ''], // overlapping
    [0, 0, '!', 26, 27, '?'],
  ];
  for (const [s1, e1, t1, s2, e2, t2] of cases) {
    const mid = apply(original, { start: s1, end: e1 }, t1);
    const final = apply(mid, { start: s2, end: e2 }, t2);
    const m = mergeEdits({ start: s1, end: e1, newLength: t1.length }, { start: s2, end: e2, newLength: t2.length });
    assert.equal(apply(original, m, final.slice(m.start, m.start + m.newLength)), final);
    assert.equal(original.length - (m.end - m.start) + m.newLength, final.length);
  }
});
