// textDocument/completion over real JSON-RPC (the BUILT server). At the start of a line: the
// transcript's speakers as labels (the full form with role until they are introduced, the short
// form after), the likeliest next speaker first (in a conversation, the one before the last), then
// the usual stage directions as snippets. Mid-sentence: nothing.
//
// test/fixtures/protocol/mekong-dam.transcript, speakers by number of turns (continuations count):
// Ellsworth 7, Okoro 5, Brandvold 3, the unidentified fisherman 1, Sengdara 1.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';
import { fixture, r } from '../fixtures/protocol/support';

const mekong = fixture('mekong-dam.transcript');
const U = mekong.uri;

const FIRST_TIME = 'First appearance: full name and role.';

/** A speaker item as the server builds it: `label` without the colon. */
function speaker(label: string, rank: number, range: Range, detail?: string, firstTime = false): CompletionItem {
  const item: CompletionItem = { label: `${label}:`, kind: 7 /* Class */ };
  if (detail !== undefined) item.detail = detail;
  if (firstTime) item.documentation = FIRST_TIME;
  return { ...item, sortText: `0${String(rank).padStart(3, '0')}`, filterText: label, textEdit: { range, newText: `${label}: ` } };
}

/** The stage directions, in their order, as plain text except the one with a placeholder. */
function stageDirections(range: Range): CompletionItem[] {
  const list: [string, string, string?][] = [
    ['(SOUNDBITE OF ARCHIVED RECORDING)', 'A recording played on air'],
    ['(SOUNDBITE OF MUSIC)', 'Music'],
    ['(SOUNDBITE OF …)', 'Any sound', '(SOUNDBITE OF ${1:SOUND})$0'],
    ['(BEGIN VIDEO CLIP)', 'Start of a video clip'],
    ['(END VIDEO CLIP)', 'End of a video clip'],
    ['(LAUGHTER)', 'Audience reaction'],
    ['(APPLAUSE)', 'Audience reaction'],
    ['(CROSSTALK)', 'Speakers talking over each other'],
    ['(INAUDIBLE)', 'Words that cannot be made out'],
    ['(BREAK)', 'A break in the programme'],
  ];
  return list.map(([label, detail, snippet], i) => ({
    label,
    kind: 15 /* Snippet */,
    detail,
    sortText: `1${String(i).padStart(3, '0')}`,
    filterText: label,
    insertTextFormat: snippet ? 2 : 1,
    textEdit: { range, newText: snippet ?? label },
  }));
}

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  assert.ok(result && !Array.isArray(result), 'a CompletionList');
  assert.equal(result.isIncomplete, false);
  return result.items;
}

/** The items in the order the editor shows them (by sortText). */
const shown = (list: CompletionItem[]) => [...list].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0)).map((i) => i.label);

describe('completion', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.initialize();
    await client.open(U, mekong.text);
  });
  after(() => client.finish());

  test('after the host’s introduction: everyone else in full with role, the host short and last, then the stage directions', async () => {
    const range = r(10, 0, 10, 0);
    assert.deepEqual(items(await client.completion(U, { line: 10, character: 0 })), [
      speaker('WENDELL OKORO, BYLINE', 0, range, 'Wendell Okoro · BYLINE', true),
      // Never labelled in full: the full name from the summary, in capitals.
      speaker('ILSE BRANDVOLD', 1, range, 'Ilse Brandvold', true),
      speaker('UNIDENTIFIED FISHERMAN', 2, range, undefined, true),
      speaker('SENGDARA', 3, range, undefined, true),
      speaker('ELLSWORTH', 4, range, 'Margaret Ellsworth · HOST'),
      ...stageDirections(range),
    ]);
  });

  test('after Okoro, then a voice: Okoro is likeliest; those introduced by now in short form', async () => {
    const range = r(20, 0, 20, 0);
    assert.deepEqual(items(await client.completion(U, { line: 20, character: 0 })).slice(0, 5), [
      speaker('OKORO', 0, range, 'Wendell Okoro · BYLINE'),
      speaker('ELLSWORTH', 1, range, 'Margaret Ellsworth · HOST'),
      speaker('ILSE BRANDVOLD', 2, range, 'Ilse Brandvold', true),
      speaker('SENGDARA', 3, range, undefined, true),
      // Unidentified voices have no short form: the label as it was.
      speaker('UNIDENTIFIED FISHERMAN', 4, range),
    ]);
  });

  test('in the host–guest exchange, after the host: the guest first', async () => {
    const list = items(await client.completion(U, { line: 32, character: 0 }));
    assert.deepEqual(shown(list), [
      'BRANDVOLD:',
      'OKORO:',
      'UNIDENTIFIED FISHERMAN:',
      'SENGDARA:',
      'ELLSWORTH:',
      ...stageDirections(r(0, 0, 0, 0)).map((i) => i.label),
    ]);
    assert.deepEqual(list[0], speaker('BRANDVOLD', 0, r(32, 0, 32, 0), 'Ilse Brandvold'));
  });

  test('the stage directions are snippets; only "(SOUNDBITE OF …)" has a placeholder', async () => {
    const list = items(await client.completion(U, { line: 10, character: 0 })).filter((i) => i.kind === 15);
    assert.deepEqual(list, stageDirections(r(10, 0, 10, 0)));
  });

  describe('what was typed is replaced', () => {
    const uri = 'file:///virtual/typing.transcript';
    const lines = ['Night ferries', '', 'NINA PARK, HOST: Good morning.', '', 'OMAR SALEH, BYLINE: Quiet here.', '', 'PA', '', '(SOUND', '', 'Well, we went out', ''];
    before(() => client.open(uri, lines.join('\n')));

    test('the beginnings of a label: speakers and stage directions, over the typed text', async () => {
      const range = r(6, 0, 6, 2);
      assert.deepEqual(items(await client.completion(uri, { line: 6, character: 2 })), [
        speaker('PARK', 0, range, 'Nina Park · HOST'),
        speaker('SALEH', 1, range, 'Omar Saleh · BYLINE'),
        ...stageDirections(range),
      ]);
    });

    test('the beginnings of a cue: the stage directions only', async () => {
      assert.deepEqual(items(await client.completion(uri, { line: 8, character: 6 })), stageDirections(r(8, 0, 8, 6)));
    });

    test('after a comma in prose: nothing', async () => {
      assert.deepEqual(items(await client.completion(uri, { line: 10, character: 8 })), []);
    });
  });

  describe('nothing mid-sentence', () => {
    test('after a label and its colon', async () => {
      assert.deepEqual(items(await client.completion(U, mekong.at('OKORO: He says', 9))), []);
      assert.deepEqual(items(await client.completion(U, mekong.at('OKORO: He says', 7))), []);
    });

    test('on a line of digits, far into a long line, past the last line', async () => {
      assert.deepEqual(items(await client.completion(U, { line: 2, character: 4 })), []);
      assert.deepEqual(items(await client.completion(U, mekong.at('to the sea.', 5))), []);
      assert.deepEqual(items(await client.completion(U, { line: 999, character: 0 })), []);
    });

    test(
      'after lower-case words of prose, no label can follow',
      async () => {
        assert.deepEqual(items(await client.completion(U, mekong.at('Fishermen in northern', 22))), []);
        assert.deepEqual(items(await client.completion(U, mekong.at("That's one of the few", 21))), []);
      },
    );
  });
});
