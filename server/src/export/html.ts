// HTML: one self-contained, printable page. A speaker legend (colour, name, role, bio, how
// much they speak), then the turns with the label in bold and stage directions in italics, each
// turn marked by its speaker's colour, then the credit and bios. No script, no remote content
// (its Content-Security-Policy allows only the inline style sheet), and every string from the
// document is escaped.

import { formatDuration } from '../analysis/statistics';
import type { ExportModel, Piece } from './model';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Colours for speakers on a white page (and in print), distinct for colour-blind readers too (Okabe–Ito). */
export const SPEAKER_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999933'];

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font: 600 .8rem/1.2 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em; color: #555; margin: 2rem 0 .5rem; }
.summary { color: #333; font-style: italic; }
.legend { list-style: none; padding: 0; margin: 0; display: grid; gap: .4rem; font: .9rem/1.4 system-ui, sans-serif; }
.legend li { display: grid; grid-template-columns: 1rem 1fr; gap: .1rem .6rem; align-items: baseline; }
.swatch { width: .8rem; height: .8rem; border-radius: 2px; display: inline-block; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.legend .stats, .legend .bio { grid-column: 2; color: #555; }
.legend .role { color: #555; }
.turn { border-left: 4px solid var(--c, #999); padding: 0 0 0 .8rem; margin: 0 0 1rem; break-inside: avoid; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.turn p { margin: 0 0 .5rem; }
.turn .time { font: .8rem system-ui, sans-serif; color: #666; margin-right: .4rem; }
.speaker { font-weight: 700; font-family: system-ui, sans-serif; font-size: .92em; }
.cue, .stage { font-style: italic; color: #555; }
.stage { margin: 0 0 1rem 1.2rem; }
footer { border-top: 1px solid #ccc; margin-top: 2rem; padding-top: 1rem; font-size: .9rem; color: #444; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { color: #000; }
  a { color: inherit; text-decoration: none; }
}
`;

function inline(p: readonly Piece[]): string {
  return p.map((x) => (x.type === 'text' ? escapeHtml(x.text) : `<i class="cue">${escapeHtml(x.text)}</i>`)).join('');
}

export function toHtml(model: ExportModel, options: { wordsPerMinute: number }): string {
  const title = model.title ?? model.source;
  const colour = (id: number | undefined) => (id === undefined ? '#999999' : SPEAKER_COLOURS[id % SPEAKER_COLOURS.length]);
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Transcript Tools">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
  );
  if (model.summary) out.push(`<p class="summary">${escapeHtml(model.summary)}</p>`);
  out.push('</header>');
  if (model.speakers.length > 0) {
    out.push('<section aria-labelledby="speakers">', '<h2 id="speakers">Speakers</h2>', '<ul class="legend">');
    for (const s of model.speakers) {
      const stats = `${s.turns} turn${s.turns === 1 ? '' : 's'} · ${s.words.toLocaleString('en-US')} word${s.words === 1 ? '' : 's'} · ${formatDuration(s.words, options.wordsPerMinute)}`;
      out.push(
        `<li id="speaker-${s.id + 1}"><span class="swatch" style="background:${colour(s.id)}" aria-hidden="true"></span>` +
          `<span><b>${escapeHtml(s.fullName ?? s.name)}</b>${s.role ? ` <span class="role">· ${escapeHtml(s.role)}</span>` : ''}</span>` +
          `<span class="stats">${stats}</span>` +
          (s.bio ? `<span class="bio">${escapeHtml(s.bio)}</span>` : '') +
          '</li>',
      );
    }
    out.push('</ul>', '</section>');
  }
  out.push('<main>', '<h2>Transcript</h2>');
  for (const node of model.body) {
    if (node.type === 'stage') {
      out.push(`<p class="stage">${escapeHtml(node.text)}</p>`);
      continue;
    }
    const attrs = `class="turn" id="turn-${node.index + 1}" style="--c:${colour(node.speaker)}"${node.speaker === undefined ? '' : ` data-speaker="${node.speaker + 1}"`}`;
    const paragraphs = node.paragraphs.map(inline);
    if (node.label) {
      const time = node.labelPrefix ? `<span class="time">${escapeHtml(node.labelPrefix)}</span>` : '';
      const head = `${time}<b class="speaker">${escapeHtml(node.label)}</b>`;
      paragraphs[0] = paragraphs.length > 0 ? `${head} ${paragraphs[0]}` : head;
    }
    out.push(`<div ${attrs}>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>`);
  }
  out.push('</main>');
  if (model.credit || model.trailer.length > 0) {
    out.push('<footer>');
    if (model.credit) out.push(`<p class="credit">${escapeHtml(model.credit)}</p>`);
    for (const l of model.trailer) out.push(`<p>${escapeHtml(l)}</p>`);
    out.push('</footer>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
