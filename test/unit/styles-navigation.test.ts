// Hovers, Go to Definition and Find All References in the other styles. In a deposition `Q.`
// is the examiner named by the last `BY MS. OKAFOR:` line and `A.` (like `THE WITNESS:`) the
// witness sworn in the header: the hover on a Q. or A. names them, definition goes to where they
// first speak, and references list their Q./A. turns with their own labels. Positions are found
// in the fixture's own lines (support.ts); lines are numbered from 1 as in the editor.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hover, Location, Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import { Fixture, type Style } from '../fixtures/styles/support';

const service = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });

function open(style: Style, name: string) {
  const f = new Fixture(style, name);
  const d = { uri: `file:///styles/${style}/${name}`, version: 1, getText: () => f.text };
  /** Range of `sub` on line `n` (its `nth` occurrence there when `sub` repeats). */
  const range = (n: number, sub: string, length = sub.length): Range => {
    const c = f.col(n, sub);
    return { start: { line: n - 1, character: c }, end: { line: n - 1, character: c + length } };
  };
  const at = (n: number, sub: string) => ({ line: n - 1, character: f.col(n, sub) });
  return {
    f,
    range,
    hover: (n: number, sub: string): Hover | null => service.getHover(d, at(n, sub), defaultSettings),
    definition: (n: number, sub: string): Location | null => service.getDefinition(d, at(n, sub)),
    references: (n: number, sub: string, includeDeclaration = true): Range[] => (service.getReferences(d, at(n, sub), includeDeclaration) ?? []).map((l) => l.range),
    loc: (n: number, sub: string, length?: number): Location => ({ uri: d.uri, range: range(n, sub, length) }),
  };
}

const card = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
const firstLine = (h: Hover | null) => card(h).split('\n')[0];

