// compatibleFixes (server/src/features/edits.ts) picks the fixes fix-all and "Fix all N problems"
// apply together. It was quadratic (each fix against every fix taken before it); the fast version
// must pick exactly the same fixes as that straightforward definition, kept here as the oracle.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compatibleFixes } from '../../server/src/features/edits';
import type { Edit, Fix } from '../../server/src/features/rules';
import { describeRuns, runs } from '../helpers/arbitraries';

/** The definition: greedy in the order given, each edit compared with every edit taken before. */
function oracle(fixes: readonly Fix[]): Fix[] {
  const taken: Edit[] = [];
  const chosen: Fix[] = [];
  const clashes = (e: Edit) =>
    taken.some(
      (r) =>
        (e.start < r.end && r.start < e.end) ||
        (e.start === e.end && r.start === r.end && e.start === r.start) ||
        (e.start === e.end && r.start < e.start && e.start < r.end) ||
        (r.start === r.end && e.start < r.start && r.start < e.end),
    );
  for (const f of fixes) {
    if (f.edits.some(clashes)) continue;
    chosen.push(f);
    taken.push(...f.edits);
  }
  return chosen;
}

const edit = (start: number, end: number): Edit => ({ start, end, newText: '' });
const fix = (title: string, ...edits: Edit[]): Fix => ({ title, edits, preferred: true });
const titles = (fixes: readonly Fix[]) => fixes.map((f) => f.title);

/** Edits on a short stretch of offsets, so that they meet, touch and nest often. */
const anEdit = (max: number) =>
  fc.tuple(fc.nat(max), fc.nat(max), fc.boolean()).map(([a, b, empty]) => (empty ? edit(a, a) : edit(Math.min(a, b), Math.max(a, b))));
const someFixes = (max: number) =>
  fc.array(fc.array(anEdit(max), { minLength: 0, maxLength: 3 }), { maxLength: 30 }).map((list) => list.map((edits, i) => fix(`f${i}`, ...edits)));

describe('compatibleFixes', () => {
  test('touching deletions are all kept; overlaps, nested insertions and two insertions at one offset are not', () => {
    const fixes = [
      fix('a', edit(0, 5)),
      fix('b touches a', edit(5, 9)),
      fix('c overlaps b', edit(8, 12)),
      fix('d inserts at the end of b', edit(9, 9)),
      fix('e inserts where d does', edit(9, 9)),
      fix('f inserts inside a', edit(2, 2)),
      fix('g spans an insertion', edit(20, 30)),
      fix('h is cut short by g', edit(25, 25), edit(40, 41)),
      fix('i: all of it or nothing', edit(40, 41), edit(29, 31)),
      fix('j starts at g’s end', edit(30, 31), edit(50, 50)),
      fix('k: two insertions of its own at one offset', edit(60, 60), edit(60, 60)),
      fix('l: no edits'),
    ];
    assert.deepEqual(titles(compatibleFixes(fixes)), ['a', 'b touches a', 'd inserts at the end of b', 'g spans an insertion', 'j starts at g’s end', 'k: two insertions of its own at one offset', 'l: no edits']);
    assert.deepEqual(titles(compatibleFixes(fixes)), titles(oracle(fixes)));
  });

  test('the order given decides, not the order in the document', () => {
    const fixes = [fix('late', edit(10, 20)), fix('early overlaps late', edit(5, 15)), fix('earliest', edit(0, 5))];
    assert.deepEqual(titles(compatibleFixes(fixes)), ['late', 'earliest']);
  });

  test('picks the same fixes as the definition, on random fixes', (t) => {
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(fc.oneof(someFixes(8), someFixes(40)), (fixes) => {
        assert.deepEqual(titles(compatibleFixes(fixes)), titles(oracle(fixes)));
      }),
      runs(1000),
    );
  });

  test('100,000 touching deletions and 100,000 insertions are quick', () => {
    const fixes: Fix[] = [];
    for (let i = 0; i < 100_000; i++) fixes.push(fix(`d${i}`, edit(7 * i, 7 * i + 7)));
    for (let i = 0; i < 100_000; i++) fixes.push(fix(`i${i}`, edit(7 * i, 7 * i)));
    fixes.push(fix('everything', edit(0, 700_000)));
    const t0 = performance.now();
    const chosen = compatibleFixes(fixes);
    const ms = performance.now() - t0;
    assert.equal(chosen.length, 200_000);
    assert.ok(ms < 1_500, `took ${Math.round(ms)} ms`);
  });
});
