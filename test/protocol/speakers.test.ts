// The custom request `transcript/speakers` (server/src/protocol.ts; the data of the Speakers view
// and "Go to Speaker…") over real JSON-RPC (the BUILT server): the exact result for
// test/fixtures/protocol/mekong-dam.transcript, the speaking rate from the settings, a document
// that changes, and documents the server does not have.
//
// Words per turn were counted by hand and with a plain whitespace split that skips stage
// directions: 345 words are spoken in all.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Range } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';
import { fixture, r } from '../fixtures/protocol/support';

const mekong = fixture('mekong-dam.transcript');
const U = mekong.uri;
const TOTAL = 345;

interface Turn {
  line: number;
  selection: Range;
  text: string;
  words: number;
}

/** A turn whose label runs from the start of `line` for `labelLength` characters (0: a continuation). */
const turn = (line: number, labelLength: number, words: number, text: string): Turn => ({ line, selection: r(line, 0, line, labelLength), text, words });

function expected(durations: [string, string, string, string, string], version = 1) {
  return {
    uri: U,
    version,
    totalWords: TOTAL,
    speakers: [
      {
        name: 'Margaret Ellsworth',
        fullName: 'Margaret Ellsworth',
        role: 'HOST',
        labels: ['MARGARET ELLSWORTH', 'ELLSWORTH'],
        turns: 7,
        words: 117,
        share: 117 / TOTAL,
        duration: durations[0],
        turnList: [
          // The label stands alone on its line; the first words come from the next paragraph.
          turn(9, 25, 40, 'The Mekong feeds some sixty million people on its way from…'),
          turn(23, 10, 9, 'What does the company that runs the dam say?'),
          turn(27, 10, 27, 'Okoro\'s photos of the riverbank are on our website. Ilse…'),
          turn(31, 10, 5, 'Is the dam to blame?'),
          turn(35, 10, 8, 'And Vietnam, at the mouth of the river?'),
          turn(39, 10, 10, 'Wendell Okoro, what do people in Ban Houay Sai want?'),
          turn(45, 10, 18, "That's NPR's Wendell Okoro in northern Laos, and Ilse…"),
        ],
      },
      {
        name: 'Wendell Okoro',
        fullName: 'Wendell Okoro',
        role: 'BYLINE',
        labels: ['WENDELL OKORO', 'OKORO'],
        // Labelled turns; the continuation after the sound bite is in turnList and in words.
        turns: 4,
        words: 121,
        share: 121 / TOTAL,
        duration: durations[1],
        turnList: [
          turn(13, 22, 22, 'Mud, Margaret, mostly. The banks here stand two meters above…'),
          turn(17, 0, 20, "That's one of the few boats still going out. The man…"),
          turn(21, 6, 22, 'He says the fish used to come up the river in March. Now, he…'),
          turn(25, 6, 46, 'Pak Lan Power, which is majority owned by a Thai consortium…'),
          turn(41, 6, 11, 'A say, mostly. Nobody asked them before the dam went in.'),
        ],
      },
      {
        name: 'Unidentified Fisherman',
        fullName: null,
        role: null,
        labels: ['UNIDENTIFIED FISHERMAN'],
        turns: 1,
        words: 0,
        share: 0,
        duration: durations[4],
        turnList: [turn(19, 23, 0, '(Speaking Lao).')],
      },
      {
        name: 'Ilse Brandvold',
        // From the summary: "the U.N. water adviser Ilse Brandvold".
        fullName: 'Ilse Brandvold',
        role: null,
        labels: ['BRANDVOLD'],
        turns: 3,
        words: 94,
        share: 94 / TOTAL,
        duration: durations[2],
        turnList: [
          turn(29, 10, 3, 'Thank you, Margaret.'),
          turn(33, 10, 47, 'Partly. The Mekong River Commission has measured lower flows…'),
          turn(37, 10, 44, 'The Vietnamese delta is where it ends up. Less water means…'),
        ],
      },
      {
        name: 'SENGDARA',
        fullName: null,
        role: null,
        labels: ['SENGDARA'],
        turns: 1,
        words: 13,
        share: 13 / TOTAL,
        duration: durations[3],
        turnList: [turn(43, 9, 13, 'We were told it would bring electricity. It did. It took the…')],
      },
    ],
  };
}

describe('transcript/speakers', () => {
  let client: TestClient;
  let wordsPerMinute: number | undefined;
  before(async () => {
    client = await TestClient.start({ configuration: (item) => (item.section === 'transcript' && wordsPerMinute ? { wordsPerMinute } : null) });
    await client.initialize();
    await client.open(U, mekong.text);
  });
  after(() => client.finish());

  test('the exact result, at the default 150 words a minute', async () => {
    // 117 words = 46.8 s, 121 = 48.4 s, 94 = 37.6 s, 13 = 5.2 s.
    assert.deepEqual(await client.speakers(U), expected(['~47 s', '~48 s', '~38 s', '~5 s', '~0 s']));
  });

  test('the speaking rate from the settings (100 words a minute)', async () => {
    wordsPerMinute = 100;
    await client.changeConfiguration(null);
    // 70.2 s and 72.6 s round to a minute; 56.4 s; 7.8 s.
    assert.deepEqual(await client.speakers(U), expected(['~1 min', '~1 min', '~56 s', '~8 s', '~0 s']));
    wordsPerMinute = undefined;
    await client.changeConfiguration(null);
  });

  test('after an edit: the new version, a new turn counted', async () => {
    // Okoro gets a turn of three words after Sengdara's.
    await client.change(U, 2, [{ range: r(44, 0, 44, 0), text: '\nOKORO: That was Sengdara.\n' }]);
    const result = (await client.speakers(U)) as ReturnType<typeof expected>;
    assert.equal(result.version, 2);
    assert.equal(result.totalWords, TOTAL + 3);
    const okoro = result.speakers[1];
    assert.equal(okoro.turns, 5);
    assert.equal(okoro.words, 124);
    assert.deepEqual(okoro.turnList[5], turn(45, 6, 3, 'That was Sengdara.'));
    // The lines below moved down by two.
    assert.deepEqual(result.speakers[0].turnList[6].line, 47);
    await client.change(U, 3, [{ range: r(44, 0, 46, 0), text: '' }]);
    assert.deepEqual(await client.speakers(U), expected(['~47 s', '~48 s', '~38 s', '~5 s', '~0 s'], 3));
  });

  test('null for a document that is not open, or no URI at all; the server lives on', async () => {
    assert.equal(await client.speakers('file:///virtual/never-opened.transcript'), null);
    assert.equal(await client.request('transcript/speakers', {}), null);
    assert.equal(await client.request('transcript/speakers', { uri: 42 }), null);
    assert.ok(client.alive);
  });

  test('a document with no turns: no speakers', async () => {
    const uri = 'file:///virtual/title-only.transcript';
    await client.open(uri, 'Just a headline\n\nAnd a summary with no one speaking.\n');
    assert.deepEqual(await client.speakers(uri), { uri, version: 1, totalWords: 0, speakers: [] });
    await client.close(uri);
  });
});
