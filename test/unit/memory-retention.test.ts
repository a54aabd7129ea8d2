// What outlives a version of a document — the entity caches, the Statistics view's cache, the
// typo cache, the workspace index — must not keep that version's text alive: V8 keeps a
// substring as a view of the whole text, so one cached name can hold a 10 MB transcript.
// Ten versions of a 4 MB transcript are read by every feature that caches, then closed; after a
// full collection the heap must be back near where it started.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { generateTranscript } from '../../bench/generate';
import { createLanguageService } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

test('ten versions of a 4 MB transcript, read by every caching feature, are not kept once closed', () => {
  const uri = 'file:///retained.transcript';
  const svc = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  // Warm every cache and lazy module once, so that what is measured is growth.
  const warm = generateTranscript({ targetBytes: 200_000, seed: 7 }).transcript;
  const w = { uri: 'file:///warm.transcript', version: 1, getText: () => warm };
  svc.getStatistics(w, defaultSettings, 0);
  svc.getDiagnostics(w, defaultSettings);
  svc.getHover(w, { line: 20, character: 8 }, defaultSettings);
  svc.onDocumentClosed(w.uri);
  const before = heapMb();

  let text = generateTranscript({ targetBytes: 4_000_000, seed: 11 }).transcript;
  const lines = text.split('\n').length;
  for (let version = 1; version <= 10; version++) {
    if (version > 1) {
      const at = text.indexOf(' ', Math.floor((text.length * version) / 12)) + 1;
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      svc.onDocumentEdited(uri, version - 1, version, { start: at, end: at, newLength: 1 });
    }
    const snapshot = text;
    const doc = { uri, version, getText: () => snapshot };
    svc.getDiagnostics(doc, defaultSettings);
    svc.getDocumentSymbols(doc, defaultSettings);
    svc.getStatistics(doc, defaultSettings, 0); // one new window of entities each time
    svc.getHover(doc, { line: Math.floor((lines * version) / 12), character: 10 }, defaultSettings);
  }
  svc.onDocumentClosed(uri);
  text = '';
  const grown = heapMb() - before;
  // One version of the text is 8 MB (two bytes a character: it has curly quotes); ten kept would be 80.
  assert.ok(grown < 25, `the heap grew by ${grown.toFixed(1)} MB`);
});
