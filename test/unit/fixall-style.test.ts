// Fix-all's later rounds read the text in the style the editor will read the result in: detected
// afresh (fixes can change it), or forced by the `transcript.style` setting or a first-line
// marker. Its result is then stable: re-checked as the editor does, no problem with a preferred
// fix is left, and fix-all on it does nothing.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { checkTranscript } from '../../server/src/features/rules';
import { createLanguageService } from '../../server/src/languageService';
import type { TranscriptStyle } from '../../server/src/parser';
import { defaultSettings } from '../../server/src/settings';
import { actionEdits, applyTextEdits, URI } from '../fixtures/rules/support';

const whole = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
let version = 0;

function fixAll(text: string, style?: TranscriptStyle): string {
  const svc = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined }, style: () => style });
  const [a] = svc.getCodeActions({ uri: URI, version: ++version, getText: () => text }, whole, { diagnostics: [], only: ['source.fixAll.transcript'] }, defaultSettings);
  return a ? applyTextEdits(text, actionEdits(a)) : text;
}

/** The problems with a preferred fix, the text read as the editor reads it. */
const fixable = (text: string, style?: TranscriptStyle) =>
  checkTranscript(analyze(URI, 1, text, { style }))
    .filter((p) => p.fixes.some((f) => f.preferred))
    .map((p) => `${p.code}: ${p.message}`);

function fixedAndStable(text: string, style?: TranscriptStyle): string {
  const fixed = fixAll(text, style);
  assert.deepEqual(fixable(fixed, style), [], `fix-all of ${JSON.stringify(text)} gave ${JSON.stringify(fixed)}`);
  assert.equal(fixAll(fixed, style), fixed, 'fix-all on its own result changes it again');
  return fixed;
}

describe('fix-all reads each round in the style the result will be read in', () => {
  // Podcast: a first line "Speaker 1: " with nothing said is a headline, not a turn. Without the
  // empty James Cridland turn the text is broadcast, where "Speaker 1: " is an empty turn.
  const text = 'Speaker 1: \nJames Cridland (00:00): ';

  test('the style detected afresh: what the first round leaves is fixed in its own style', () => {
    assert.equal(analyze(URI, 1, text).doc.style, 'podcast');
    const fixed = fixedAndStable(text);
    assert.equal(analyze(URI, 1, 'Speaker 1: \n').doc.style, 'broadcast');
    assert.notEqual(fixed, 'Speaker 1: \n');
  });

  test('a style forced by the setting holds in every round', () => {
    assert.equal(fixedAndStable(text, 'podcast'), 'Speaker 1: \n');
  });

  test('a first-line marker is read again with the text, and holds', () => {
    const marked = `transcript-style: podcast\n${text}`;
    assert.equal(fixedAndStable(marked), 'transcript-style: podcast\nSpeaker 1: \n');
  });

  test('a document whose style does not change is fixed as before', () => {
    assert.equal(fixedAndStable('Speaker 1: Hi.\n\nJames Cridland (00:00):\n\nSpeaker 1: So.\n'), 'Speaker 1: Hi.\n\nSpeaker 1: So.\n');
  });
});
