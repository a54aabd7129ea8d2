// Markdown export: a round trip through a real CommonMark renderer (markdown-it) gives back the
// same transcript (title, speakers, labels, what they say, stage directions), and nothing in
// a transcript turns into markup. Labels are bold, stage directions italic.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';
import { analyze } from '../../server/src/analysis';
import { escapeMarkdown } from '../../server/src/export/markdown';
import { exportTranscript } from '../../server/src/export';
import { byTag, flat, load, ROUND_TRIP_FILES, stagesOf, textContent, turnsOf, type HtmlNode } from '../fixtures/export/support';

const md = new MarkdownIt({ html: false, linkify: false });

function markdownOf(file: string): string {
  const r = exportTranscript(load(file), 'markdown', { wordsPerMinute: 150 });
  assert.ok(!('error' in r));
  assert.equal(r.extension, 'md');
  return r.content;
}

/** The rendered Markdown as plain text, one block per paragraph (what a reader sees). */
function renderedBlocks(markdown: string): { tag: string; text: string; html: HtmlNode }[] {
  const frag = parseFragment(md.render(markdown)) as unknown as HtmlNode;
  return (frag.childNodes ?? []).filter((n) => n.tagName).map((n) => ({ tag: n.tagName!, text: textContent(n), html: n }));
}

describe('Markdown export', () => {
  for (const file of ROUND_TRIP_FILES) {
    test(`round trip: ${file}`, () => {
      const original = load(file);
      const blocks = renderedBlocks(markdownOf(file));
      // Back to a transcript: each block a paragraph, the rule before the credit dropped.
      const text = blocks.filter((b) => b.tag !== 'hr').map((b) => b.text).join('\n\n');
      const again = analyze('file:///again.transcript', 1, text);
      assert.deepEqual(turnsOf(again), turnsOf(original));
      assert.deepEqual(stagesOf(again), stagesOf(original));
      assert.deepEqual(
        again.speakers.speakers.map((s) => s.name),
        original.speakers.speakers.map((s) => s.name),
      );
      const title = original.doc.preamble?.title?.text;
      if (title) {
        assert.equal(blocks[0].tag, 'h1');
        assert.equal(blocks[0].text, flat(title));
      }
    });
  }

  test('labels are bold and stage directions italic', () => {
    const blocks = renderedBlocks(markdownOf('examples/harbour-strike.transcript'));
    const strong = blocks.flatMap((b) => byTag(b.html, 'strong').map(textContent));
    assert.deepEqual(strong.slice(0, 4), ['NINA PARK, HOST:', 'OMAR SALEH, BYLINE:', 'SALEH:', 'PARK:']);
    const em = blocks.flatMap((b) => byTag(b.html, 'em').map(textContent));
    assert.deepEqual(em, ['(SOUNDBITE OF CROWD CHANTING)', '(Clearing throat)', '(ph)', '(Laughter)', '(SOUNDBITE OF FERRY HORN)', '(SOUNDBITE OF MUSIC)']);
  });

  test('nothing in the text becomes a link, heading, list, quote, code, HTML or strikethrough', () => {
    const html = md.render(markdownOf('test/fixtures/export/hostile.transcript'));
    for (const tag of ['<a ', '<h2', '<ol', '<ul', '<li', '<blockquote', '<code', '<script', '<b>', '<s>', '<del']) assert.ok(!html.includes(tag), `no ${tag} in ${html}`);
    assert.equal((html.match(/<h1>/g) ?? []).length, 1);
    // Exactly the labels are strong.
    assert.equal((html.match(/<strong>/g) ?? []).length, 3);
  });

  test('escapeMarkdown: block openers only at the start, inline markup everywhere', () => {
    assert.equal(escapeMarkdown('# a # b'), '\\# a # b');
    assert.equal(escapeMarkdown('12. twelve. 13) x'), '12\\. twelve. 13) x');
    assert.equal(escapeMarkdown('*a* _b_ [c](d) <e> `f` |g| ~h~ &amp; & x'), '\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\|g\\| \\~h\\~ \\&amp; & x');
    assert.equal(escapeMarkdown('\\'), '\\\\');
  });

  test('a turn whose label stands alone on its line gets its text in the same paragraph; a timestamp stays before the label', () => {
    const out = markdownOf('test/fixtures/workspace/morning-edition.transcript');
    assert.match(out, /^\*\*RAFAEL MORENO, HOST:\*\* Good morning\. Ada, why open all night\?$/m);
    const ts = markdownOf('test/fixtures/timestamps.transcript');
    assert.match(ts, /^\\\[00:00:05\\\] \*\*LENA MARSH, HOST:\*\* Welcome back/m);
  });
});
