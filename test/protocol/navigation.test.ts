// Go to Definition, Find All References and document highlights over real JSON-RPC (the BUILT
// server) on test/fixtures/protocol/mekong-dam.transcript: from a speaker's label or a mention
// of them to their introduction, their labels and mentions; from a person, place or
// organisation to every mention of it.
//
// Lines (0-based) of the fixture used below:
//   7 summary: "NPR's Wendell Okoro" 112-125, "Ilse Brandvold" 195-209
//   9 MARGARET ELLSWORTH, HOST:   13 WENDELL OKORO, BYLINE: …   19 UNIDENTIFIED FISHERMAN: …
//  21, 25, 41 OKORO:   23, 27, 31, 35, 39, 45 ELLSWORTH:   29, 33, 37 BRANDVOLD:   43 SENGDARA:
//  27 "Okoro's" 11-16, "Ilse Brandvold" 63-77   39 "Wendell Okoro" 11-24
//  45 "Wendell Okoro" 24-37, "Ilse Brandvold" 60-74   49-50 bios: "Margaret Ellsworth", "Wendell Okoro" at 0

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Location } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';
import { fixture, r } from '../fixtures/protocol/support';

const mekong = fixture('mekong-dam.transcript');
const U = mekong.uri;
const loc = (range: ReturnType<typeof r>): Location => ({ uri: U, range });

// Wendell Okoro: the introduction, three short labels, and five mentions (summary, possessive, two
// in the host's turns, the bio).
const okoroIntro = r(13, 0, 13, 13);
const okoroAll = [
  r(7, 112, 7, 125), // summary: NPR's Wendell Okoro
  okoroIntro, // WENDELL OKORO, BYLINE:
  r(21, 0, 21, 5), // OKORO:
  r(25, 0, 25, 5), // OKORO:
  r(27, 11, 27, 16), // Okoro's photos
  r(39, 11, 39, 24), // Wendell Okoro, what do people…
  r(41, 0, 41, 5), // OKORO:
  r(45, 24, 45, 37), // That's NPR's Wendell Okoro
  r(50, 0, 50, 13), // bio
];
const okoroLabels = new Set(['13:0', '21:0', '25:0', '41:0']);

