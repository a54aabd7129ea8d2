// Diagnostics per transcript style. Every well-formed fixture (good-*) of every style is clean;
// every fixture with slips (slips-*) gives exactly the problems written here, by line, rule and
// the text the diagnostic underlines. The checks follow each style's conventions: no
// "not upper case" in a mixed-case podcast, introductions only in broadcast, a podcast's turns
// split at timestamps are no slip, nor are a court examiner's own label then `Q.`, nor a
// briefing's `Q` lines by different reporters.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CONVENTIONS } from '../../server/src/features/rules';
import { createLanguageService } from '../../server/src/languageService';
import type { TranscriptStyle } from '../../server/src/parser';
import { defaultSettings } from '../../server/src/settings';
import { doc } from '../fixtures/rules/support';
import { allFixtures, Fixture, STYLES } from '../fixtures/styles/support';

const serviceFor = (style?: TranscriptStyle) =>
  createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined }, style: () => style });

const styleDoc = (text: string) => doc(text, 'file:///styles/check.transcript');

function diagnosticsOf(text: string, style?: TranscriptStyle): Diagnostic[] {
  return serviceFor(style).getDiagnostics(styleDoc(text), defaultSettings);
}

/** [1-based line, rule, underlined text] of each diagnostic, in order. */
function found(f: Fixture): [number, string, string][] {
  return diagnosticsOf(f.text).map((d) => {
    assert.equal(d.range.start.line, d.range.end.line, 'one line each');
    const line = d.range.start.line + 1;
    return [line, String(d.code), f.line(line).slice(d.range.start.character, d.range.end.character)];
  });
}

const SLIPS: Record<string, [number, string, string][]> = {
  'broadcast/slips-anchor.transcript': [
    [9, 'unclosed-stage-direction', '(SOUNDBITE OF ENGINE IDLING'],
    [15, 'split-turn', 'REYES:'],
    [18, 'missing-colon', 'KESSLER'],
    [20, 'label-case', 'hart:'],
    [22, 'unknown-speaker', 'REYSE'],
    [24, 'no-introduction', 'MORALES'],
    [24, 'unbalanced-quote', '"'],
    [26, 'duplicate-introduction', 'RUTH KESSLER, MECHANIC'],
    [26, 'conflicting-role', 'MECHANIC'],
    [28, 'empty-turn', 'HART :'],
    [28, 'label-spacing', ' :'],
    [34, 'turn-after-credits', 'HART:'],
  ],
  // Caption-style lines are checked after their `>>`.
  'broadcast/slips-captions.transcript': [
    [8, 'missing-colon', 'BANKS'],
    [10, 'label-case', 'quinlan:'],
    [12, 'unclosed-stage-direction', '(two hours on, two off.'],
    [14, 'split-turn', 'BANKS:'],
    [16, 'no-introduction', 'ARCE'],
  ],
  // No split turns, label case or introductions in a podcast: its own slips only.
  'podcast/slips-conversation.transcript': [
    [3, 'unclosed-stage-direction', '[laughs'],
    [9, 'timestamp-order', '[00:00:09]'],
    [11, 'invalid-timestamp', '[00:00:75]'],
    [13, 'empty-turn', 'Tomas Lindqvist (00:01:02):'],
    [15, 'unknown-speaker', 'Priay Raman'],
    [17, 'unbalanced-bracket', ']'],
  ],
  'podcast/slips-service.transcript': [
    [9, 'invalid-timestamp', '(00:61)'],
    [13, 'unbalanced-quote', '"'],
    [15, 'unknown-speaker', 'Jnue Okafor'],
    [18, 'timestamp-order', '(00:11)'],
  ],
  'court/slips-briefing.transcript': [
    [9, 'split-turn', 'MS. WHITCOMBE:'],
    [13, 'label-case', 'ms. whitcombe:'],
    [17, 'unknown-speaker', 'MS. WHITCOMB'],
  ],
  'court/slips-deposition.transcript': [
    [11, 'split-turn', 'Q.'],
    [12, 'unclosed-stage-direction', '(Indicating'],
    // THE WITNESS is a label of every court transcript, used here or not.
    [14, 'missing-colon', 'THE WITNESS'],
    [15, 'label-case', 'the witness:'],
    [16, 'unknown-speaker', 'MR. VSOS'],
    [18, 'unbalanced-quote', '"'],
    [19, 'label-spacing', ' :'],
  ],
  // Mixed-case labels ending with a period: no label case, no introductions.
  'hearing/slips-house.transcript': [
    [11, 'split-turn', 'Mr. Okonkwo.'],
    [13, 'unclosed-stage-direction', '[and the budget is smaller.'],
    [17, 'unknown-speaker', 'Ms. Abernthy'],
    [19, 'unbalanced-bracket', ')'],
    [21, 'unbalanced-quote', '"'],
  ],
  // A member's label ended with a colon: read as text of the chair's turn before it, so the chair's
  // next turn is no split turn; the one slip is the colon.
  'hearing/slips-senate.transcript': [[23, 'label-terminator', 'Mr. Linder:']],
};

