// Word counts (status bar, Statistics view, code lenses): the segment-by-segment countWords
// against the plain per-character definition it replaced, on random text and cues.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { countWords } from '../../server/src/analysis/statistics';
import { runs } from '../helpers/arbitraries';

/** The definition: a run of non-spaces counts once it reaches a letter, a digit or another script's character; a cue or the end of the range ends a run. */
function reference(text: string, start: number, end: number, cues: { start: number; end: number }[]): number {
  let words = 0;
  let counted = false;
  let cue = 0;
  for (let k = start; k < end; k++) {
    while (cue < cues.length && cues[cue].end <= k) cue++;
    if (cue < cues.length && cues[cue].start <= k) {
      k = cues[cue].end - 1;
      counted = false;
      continue;
    }
    if (/[ \n\r\t\u00a0]/.test(text[k])) counted = false;
    else if (!counted && WORDLIKE.test(text[k])) {
      words++;
      counted = true;
    }
  }
  return words;
}

/** Letters, digits and anything not punctuation (other scripts, emoji halves). */
const WORDLIKE = /^(?:[0-9A-Za-z]|[^\x00-\xbf\u2000-\u206f\u3000-\u303f])/;

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
  // Punctuation alone before a stage direction is not a word (the run ends where the cue starts).
  assert.equal(countWords('Yes — (LAUGHTER)', 0, 16, [{ start: 6, end: 16 }]), 1);
  assert.equal(countWords('Yes —(LAUGHTER) no', 0, 18, [{ start: 5, end: 15 }]), 2);
});
