// Word counts (status bar, Statistics view, code lenses): the segment-by-segment countWords
// against the plain per-character definition it replaced, on random text and cues.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { countWords } from '../../server/src/analysis/statistics';
import { runs } from '../helpers/arbitraries';

/** The definition: a run of non-spaces counts once it reaches a letter, a digit or another script's character; a cue ends a run. */
function reference(text: string, start: number, end: number, cues: { start: number; end: number }[]): number {
  let words = 0;
  let inWord = false;
  let cue = 0;
  for (let k = start; k < end; k++) {
    while (cue < cues.length && cues[cue].end <= k) cue++;
    if (cue < cues.length && cues[cue].start <= k) {
      k = cues[cue].end - 1;
      inWord = false;
      continue;
    }
    const c = text.charCodeAt(k);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0) inWord = false;
    else if (!inWord && wordChar(text, k)) {
      words++;
      inWord = true;
    }
  }
  return words;
}

/** Letters, digits and anything not punctuation (other scripts, emoji). */
const WORDLIKE = /^(?:[0-9A-Za-z]|[^\x00-\xbf\u2000-\u206f\u3000-\u303f])/;

function wordChar(text: string, k: number): boolean {
  if (WORDLIKE.test(text.slice(k, k + 1))) return true;
  for (let j = k + 1; j < text.length && j < k + 4; j++) {
    if (/[ \n\r\t\u00a0]/.test(text[j])) return false;
    if (WORDLIKE.test(text.slice(j, j + 1))) return true;
  }
  return false;
}

test('countWords equals the per-character definition, cues and ranges included', (t) => {
  const piece = fc.constantFrom(' ', 'a', 'Word', '.', '—', '-', '"', '\n', '\r\n', '\u00a0', 'é', '(', ')', '12', '\t', '...', '“');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(60), fc.nat(8)), { maxLength: 5 }), fc.nat(80), fc.nat(80), (pieces, cueSpecs, a, b) => {
      const text = pieces.join('');
      const start = Math.min(a, text.length);
      const end = Math.min(text.length, Math.max(start, b));
      const cues: { start: number; end: number }[] = [];
      let at = 0;
      for (const [s, len] of [...cueSpecs].sort((x, y) => x[0] - y[0])) {
        const cueStart = Math.max(at, Math.min(s, text.length));
        cues.push({ start: cueStart, end: cueStart + len + 1 });
        at = cueStart + len + 1;
      }
      assert.equal(countWords(text, start, end, cues), reference(text, start, end, cues), JSON.stringify({ text, start, end, cues }));
    }),
    runs(2_000),
  );
  t.diagnostic('random texts of words, punctuation, dashes, quotes and line ends, with up to five cues');
});

test('examples', () => {
  assert.equal(countWords('We — well, "we" said it.', 0, 24), 5);
  assert.equal(countWords('Yes (LAUGHTER) yes', 0, 18, [{ start: 4, end: 14 }]), 2);
  assert.equal(countWords('-- ... 12 ok', 0, 12), 2);
  assert.equal(countWords('Well – no … “Quite” ¿Sí? 東京 😀', 0, 30), 6);
});
