// Positions on the wire: LSP counts lines (split at \n, \r\n or a lone \r) and UTF-16 code
// units within a line. CRLF files, a byte-order mark and astral characters (emoji, math
// letters, CJK Extension B) must all land on the right columns, also after incremental edits.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { r, stage, title, turn } from '../helpers/expected';
import { TestClient } from '../helpers/lspClient';

describe('positions over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ configuration: () => ({ outline: { groupBySpeaker: false } }) });
    await client.initialize();
  });
  // The server must have survived the whole suite and must end cleanly.
  after(() => client.finish());

  test('CRLF line endings: ranges end before the \\r, folding spans the right lines', async () => {
    const uri = 'file:///virtual/crlf.transcript';
    const text = 'Harbour update\r\n\r\nNINA PARK, HOST: Good morning.\r\nStill here.\r\n\r\n(MUSIC)\r\n\r\nPARK: Bye.\r\n';
    await client.open(uri, text);
    assert.deepEqual(await client.documentSymbols(uri), [
      title('Harbour update', r(0, 0, 0, 14), r(0, 0, 0, 14)),
      turn('NINA PARK', 'Good morning. Still here.', r(2, 0, 3, 11), r(2, 0, 2, 16)),
      stage('(MUSIC)', r(5, 0, 5, 7)),
      turn('PARK (Nina Park)', 'Bye.', r(7, 0, 7, 10), r(7, 0, 7, 5)),
    ]);
    assert.deepEqual(await client.foldingRanges(uri), [{ startLine: 2, endLine: 3 }]);

    // Incremental edits in a CRLF document: insert a turn, then join two lines across a \r\n.
    await client.change(uri, 2, [{ range: r(6, 0, 6, 0), text: '\r\nOMAR SALEH: Hi.\r\n' }]);
    assert.deepEqual(await client.documentSymbols(uri), [
      title('Harbour update', r(0, 0, 0, 14), r(0, 0, 0, 14)),
      turn('NINA PARK', 'Good morning. Still here.', r(2, 0, 3, 11), r(2, 0, 2, 16)),
      stage('(MUSIC)', r(5, 0, 5, 7)),
      turn('OMAR SALEH', 'Hi.', r(7, 0, 7, 15), r(7, 0, 7, 11)),
      turn('PARK (Nina Park)', 'Bye.', r(9, 0, 9, 10), r(9, 0, 9, 5)),
    ]);
    await client.change(uri, 3, [{ range: r(2, 30, 3, 11), text: '' }]);
    assert.deepEqual(await client.documentSymbols(uri), [
      title('Harbour update', r(0, 0, 0, 14), r(0, 0, 0, 14)),
      turn('NINA PARK', 'Good morning.', r(2, 0, 2, 30), r(2, 0, 2, 16)),
      stage('(MUSIC)', r(4, 0, 4, 7)),
      turn('OMAR SALEH', 'Hi.', r(6, 0, 6, 15), r(6, 0, 6, 11)),
      turn('PARK (Nina Park)', 'Bye.', r(8, 0, 8, 10), r(8, 0, 8, 5)),
    ]);
    assert.deepEqual(await client.foldingRanges(uri), []);
  });

  test('lone \\r line endings (old Mac files) count as line breaks too', async () => {
    const uri = 'file:///virtual/cr.transcript';
    await client.open(uri, 'T\r\rNINA PARK: Hi.\r\rPARK: Bye.');
    assert.deepEqual(await client.documentSymbols(uri), [
      title('T', r(0, 0, 0, 1), r(0, 0, 0, 1)),
      turn('NINA PARK', 'Hi.', r(2, 0, 2, 14), r(2, 0, 2, 10)),
      turn('PARK (Nina Park)', 'Bye.', r(4, 0, 4, 10), r(4, 0, 4, 5)),
    ]);
  });

  test('a byte-order mark is one UTF-16 unit of line 0: a label right after it starts at character 1', async () => {
    const uri = 'file:///virtual/bom.transcript';
    await client.open(uri, '\uFEFFNINA PARK, HOST: Good morning.\n\nPARK: Bye.\n');
    assert.deepEqual(await client.documentSymbols(uri), [
      turn('NINA PARK', 'Good morning.', r(0, 1, 0, 31), r(0, 1, 0, 17)),
      turn('PARK (Nina Park)', 'Bye.', r(2, 0, 2, 10), r(2, 0, 2, 5)),
    ]);
  });

  test('BOM and CRLF together: the title starts after the mark, its name does not include it', async () => {
    const uri = 'file:///virtual/bom-crlf.transcript';
    await client.open(uri, '\uFEFFHarbour update\r\n\r\nNINA PARK, HOST: Good morning.\r\n');
    assert.deepEqual(await client.documentSymbols(uri), [
      title('Harbour update', r(0, 1, 0, 15), r(0, 1, 0, 15)),
      turn('NINA PARK', 'Good morning.', r(2, 0, 2, 30), r(2, 0, 2, 16)),
    ]);
    // An edit right after the mark keeps it counted.
    await client.change(uri, 2, [{ range: r(0, 1, 0, 8), text: 'Ferry' }]);
    assert.deepEqual((await client.documentSymbols(uri))?.[0], title('Ferry update', r(0, 1, 0, 13), r(0, 1, 0, 13)));
  });

  test('astral characters in a label and before its colon shift the UTF-16 columns', async () => {
    const uri = 'file:///virtual/astral.transcript';
    const text = [
      '🎙️ Morning show', // 🎙 is 2 units, U+FE0F 1: 16 units
      '',
      '𝐍𝐈𝐍𝐀 PARK, HOST: Hello 👋 everyone.', // 4 math-bold letters = 8 units; label 20, line 39
      '',
      '𠀋 KIM: Second.', // U+2000B = 2 units; label 7, line 15
      '',
      'OMAR SALEH, BYLINE 📻: Static.', // the radio emoji before the colon: label 22, line 30
      '',
    ].join('\n');
    await client.open(uri, text);
    assert.deepEqual(await client.documentSymbols(uri), [
      title('🎙️ Morning show', r(0, 0, 0, 16), r(0, 0, 0, 16)),
      turn('𝐍𝐈𝐍𝐀 PARK', 'Hello 👋 everyone.', r(2, 0, 2, 39), r(2, 0, 2, 20)),
      turn('𠀋 KIM', 'Second.', r(4, 0, 4, 15), r(4, 0, 4, 7)),
      turn('OMAR SALEH', 'Static.', r(6, 0, 6, 30), r(6, 0, 6, 22)),
    ]);
    // An emoji typed before the label on the line above moves nothing on later lines, and one
    // typed inside the name moves the end of the label by two units.
    await client.change(uri, 2, [
      { range: r(0, 0, 0, 0), text: '📰' },
      { range: r(4, 2, 4, 2), text: '𠀋' },
    ]);
    assert.deepEqual(await client.documentSymbols(uri), [
      title('📰🎙️ Morning show', r(0, 0, 0, 18), r(0, 0, 0, 18)),
      turn('𝐍𝐈𝐍𝐀 PARK', 'Hello 👋 everyone.', r(2, 0, 2, 39), r(2, 0, 2, 20)),
      turn('𠀋𠀋 KIM', 'Second.', r(4, 0, 4, 17), r(4, 0, 4, 9)),
      turn('OMAR SALEH', 'Static.', r(6, 0, 6, 30), r(6, 0, 6, 22)),
    ]);
  });
});
