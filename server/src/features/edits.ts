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
 * another's range (two insertions at one offset count as touching).
 */
export function compatibleFixes(fixes: readonly Fix[]): Fix[] {
  const taken: { start: number; end: number }[] = [];
  const chosen: Fix[] = [];
  // A real overlap clashes, and so do two insertions at one offset (their order would be
  // arbitrary); deletions that merely touch (two empty turns in a row) do not.
  const clashes = (e: Edit) =>
    taken.some((r) => (e.start < r.end && r.start < e.end) || (e.start === e.end && r.start === r.end && e.start === r.start) || (e.start === e.end && r.start < e.start && e.start < r.end) || (r.start === r.end && e.start < r.start && r.start < e.end));
  for (const f of fixes) {
    if (f.edits.some(clashes)) continue;
    chosen.push(f);
    for (const e of f.edits) taken.push({ start: e.start, end: e.end });
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
