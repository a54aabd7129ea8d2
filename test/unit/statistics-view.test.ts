// The Statistics view's page and charts (client/src/statisticsHtml.ts): a strict nonce-based
// CSP, every string escaped, theme colours from VS Code's variables, keyboard access. Parsed
// with parse5; and, where Debian's Chromium is installed, opened in headless Chromium to walk it
// with the keyboard and check that nothing violates the CSP (scripts/screenshot-statistics.mjs does the same
// before taking its pictures).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'parse5';
import type { StatisticsResult } from '../../server/src/features/statistics';
import { statistics } from '../../server/src/features/statistics';
import { defaultSettings } from '../../server/src/settings';
import { barChart, DENSE_TURNS, escape, makeNonce, MAX_ROWS, statisticsBody, statisticsPage, timeline } from '../../client/src/statisticsHtml';
import { analyze } from '../../server/src/analysis';
import { attr, byClass, byTag, load, textContent, walk, type HtmlNode } from '../fixtures/export/support';

const harbour = statistics(load('examples/harbour-strike.transcript'), defaultSettings, Infinity);
const EVIL = `<img src=x onerror="alert(1)">&amp;'"`;

/** The data with every string replaced by something hostile. */
function hostile(): StatisticsResult {
  const d = structuredClone(harbour);
  d.title = `${EVIL} title`;
  d.speakers = d.speakers.map((s, i) => ({ ...s, name: `${EVIL} ${i}`, role: EVIL, duration: EVIL }));
  d.entities.byKind = d.entities.byKind.map((k) => ({ ...k, kind: EVIL as never, top: k.top.map((x) => ({ ...x, text: EVIL })) }));
  d.totals.stageDirections.byKind = { [EVIL]: 2 } as never;
  return d;
}

const fragment = (html: string) => parse(`<!DOCTYPE html><html><body>${html}</body></html>`) as unknown as HtmlNode;