describe('style fixtures: diagnostics', () => {
  const goods = allFixtures().filter(([, name]) => name.startsWith('good-'));
  const slips = allFixtures().filter(([, name]) => name.startsWith('slips-'));

  test('every style has well-formed fixtures and fixtures with slips', () => {
    for (const style of STYLES) {
      assert.ok(goods.filter(([s]) => s === style).length >= 2, `${style}: good-*`);
      assert.ok(slips.some(([s]) => s === style), `${style}: slips-*`);
    }
    assert.deepEqual(Object.keys(SLIPS).sort(), slips.map(([s, n]) => `${s}/${n}`).sort());
  });

  for (const [style, name] of goods) {
    test(`${style}/${name}: no error or warning — no diagnostic at all`, () => {
      const f = new Fixture(style, name);
      const diagnostics = diagnosticsOf(f.text);
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`),
        [],
      );
      assert.deepEqual(
        diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`),
        [],
      );
    });
  }

  for (const [style, name] of slips) {
    test(`${style}/${name}: exactly its slips`, () => {
      assert.deepEqual(found(new Fixture(style, name)), SLIPS[`${style}/${name}`]);
    });
  }
});

describe('style fixtures: messages that depend on the style', () => {
  test('podcast: a misspelt mixed-case name is suggested once, not as "Priya Raman (Priya Raman)"', () => {
    const f = new Fixture('podcast', 'slips-conversation.transcript');
    const d = diagnosticsOf(f.text).find((x) => x.code === 'unknown-speaker');
    assert.equal(d?.message, 'Unknown speaker Priay Raman — did you mean Priya Raman?');
  });

  test('court: two questions in a row name the examiner', () => {
    const f = new Fixture('court', 'slips-deposition.transcript');
    const d = diagnosticsOf(f.text).find((x) => x.code === 'split-turn');
    assert.equal(d?.message, 'MS. OKAFOR speaks twice in a row (line 10 and here): probably one turn split by mistake.');
  });

  test('court: the witness in lower case, and its fix', () => {
    const f = new Fixture('court', 'slips-deposition.transcript');
    const problems = serviceFor().getProblems(styleDoc(f.text));
    const p = problems.find((x) => x.code === 'label-case');
    assert.equal(p?.message, "Label the witness is not in upper case like the transcript's other labels: write THE WITNESS:");
    const at = f.text.indexOf('the witness:');
    assert.deepEqual(p?.fixes, [{ title: 'Upper-case the label: THE WITNESS:', preferred: true, edits: [{ start: at, end: at + 'the witness'.length, newText: 'THE WITNESS' }] }]);
  });

  test('hearing: a label ended with a colon, and its fix to the period', () => {
    const f = new Fixture('hearing', 'slips-senate.transcript');
    const problems = serviceFor().getProblems(styleDoc(f.text));
    const at = f.text.indexOf('Mr. Linder: Thank you.');
    assert.deepEqual(
      problems.map((p) => ({ code: p.code, start: p.start, end: p.end, message: p.message, fixes: p.fixes })),
      [
        {
          code: 'label-terminator',
          start: at,
          end: at + 'Mr. Linder:'.length,
          message: "Mr. Linder: ends with a colon, but a hearing's labels end with a period, so the line is read as part of the turn before it: write Mr. Linder.",
          fixes: [{ title: 'End the label with a period: Mr. Linder.', preferred: true, edits: [{ start: at + 10, end: at + 11, newText: '.' }] }],
        },
      ],
    );
    const d = diagnosticsOf(f.text)[0];
    assert.deepEqual([d.range, d.severity], [{ start: { line: 22, character: 4 }, end: { line: 22, character: 15 } }, 1]);
  });

  test('caption style: a label without its colon after `>>`, and its fix', () => {
    const f = new Fixture('broadcast', 'slips-captions.transcript');
    const p = serviceFor()
      .getProblems(styleDoc(f.text))
      .find((x) => x.code === 'missing-colon');
    const at = f.text.indexOf('>> BANKS To') + 3;
    assert.equal(p?.message, 'BANKS starts a line like a speaker label but has no colon: write BANKS:');
    assert.deepEqual(p?.fixes[0].edits, [{ start: at + 5, end: at + 5, newText: ':' }]);
  });
});

