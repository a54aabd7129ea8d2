// warmUp runs the typing path on a scratch copy of a sample: it must never throw, whatever the
// sample, and must leave nothing behind that changes what the service answers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';

const noFiles = { findFiles: async () => [], readFile: async () => undefined };
const example = readFileSync(join(__dirname, '..', '..', 'examples', 'draft-with-slips.transcript'), 'utf8');

test('warmUp takes any sample and changes no answer', () => {
  const doc = { uri: 'file:///w.transcript', version: 1, getText: () => example };
  const fresh = createLanguageService({ workspace: noFiles });
  const expected = { diagnostics: fresh.getDiagnostics(doc, defaultSettings), symbols: fresh.getDocumentSymbols(doc, defaultSettings) };

  const warmed = createLanguageService({ workspace: noFiles });
  for (const sample of [example, example.replace(/\n/g, '\r\n'), '', 'x', 'NOSPACESATALL'.repeat(1000), ' '.repeat(500), '\uD800 \uDC00 PARK: ', example.slice(0, 300)]) {
    assert.doesNotThrow(() => warmed.warmUp(sample, defaultSettings), JSON.stringify(sample.slice(0, 40)));
  }
  assert.deepEqual({ diagnostics: warmed.getDiagnostics(doc, defaultSettings), symbols: warmed.getDocumentSymbols(doc, defaultSettings) }, expected);
  // The same document, parsed before the warm-up and edited after it, still answers as a fresh parse would.
  const edited = example.replace('\n\n', '\n\nPARK: Typed.\n\n');
  const at = example.indexOf('\n\n') + 2;
  warmed.onDocumentEdited(doc.uri, 1, 2, { start: at, end: at, newLength: 'PARK: Typed.\n\n'.length });
  warmed.warmUp(example, defaultSettings);
  const doc2 = { uri: doc.uri, version: 2, getText: () => edited };
  assert.deepEqual(warmed.getDiagnostics(doc2, defaultSettings), createLanguageService({ workspace: noFiles }).getDiagnostics(doc2, defaultSettings));
});
