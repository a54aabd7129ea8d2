// HTML export: parsed back with a real HTML parser (parse5, the WHATWG algorithm browsers use),
// the page gives back the transcript (title, turns with their labels and text, stage
// directions), has a speaker legend, no script and no remote content, and escapes every string.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'parse5';
import { analyze } from '../../server/src/analysis';
import { exportTranscript } from '../../server/src/export';
import { attr, byClass, byTag, flat, load, ROUND_TRIP_FILES, stagesOf, textContent, turnsOf, walk, type HtmlNode } from '../fixtures/export/support';

function htmlOf(file: string): { html: string; doc: HtmlNode } {
  const r = exportTranscript(load(file), 'html', { wordsPerMinute: 150 });
  assert.ok(!('error' in r));
  assert.equal(r.extension, 'html');
  return { html: r.content, doc: parse(r.content) as unknown as HtmlNode };
}

describe('HTML export', () => {
  for (const file of ROUND_TRIP_FILES) {
    test(`round trip: ${file}`, () => {
      const original = load(file);
      const { doc } = htmlOf(file);
      const main = byTag(doc, 'main')[0];
      // The transcript again: title, summary, each turn's paragraphs and stage direction, credit and bios.
      const blocks: string[] = [textContent(byTag(doc, 'h1')[0]), ...byClass(doc, 'summary').map(textContent)];
      for (const n of main.childNodes ?? []) {
        const cls = attr(n, 'class');
        if (cls === 'turn') blocks.push(...byTag(n, 'p').map(textContent));
        else if (cls === 'stage') blocks.push(textContent(n));
      }
      for (const f of byTag(doc, 'footer')) blocks.push(...byTag(f, 'p').map(textContent));
      const again = analyze('file:///again.transcript', 1, blocks.join('\n\n'));
      assert.deepEqual(turnsOf(again), turnsOf(original));
      assert.deepEqual(stagesOf(again), stagesOf(original));
      // One legend entry per speaker, in order, with the name and role.
      const legend = byTag(byClass(doc, 'legend')[0] ?? { nodeName: 'x' }, 'li');
      assert.equal(legend.length, original.speakers.speakers.length);
      original.speakers.speakers.forEach((s, i) => {
        const item = flat(textContent(legend[i]));
        assert.ok(item.startsWith(s.fullName ?? s.name), `${item} names ${s.name}`);
        if (s.role) assert.ok(item.includes(s.role), `${item} has the role ${s.role}`);
      });
      // Each turn points at its speaker's legend entry (same colour).
      for (const t of byClass(doc, 'turn')) {
        const sp = attr(t, 'data-speaker');
        if (sp) assert.ok(legend[Number(sp) - 1], `speaker ${sp} is in the legend`);
      }
    });
  }

  test('a clean page: no script, no remote content, a strict CSP, print styles, the language and charset', () => {
    const { html, doc } = htmlOf('examples/harbour-strike.transcript');
    assert.equal(byTag(doc, 'script').length, 0);
    assert.equal(byTag(doc, 'link').length, 0);
    assert.equal(byTag(doc, 'img').length, 0);
    const csp = byTag(doc, 'meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
    assert.equal(attr(csp!, 'content'), "default-src 'none'; style-src 'unsafe-inline'");
    assert.match(html, /@media print/);
    assert.equal(attr(byTag(doc, 'html')[0], 'lang'), 'en');
    assert.ok(byTag(doc, 'meta').some((m) => attr(m, 'charset') === 'utf-8'));
    assert.ok(!/https?:\/\//.test(html), 'no URL at all');
    assert.equal(textContent(byTag(doc, 'title')[0]), "Ferry crews walk off the job as the harbour city's night service grinds to a halt");
  });

  test('speakers bold, stage directions italic, bios in the legend', () => {
    const { doc } = htmlOf('examples/harbour-strike.transcript');
    const labels = byClass(doc, 'speaker').map(textContent);
    assert.deepEqual(labels.slice(0, 3), ['NINA PARK, HOST:', 'OMAR SALEH, BYLINE:', 'SALEH:']);
    assert.ok(byClass(doc, 'speaker').every((b) => b.tagName === 'b'));
    assert.deepEqual(byClass(doc, 'cue').map(textContent), ['(Clearing throat)', '(ph)', '(Laughter)']);
    assert.ok(byClass(doc, 'cue').every((i) => i.tagName === 'i'));
    const bios = byClass(doc, 'bio').map(textContent);
    assert.ok(bios.some((b) => b.startsWith('Nina Park is')), bios.join(' | '));
  });

  test('every string from the document is escaped', () => {
    const { html, doc } = htmlOf('test/fixtures/export/hostile.transcript');
    assert.equal(byTag(doc, 'script').length, 0);
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;script&gt;alert<i class="cue">(&quot;x&quot;)</i>&lt;/script&gt;'), html);
    // The only <b> elements are the labels and the legend's names.
    assert.equal(byTag(doc, 'b').length, byClass(doc, 'speaker').length + byTag(byClass(doc, 'legend')[0], 'b').length);
    assert.ok(html.includes('HOST &amp; &lt;EDITOR&gt;:'));
    assert.equal(textContent(byTag(doc, 'title')[0]), 'Pipes & <Angles>: a *test* of [escaping] with `code` and &amp;');
    // Only the elements the exporter writes.
    const allowed = new Set(['html', 'head', 'body', 'meta', 'title', 'style', 'header', 'h1', 'h2', 'p', 'section', 'ul', 'li', 'span', 'b', 'main', 'div', 'i', 'footer']);
    for (const n of walk(doc)) if (n.tagName) assert.ok(allowed.has(n.tagName), `unexpected <${n.tagName}>`);
  });
});