describe('the checks follow the style', () => {
  test('the conventions of each style', () => {
    assert.deepEqual(CONVENTIONS, {
      broadcast: { upperCaseLabels: true, periodLabels: false, introductions: true, splitTurns: true },
      podcast: { upperCaseLabels: false, periodLabels: false, introductions: false, splitTurns: false },
      court: { upperCaseLabels: true, periodLabels: false, introductions: false, splitTurns: true },
      hearing: { upperCaseLabels: false, periodLabels: true, introductions: false, splitTurns: true },
    });
  });

  const codes = (text: string, style: TranscriptStyle) => diagnosticsOf(text, style).map((d) => `${d.range.start.line + 1} ${d.code}`);

  test('a known label in lower case: label-case only where labels are upper case', () => {
    const text = 'PRIYA: Hello.\n\nTOMAS: Hi.\npriya: Again?\n';
    assert.deepEqual(codes(text, 'broadcast'), ['1 no-introduction', '3 no-introduction', '4 label-case']);
    assert.deepEqual(codes(text, 'court'), ['4 label-case']);
    assert.deepEqual(codes(text, 'podcast'), []);
    assert.deepEqual(codes(text, 'hearing'), []);
  });

  test('a known period label ended with a colon: label-terminator in a hearing only', () => {
    const text = 'Mr. Linder. Hello.\n\nSenator FOLEY. Hi.\nMr. Linder: Again?\n';
    assert.deepEqual(codes(text, 'hearing'), ['4 label-terminator']);
    assert.deepEqual(codes(text, 'broadcast'), []);
    assert.deepEqual(codes(text, 'court'), []);
    assert.deepEqual(codes(text, 'podcast'), []);
  });

  test('a speaker twice in a row, introduced twice: split-turn where turns are not split at timestamps, duplicate-introduction in broadcast only', () => {
    const text = 'NINA PARK: One.\n\nNINA PARK: Two.\n';
    assert.deepEqual(codes(text, 'broadcast'), ['3 duplicate-introduction', '3 split-turn']);
    assert.deepEqual(codes(text, 'court'), ['3 split-turn']);
    assert.deepEqual(codes(text, 'hearing'), ['3 split-turn']);
    assert.deepEqual(codes(text, 'podcast'), []);
  });

  test('a mixed-case podcast transcript read as broadcast has no labels at all, so nothing to check; as a podcast, nothing wrong', () => {
    const f = new Fixture('podcast', 'good-conversation.transcript');
    assert.deepEqual(codes(f.text, 'podcast'), []);
    const broadcast = serviceFor('broadcast').getTranscript(styleDoc(f.text));
    assert.equal(broadcast.doc.turns.filter((t) => t.label).length, 0);
  });

  test('court: the examiner speaking under their own label, then asking under Q., is no split turn; two Q. in a row is', () => {
    const text = ['     BY MS. OKAFOR:', 'MS. OKAFOR:  For the record, this is Exhibit 4.', 'Q.   Do you know it?', 'A.   Yes.', 'Q.   Where from?', 'Q.   The office?', 'A.   Yes.', ''].join('\n');
    assert.deepEqual(codes(text, 'court'), ['6 split-turn']);
  });

  test("a briefing's Q lines in a row are different reporters: no split turn", () => {
    const text = ['MS. WHITCOMBE: Questions?', '', 'Q Thank you. When?', '', 'Q And where?', '', 'MS. WHITCOMBE: Monday, at the terminal.', ''].join('\n');
    assert.deepEqual(codes(text, 'court'), []);
  });
});
