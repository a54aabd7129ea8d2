// The Statistics view's HTML, CSS, SVG charts and script, generated here from the data the
// server sends (transcript/statistics). No `vscode` import: the unit tests and the screenshot
// script (scripts/screenshot-statistics.mjs) render exactly what the webview shows.
//
// Safety: a strict Content-Security-Policy (nothing remote; the one script and style sheet carry
// a nonce; no inline style attributes) and every string from the document goes through escape().
// Theme: colours are VS Code's CSS variables (--vscode-charts-*, --vscode-editor-*, …), so the
// view follows light, dark and high-contrast themes. Keyboard: every bar and every stretch of
// the timeline can be reached (Tab to a chart, arrow keys within it) and revealed with Enter.

import type { StatisticsResult, StatisticsSpeaker } from '../../server/src/features/statistics';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML or SVG content and attribute values. */
export function escape(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Colour classes c0…c5 map to VS Code's chart colours; speakers beyond six cycle through them. */
export const PALETTE_SIZE = 6;

const n = (x: number) => x.toLocaleString('en-US');
const plural = (k: number, word: string) => `${n(k)} ${word}${k === 1 ? '' : 's'}`;

/** `~40 s`, `~8 min`, `~2 h 5 min`: as the server's formatDuration writes it. */
function speakingTime(words: number, wpm: number): string {
  const seconds = Math.round((words / Math.max(1, wpm)) * 60);
  if (seconds < 60) return `~${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `~${minutes} min` : `~${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** `1:05`, `1:02:03` */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

type RangeLike = { start: { line: number; character: number }; end: { line: number; character: number } };

/** data-* attributes that tell the script what to reveal. */
function revealAttrs(r: RangeLike | null): string {
  if (!r) return '';
  return ` data-reveal="${r.start.line},${r.start.character},${r.end.line},${r.end.character}"`;
}

function speakerName(data: StatisticsResult, id: number | null): string {
  return id === null ? 'Unattributed' : (data.speakers[id]?.name ?? `Speaker ${id + 1}`);
}


/** Charts show at most this many rows: the speakers who say most (in order of appearance), then "Others". */
export const MAX_ROWS = 12;
/** A timeline with more turns than this merges neighbouring blocks of a row that would touch on screen. */
export const DENSE_TURNS = 400;

type Row = { id: number | null; speakers: StatisticsSpeaker[]; name: string; others: boolean };

/** The rows of both charts: each speaker, or the top ones and one row for all the others (and unattributed text). */
export function chartRows(data: StatisticsResult): Row[] {
  const all = data.speakers;
  const unattributed = data.timeline.some((t) => t.speaker === null);
  if (all.length <= MAX_ROWS) {
    const rows: Row[] = all.map((s) => ({ id: s.id, speakers: [s], name: s.name, others: false }));
    if (unattributed) rows.push({ id: null, speakers: [], name: 'Unattributed', others: true });
    return rows;
  }
  const top = new Set([...all].sort((a, b) => b.words - a.words || a.id - b.id).slice(0, MAX_ROWS - 1).map((s) => s.id));
  const rest = all.filter((s) => !top.has(s.id));
  return [
    ...all.filter((s) => top.has(s.id)).map((s) => ({ id: s.id, speakers: [s], name: s.name, others: false })),
    { id: null, speakers: rest, name: `${plural(rest.length, 'other speaker')}`, others: true },
  ];
}

/** The bar chart: words per speaker, with estimated minutes, turns and share. */
export function barChart(data: StatisticsResult): string {
  if (data.speakers.length === 0) return '<p class="empty">No speaker labels yet.</p>';
  const rows = chartRows(data).filter((r) => r.speakers.length > 0);
  const width = 640;
  const nameWidth = 170;
  const valueWidth = 190;
  const barMax = width - nameWidth - valueWidth - 16;
  const row = 26;
  const height = rows.length * row + 4;
  const wordsOf = (r: Row) => r.speakers.reduce((a, s) => a + s.words, 0);
  const max = Math.max(1, ...rows.map(wordsOf));
  const wpm = Math.max(1, data.wordsPerMinute);
  const bars = rows.map((r, i) => {
    const s = r.speakers[0];
    const words = wordsOf(r);
    const turns = r.speakers.reduce((a, x) => a + x.turns, 0);
    const share = Math.round((words / Math.max(1, data.totals.words)) * 100);
    const duration = r.others ? speakingTime(words, wpm) : s.duration;
    const y = i * row + 2;
    const w = Math.max(words > 0 ? 2 : 0, (words / max) * barMax);
    const who = r.others ? r.name : `${s.name}${s.role ? `, ${s.role}` : ''}`;
    const label = `${who}: ${plural(words, 'word')}, ${duration}, ${plural(turns, 'turn')}, ${share}% of the words.${r.others ? '' : ' Enter: go to their introduction.'}`;
    const name = r.name.length > 24 ? `${r.name.slice(0, 23)}…` : r.name;
    return (
      `<g class="bar c${r.others ? 'x' : s.id % PALETTE_SIZE}" role="button" tabindex="${i === 0 ? 0 : -1}" data-index="${i}" aria-label="${escape(label)}"${r.others ? '' : revealAttrs(s.reveal)}>` +
      `<title>${escape(label)}</title>` +
      `<rect class="hit" x="0" y="${y}" width="${width}" height="${row - 2}"></rect>` +
      `<text class="name" x="${nameWidth - 8}" y="${y + 16}" text-anchor="end">${escape(name)}</text>` +
      `<rect class="fill" x="${nameWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" rx="2"></rect>` +
      `<text class="value" x="${(nameWidth + w + 6).toFixed(1)}" y="${y + 16}">${escape(`${n(words)} words · ${duration} · ${share}%`)}</text>` +
      `</g>`
    );
  });
  return `<svg class="chart bars" role="group" aria-label="Words per speaker. Arrow keys move between speakers." viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars.join('')}</svg>`;
}

/** The turn-taking timeline: a strip per speaker, each turn a block placed by the words said before it. */
export function timeline(data: StatisticsResult): string {
  const turns = data.timeline;
  if (turns.length === 0) return '<p class="empty">No turns yet.</p>';
  const rowsOf = chartRows(data);
  const rowOf = new Map<number | null, number>();
  rowsOf.forEach((r, k) => {
    if (!r.others) rowOf.set(r.id, k);
  });
  const othersRow = rowsOf.findIndex((r) => r.others);
  const width = 640;
  const nameWidth = 170;
  const plot = width - nameWidth - 8;
  const row = 22;
  const axis = 22;
  const height = rowsOf.length * row + axis;
  const total = Math.max(1, data.totals.words);
  const x = (words: number) => nameWidth + (words / total) * plot;
  const dense = turns.length > DENSE_TURNS;
  // Blocks per row; in a dense timeline, neighbours that would touch on screen become one block.
  type Block = { first: number; last: number; words: number; turns: number; x0: number; x1: number };
  const blocksOf: Block[][] = rowsOf.map(() => []);
  turns.forEach((t, i) => {
    const r = rowOf.get(t.speaker) ?? othersRow;
    if (r < 0) return;
    const x0 = x(t.at);
    const x1 = Math.max(x0 + 2, x(t.at + t.words));
    const list = blocksOf[r];
    const prev = list[list.length - 1];
    if (dense && prev && x0 - prev.x1 < 1.5) {
      prev.last = i;
      prev.words += t.words;
      prev.turns++;
      prev.x1 = Math.max(prev.x1, x1);
    } else list.push({ first: i, last: i, words: t.words, turns: 1, x0, x1 });
  });
  const rows = rowsOf.map((rw, r) => {
    const y = r * row + 2;
    const blocks = blocksOf[r].map((b, k) => {
      const t = turns[b.first];
      const end = turns[b.last];
      const when = `${t.timeSource === 'estimate' ? '~' : ''}${clock(t.seconds)}`;
      const lines = t.firstLine === end.lastLine ? `line ${t.firstLine + 1}` : `lines ${t.firstLine + 1}–${end.lastLine + 1}`;
      const who = rw.others && t.speaker !== null ? speakerName(data, t.speaker) : rw.name;
      const what = b.turns === 1 ? `turn at ${when}` : `${b.turns} turns from ${when}`;
      const label = `${who}, ${what}, ${plural(b.words, 'word')}, ${lines}. Enter: go there.`;
      return (
        `<rect class="seg" role="button" tabindex="${r === 0 && k === 0 ? 0 : -1}" data-row="${r}" data-turn="${b.first}" data-at="${t.at}"` +
        ` x="${b.x0.toFixed(1)}" y="${y + 3}" width="${(b.x1 - b.x0).toFixed(1)}" height="${row - 8}" aria-label="${escape(label)}"${revealAttrs(t.reveal)}><title>${escape(label)}</title></rect>`
      );
    });
    const count = blocksOf[r].reduce((a, b) => a + b.turns, 0);
    const short = rw.name.length > 24 ? `${rw.name.slice(0, 23)}…` : rw.name;
    return (
      `<g class="strip c${rw.others ? 'x' : (rw.id ?? 0) % PALETTE_SIZE}" role="group" aria-label="${escape(`${rw.name}: ${plural(count, 'turn')}`)}">` +
      `<rect class="track" x="${nameWidth}" y="${y + 3}" width="${plot}" height="${row - 8}"></rect>` +
      `<text class="name" x="${nameWidth - 8}" y="${y + 15}" text-anchor="end">${escape(short)}</text>${blocks.join('')}</g>`
    );
  });
  // Ticks: estimated minutes along the document (position is by words said).
  const wpm = Math.max(1, data.wordsPerMinute);
  const minutes = total / wpm;
  const step = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600].find((st) => minutes / st <= 6) ?? 1200;
  const ticks: string[] = [];
  const base = rowsOf.length * row;
  for (let m = 0; m <= minutes + 1e-9; m += step) {
    const tx = x(m * wpm);
    ticks.push(`<line class="tick" x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${base}" y2="${base + 4}"></line>`);
    ticks.push(`<text class="tick-label" x="${tx.toFixed(1)}" y="${base + 16}" text-anchor="${m === 0 ? 'start' : 'middle'}">${m === 0 ? '0' : m >= 120 ? `~${m / 60} h` : `~${m} min`}</text>`);
  }
  return (
    `<svg class="chart timeline" role="group" aria-label="Turn-taking timeline: a row per speaker, a block per turn along the transcript. Arrow keys move between turns (left, right) and speakers (up, down)." viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `${rows.join('')}<line class="axis" x1="${nameWidth}" x2="${nameWidth + plot}" y1="${base}" y2="${base}"></line>${ticks.join('')}</svg>`
  );
}

const CUE_KIND_NAMES: Record<string, string> = {
  soundbite: 'Sound bites',
  music: 'Music',
  reaction: 'Reactions',
  language: 'Language notes',
  phonetic: 'Spelled as heard (ph)',
  inaudible: 'Inaudible',
  character: 'Voicing a character',
  timestamp: 'Timestamps',
  other: 'Other',
};
const ENTITY_KIND_NAMES: Record<string, string> = { person: 'People', place: 'Places', organization: 'Organisations', name: 'Other names' };

function counts(data: StatisticsResult): string {
  const t = data.totals;
  const sd = t.stageDirections;
  const card = (value: string, label: string, detail = '') => `<div class="card"><div class="value">${escape(value)}</div><div class="label">${escape(label)}</div>${detail ? `<div class="detail">${escape(detail)}</div>` : ''}</div>`;
  const length = t.hasTimestamps ? `until ${clock(t.seconds)}` : `at ${data.wordsPerMinute} words a minute`;
  return (
    `<div class="cards">` +
    card(n(t.words), 'words', `${t.duration} ${length}`) +
    card(n(t.turns), t.turns === 1 ? 'turn' : 'turns') +
    card(n(t.speakers), t.speakers === 1 ? 'speaker' : 'speakers') +
    card(n(sd.ownLine + sd.inline), 'stage directions', `${n(sd.ownLine)} on their own line, ${n(sd.inline)} inline`) +
    `</div>`
  );
}

function stageTable(data: StatisticsResult): string {
  const rows = Object.entries(data.totals.stageDirections.byKind)
    .filter(([, v]) => (v ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([k, v]) => `<tr><th scope="row">${escape(CUE_KIND_NAMES[k] ?? k)}</th><td>${n(v ?? 0)}</td></tr>`);
  if (rows.length === 0) return '<p class="empty">None.</p>';
  return `<table><thead><tr><th scope="col">Kind</th><th scope="col">Count</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function entityTable(data: StatisticsResult): string {
  const e = data.entities;
  const rows = e.byKind
    .filter((k) => k.distinct > 0)
    .map(
      (k) =>
        `<tr><th scope="row">${escape(ENTITY_KIND_NAMES[k.kind] ?? k.kind)}</th><td>${n(k.distinct)}</td><td>${n(k.mentions)}</td>` +
        `<td class="names">${k.top.map((x) => `${escape(x.text)}${x.mentions > 1 ? ` <span class="times">×${n(x.mentions)}</span>` : ''}`).join(', ')}</td></tr>`,
    );
  const progress = e.complete
    ? ''
    : e.limited
      ? `<p class="progress">In the first ${n(e.paragraphsDone)} of ${n(e.paragraphsTotal)} paragraphs (the name finder reads no more of a long transcript).</p>`
      : `<p class="progress" role="status">Counting… ${n(e.paragraphsDone)} of ${n(e.paragraphsTotal)} paragraphs read.</p>`;
  if (rows.length === 0) return `${progress}${e.complete || e.limited ? '<p class="empty">None found.</p>' : ''}`;
  return `${progress}<table><thead><tr><th scope="col">Kind</th><th scope="col">Names</th><th scope="col">Mentions</th><th scope="col">Most mentioned</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The view's content for the data (or a message when there is none). */
export function statisticsBody(data: StatisticsResult | null, fileName = ''): string {
  if (!data) return `<p class="empty">Open a transcript to see its statistics.</p>`;
  const title = data.title ?? fileName;
  return (
    `<header><h1>${escape(title || 'Transcript')}</h1>${title && fileName && title !== fileName ? `<p class="file">${escape(fileName)}</p>` : ''}</header>` +
    counts(data) +
    `<section aria-labelledby="h-bars"><h2 id="h-bars">Words per speaker</h2>${barChart(data)}</section>` +
    `<section aria-labelledby="h-time"><h2 id="h-time">Turn-taking</h2><p class="hint">A row per speaker, a block per turn, along the transcript by words said: long blocks are monologues, runs of thin blocks rapid exchanges.</p>${timeline(data)}</section>` +
    `<div class="two"><section aria-labelledby="h-stage"><h2 id="h-stage">Stage directions</h2>${stageTable(data)}</section>` +
    `<section aria-labelledby="h-ent"><h2 id="h-ent">Entities</h2>${entityTable(data)}</section></div>`
  );
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 24px; line-height: 1.4; }
h1 { font-size: 1.35em; font-weight: 600; margin: 16px 0 2px; }
h2 { font-size: 0.85em; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--vscode-descriptionForeground); margin: 22px 0 8px; }
.file, .hint, .empty, .progress { color: var(--vscode-descriptionForeground); margin: 0 0 8px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 14px; }
.card { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); background: var(--vscode-editorWidget-background); border-radius: 4px; padding: 8px 12px; min-width: 110px; }
.card .value { font-size: 1.5em; font-weight: 600; }
.card .label { color: var(--vscode-descriptionForeground); }
.card .detail { font-size: .9em; color: var(--vscode-descriptionForeground); }
svg.chart { display: block; width: 100%; max-width: 900px; height: auto; overflow: visible; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
svg .value, svg .tick-label { fill: var(--vscode-descriptionForeground); }
.bar .hit { fill: transparent; }
.bar, .seg { cursor: pointer; outline: none; }
.bar:hover .hit, .bar:focus .hit { fill: var(--vscode-list-hoverBackground); }
.bar:focus .hit { stroke: var(--vscode-focusBorder); stroke-width: 2px; }
.seg:focus, .seg:hover { stroke: var(--vscode-focusBorder); stroke-width: 2px; }
.track { fill: var(--vscode-editorWidget-background, transparent); opacity: .6; }
.axis, .tick { stroke: var(--vscode-charts-lines, var(--vscode-descriptionForeground)); stroke-width: 1px; }
.c0 .fill, .c0 .seg { fill: var(--vscode-charts-blue); }
.c1 .fill, .c1 .seg { fill: var(--vscode-charts-orange); }
.c2 .fill, .c2 .seg { fill: var(--vscode-charts-green); }
.c3 .fill, .c3 .seg { fill: var(--vscode-charts-purple); }
.c4 .fill, .c4 .seg { fill: var(--vscode-charts-yellow); }
.c5 .fill, .c5 .seg { fill: var(--vscode-charts-red); }
.cx .fill, .cx .seg { fill: var(--vscode-descriptionForeground); }
body.vscode-high-contrast .fill, body.vscode-high-contrast .seg, body.vscode-high-contrast-light .fill, body.vscode-high-contrast-light .seg { stroke: var(--vscode-contrastBorder); stroke-width: 1px; }
body.vscode-high-contrast .track, body.vscode-high-contrast-light .track { fill: none; stroke: var(--vscode-contrastBorder); stroke-dasharray: 2 3; opacity: 1; }
body.vscode-high-contrast .card, body.vscode-high-contrast-light .card { border-color: var(--vscode-contrastBorder); }
.two { display: flex; flex-wrap: wrap; gap: 0 40px; }
.two section { flex: 1 1 260px; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 3px 14px 3px 0; vertical-align: top; }
thead th { font-weight: 600; color: var(--vscode-descriptionForeground); border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); }
tbody th { font-weight: normal; }
td:nth-child(2), td:nth-child(3) { font-variant-numeric: tabular-nums; }
.times { color: var(--vscode-descriptionForeground); }
`;

/**
 * The webview's script: replaces the content on `update` messages (keeping keyboard focus),
 * reveals what is chosen (click, Enter, Space), and moves focus with the arrow keys.
 */
const SCRIPT = `
(function () {
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const root = document.getElementById('root');
  const key = (el) => el && (el.dataset.index !== undefined ? 'bar:' + el.dataset.index : el.dataset.turn !== undefined ? 'turn:' + el.dataset.turn : undefined);
  const find = (k) => {
    if (!k) return null;
    const [kind, v] = k.split(':');
    return root.querySelector(kind === 'bar' ? '.bar[data-index="' + v + '"]' : '.seg[data-turn="' + v + '"]');
  };
  const focusOn = (el) => {
    if (!el) return;
    const group = el.closest('svg');
    group.querySelectorAll('[tabindex="0"]').forEach((x) => x.setAttribute('tabindex', '-1'));
    el.setAttribute('tabindex', '0');
    el.focus();
  };
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || m.type !== 'update' || typeof m.html !== 'string') return;
    const had = key(document.activeElement);
    root.innerHTML = m.html;
    const again = find(had);
    if (again) focusOn(again);
  });
  const reveal = (el) => {
    const r = el && el.dataset.reveal;
    if (!r || !vscode) return;
    const [a, b, c, d] = r.split(',').map(Number);
    vscode.postMessage({ type: 'reveal', range: { start: { line: a, character: b }, end: { line: c, character: d } } });
  };
  root.addEventListener('click', (e) => {
    const el = e.target.closest('[data-reveal]');
    if (el) { focusOn(el); reveal(el); }
  });
  root.addEventListener('keydown', (e) => {
    const el = e.target.closest && e.target.closest('.bar, .seg');
    if (!el) return;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(el); return; }
    let next = null;
    if (el.classList.contains('bar')) {
      const bars = [...root.querySelectorAll('.bar')];
      const i = bars.indexOf(el);
      if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = bars[i + 1];
      else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = bars[i - 1];
      else if (e.key === 'Home') next = bars[0];
      else if (e.key === 'End') next = bars[bars.length - 1];
    } else {
      const row = el.dataset.row;
      const same = [...root.querySelectorAll('.seg[data-row="' + row + '"]')];
      const i = same.indexOf(el);
      if (e.key === 'ArrowRight') next = same[i + 1];
      else if (e.key === 'ArrowLeft') next = same[i - 1];
      else if (e.key === 'Home') next = same[0];
      else if (e.key === 'End') next = same[same.length - 1];
      else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        // The nearest turn along the transcript in the row above or below that has turns.
        const rows = root.querySelectorAll('.strip').length;
        const at = Number(el.dataset.at);
        for (let r = Number(row) + (e.key === 'ArrowUp' ? -1 : 1); r >= 0 && r < rows; r += e.key === 'ArrowUp' ? -1 : 1) {
          const other = [...root.querySelectorAll('.seg[data-row="' + r + '"]')];
          if (other.length > 0) { next = other.reduce((best, x) => Math.abs(Number(x.dataset.at) - at) < Math.abs(Number(best.dataset.at) - at) ? x : best); break; }
        }
      }
    }
    if (next) { e.preventDefault(); focusOn(next); }
  });
  if (vscode) vscode.postMessage({ type: 'ready' });
})();
`;

export interface PageOptions {
  nonce: string;
  /** The webview's own source (`webview.cspSource`); nothing else may be loaded. */
  cspSource: string;
  /** Content to show at once (the screenshot renders a page without a webview). */
  body?: string;
  /** Extra style sheet for the page (the screenshot sets the theme's variables). */
  extraStyle?: string;
  /** Class of <body> (VS Code sets vscode-light, vscode-dark or vscode-high-contrast itself). */
  bodyClass?: string;
}

/** The whole page: CSP, style, an empty root filled by `update` messages, and the script. */
export function statisticsPage(o: PageOptions): string {
  const csp = [`default-src 'none'`, `style-src ${o.cspSource} 'nonce-${o.nonce}'`, `script-src 'nonce-${o.nonce}'`, `img-src ${o.cspSource} data:`, `font-src ${o.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escape(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Transcript Statistics</title>
<style nonce="${o.nonce}">${STYLE}${o.extraStyle ?? ''}</style>
</head>
<body${o.bodyClass ? ` class="${escape(o.bodyClass)}"` : ''}>
<main id="root">${o.body ?? '<p class="empty">Loading…</p>'}</main>
<script nonce="${o.nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/** A fresh nonce for each page (the web build has no Node crypto; crypto.getRandomValues is everywhere). */
export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
