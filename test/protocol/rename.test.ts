// textDocument/prepareRename and textDocument/rename over real JSON-RPC (the BUILT server) on
// test/fixtures/protocol/mekong-dam.transcript. Renaming a speaker's full name rewrites the
// `FULL NAME, ROLE:` introduction, every short label and every mention; a one-word new name
// changes surnames only; names that are no names are refused with a message the editor shows.
//
// The expected documents are the fixture with plain string replacements (every "Okoro" in it is
// Wendell Okoro), so they do not depend on how the server finds labels and mentions.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ResponseError, type MarkupContent, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';
import { fixture, r } from '../fixtures/protocol/support';

const mekong = fixture('mekong-dam.transcript');
const U = mekong.uri;

/** LSP edits applied to a text (all ranges refer to the original; they must not overlap). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  for (let i = 1; i < sorted.length; i++) assert.ok(off(sorted[i].range.end) <= off(sorted[i - 1].range.start), 'overlapping edits');
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/** The edits of a WorkspaceEdit for our one document, sorted by position. */
function editsOf(we: WorkspaceEdit | null): TextEdit[] {
  assert.ok(we?.changes, 'a WorkspaceEdit with changes');
  assert.deepEqual(Object.keys(we.changes), [U]);
  return [...we.changes[U]].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const e = (range: Range, newText: string): TextEdit => ({ range, newText });

/** Fails unless `promise` is refused with InvalidRequest and exactly `message`. */
async function refused(promise: Promise<unknown>, message: string) {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof ResponseError, String(err));
    assert.equal(err.code, -32600);
    assert.equal(err.message, message);
    return true;
  });
}

