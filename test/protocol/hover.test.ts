// textDocument/hover over real JSON-RPC (the BUILT server): a speaker's card on a label and on a
// mention, the card of a person, place or organisation named in the text (mention counts, the
// forms written, counts in the other transcripts of the workspace, the first mention), what a
// stage direction is — and markdown from the document never turning into links, commands or HTML.
//
// Fixtures: test/fixtures/protocol/mekong-dam.transcript (the open document), tonle-sap.transcript
// and markdown-injection.transcript (the rest of the workspace). Word counts in the expected cards
// were counted by hand (and with a plain whitespace split that skips stage directions): 345 words
// are spoken in mekong-dam, Ellsworth 117, Okoro 121, Brandvold 94, Sengdara 13, the fisherman 0.
// The client asks for wordsPerMinute = 100, so durations are words × 0.6 s.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../helpers/lspClient';
import { fixture, protocolFixtures, r } from '../fixtures/protocol/support';

const mekong = fixture('mekong-dam.transcript');
const injection = fixture('markdown-injection.transcript');
const U = mekong.uri;

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

const card = (...lines: string[]) => lines.join('\n');

describe('hover', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ configuration: (item) => (item.section === 'transcript' ? { wordsPerMinute: 100 } : null) });
    await client.initialize({ workspaceFolders: [{ uri: fileUri(protocolFixtures), name: 'protocol' }] });
    // Counts in the other transcripts appear once the workspace index is built.
    await client.waitFor(() => client.logMessages.some((m) => m.message.startsWith('Transcript index ready: 3 file')), 'the workspace index');
    await client.open(U, mekong.text);
    await client.open(injection.uri, injection.text);
  });
  after(() => client.finish());

  describe('speakers', () => {
    const ellsworth = card(
      '**Margaret Ellsworth** · HOST',
      '',
      'Labels: `MARGARET ELLSWORTH:`, `ELLSWORTH:`',
      '',
      "> Margaret Ellsworth is a host of NPR's weekend programs.",
      '',
      '7 turns · 117 words (34% of the words spoken) · ~1 min at 100 words a minute',
      '',
      `First speaks on [line 10](${U}#L10)`,
    );
    const okoro = card(
      '**Wendell Okoro** · BYLINE',
      '',
      'Labels: `WENDELL OKORO:`, `OKORO:`',
      '',
      '> Wendell Okoro covers Southeast Asia for NPR from Bangkok.',
      '',
      // Four labelled turns; the continuation after the sound bite adds its words, not a turn.
      '4 turns · 121 words (35% of the words spoken) · ~1 min at 100 words a minute',
      '',
      `First speaks on [line 14](${U}#L14)`,
    );

    test('on the introduction label: the card, the range is the name', async () => {
      const h = await client.hover(U, mekong.at('MARGARET ELLSWORTH, HOST:', 3));
      assert.equal(markdown(h), ellsworth);
      assert.deepEqual(h!.range, r(9, 0, 9, 18));
    });

    test('on a short label (cursor at its end still counts)', async () => {
      const h = await client.hover(U, mekong.at('OKORO: He says', 5));
      assert.equal(markdown(h), okoro);
      assert.deepEqual(h!.range, r(21, 0, 21, 5));
    });

    test('on a mention in the text, possessive included: the same card, the range is the name without ’s', async () => {
      const h = await client.hover(U, mekong.at("Okoro's photos", 2));
      assert.equal(markdown(h), okoro);
      assert.deepEqual(h!.range, r(27, 11, 27, 16));
      const full = await client.hover(U, mekong.at('Wendell Okoro, what', 9));
      assert.equal(markdown(full), okoro);
      assert.deepEqual(full!.range, r(39, 11, 39, 24));
    });

    test('a speaker known only by a short label: SENGDARA, no full name, no sentence', async () => {
      const h = await client.hover(U, mekong.at('SENGDARA:', 1));
      assert.equal(
        markdown(h),
        card('**SENGDARA**', '', 'Labels: `SENGDARA:`', '', '1 turn · 13 words (4% of the words spoken) · ~8 s at 100 words a minute', '', `First speaks on [line 44](${U}#L44)`),
      );
      assert.deepEqual(h!.range, r(43, 0, 43, 8));
    });

    test('an unidentified voice', async () => {
      const h = await client.hover(U, mekong.at('UNIDENTIFIED FISHERMAN', 14));
      assert.equal(
        markdown(h),
        card('**Unidentified Fisherman**', '', 'Labels: `UNIDENTIFIED FISHERMAN:`', '', '1 turn · 0 words (0% of the words spoken) · ~0 s at 100 words a minute', '', `First speaks on [line 20](${U}#L20)`),
      );
    });

    test(
      'a speaker named in the summary: the card quotes the whole sentence that introduces her',
      async () => {
        const h = await client.hover(U, mekong.at('BRANDVOLD: Thank', 2));
        assert.equal(
          markdown(h),
          card(
            '**Ilse Brandvold**',
            '',
            'Labels: `BRANDVOLD:`',
            '',
            "> NPR's Wendell Okoro traveled to the village of Ban Houay Sai, and the U.N. water adviser Ilse Brandvold explains why Vietnamese farmers downstream are worried too.",
            '',
            '3 turns · 94 words (27% of the words spoken) · ~56 s at 100 words a minute',
            '',
            `First speaks on [line 30](${U}#L30)`,
          ),
        );
      },
    );

    test('the card of Brandvold, apart from the quote, is right today', async () => {
      const lines = markdown(await client.hover(U, mekong.at('BRANDVOLD: Thank', 2))).split('\n');
      assert.deepEqual(lines.slice(0, 4), ['**Ilse Brandvold**', '', 'Labels: `BRANDVOLD:`', '']);
      assert.match(lines[4], /^> .*Ilse Brandvold explains why Vietnamese farmers downstream are worried too\.$/);
      assert.deepEqual(lines.slice(5), ['', '3 turns · 94 words (27% of the words spoken) · ~56 s at 100 words a minute', '', `First speaks on [line 30](${U}#L30)`]);
    });
  });

  describe('stage directions', () => {
    test('an own-line sound bite', async () => {
      const h = await client.hover(U, mekong.at('(SOUNDBITE OF BOAT ENGINE)', 5));
      assert.equal(markdown(h), card('**Sound bite — a recording played on air**', '', '`(SOUNDBITE OF BOAT ENGINE)`'));
      assert.deepEqual(h!.range, r(15, 0, 15, 26));
    });

    test('an inline language note', async () => {
      const h = await client.hover(U, mekong.at('(Speaking Lao)', 3));
      assert.equal(markdown(h), card('**Language note — speech in another language or through an interpreter**', '', '`(Speaking Lao)`'));
      assert.deepEqual(h!.range, r(19, 24, 19, 38));
    });

    test('the closing cue on the credit line', async () => {
      const h = await client.hover(U, mekong.at('(SOUNDBITE OF MUSIC)', 1));
      assert.equal(markdown(h), card('**Sound bite — a recording played on air**', '', '`(SOUNDBITE OF MUSIC)`'));
      assert.deepEqual(h!.range, r(47, 0, 47, 20));
    });

    test('a cue left open on its line says so', async () => {
      const uri = 'file:///virtual/open-cue.transcript';
      await client.open(uri, 'PARK: Hello. (Laughter\n');
      const h = await client.hover(uri, { line: 0, character: 15 });
      assert.equal(markdown(h), card('**Reaction — laughter, applause, crosstalk and the like**', '', '`(Laughter)`', '', '⚠ Not closed on its line.'));
      await client.close(uri);
    });
  });

  describe('people, places and organisations', () => {
    test('a place mentioned once: kind, count, not elsewhere in the workspace, the first mention', async () => {
      const h = await client.hover(U, mekong.at('China', 2));
      assert.equal(
        markdown(h),
        card(
          '**China** · place',
          '',
          'Mentioned 1 time in this transcript.',
          '',
          'Not mentioned in the other transcripts of the workspace.',
          '',
          `First mention, [line 12](${U}#L12):`,
          '',
          '> The Mekong feeds some sixty million people on its way from China to the sea.',
        ),
      );
      assert.deepEqual(h!.range, r(11, 59, 11, 64));
    });

    test('a place with its demonym: the forms and their counts, and the count in another transcript', async () => {
      const h = await client.hover(U, mekong.at('Cambodia and Vietnam', 3));
      assert.equal(
        markdown(h),
        card(
          '**Cambodia** · place',
          '',
          'Mentioned 2 times in this transcript (Cambodian ×1, Cambodia ×1).',
          '',
          // tonle-sap.transcript: "Cambodia's great lake…" and "The floating villages of Cambodia…".
          '2 times in 1 other transcript of the workspace.',
          '',
          `First mention, [line 34](${U}#L34):`,
          '',
          '> The Mekong River Commission has measured lower flows at the Cambodian border three years running, and the rains have been weak.',
        ),
      );
      assert.deepEqual(h!.range, r(37, 130, 37, 138));
    });

    test('an organisation', async () => {
      const h = await client.hover(U, mekong.at('Asian Development Bank', 8));
      assert.equal(
        markdown(h),
        card(
          '**Asian Development Bank** · organisation',
          '',
          'Mentioned 1 time in this transcript.',
          '',
          'Not mentioned in the other transcripts of the workspace.',
          '',
          `First mention, [line 38](${U}#L38):`,
          '',
          '> The Asian Development Bank, which lent money for the dam, has asked for a new study of the delta.',
        ),
      );
      assert.deepEqual(h!.range, r(37, 156, 37, 178));
    });

    test('a person who is not a speaker', async () => {
      const h = await client.hover(U, mekong.at('Somsak Inthavong', 10));
      assert.equal(
        markdown(h),
        card(
          '**Somsak Inthavong** · person',
          '',
          'Mentioned 1 time in this transcript.',
          '',
          'Not mentioned in the other transcripts of the workspace.',
          '',
          `First mention, [line 34](${U}#L34):`,
          '',
          "> Even the commission's chief executive, Somsak Inthavong, has said as much.",
        ),
      );
    });

    test(
      'a person named twice in a row, once with a possessive: a person, both forms counted',
      async () => {
        const h = await client.hover(U, mekong.at('Bounmy Phasouk.', 3));
        assert.equal(
          markdown(h),
          card(
            '**Bounmy Phasouk** · person',
            '',
            "Mentioned 2 times in this transcript (Bounmy Phasouk ×1, Bounmy Phasouk's ×1).",
            '',
            'Not mentioned in the other transcripts of the workspace.',
            '',
            `First mention, [line 26](${U}#L26):`,
            '',
            "> Villagers here don't believe it, and neither does the district chief, Bounmy Phasouk.",
          ),
        );
      },
    );

    test('…its counts and forms are right today (only the kind is wrong)', async () => {
      const value = markdown(await client.hover(U, mekong.at('Bounmy Phasouk.', 3)));
      assert.ok(value.includes("Mentioned 2 times in this transcript (Bounmy Phasouk ×1, Bounmy Phasouk's ×1)."), value);
    });

    test('an acronym with a possessive: the forms', async () => {
      const h = await client.hover(U, mekong.at('NPR the dam', 1));
      assert.equal(
        markdown(h),
        card(
          '**NPR** · organisation',
          '',
          "Mentioned 7 times in this transcript (NPR's ×3, NPR ×4).",
          '',
          // tonle-sap.transcript: "NPR's" twice, "NPR" twice in the credit line; markdown-injection.transcript: once and twice.
          '7 times in 2 other transcripts of the workspace.',
          '',
          `First mention, [line 8](${U}#L8):`,
          '',
          "> NPR's Wendell Okoro traveled to the village of Ban Houay Sai, and the U.N. water adviser Ilse Brandvold explains why Vietnamese farmers downstream are worried too.",
        ),
      );
    });

    test('the capital of Laos is a place', async () => {
      const value = markdown(await client.hover(U, mekong.at('Vientiane. Welcome', 2)));
      assert.equal(value.split('\n')[0], '**Vientiane** · place');
    });

    test(
      'an organisation named in another transcript at the start of a sentence is counted there',
      async () => {
        const value = markdown(await client.hover(U, mekong.at('Mekong River Commission', 8)));
        assert.equal(value.split('\n')[4], '1 time in 1 other transcript of the workspace.');
      },
    );

    test('the first-mention quote is what was said, without the speaker label', async () => {
      const value = markdown(await client.hover(U, mekong.at('Pak Lan Power', 4)));
      assert.equal(value.split('\n')[8], '> Pak Lan Power, which is majority owned by a Thai consortium, told NPR the dam releases more water than its agreement with Laos requires.');
    });

    test('plain words, blank lines and the page furniture of a label have no hover', async () => {
      assert.equal(await client.hover(U, mekong.at('sixty million', 2)), null);
      assert.equal(await client.hover(U, { line: 10, character: 0 }), null);
      assert.equal(await client.hover(U, mekong.at(', HOST:', 3)), null);
    });
  });

  describe('markdown from the document is escaped', () => {
    const I = injection.uri;
    const md = new MarkdownIt({ html: true, linkify: true });

    /** Rendered as VS Code would: no link but our own line links, no image, no HTML from the text. */
    function assertInert(value: string) {
      const html = md.render(value);
      for (const m of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) assert.ok(m[1].startsWith(`${I}#L`), `a link to ${m[1]} in\n${html}`);
      assert.doesNotMatch(html, /<img|<b>|<em>/, html);
      assert.doesNotMatch(html, /href="command:/, html);
    }

    test("a bio with a command link, backticks and HTML: the speaker's card", async () => {
      const value = markdown(await client.hover(I, injection.at('STROM: You', 2)));
      assert.equal(
        value,
        card(
          '**Eve Strom** · BYLINE',
          '',
          'Labels: `EVE STROM:`, `STROM:`',
          '',
          '> Eve Strom is a \\[reporter\\](command:workbench.action.openSettings) who covers \\`code\\` and \\<b\\>bold\\</b\\> things.',
          '',
          // (command:foo), [x] and (1) are inline cues: their words are not spoken words.
          '2 turns · 20 words (87% of the words spoken) · ~12 s at 100 words a minute',
          '',
          `First speaks on [line 5](${I}#L5)`,
        ),
      );
      assertInert(value);
    });

    test('a role with backticks, HTML, emphasis and a link', async () => {
      const value = markdown(await client.hover(I, injection.at('OTTO PRELL', 2)));
      assert.equal(value.split('\n')[0], '**Otto Prell** · \\`HOST\\` \\<IMG SRC=X\\> \\*STAR\\* \\[LINK\\](X)');
      assertInert(value);
    });

    test('a stage direction holding a link, backticks and an image: a code span with no backtick inside', async () => {
      const value = markdown(await client.hover(I, injection.at('(SOUNDBITE OF [x]', 3)));
      assert.equal(value, card('**Sound bite — a recording played on air**', '', "`(SOUNDBITE OF [x](command:foo) 'TICK' <img src=x>)`"));
      assertInert(value);
    });

    test("an organisation's first mention in such a sentence", async () => {
      const value = markdown(await client.hover(I, injection.at('World Bank', 3)));
      assert.equal(value.split('\n')[0], '**World Bank** · organisation');
      assert.ok(value.includes('\\[x\\](command:foo)') && value.includes('\\`rm -rf\\`') && value.includes('\\<img src=x onerror=alert(1)\\>'), value);
      assertInert(value);
    });

    test('a mention in a summary with a command link', async () => {
      const value = markdown(await client.hover(I, injection.at("NPR's Eve Strom", 8)));
      assert.equal(value.split('\n')[0], '**Eve Strom** · BYLINE');
      assertInert(value);
    });
  });
});
