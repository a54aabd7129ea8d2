// The outline of a day-long hearing leaves out each turn's first words (see DETAIL_TURN_LIMIT).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { DETAIL_TURN_LIMIT } from '../../server/src/features/symbols';
import { defaultSettings } from '../../server/src/settings';

const service = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
const transcript = (turns: number) =>
  `Hearing\n\nNINA PARK, HOST: Welcome.\n\n${Array.from({ length: turns - 1 }, (_, i) => `${i % 2 ? 'PARK' : 'SALEH'}: Turn number ${i}.`).join('\n\n')}\n`;

test('up to the limit every turn has its first words as detail; beyond it none has', () => {
  const small = service.getDocumentSymbols({ uri: 'file:///small.transcript', version: 1, getText: () => transcript(DETAIL_TURN_LIMIT) }, defaultSettings);
  assert.equal(small.length, DETAIL_TURN_LIMIT + 1); // the title, then every turn
  assert.deepEqual([small[1].name, small[1].detail, small[2].detail], ['NINA PARK', 'Welcome.', 'Turn number 0.']);
  const large = service.getDocumentSymbols({ uri: 'file:///large.transcript', version: 1, getText: () => transcript(DETAIL_TURN_LIMIT + 1) }, defaultSettings);
  assert.equal(large.length, DETAIL_TURN_LIMIT + 2);
  assert.deepEqual([large[1].name, large[1].detail, large[2].name, large[2].detail], ['NINA PARK', undefined, 'SALEH', undefined]);
});
