// Quick fixes, "Fix all N 'code' problems" and source.fixAll.transcript through the language
// service, plus the diagnostics they hang on (severity, link, related information, tags,
// settings). Every edit is applied with the test's own TextEdit applier and the text compared.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag, type CodeAction } from 'vscode-languageserver-types';
import { createLanguageService, defaultRulesDocUri } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import { actionEdits, applyTextEdits, doc, lines, lsp, rng, settingsWith, slipsAfterEveryFix, span, URI, wholeDocument } from '../fixtures/rules/support';

const root = join(__dirname, '..', '..');
const slips = readFileSync(join(root, 'test', 'fixtures', 'rules', 'slips.transcript'), 'utf8');
const slipsFixed = slipsAfterEveryFix(slips);

const quickFixes = (actions: CodeAction[]) => actions.filter((a) => a.kind === 'quickfix');

describe('diagnostics from problems', () => {
  const { diagnostics } = lsp(slips);

  test('codes, ranges, severities, source and the link to the rule', () => {
    const r = (sub: string, length = sub.length) => {
      const s = span(slips, sub).start;
      return rng(slips, s, s + length);
    };
    assert.deepEqual(
      diagnostics.map((d) => ({ code: d.code, range: d.range, severity: d.severity, source: d.source, href: d.codeDescription?.href })),
      [
        ['unknown-speaker', r('WHITFEILD'), DiagnosticSeverity.Warning],
        ['missing-colon', r('VANCE Mostly', 5), DiagnosticSeverity.Error],
        ['unclosed-stage-direction', r('(SOUNDBITE OF ARCHIVED RECORDING'), DiagnosticSeverity.Error],
        ['split-turn', r('VANCE: Vendors', 6), DiagnosticSeverity.Warning],
        ['label-case', r('whitfield:'), DiagnosticSeverity.Warning],
        ['label-spacing', r(' : Relieved', 2), DiagnosticSeverity.Warning],
        ['empty-turn', r('WHITFIELD:\n', 10), DiagnosticSeverity.Warning],
        ['unbalanced-quote', r('"We would', 1), DiagnosticSeverity.Warning],
        ['label-spacing', r(':Teo', 1), DiagnosticSeverity.Warning],
      ].map(([code, range, severity]) => ({ code, range, severity, source: 'transcript', href: `${defaultRulesDocUri}#${code}` })),
    );
  });

  test('related information points into the same document; the empty turn is tagged unnecessary', () => {
    const unknown = diagnostics.find((d) => d.code === 'unknown-speaker')!;
    assert.equal(unknown.message, 'Unknown speaker WHITFEILD — did you mean WHITFIELD (Dana Whitfield)?');
    const intro = span(slips, 'DANA WHITFIELD, HOST:');
    assert.deepEqual(unknown.relatedInformation, [{ location: { uri: URI, range: rng(slips, intro.start, intro.end) }, message: 'Dana Whitfield is introduced here' }]);
    const split = diagnostics.find((d) => d.code === 'split-turn')!;
    const prev = span(slips, 'VANCE: The council').start;
    assert.deepEqual(split.relatedInformation, [{ location: { uri: URI, range: rng(slips, prev, prev + 6) }, message: 'The turn this one continues' }]);
    assert.deepEqual(diagnostics.find((d) => d.code === 'empty-turn')!.tags, [DiagnosticTag.Unnecessary]);
    assert.deepEqual(
      diagnostics.filter((d) => d.tags).map((d) => d.code),
      ['empty-turn'],
    );
    assert.equal(diagnostics.find((d) => d.code === 'missing-colon')!.relatedInformation, undefined);
  });

  test('a rulesDocUri option moves the links', () => {
    const svc = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined }, rulesDocUri: 'https://example.test/rules.md' });
    const ds = svc.getDiagnostics(doc(slips), defaultSettings);
    assert.ok(ds.length > 0);
    for (const d of ds) assert.equal(d.codeDescription?.href, `https://example.test/rules.md#${d.code}`);
  });

  test('settings: a severity per rule, off removes a code, enable false removes all', () => {
    const s = settingsWith({ 'label-spacing': 'off', 'unbalanced-quote': 'error', 'split-turn': 'hint', 'missing-colon': 'information' });
    const ds = lsp(slips, s).diagnostics;
    assert.ok(!ds.some((d) => d.code === 'label-spacing'));
    assert.equal(ds.length, diagnostics.length - 2);
    const sev = (code: string) => ds.find((d) => d.code === code)!.severity;
    assert.equal(sev('unbalanced-quote'), DiagnosticSeverity.Error);
    assert.equal(sev('split-turn'), DiagnosticSeverity.Hint);
    assert.equal(sev('missing-colon'), DiagnosticSeverity.Information);
    assert.equal(sev('empty-turn'), DiagnosticSeverity.Warning);
    assert.deepEqual(lsp(slips, settingsWith({}, false)).diagnostics, []);
  });
});