describe('prepareRename and rename', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.initialize();
    await client.open(U, mekong.text);
  });
  after(() => client.finish());

  describe('prepareRename', () => {
    test('on a short label: the label name, the full name as placeholder', async () => {
      assert.deepEqual(await client.prepareRename(U, mekong.at('OKORO: He', 2)), { range: r(21, 0, 21, 5), placeholder: 'Wendell Okoro' });
    });

    test('on the introduction, and on a mention with a possessive', async () => {
      assert.deepEqual(await client.prepareRename(U, mekong.at('WENDELL OKORO, BYLINE', 9)), { range: r(13, 0, 13, 13), placeholder: 'Wendell Okoro' });
      assert.deepEqual(await client.prepareRename(U, mekong.at("Okoro's", 5)), { range: r(27, 11, 27, 16), placeholder: 'Wendell Okoro' });
    });

    test('a speaker whose full name comes from the summary', async () => {
      assert.deepEqual(await client.prepareRename(U, mekong.at('BRANDVOLD: Thank', 0)), { range: r(29, 0, 29, 9), placeholder: 'Ilse Brandvold' });
    });

    test('a speaker known by a one-word label only: the label as placeholder', async () => {
      assert.deepEqual(await client.prepareRename(U, mekong.at('SENGDARA', 3)), { range: r(43, 0, 43, 8), placeholder: 'SENGDARA' });
    });

    const offSpeaker = "Put the cursor on a speaker's label or on their name in the text to rename them.";

    test('refused off a speaker, with a message that says where to put the cursor', async () => {
      await refused(client.prepareRename(U, mekong.at('sixty million', 2)), offSpeaker);
      await refused(client.prepareRename(U, mekong.at('BOAT ENGINE', 1)), offSpeaker);
      await refused(client.prepareRename(U, mekong.at(', BYLINE:', 4)), offSpeaker);
      // A person named in the text who never speaks is not a speaker.
      await refused(client.prepareRename(U, mekong.at('Somsak Inthavong', 3)), offSpeaker);
    });

    test('refused on an unidentified voice', async () => {
      await refused(client.prepareRename(U, mekong.at('UNIDENTIFIED FISHERMAN', 5)), 'Unidentified Fisherman is unidentified: there is no name to rename.');
    });

    test('rename itself is refused at the same places', async () => {
      await refused(client.rename(U, mekong.at('sixty million', 2), 'Anyone'), offSpeaker);
    });
  });

  describe('rename', () => {
    test('a new full name: the introduction, every short label, every mention (possessive, summary, bio)', async () => {
      const edits = editsOf(await client.rename(U, mekong.at('OKORO: He', 2), 'Wendell Okeke'));
      assert.deepEqual(edits, [
        e(r(7, 112, 7, 125), 'Wendell Okeke'),
        e(r(13, 0, 13, 13), 'WENDELL OKEKE'),
        e(r(21, 0, 21, 5), 'OKEKE'),
        e(r(25, 0, 25, 5), 'OKEKE'),
        e(r(27, 11, 27, 16), 'Okeke'),
        e(r(39, 11, 39, 24), 'Wendell Okeke'),
        e(r(41, 0, 41, 5), 'OKEKE'),
        e(r(45, 24, 45, 37), 'Wendell Okeke'),
        e(r(50, 0, 50, 13), 'Wendell Okeke'),
      ]);
      assert.equal(applyEdits(mekong.text, edits), mekong.text.replaceAll('OKORO', 'OKEKE').replaceAll('Okoro', 'Okeke'));
    });

    test('the same from a mention, with extra spaces in the new name', async () => {
      const fromMention = editsOf(await client.rename(U, mekong.at("Okoro's", 1), '  Wendell   Okeke '));
      assert.equal(applyEdits(mekong.text, fromMention), mekong.text.replaceAll('OKORO', 'OKEKE').replaceAll('Okoro', 'Okeke'));
    });

    test('a one-word new name changes the surname only', async () => {
      const edits = editsOf(await client.rename(U, mekong.at("Okoro's", 1), 'Achebe'));
      assert.deepEqual(edits, [
        e(r(7, 112, 7, 125), 'Wendell Achebe'),
        e(r(13, 8, 13, 13), 'ACHEBE'),
        e(r(21, 0, 21, 5), 'ACHEBE'),
        e(r(25, 0, 25, 5), 'ACHEBE'),
        e(r(27, 11, 27, 16), 'Achebe'),
        e(r(39, 11, 39, 24), 'Wendell Achebe'),
        e(r(41, 0, 41, 5), 'ACHEBE'),
        e(r(45, 24, 45, 37), 'Wendell Achebe'),
        e(r(50, 0, 50, 13), 'Wendell Achebe'),
      ]);
      assert.equal(applyEdits(mekong.text, edits), mekong.text.replaceAll('OKORO', 'ACHEBE').replaceAll('Okoro', 'Achebe'));
    });

    test('a new first name only: short labels and surname mentions are left alone', async () => {
      const edits = editsOf(await client.rename(U, mekong.at('WENDELL OKORO', 2), 'Wendy Okoro'));
      assert.deepEqual(edits, [
        e(r(7, 112, 7, 125), 'Wendy Okoro'),
        e(r(13, 0, 13, 13), 'WENDY OKORO'),
        e(r(39, 11, 39, 24), 'Wendy Okoro'),
        e(r(45, 24, 45, 37), 'Wendy Okoro'),
        e(r(50, 0, 50, 13), 'Wendy Okoro'),
      ]);
    });

    test('a speaker named only in the summary: her labels and her mentions', async () => {
      const edits = editsOf(await client.rename(U, mekong.at('Ilse Brandvold advises', 2), 'Ilse Brandt'));
      assert.deepEqual(edits, [
        e(r(7, 195, 7, 209), 'Ilse Brandt'),
        e(r(27, 63, 27, 77), 'Ilse Brandt'),
        e(r(29, 0, 29, 9), 'BRANDT'),
        e(r(33, 0, 33, 9), 'BRANDT'),
        e(r(37, 0, 37, 9), 'BRANDT'),
        e(r(45, 60, 45, 74), 'Ilse Brandt'),
      ]);
    });

    test('an honorific label keeps its honorific; a podcast label keeps its case', async () => {
      const uri = 'file:///virtual/styles.transcript';
      const text = [
        'Mr. DESMOND ACHTERBERG (Chief Correspondent, Meridian Wire): Hello. Achterberg here.',
        '',
        'Mr. ACHTERBERG: Goodbye.',
        '',
        'Dev Pillai (00:09): Hi, Desmond Achterberg.',
        '',
        'Dev Pillai (00:12): Bye.',
        '',
      ].join('\n');
      await client.open(uri, text);
      const we = await client.rename(uri, { line: 2, character: 6 }, 'Desmond Achter');
      assert.deepEqual(
        [...we!.changes![uri]].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
        [e(r(0, 4, 0, 22), 'DESMOND ACHTER'), e(r(0, 68, 0, 78), 'Achter'), e(r(2, 4, 2, 14), 'ACHTER'), e(r(4, 24, 4, 42), 'Desmond Achter')],
      );
      const podcast = await client.rename(uri, { line: 6, character: 5 }, 'Devi Pillay');
      assert.deepEqual(podcast!.changes![uri], [e(r(4, 0, 4, 10), 'Devi Pillay'), e(r(6, 0, 6, 10), 'Devi Pillay')]);
      await client.close(uri);
    });

    test('invalid names are refused, and say what a name may hold', async () => {
      for (const bad of ['Okoro!', '', '   ', '123 Main', 'Okoro: x', '-Okoro', 'O<b>k</b>', 'Okoro, BYLINE']) {
        await refused(client.rename(U, mekong.at('OKORO: He', 2), bad), `"${bad}" is not a name: use letters, spaces, apostrophes, hyphens and periods.`);
      }
    });

    test(
      'a name with a suffix: the surname is the word before "Jr."',
      async () => {
        const edits = editsOf(await client.rename(U, mekong.at('OKORO: He', 2), 'Wendell Okoro Jr.'));
        assert.ok(!edits.some((x) => x.newText === 'JR.' || x.newText === 'Jr.'), JSON.stringify(edits));
      },
    );

    test('after the edits are applied (as incremental changes), the server knows the speaker by the new name', async () => {
      const edits = editsOf(await client.rename(U, mekong.at('OKORO: He', 2), 'Wendell Okeke'));
      // Last edit first, so that the earlier ranges still hold.
      const changes = [...edits].reverse().map((x) => ({ range: x.range, text: x.newText }));
      await client.change(U, 2, changes);
      const h = await client.hover(U, mekong.at('OKORO: He', 2));
      assert.equal((h!.contents as MarkupContent).value.split('\n')[0], '**Wendell Okeke** · BYLINE');
      assert.deepEqual(await client.prepareRename(U, { line: 27, character: 12 }), { range: r(27, 11, 27, 16), placeholder: 'Wendell Okeke' });
      // And back.
      const back = editsOf(await client.rename(U, { line: 21, character: 1 }, 'Wendell Okoro'));
      await client.change(U, 3, [...back].reverse().map((x) => ({ range: x.range, text: x.newText })));
      assert.deepEqual(await client.prepareRename(U, mekong.at('OKORO: He', 2)), { range: r(21, 0, 21, 5), placeholder: 'Wendell Okoro' });
    });
  });
});