describe('a deposition: Q. and A.', () => {
  const dep = open('court', 'good-deposition.transcript');
  // The letter of `Q.` / `A.` is the label's name; the period ends it.
  const q = (n: number) => dep.range(n, 'Q.', 1);
  const a = (n: number) => dep.range(n, 'A.', 1);

  test('the hover on a Q. names the examiner of the last BY line; it covers the letter', () => {
    const h = dep.hover(19, 'Q.');
    assert.equal(firstLine(h), '**MS. OKAFOR**');
    assert.deepEqual(h?.range, q(19));
    assert.match(card(h), /First speaks on \[line 19\]\(file:\/\/\/styles\/court\/good-deposition\.transcript#L19\)$/);
  });

  test('after `BY MR. VOSS:` the hover on a Q. names him, and he first spoke as MR. VOSS: on line 27', () => {
    const h = dep.hover(40, 'Q.');
    assert.equal(firstLine(h), '**MR. VOSS**');
    assert.match(card(h), /First speaks on \[line 27\]/);
  });

  test('the hover on an A. and on THE WITNESS: names the witness sworn in the header', () => {
    for (const [n, sub] of [
      [20, 'A.'],
      [41, 'A.'],
      [28, 'THE WITNESS'],
    ] as [number, string][]) {
      const h = dep.hover(n, sub);
      assert.equal(firstLine(h), '**Harold J. Mercer**', `line ${n}`);
      assert.match(card(h), /First speaks on \[line 20\]/);
    }
  });

  test('the hover lists the labels as they are written: `Q.`, `A.`, `THE WITNESS:`', () => {
    assert.match(card(dep.hover(19, 'Q.')), /^Labels: `Q\.`, `MS\. OKAFOR:`$/m);
    assert.match(card(dep.hover(20, 'A.')), /^Labels: `A\.`, `THE WITNESS:`$/m);
  });

  test('definition: from any Q. of the examiner, or their own label, to where they first speak', () => {
    assert.deepEqual(dep.definition(25, 'Q.'), dep.loc(19, 'Q.', 1));
    assert.deepEqual(dep.definition(29, 'MS. OKAFOR'), dep.loc(19, 'Q.', 1));
    // MR. VOSS objected before he asked anything.
    assert.deepEqual(dep.definition(40, 'Q.'), dep.loc(27, 'MR. VOSS'));
  });

  test('definition: from an A. or THE WITNESS: to the first answer', () => {
    assert.deepEqual(dep.definition(35, 'A.'), dep.loc(20, 'A.', 1));
    assert.deepEqual(dep.definition(28, 'THE WITNESS'), dep.loc(20, 'A.', 1));
  });

  test("references: the examiner's Q. turns and own labels, and only theirs (and the firm named after her)", () => {
    const okafor = [dep.range(10, 'Okafor'), q(19), q(21), q(23), q(25), dep.range(29, 'MS. OKAFOR'), q(34), dep.range(36, 'MS. OKAFOR')];
    assert.deepEqual(dep.references(21, 'Q.'), okafor);
    assert.deepEqual(dep.references(29, 'MS. OKAFOR'), okafor);
    assert.deepEqual(
      dep.references(21, 'Q.', false),
      okafor.filter((_, i) => i !== 1),
    );
    assert.deepEqual(dep.references(40, 'Q.'), [dep.range(27, 'MR. VOSS'), q(40), dep.range(42, 'MR. VOSS')]);
  });

  test("references: the witness's answers, THE WITNESS: and where the text names him", () => {
    assert.deepEqual(dep.references(22, 'A.'), [
      dep.range(8, 'Harold J. Mercer'),
      a(20),
      dep.range(20, 'Mercer'),
      a(22),
      a(24),
      a(26),
      dep.range(28, 'THE WITNESS'),
      a(30),
      a(35),
      dep.range(40, 'Mercer'),
      a(41),
    ]);
  });
});

describe('a trial: the examiner changes with the BY line', () => {
  const trial = open('court', 'good-trial.transcript');

  test('Q. on direct is the prosecutor, on cross the defence; A. the witness', () => {
    assert.equal(firstLine(trial.hover(20, 'Q.')), '**MS. HALVORSEN**');
    assert.equal(firstLine(trial.hover(34, 'Q.')), '**MR. DELACROIX**');
    assert.equal(firstLine(trial.hover(21, 'A.')), '**Irene Takahashi**');
    assert.deepEqual(trial.definition(34, 'Q.'), trial.loc(7, 'MR. DELACROIX'));
    assert.deepEqual(trial.definition(37, 'A.'), trial.loc(21, 'A.', 1));
  });
});

describe('hovers and navigation in the other styles', () => {
  test("the hover's labels end as they are written: a briefing's bare `Q`, a hearing's period, a podcast's colon", () => {
    const briefing = open('court', 'good-briefing.transcript');
    assert.match(card(briefing.hover(7, 'Q')), /^Labels: `Q`$/m);
    assert.match(card(briefing.hover(5, 'MS. WHITCOMBE')), /^Labels: `MS\. WHITCOMBE:`$/m);
    const senate = open('hearing', 'good-senate.transcript');
    assert.match(card(senate.hover(17, 'Volkov')), /^Labels: `Mr\. Volkov\.`$/m);
    assert.match(card(senate.hover(15, 'WHITLOCK')), /^Labels: `Senator WHITLOCK\.`$/m);
    assert.match(card(senate.hover(11, 'Chairwoman')), /^Labels: `The Chairwoman\.`$/m);
    assert.match(card(open('podcast', 'good-bold.transcript').hover(7, 'Jerod Santo')), /^Labels: `Jerod Santo:`$/m);
  });

  test('a speaker under two forms of a hearing label: each with its own terminator, in order of first use', () => {
    const text = 'transcript-style: hearing\n\nMr. Linder. Thank you.\n\nTHE CLERK: The roll.\n\nMR. LINDER: Present.\n\nMr. Linder. Again.\n';
    const d = { uri: 'file:///styles/hearing/two-forms.transcript', version: 1, getText: () => text };
    const h = service.getHover(d, { line: 6, character: 4 }, defaultSettings);
    assert.match(card(h), /^Labels: `Mr\. Linder\.`, `MR\. LINDER:`$/m);
  });

  test('podcast: a bold label, its speaker named as written', () => {
    const p = open('podcast', 'good-bold.transcript');
    assert.equal(firstLine(p.hover(7, 'Jerod Santo')), '**Jerod Santo**');
    assert.deepEqual(p.hover(7, 'Jerod Santo')?.range, p.range(7, 'Jerod Santo'));
    assert.deepEqual(p.definition(13, 'Jerod Santo'), p.loc(3, 'Jerod Santo'));
  });

  test('podcast: a pseudo-speaker is nobody — no speaker card, nowhere to go', () => {
    const p = open('podcast', 'good-conversation.transcript');
    assert.equal(p.definition(6, 'Music'), null);
    assert.doesNotMatch(card(p.hover(6, 'Music')), /First speaks/);
  });

  test('hearing: a period label, and the chair named from the preamble', () => {
    const h = open('hearing', 'good-house.transcript');
    assert.equal(firstLine(h.hover(17, 'Okonkwo')), '**Mr. Okonkwo**');
    assert.deepEqual(h.hover(17, 'Okonkwo')?.range, h.range(17, 'Mr. Okonkwo'));
    assert.equal(firstLine(h.hover(27, 'MARSH')), '**Ellen Marsh**');
    assert.deepEqual(h.definition(43, 'MARSH'), h.loc(13, 'Chairman MARSH'));
    assert.deepEqual(
      h.references(31, 'Abernathy').filter((r) => h.f.line(r.start.line + 1).slice(r.start.character).startsWith('Ms. Abernathy.')),
      [h.range(23, 'Ms. Abernathy'), h.range(31, 'Ms. Abernathy'), h.range(35, 'Ms. Abernathy')],
    );
  });
});
