// Quick fixes, fix-all and formatting on hostile documents (random Unicode, control characters,
// lone surrogates, CR-only and mixed line endings, Markdown, half-typed labels): each quick fix
// changes only the text of its own problem's lines; after fix-all no fixable problem is left;
// formatting is idempotent and never changes the words. Extends properties-diagnostics.test.ts,
// whose documents are built from known speakers with deliberate slips.
//
// Property cases: see test/helpers/arbitraries.ts.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/analysis';
import { checkTranscript } from '../../server/src/features/rules';
import { createLanguageService, type TextDocumentLike } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import type { TranscriptStyle } from '../../server/src/parser';
import { actionEdits, applyTextEdits, offsetOf } from '../fixtures/rules/support';
import { anyDocument, describeRuns, lineEndOf, lineStartsOf, runs, show, transcriptLike } from '../helpers/arbitraries';

const URI = 'file:///test/draft.transcript'; // the URI support.ts's actionEdits expects
const whole = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
const svcOf = (style?: TranscriptStyle) => createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined }, style: () => style });
let version = 0;
const docOf = (text: string): TextDocumentLike => {
  const v = ++version;
  return { uri: URI, version: v, getText: () => text };
};

/** Fix-all as the editor runs it: with the style detected, or the one the `transcript.style` setting forces. */
function fixAll(text: string, style?: TranscriptStyle): string {
  const [a] = svcOf(style).getCodeActions(docOf(text), whole, { diagnostics: [], only: ['source.fixAll.transcript'] }, defaultSettings);
  return a ? applyTextEdits(text, actionEdits(a)) : text;
}

const format = (text: string) => applyTextEdits(text, svcOf().getFormattingEdits(docOf(text)));

/** White space for comparing words: JavaScript's \s and the zero-width characters a blank line may hold. */
const SPACE = /[\s\u200b\u180e]+/;
/** The words of a text, with the spacing around label colons (which formatting fixes) normalised. */
const wordsOf = (text: string) =>
  text
    .replace(/[ \t]+:/g, ':')
    .replace(/:(?=\S)/g, ': ')
    .split(SPACE)
    .filter(Boolean);

/** [start, end) of the lines the range touches, extended over the blank lines after them. */
function lineSpan(text: string, starts: readonly number[], startLine: number, endLine: number): { start: number; end: number } {
  let last = endLine;
  const blank = (l: number) => text.slice(starts[l], lineEndOf(text, starts, l)).trim() === '';
  while (last + 1 < starts.length && blank(last + 1)) last++;
  return { start: starts[startLine], end: last + 1 < starts.length ? starts[last + 1] : text.length };
}