describe('Statistics view: markup', () => {
  test('a bar per speaker and a block per turn, each reachable by keyboard, one tab stop per chart', () => {
    const doc = fragment(statisticsBody(harbour, 'harbour-strike.transcript'));
    const bars = byClass(doc, 'bar');
    assert.equal(bars.length, 4);
    assert.deepEqual(bars.map((b) => attr(b, 'role')), ['button', 'button', 'button', 'button']);
    assert.equal(attr(bars[1], 'aria-label'), 'Omar Saleh, BYLINE: 154 words, ~1 min, 6 turns, 48% of the words. Enter: go to their introduction.');
    assert.equal(attr(bars[1], 'data-reveal'), '13,0,13,10');
    const segs = byClass(doc, 'seg');
    assert.equal(segs.length, 15);
    assert.ok(segs.every((s) => attr(s, 'role') === 'button' && attr(s, 'aria-label') && attr(s, 'data-reveal')));
    for (const svg of byTag(doc, 'svg')) {
      assert.equal([...walk(svg)].filter((n) => attr(n, 'tabindex') === '0').length, 1, 'one tab stop per chart (roving tabindex)');
      assert.ok(attr(svg, 'aria-label'));
    }
    assert.equal(textContent(byTag(doc, 'h1')[0]), harbour.title);
  });

  test('the timeline is ordered along the transcript and scaled by words', () => {
    const doc = fragment(timeline(harbour));
    const segs = byClass(doc, 'seg');
    const xs = segs.map((s) => Number(attr(s, 'x'))).sort((a, b) => a - b);
    assert.equal(xs[0], 170);
    // The last turn ends at the right edge: 170 + 462 * (at + words) / total.
    const last = harbour.timeline[harbour.timeline.length - 1];
    const seg = segs.find((s) => attr(s, 'data-turn') === String(harbour.timeline.length - 1))!;
    assert.ok(Math.abs(Number(attr(seg, 'x')) - (170 + (462 * last.at) / harbour.totals.words)) < 0.1);
    assert.equal(byClass(doc, 'strip').length, 4, 'a strip per speaker');
  });

  test('every string from the document is escaped', () => {
    const html = statisticsBody(hostile(), 'file.transcript');
    const doc = fragment(html);
    assert.equal(byTag(doc, 'img').length, 0);
    for (const n of walk(doc)) for (const a of n.attrs ?? []) assert.ok(!/^on/i.test(a.name), `no ${a.name} attribute`);
    assert.ok(textContent(doc).includes(`${EVIL} title`));
    assert.ok(byClass(doc, 'bar').every((b) => (attr(b, 'aria-label') ?? '').includes(EVIL)));
    assert.equal(escape(`<a href="x">'&`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  test('no inline style attributes (the CSP would block them); colours are VS Code theme variables', () => {
    const page = statisticsPage({ nonce: 'n0nce', cspSource: 'vscode-webview://x', body: statisticsBody(harbour) });
    const doc = parse(page) as unknown as HtmlNode;
    for (const n of walk(doc)) assert.equal(attr(n, 'style'), undefined, `<${n.tagName}> has no style attribute`);
    for (const v of ['--vscode-charts-blue', '--vscode-editor-background', '--vscode-foreground', '--vscode-focusBorder', '--vscode-contrastBorder']) assert.ok(page.includes(`var(${v}`), v);
    assert.ok(page.includes('body.vscode-high-contrast'));
    assert.ok(!/#[0-9a-f]{3,6}\b/i.test(page.replace(/nonce-\w+/g, '')), 'no hard-coded colours');
  });

  test('a strict Content-Security-Policy with a nonce on the one script and the one style sheet', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[0-9a-f]{36}$/);
    assert.notEqual(nonce, makeNonce());
    const page = statisticsPage({ nonce, cspSource: 'vscode-webview://abc' });
    const doc = parse(page) as unknown as HtmlNode;
    const csp = attr(byTag(doc, 'meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy')!, 'content')!;
    assert.equal(csp, `default-src 'none'; style-src vscode-webview://abc 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src vscode-webview://abc data:; font-src vscode-webview://abc`);
    assert.ok(!csp.includes('unsafe'));
    assert.deepEqual(byTag(doc, 'script').map((s) => attr(s, 'nonce')), [nonce]);
    assert.deepEqual(byTag(doc, 'style').map((s) => attr(s, 'nonce')), [nonce]);
    assert.ok(!/https?:\/\//.test(page), 'nothing remote');
  });

  test('a long transcript with many speakers: the top speakers and one row for the others; neighbouring blocks merged', () => {
    // 30 speakers, 900 turns: far more blocks than the chart has room for.
    const names = Array.from({ length: 30 }, (_, i) => `SPEAKER${String.fromCharCode(65 + (i % 26))}${i >= 26 ? 'X' : ''} PERSON`);
    const turns = Array.from({ length: 900 }, (_, i) => `${names[i % 7 === 0 ? 0 : i % 30]}: ${'word '.repeat(5 + (i % 11))}`);
    const data = statistics(analyze('file:///long.transcript', 1, `Long\n\n${turns.join('\n\n')}\n`), defaultSettings, Infinity);
    assert.equal(data.speakers.length, 30);
    assert.ok(data.timeline.length > DENSE_TURNS);
    const bars = fragment(barChart(data));
    const labels = byClass(bars, 'bar').map((b) => attr(b, 'aria-label') ?? '');
    assert.equal(labels.length, MAX_ROWS);
    assert.match(labels[MAX_ROWS - 1], /^19 other speakers: [\d,]+ words/);
    assert.equal(attr(byClass(bars, 'bar')[MAX_ROWS - 1], 'data-reveal'), undefined, 'the others bar leads nowhere');
    // The one who speaks most (every seventh turn) is among the rows.
    assert.ok(labels.some((l) => l.startsWith(data.speakers[0].name)));
    const tl = fragment(timeline(data));
    assert.equal(byClass(tl, 'strip').length, MAX_ROWS);
    const segs = byClass(tl, 'seg');
    assert.ok(segs.length < data.timeline.length, `${segs.length} blocks for ${data.timeline.length} turns`);
    assert.ok(segs.some((x) => /^\S.* \d+ turns from /.test(attr(x, 'aria-label') ?? '')), 'merged blocks say how many turns');
    // Every turn is still in some block: the words add up.
    const words = segs.reduce((a, x) => a + Number(/([\d,]+) words?,/.exec(attr(x, 'aria-label') ?? '')?.[1].replace(/,/g, '') ?? 0), 0);
    assert.equal(words, data.totals.words);
  });

  test('no data, no speakers: a message instead of charts', () => {
    assert.match(statisticsBody(null), /Open a transcript/);
    const empty = statistics(load('test/fixtures/no-trailer.transcript'), defaultSettings, Infinity);
    assert.match(barChart({ ...empty, speakers: [] }), /No speaker labels yet/);
    assert.match(timeline({ ...empty, timeline: [] }), /No turns yet/);
  });
});

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
describe('Statistics view: in headless Chromium', { skip: existsSync(chromium) ? false : `${chromium} is not installed (apt-get install chromium)` }, () => {
  test('keyboard: Tab reaches the charts, arrows move, Enter, Space and a click reveal; no CSP violation; focus survives an update', { timeout: 60_000 }, async () => {
    const shot = await import('../../scripts/screenshot-statistics.mjs');
    const { page, problems, close } = await shot.openPage(shot.pageFor(harbour, 'dark', 'harbour-strike.transcript'));
    try {
      const steps = await shot.keyboardWalk(page);
      assert.match(steps.firstTab.cls ?? '', /\bbar\b/);
      assert.match(steps.secondBar.label ?? '', /^Omar Saleh/);
      assert.equal(steps.timeline.cls, 'seg');
      assert.match(steps.nextTurn.label ?? '', /^Nina Park, turn at ~0:35/);
      assert.equal(steps.rowBelow.row, '1');
      const reveals = steps.posted.filter((m) => m.type === 'reveal');
      assert.deepEqual(reveals[0]?.range, { start: { line: 13, character: 0 }, end: { line: 13, character: 10 } });
      assert.equal(reveals.length, 2);
      assert.deepEqual(steps.afterClick.range, { start: { line: 9, character: 0 }, end: { line: 9, character: 9 } });
      // An update (the document changed) keeps the focused turn focused.
      await page.focus('.seg[data-turn="5"]');
      await page.evaluate(`window.postMessage({ type: 'update', html: ${JSON.stringify(statisticsBody(harbour, 'again.transcript'))} }, '*')`);
      await page.waitForFunction(`document.querySelector('.file')?.textContent === 'again.transcript'`);
      assert.equal(await page.evaluate<string>(`document.activeElement?.getAttribute('data-turn')`), '5');
      // Something the CSP must stop: an injected inline script does not run.
      const ran = await page.evaluate<boolean>(`(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.appendChild(s);
        return window.__injected === true;
      })()`);
      assert.equal(ran, false, 'the CSP blocks scripts without the nonce');
      assert.deepEqual(problems.filter((p) => !/Content Security Policy/.test(p)), []);
    } finally {
      await close();
    }
  });
});