describe('quick fixes', () => {
  const { diagnostics, actions } = lsp(slips);

  test('each diagnostic gets its own fix, preferred as documented, tied to the diagnostic; applying it changes only its spot', () => {
    const expected: Record<string, [string, string, string]> = {
      // code: [title, text before, text after]
      'unknown-speaker': ['Change to WHITFIELD', 'WHITFEILD: Who', 'WHITFIELD: Who'],
      'missing-colon': ['Add the colon: VANCE:', 'VANCE Mostly', 'VANCE: Mostly'],
      'unclosed-stage-direction': ["Close the stage direction with ')'", '(SOUNDBITE OF ARCHIVED RECORDING\n', '(SOUNDBITE OF ARCHIVED RECORDING)\n'],
      'split-turn': ['Merge into the previous turn of TEO VANCE', '\nVANCE: Vendors', '\nVendors'],
      'label-case': ['Upper-case the label: WHITFIELD:', 'whitfield: And', 'WHITFIELD: And'],
      'empty-turn': ['Remove the empty turn WHITFIELD:', 'busiest.\n\nWHITFIELD:\n\nVANCE: One', 'busiest.\n\nVANCE: One'],
    };
    for (const d of diagnostics) {
      const fixes = quickFixes(actions(d.range, undefined, [d])).filter((a) => !a.title.startsWith('Fix all'));
      if (d.code === 'unbalanced-quote') {
        assert.deepEqual(fixes, [], 'no fix for an unbalanced quote');
        continue;
      }
      const want = expected[d.code as string];
      if (!want) continue; // label-spacing: below
      assert.equal(fixes.length, 1, `${d.code}: ${fixes.map((f) => f.title).join(', ')}`);
      const [a] = fixes;
      assert.equal(a.title, want[0]);
      assert.equal(a.isPreferred, true, `${d.code} preferred`);
      assert.deepEqual(a.diagnostics, [d]);
      assert.equal(applyTextEdits(slips, actionEdits(a)), slips.replace(want[1], want[2]), String(d.code));
    }
  });

  test('label-spacing: a fix for each slip, and one "Fix all 2" action per request', () => {
    const spacing = diagnostics.filter((d) => d.code === 'label-spacing');
    assert.equal(spacing.length, 2);
    const got = quickFixes(actions(spacing[0].range, undefined, spacing));
    assert.deepEqual(
      got.map((a) => [a.title, a.isPreferred]),
      [
        ['Remove the space before the colon', true],
        ["Fix all 2 problems of this kind in this file", undefined],
      ],
    );
    assert.equal(applyTextEdits(slips, actionEdits(got[0])), slips.replace('VANCE : Relieved', 'VANCE: Relieved'));
    assert.equal(got[1].diagnostics, undefined);
    assert.equal(applyTextEdits(slips, actionEdits(got[1])), slips.replace('VANCE : Relieved', 'VANCE: Relieved').replace('WHITFIELD:Teo', 'WHITFIELD: Teo'));
    // Over the whole document "Fix all" is still offered once.
    const all = quickFixes(actions(wholeDocument));
    assert.equal(all.filter((a) => a.title.startsWith('Fix all')).length, 1);
  });

  test('no "Fix all" for a code with a single problem, nor for fixes that are not preferred', () => {
    const all = quickFixes(actions(wholeDocument));
    assert.deepEqual(
      all.filter((a) => a.title.startsWith('Fix all')).map((a) => a.title),
      ["Fix all 2 problems of this kind in this file"],
    );
    const kanes = lines('Two Kanes', '', 'SARAH KANE, MEMBER: a', '', 'MILES KANE, RESIDENT: b', '', 'KANE: c', '', 'PARK: x', '', 'KANE: d');
    const k = lsp(kanes);
    const got = quickFixes(k.actions(wholeDocument));
    assert.deepEqual(
      got.map((a) => [a.title, a.isPreferred]),
      [
        ['Change to S. KANE', undefined],
        ['Change to M. KANE', undefined],
        ['Change to S. KANE', undefined],
        ['Change to M. KANE', undefined],
      ],
    );
  });

  test('a range away from every problem gets no quick fix; diagnostics the client did not send are not attached', () => {
    const title = span(slips, 'Council votes');
    assert.deepEqual(actions(rng(slips, title.start, title.end)), []);
    const d = diagnostics.find((x) => x.code === 'missing-colon')!;
    const [a] = actions(d.range, undefined, []);
    assert.equal(a.title, 'Add the colon: VANCE:');
    assert.equal(a.diagnostics, undefined);
  });

  test('context.only: quickfix gives quick fixes only; source.fixAll gives fix-all only', () => {
    const onlyQuick = actions(wholeDocument, ['quickfix']);
    assert.ok(onlyQuick.length > 0);
    assert.ok(onlyQuick.every((a) => a.kind === 'quickfix'));
    for (const only of [['source.fixAll.transcript'], ['source.fixAll'], ['source']]) {
      const got = actions(wholeDocument, only);
      assert.deepEqual(got.map((a) => [a.title, a.kind]), [['Fix all auto-fixable transcript problems', 'source.fixAll.transcript']], only.join());
    }
    assert.deepEqual(actions(wholeDocument, ['source.organizeImports']), []);
    assert.deepEqual(actions(wholeDocument, ['refactor']), []);
  });

  test('without context.only there is no source.fixAll action', () => {
    assert.ok(!actions(wholeDocument).some((a) => a.kind?.startsWith('source')));
  });

  test('settings: an "off" rule offers no fix; enable false offers nothing', () => {
    const off = lsp(slips, settingsWith({ 'label-spacing': 'off' }));
    assert.ok(!quickFixes(off.actions()).some((a) => /space|Fix all/.test(a.title)));
    assert.deepEqual(lsp(slips, settingsWith({}, false)).actions(), []);
    assert.deepEqual(lsp(slips, settingsWith({}, false)).actions(wholeDocument, ['source.fixAll.transcript']), []);
  });

  test(
    '"Fix all N" fixes all N, even when their edits touch (two empty turns in a row)',
    () => {
      const text = lines('T', '', 'NINA PARK, HOST: Hi.', '', 'OMAR SALEH, BYLINE: x', '', 'PARK:', '', 'SALEH:', '', 'PARK: y');
      const fixAll = quickFixes(lsp(text).actions()).find((a) => a.title.startsWith('Fix all'))!;
      assert.equal(fixAll.title, "Fix all 2 problems of this kind in this file");
      assert.equal(applyTextEdits(text, actionEdits(fixAll)), lines('T', '', 'NINA PARK, HOST: Hi.', '', 'OMAR SALEH, BYLINE: x', '', 'PARK: y'));
    },
  );
});