describe('quick fixes, fix-all and formatting on hostile documents', () => {
  test('each quick fix changes only the text of its problem’s lines, and nothing outside its edits', (t) => {
    t.diagnostic(describeRuns());
    let checked = 0; // quick fixes checked, across all cases: the property must not hold vacuously
    fc.assert(
      fc.property(anyDocument, (text) => {
        const svc = svcOf();
        const d = docOf(text);
        const starts = lineStartsOf(text);
        const diagnostics = svc.getDiagnostics(d, defaultSettings);
        const actions: CodeAction[] = svc.getCodeActions(d, whole, { diagnostics, only: ['quickfix'] }, defaultSettings);
        checked += actions.length;
        for (const a of actions) {
          const edits: TextEdit[] = actionEdits(a);
          const out = applyTextEdits(text, edits); // fails on ranges outside the text or overlapping edits
          const spans = edits.map((e) => ({ s: offsetOf(text, e.range.start), e: offsetOf(text, e.range.end), n: e.newText })).sort((x, y) => x.s - y.s);
          let delta = 0;
          let last = 0;
          for (const sp of spans) {
            assert.equal(out.slice(last + delta, sp.s + delta), text.slice(last, sp.s), `"${a.title}" changed text outside its edits in ${show(text)}`);
            delta += sp.n.length - (sp.e - sp.s);
            last = sp.e;
          }
          assert.equal(out.slice(last + delta), text.slice(last));
          // A fix for one diagnostic edits that diagnostic's lines (and the blank lines after them) only.
          const dg = a.diagnostics?.[0];
          if (dg && !a.title.startsWith('Fix all')) {
            const span = lineSpan(text, starts, dg.range.start.line, dg.range.end.line);
            for (const sp of spans) assert.ok(span.start <= sp.s && sp.e <= span.end, `"${a.title}" edits [${sp.s}, ${sp.e}) outside its problem's lines [${span.start}, ${span.end}) in ${show(text)}`);
          }
        }
      }),
      runs(300),
    );
    assert.ok(checked > 100, `only ${checked} quick fixes came up in the random documents`);
    t.diagnostic(`${checked} quick fixes checked`);
  });

  /**
   * Problems with a preferred fix left after fix-all, checked as the editor checks the new text:
   * in the style detected afresh, or (`pinStyle`) in the original's style, forced by the setting
   * for fix-all and for the check.
   */
  const leftAfterFixAll = (text: string, pinStyle: boolean) => {
    const style = analyze(URI, 1, text).doc.style;
    const fixed = fixAll(text, pinStyle ? style : undefined);
    const t = pinStyle ? analyze(URI, 1, fixed, { style }) : analyze(URI, 1, fixed);
    const left = checkTranscript(t).filter((p) => p.fixes.some((f) => f.preferred));
    assert.deepEqual(left.map((p) => `${p.code}: ${p.message}`), [], `fix-all of ${show(text)} gave ${show(fixed)}`);
  };

  test('with the style set (transcript.style), after fix-all, checking again in that style finds no problem with a preferred fix', (t) => {
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(anyDocument, (text) => leftAfterFixAll(text, true)),
      runs(300),
    );
  });

  test(
    'after fix-all, checking again as the editor does (style detected afresh) finds no problem with a preferred fix',
    (t) => {
      t.diagnostic(describeRuns());
      fc.assert(
        fc.property(anyDocument, (text) => leftAfterFixAll(text, false)),
        runs(300),
      );
    },
  );

  test('fix-all keeps every word it does not fix: the words outside labels, in order', (t) => {
    // Fixes change labels, brackets and white space; a word of what is said never goes.
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(transcriptLike, (text) => {
        const marked = text.replace(/\bthe\b/g, () => 'zqx');
        const before = (marked.match(/zqx/g) ?? []).length;
        const after = (fixAll(marked).match(/zqx/g) ?? []).length;
        assert.equal(after, before, `fix-all lost spoken words of ${show(marked)}`);
      }),
      runs(200),
    );
  });

  const styleOf = (text: string) => analyze(URI, 1, text).doc.style;
  const checkFormat = (text: string) => {
    const once = format(text);
    // Detection reads white space as formatting leaves it, so formatting never changes the style.
    assert.equal(styleOf(once), styleOf(text), `formatting changed the style of ${show(text)}`);
    assert.equal(format(once), once, `format(format(x)) != format(x) for ${show(text)}`);
    assert.deepEqual(wordsOf(once), wordsOf(text), `formatting changed the words of ${show(text)}`);
    assert.equal(once.replace(/[\s\u200b\u180e]/g, ''), text.replace(/[\s\u200b\u180e]/g, ''), `formatting changed more than white space in ${show(text)}`);
  };
  test('formatting is idempotent and never changes the words', (t) => {
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(anyDocument, (text) => {
        checkFormat(text);
      }),
      runs(300),
    );
  });

  test(
    'formatting is idempotent on a mixed document whose labels have white-space slips: the style it is detected in stays',
    () => {
      checkFormat('Speaker 1: \nPARK : \nJames Cridland (00:00): the\nNINA PARK, HOST: \nNINA PARK, HOST: \nJames Cridland (00:00): \u180e\nNINA PARK, HOST: ');
    },
  );

  test(
    'formatting is idempotent on a blank line between a lone CR and a LF',
    (t) => {
      checkFormat('NINA PARK, HOST: \r \nNINA PARK, HOST: ');
      t.diagnostic(describeRuns());
      fc.assert(
        fc.property(anyDocument, fc.nat(), (text, at) => {
          const k = at % (text.length + 1);
          checkFormat(`${text.slice(0, k)}\r \n${text.slice(k)}`);
        }),
        runs(100),
      );
    },
  );
});
