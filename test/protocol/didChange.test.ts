// Incremental textDocument/didChange (range edits, as VS Code sends them): the outline must
// follow every edit exactly.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { r, title, turn } from '../helpers/expected';
import { TestClient } from '../helpers/lspClient';

const uri = 'file:///virtual/harbour-update.transcript';
const v1 = [
  'Harbour update', // 0
  '', // 1
  'NINA PARK, HOST: Good morning.', // 2 (label 16, line 30)
  '', // 3
  'OMAR SALEH, BYLINE: Boats are tied up.', // 4 (label 19, line 38)
  '', // 5
  'PARK: Thank you, Omar.', // 6 (label 5, line 22)
  '',
].join('\n');

const titleSymbol = title('Harbour update', r(0, 0, 0, 14), r(0, 0, 0, 14));
const nina = turn('NINA PARK', 'Good morning.', r(2, 0, 2, 30), r(2, 0, 2, 16));
const omar = turn('OMAR SALEH', 'Boats are tied up.', r(4, 0, 4, 38), r(4, 0, 4, 19));

describe('didChange with incremental edits', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ configuration: () => ({ outline: { groupBySpeaker: false } }) });
    await client.initialize();
    await client.open(uri, v1, 1);
  });
  // The server must have survived the whole suite and must end cleanly.
  after(() => client.finish());

  test('v1: the outline as opened', async () => {
    assert.deepEqual(await client.documentSymbols(uri), [titleSymbol, nina, omar, turn('PARK (Nina Park)', 'Thank you, Omar.', r(6, 0, 6, 22), r(6, 0, 6, 5))]);
    assert.deepEqual(await client.foldingRanges(uri), []);
  });

  test('v2: a new turn inserted between two others', async () => {
    await client.change(uri, 2, [{ range: r(5, 0, 5, 0), text: '\nMARCUS OYELARAN: We offered talks.\n' }]);
    assert.deepEqual(await client.documentSymbols(uri), [
      titleSymbol,
      nina,
      omar,
      turn('MARCUS OYELARAN', 'We offered talks.', r(6, 0, 6, 34), r(6, 0, 6, 16)),
      turn('PARK (Nina Park)', 'Thank you, Omar.', r(8, 0, 8, 22), r(8, 0, 8, 5)),
    ]);
  });

  test('v3: two labels renamed in one notification (changes apply in order)', async () => {
    await client.change(uri, 3, [
      { range: r(6, 0, 6, 15), text: 'DEE KOWALCZYK' },
      { range: r(8, 0, 8, 4), text: 'NINA PARK' },
    ]);
    assert.deepEqual(await client.documentSymbols(uri), [
      titleSymbol,
      nina,
      omar,
      turn('DEE KOWALCZYK', 'We offered talks.', r(6, 0, 6, 32), r(6, 0, 6, 14)),
      turn('NINA PARK', 'Thank you, Omar.', r(8, 0, 8, 27), r(8, 0, 8, 10)),
    ]);
  });

  test('v4: a whole turn deleted', async () => {
    await client.change(uri, 4, [{ range: r(4, 0, 6, 0), text: '' }]);
    assert.deepEqual(await client.documentSymbols(uri), [
      titleSymbol,
      nina,
      turn('DEE KOWALCZYK', 'We offered talks.', r(4, 0, 4, 32), r(4, 0, 4, 14)),
      turn('NINA PARK', 'Thank you, Omar.', r(6, 0, 6, 27), r(6, 0, 6, 10)),
    ]);
  });

  test('v5: a second paragraph typed into a turn extends its range and makes it foldable', async () => {
    await client.change(uri, 5, [{ range: r(4, 32, 4, 32), text: '\n\nAnd we will again.' }]);
    assert.deepEqual(await client.documentSymbols(uri), [
      titleSymbol,
      nina,
      turn('DEE KOWALCZYK', 'We offered talks. And we will again.', r(4, 0, 6, 18), r(4, 0, 4, 14)),
      turn('NINA PARK', 'Thank you, Omar.', r(8, 0, 8, 27), r(8, 0, 8, 10)),
    ]);
    assert.deepEqual(await client.foldingRanges(uri), [{ startLine: 4, endLine: 6 }]);
  });

  test('v6: a label typed one character at a time only becomes a turn once it has its colon', async () => {
    let version = 6;
    // Type `OMAR:` at the start of the empty line 9 (after the last turn), then a space.
    await client.change(uri, version++, [{ range: r(8, 27, 8, 27), text: '\n\n' }]);
    for (const [i, ch] of [...'OMAR'].entries()) {
      await client.change(uri, version++, [{ range: r(10, i, 10, i), text: ch }]);
    }
    const beforeColon = await client.documentSymbols(uri);
    // Without its colon, `OMAR` is a second paragraph of Nina Park's turn.
    assert.deepEqual(beforeColon, [
      titleSymbol,
      nina,
      turn('DEE KOWALCZYK', 'We offered talks. And we will again.', r(4, 0, 6, 18), r(4, 0, 4, 14)),
      turn('NINA PARK', 'Thank you, Omar. OMAR', r(8, 0, 10, 4), r(8, 0, 8, 10)),
    ]);
    await client.change(uri, version++, [{ range: r(10, 4, 10, 4), text: ':' }]);
    await client.change(uri, version++, [{ range: r(10, 5, 10, 5), text: ' Hi.' }]);
    assert.deepEqual(await client.documentSymbols(uri), [
      titleSymbol,
      nina,
      turn('DEE KOWALCZYK', 'We offered talks. And we will again.', r(4, 0, 6, 18), r(4, 0, 4, 14)),
      turn('NINA PARK', 'Thank you, Omar.', r(8, 0, 8, 27), r(8, 0, 8, 10)),
      turn('OMAR', 'Hi.', r(10, 0, 10, 9), r(10, 0, 10, 5)),
    ]);
  });

  test('a full-text change (no range) replaces the document', async () => {
    await client.change(uri, 100, [{ text: 'SCOTT DETROW, HOST: Hello.\n' }]);
    assert.deepEqual(await client.documentSymbols(uri), [turn('SCOTT DETROW', 'Hello.', r(0, 0, 0, 26), r(0, 0, 0, 19))]);
    assert.deepEqual(await client.foldingRanges(uri), []);
  });

  test('deleting everything leaves an empty outline', async () => {
    await client.change(uri, 101, [{ range: r(0, 0, 1, 0), text: '' }]);
    assert.deepEqual(await client.documentSymbols(uri), []);
    assert.ok(client.alive);
  });
});