describe('definition, references and document highlights', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.initialize();
    await client.open(U, mekong.text);
  });
  after(() => client.finish());

  describe('definition', () => {
    test('from a short label to the full-name introduction', async () => {
      assert.deepEqual(await client.definition(U, mekong.at('OKORO: He says', 2)), loc(okoroIntro));
    });

    test('from a mention (possessive) and from a full-name mention in the bio', async () => {
      assert.deepEqual(await client.definition(U, mekong.at("Okoro's photos", 0)), loc(okoroIntro));
      assert.deepEqual(await client.definition(U, mekong.at('Wendell Okoro covers', 3)), loc(okoroIntro));
    });

    test('from the introduction to itself', async () => {
      assert.deepEqual(await client.definition(U, mekong.at('WENDELL OKORO, BYLINE', 13)), loc(okoroIntro));
      assert.deepEqual(await client.definition(U, mekong.at('ELLSWORTH: Is the dam', 4)), loc(r(9, 0, 9, 18)));
    });

    test('a speaker never introduced by full name: their first label', async () => {
      // Ilse Brandvold is named in the summary but only ever labelled BRANDVOLD:.
      assert.deepEqual(await client.definition(U, mekong.at('Ilse Brandvold of the U.N.', 6)), loc(r(29, 0, 29, 9)));
      assert.deepEqual(await client.definition(U, mekong.at('BRANDVOLD: The Vietnamese', 0)), loc(r(29, 0, 29, 9)));
    });

    test('nothing for plain words, a role, a stage direction or an entity that is not a speaker', async () => {
      assert.equal(await client.definition(U, mekong.at('sixty million', 1)), null);
      assert.equal(await client.definition(U, mekong.at('BYLINE:', 2)), null);
      assert.equal(await client.definition(U, mekong.at('BOAT ENGINE', 1)), null);
      assert.equal(await client.definition(U, mekong.at('Somsak Inthavong', 2)), null);
    });
  });

  describe('references', () => {
    test('with the declaration: every label and mention, in document order', async () => {
      assert.deepEqual(await client.references(U, mekong.at('OKORO: A say', 1), true), okoroAll.map(loc));
    });

    test('without the declaration: the introduction is left out', async () => {
      assert.deepEqual(
        await client.references(U, mekong.at("Okoro's", 1), false),
        okoroAll.filter((x) => x !== okoroIntro).map(loc),
      );
    });

    test('the same from any of them', async () => {
      const fromMention = await client.references(U, mekong.at('Wendell Okoro in northern Laos', 0), true);
      const fromIntro = await client.references(U, mekong.at('WENDELL OKORO, BYLINE', 0), true);
      assert.deepEqual(fromMention, okoroAll.map(loc));
      assert.deepEqual(fromIntro, okoroAll.map(loc));
    });

    test('a speaker named in the summary, never by a full label: without the declaration drops the first label', async () => {
      const all = [r(7, 195, 7, 209), r(27, 63, 27, 77), r(29, 0, 29, 9), r(33, 0, 33, 9), r(37, 0, 37, 9), r(45, 60, 45, 74)];
      assert.deepEqual(await client.references(U, mekong.at('BRANDVOLD: Partly', 3), true), all.map(loc));
      assert.deepEqual(await client.references(U, mekong.at('BRANDVOLD: Partly', 3), false), all.filter((_, i) => i !== 2).map(loc));
    });

    test('an unidentified voice: only their own label', async () => {
      assert.deepEqual(await client.references(U, mekong.at('UNIDENTIFIED FISHERMAN', 3), true), [loc(r(19, 0, 19, 22))]);
    });

    test('a place: every mention, its demonym included', async () => {
      // "Cambodian border" (33) and "Cambodia and Vietnam" (37).
      assert.deepEqual(await client.references(U, mekong.at('Cambodia and', 1), true), [loc(r(33, 79, 33, 88)), loc(r(37, 130, 37, 138))]);
    });

    test('a person who is not a speaker: both mentions, the possessive one with its ’s', async () => {
      assert.deepEqual(await client.references(U, mekong.at('Bounmy Phasouk.', 1), false), [loc(r(25, 214, 25, 228)), loc(r(25, 230, 25, 246))]);
    });

    test('an acronym: every mention outside labels, the credit line and bios included', async () => {
      const npr = [r(7, 106, 7, 111), r(25, 73, 25, 76), r(45, 18, 45, 23), r(47, 44, 47, 47), r(47, 59, 47, 62), r(49, 32, 49, 37), r(50, 40, 50, 43)];
      assert.deepEqual(await client.references(U, mekong.at('told NPR', 6), true), npr.map(loc));
    });

    test('an organisation whose name holds a place: the organisation only', async () => {
      assert.deepEqual(await client.references(U, mekong.at('Mekong River Commission', 10), true), [loc(r(33, 23, 33, 46))]);
    });

    test('nothing for plain words', async () => {
      assert.equal(await client.references(U, mekong.at('sixty million', 1), true), null);
    });

    test('inside a stage direction there is nothing to find', async () => {
      assert.equal(await client.references(U, mekong.at('BOAT ENGINE', 1), true), null);
      assert.equal(await client.documentHighlights(U, mekong.at('BOAT ENGINE', 1)), null);
    });
  });

  describe('documentHighlight', () => {
    test('a speaker: labels are Write, mentions Read', async () => {
      const hl = await client.documentHighlights(U, mekong.at('OKORO: He', 0));
      assert.deepEqual(
        hl,
        okoroAll.map((range) => ({ range, kind: okoroLabels.has(`${range.start.line}:${range.start.character}`) ? 3 : 2 })),
      );
    });

    test('an entity: every mention, as Text', async () => {
      assert.deepEqual(await client.documentHighlights(U, mekong.at('Cambodia and', 2)), [
        { range: r(33, 79, 33, 88), kind: 1 },
        { range: r(37, 130, 37, 138), kind: 1 },
      ]);
    });

    test('nothing for plain words', async () => {
      assert.equal(await client.documentHighlights(U, mekong.at('sixty million', 1)), null);
    });
  });
});