describe('source.fixAll.transcript', () => {
  test('the draft: every preferred fix, in rounds, as one edit; the result has only the unfixable quote left', () => {
    const { actions } = lsp(slips);
    const [a] = actions(wholeDocument, ['source.fixAll.transcript']);
    assert.equal(a.title, 'Fix all auto-fixable transcript problems');
    assert.equal(a.kind, 'source.fixAll.transcript');
    const fixed = applyTextEdits(slips, actionEdits(a));
    assert.equal(fixed, slipsFixed);
    assert.deepEqual(lsp(fixed).diagnostics.map((d) => d.code), ['unbalanced-quote']);
  });

  test('one round only: the edits are the fixes themselves', () => {
    const text = lines('T', '', 'NINA PARK, HOST: Hi.', '', 'OMAR SALEH , BYLINE:x', '', 'PARK : y  ');
    const [a] = lsp(text).actions(wholeDocument, ['source.fixAll']);
    const edits = actionEdits(a);
    assert.equal(edits.length, 3);
    assert.equal(applyTextEdits(text, edits), lines('T', '', 'NINA PARK, HOST: Hi.', '', 'OMAR SALEH , BYLINE: x', '', 'PARK: y'));
  });

  test(
    'a cascade of six rounds still ends with nothing left to fix',
    () => {
      // Found by the fix-all property test (seed 18): empty turns in a row, a duplicate introduction, a label in lower case.
      const text = lines(
        'Ferry crews return to work',
        '',
        '(SOUNDBITE OF MUSIC',
        'nina park: the',
        'OMAR SALEH, BYLINE:',
        'OMAR SALEH, BYLINE:',
        'SALEH:',
        'PARK: zqx0x',
        '',
        'Transcript provided by NPR, Copyright NPR.',
        '',
        'Nina Park is the host of Morning Edition.',
      );
      const [a] = lsp(text).actions(wholeDocument, ['source.fixAll.transcript']);
      const fixed = applyTextEdits(text, actionEdits(a));
      assert.equal(
        fixed,
        lines('Ferry crews return to work', '', '(SOUNDBITE OF MUSIC)', 'NINA PARK: the', 'zqx0x', '', 'Transcript provided by NPR, Copyright NPR.', '', 'Nina Park is the host of Morning Edition.'),
      );
    },
  );

  test('nothing to fix: no action', () => {
    const clean = readFileSync(join(root, 'test', 'fixtures', 'rules', 'clean.transcript'), 'utf8');
    assert.deepEqual(lsp(clean).actions(wholeDocument, ['source.fixAll.transcript']), []);
    // Problems without a preferred fix only: none either.
    const quote = lines('T', '', 'NINA PARK, HOST: She said, "Hi.', '', 'OMAR SALEH, BYLINE: Yes.');
    assert.deepEqual(lsp(quote).actions(wholeDocument, ['source.fixAll.transcript']), []);
  });

  test('an "off" rule is left alone by fix-all', () => {
    const s = settingsWith({ 'label-spacing': 'off', 'empty-turn': 'off' });
    const [a] = lsp(slips, s).actions(wholeDocument, ['source.fixAll.transcript']);
    const fixed = applyTextEdits(slips, actionEdits(a));
    assert.ok(fixed.includes('VANCE : Relieved'));
    assert.ok(fixed.includes('WHITFIELD:Teo'));
    assert.ok(fixed.includes('\nWHITFIELD:\n'));
    assert.ok(fixed.includes('VANCE: Mostly'));
  });

  test('getFixAllEdits (the CLI path) gives the same text', async () => {
    const { applyEdits } = await import('../../server/src/features/edits');
    const svc = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
    assert.equal(applyEdits(slips, svc.getFixAllEdits(doc(slips), defaultSettings)), slipsFixed);
  });

  test('CRLF text: the fix-all edit keeps \\r\\n pairs whole', () => {
    const crlf = slips.replace(/\n/g, '\r\n');
    const [a] = lsp(crlf).actions(wholeDocument, ['source.fixAll.transcript']);
    assert.equal(applyTextEdits(crlf, actionEdits(a)), slipsFixed.replace(/\n/g, '\r\n'));
  });
});
