// Markdown: the title as a heading, the summary, each turn as a paragraph that starts with the
// label in bold, stage directions (own-line and inline) in italics, then the credit and bios
// after a rule. Every piece of the document's text is escaped, so nothing in a transcript
// becomes a link, a list, a heading or HTML.

import type { ExportModel, Piece } from './model';

/** Backslash-escapes what CommonMark (and GFM tables and strikethrough) would read as inline markup. */
export function escapeInline(s: string): string {
  // An entity reference (`&amp;`, `&#38;`) would be decoded: escape its ampersand too.
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
}

/** escapeInline, and what would open a block at the start of a paragraph: a heading, quote, list, rule or setext underline. */
export function escapeMarkdown(s: string): string {
  return escapeInline(s).replace(/^([#>+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A paragraph: text escaped, stage directions in italics. Adjacent cues share one emphasis; a
 * cue glued to a word (`alert(x)`) stays roman, since CommonMark cannot open emphasis there.
 */
function inline(p: readonly Piece[]): string {
  const merged: Piece[] = [];
  for (const x of p) {
    const last = merged[merged.length - 1];
    if (x.type === 'cue' && last?.type === 'cue') merged[merged.length - 1] = { ...last, text: last.text + x.text };
    else merged.push(x);
  }
  const out = merged
    .map((x, i) => {
      if (x.type === 'text') return escapeInline(x.text);
      const before = merged[i - 1]?.text.slice(-1) ?? '';
      const after = merged[i + 1]?.text.slice(0, 1) ?? '';
      return WORD_CHAR.test(before) || WORD_CHAR.test(after) ? escapeInline(x.text) : `*${escapeInline(x.text)}*`;
    })
    .join('');
  return out.replace(/^([#>+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

export function toMarkdown(model: ExportModel): string {
  const blocks: string[] = [];
  if (model.title) blocks.push(`# ${escapeInline(model.title)}`);
  if (model.summary) blocks.push(escapeMarkdown(model.summary));
  for (const node of model.body) {
    if (node.type === 'stage') {
      blocks.push(`*${escapeMarkdown(node.text)}*`);
      continue;
    }
    const paragraphs = node.paragraphs.map(inline);
    if (node.label) {
      const prefix = node.labelPrefix ? `${escapeMarkdown(node.labelPrefix)} ` : '';
      const head = `${prefix}**${escapeMarkdown(node.label)}**`;
      paragraphs[0] = paragraphs.length > 0 ? `${head} ${paragraphs[0]}` : head;
    }
    blocks.push(...paragraphs);
  }
  if (model.credit || model.trailer.length > 0) {
    blocks.push('---');
    if (model.credit) blocks.push(escapeMarkdown(model.credit));
    for (const l of model.trailer) blocks.push(escapeMarkdown(l));
  }
  return `${blocks.join('\n\n')}\n`;
}
