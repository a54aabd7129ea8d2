// Offset edits: combining fixes without overlap, and applying them to text (for fix-all's
// later rounds, the CLI's --fix and the tests).

import type { Edit, Fix } from './rules';

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // overlapping: callers never send these; skip rather than corrupt
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * The fixes that can be applied together: each fix whole or not at all, none touching
 * another's range (two insertions at one offset count as touching). Greedy in the order given:
 * a fix is taken unless one of its edits clashes with an edit of a fix taken before it.
 *
 * A real overlap clashes, and so do two insertions at one offset (their order would be
 * arbitrary) and an insertion strictly inside a replaced range; deletions that merely touch (two
 * empty turns in a row) do not, nor does an insertion at either end of a replaced range. On the
 * sorted distinct offsets x0 < x1 < …, cell 2i stands for the point xi and cell 2i + 1 for the
 * open interval (xi, xi+1): an insertion at xi covers cell 2i, a replacement of [xi, xj) the cells
 * 2i + 1 … 2j − 1 (its inside), and two edits clash exactly when they share a cell. A Fenwick tree
 * counts the covered cells and a skip list of "next uncovered cell" marks each cell once: O(n log n)
 * in the number of edits (it was O(n²): 100,000 empty turns took seconds per cursor move).
 */
export function compatibleFixes(fixes: readonly Fix[]): Fix[] {
  if (fixes.length <= 1) return [...fixes];
  let count = 0;
  for (const f of fixes) count += 2 * f.edits.length;
  const offsets = new Float64Array(count);
  count = 0;
  for (const f of fixes) for (const e of f.edits) (offsets[count++] = e.start), (offsets[count++] = e.end);
  offsets.sort(); // numerically (a typed array)
  const index = new Map<number, number>();
  for (let i = 0; i < offsets.length; i++) if (i === 0 || offsets[i] !== offsets[i - 1]) index.set(offsets[i], index.size);
  const cells = 2 * index.size;
  const tree = new Int32Array(cells + 1); // Fenwick tree over the cells: 1 where covered
  const next = new Int32Array(cells + 1); // next[c]: a cell ≥ c not covered yet (or `cells`), path-halved
  for (let c = 0; c <= cells; c++) next[c] = c;
  const uncovered = (c: number) => {
    while (next[c] !== c) c = next[c] = next[next[c]];
    return c;
  };
  const covered = (to: number) => {
    let n = 0;
    for (let i = to; i > 0; i -= i & -i) n += tree[i];
    return n; // covered cells among 0 … to − 1
  };
  /** The cells an edit covers, [first, last] (empty when last < first). */
  const span = (e: Edit): [number, number] => {
    const s = 2 * index.get(e.start)!;
    return e.start === e.end ? [s, s] : [s + 1, 2 * index.get(e.end)! - 1];
  };
  const clashes = (e: Edit) => {
    const [first, last] = span(e);
    return last >= first && covered(last + 1) - covered(first) > 0;
  };
  const chosen: Fix[] = [];
  for (const f of fixes) {
    if (f.edits.some(clashes)) continue;
    chosen.push(f);
    for (const e of f.edits) {
      const [first, last] = span(e);
      for (let c = uncovered(first); c <= last; c = uncovered(c + 1)) {
        for (let i = c + 1; i <= cells; i += i & -i) tree[i]++;
        next[c] = c + 1;
      }
    }
  }
  return chosen;
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function diffEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  // Never split a surrogate pair or a CRLF.
  while (p > 0 && isLowSurrogateOrLf(before, p)) p--;
  while (s > 0 && isHighSurrogateOrCr(before, before.length - s - 1)) s--;
  return { start: p, end: before.length - s, newText: after.slice(p, after.length - s) };
}

function isLowSurrogateOrLf(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return (c >= 0xdc00 && c <= 0xdfff) || (c === 10 && t.charCodeAt(i - 1) === 13);
}

function isHighSurrogateOrCr(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return (c >= 0xd800 && c <= 0xdbff) || (c === 13 && t.charCodeAt(i + 1) === 10);
}
