// foldingRanges: the preamble, every turn of more than one line, the trailer.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { foldingRanges } from '../../server/src/features/folding';
import { createLanguageService } from '../../server/src/languageService';
import { morningFolding } from '../helpers/expected';
import { fixtureWorkspace } from '../helpers/lspClient';

const fold = (text: string) => foldingRanges(analyze('file:///f.transcript', 1, text));

describe('foldingRanges', () => {
  test('the fixture, through the language service', () => {
    const text = readFileSync(path.join(fixtureWorkspace, 'morning-edition.transcript'), 'utf8');
    const service = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
    assert.deepEqual(service.getFoldingRanges({ uri: 'file:///m.transcript', version: 1, getText: () => text }), morningFolding);
  });

  test('nothing to fold in an empty document or in one-line turns', () => {
    assert.deepEqual(fold(''), []);
    assert.deepEqual(fold('NINA PARK: Hi.\n\nPARK: Bye.\n'), []);
  });

  test('a one-line preamble and a one-line trailer do not fold', () => {
    assert.deepEqual(fold('Headline\n\nNINA PARK: Hi.\n\nTranscript provided by KBRT.\n'), []);
  });

  test('a turn folds from its label line to its last line of text, blank lines between paragraphs included', () => {
    assert.deepEqual(fold('NINA PARK:\n\nFirst paragraph.\n\nSecond paragraph.\n\n\nPARK: Bye.\n'), [{ startLine: 0, endLine: 4 }]);
  });

  test('trailing blank lines do not extend a fold', () => {
    assert.deepEqual(fold('NINA PARK: One.\nTwo.\n\n\n\n'), [{ startLine: 0, endLine: 1 }]);
  });

  test('a continuation after a stage direction folds on its own', () => {
    assert.deepEqual(fold('NINA PARK: Hi.\n\n(MUSIC)\n\nline A\nline B\n'), [{ startLine: 4, endLine: 5 }]);
  });

  test('YAML front matter belongs to the preamble', () => {
    assert.deepEqual(fold('---\ntitle: Show\n---\n\nNINA PARK: Hi.\n'), [{ startLine: 0, endLine: 2 }]);
  });

  test('CRLF and lone CR count lines the same way', () => {
    assert.deepEqual(fold('NINA PARK: One.\r\nTwo.\r\n\r\nPARK: Three.\r\nFour.'), [
      { startLine: 0, endLine: 1 },
      { startLine: 3, endLine: 4 },
    ]);
    assert.deepEqual(fold('NINA PARK: One.\rTwo.\r\rPARK: Three.\rFour.'), [
      { startLine: 0, endLine: 1 },
      { startLine: 3, endLine: 4 },
    ]);
  });

  test('ranges come in document order and never overlap', () => {
    const text = readFileSync(path.join(fixtureWorkspace, 'morning-edition.transcript'), 'utf8');
    const ranges = fold(text);
    for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i].startLine > ranges[i - 1].endLine, JSON.stringify(ranges));
  });
});
