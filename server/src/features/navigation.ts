// Go to Definition, Find All References and document highlights for speakers: from a label
// or a mention in the text to the speaker's introduction, their turns and their mentions.

import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver-types';
import type { Speaker, Transcript } from '../analysis';
import { entityAt, mentionsOf } from '../analysis/entities';
import { speakerMentions } from '../analysis/mentions';
import { spanIndexAt, type Span } from '../parser';
import { rangeOf } from './positions';

export interface SpeakerTarget {
  speaker: Speaker;
  /** The label name or mention under the cursor. */
  span: Span;
  via: 'label' | 'mention';
}

/** The speaker whose label or mention covers `offset` (its end included, as a cursor after a word still means it). */
export function speakerAt(t: Transcript, offset: number): SpeakerTarget | undefined {
  const { doc } = t;
  const table = t.speakers;
  const found = spanIndexAt(doc.turns, offset);
  const turn = doc.turns[found];
  if (turn?.label && offset >= turn.label.nameSpan.start && offset <= turn.label.nameSpan.end) {
    const id = table.byTurn[found];
    if (id !== undefined) return { speaker: table.speakers[id], span: turn.label.nameSpan, via: 'label' };
  }
  for (const m of speakerMentions(doc, table)) {
    if (m.start > offset) break;
    if (offset <= m.end) return { speaker: table.speakers[m.speaker], span: m, via: 'mention' };
  }
  return undefined;
}

/** The label that introduces a speaker: the first full-name turn, or their first turn. */
export function introductionSpan(t: Transcript, s: Speaker): Span | undefined {
  const turn = t.doc.turns[s.introductions[0] ?? s.turns.find((i) => t.doc.turns[i].label) ?? -1];
  return turn?.label ? turn.label.nameSpan : undefined;
}

export function definition(t: Transcript, offset: number): Location | null {
  const target = speakerAt(t, offset);
  if (!target) return null;
  const span = introductionSpan(t, target.speaker);
  return span ? { uri: t.uri, range: rangeOf(t.doc.lineStarts, span.start, span.end) } : null;
}

/** Every label of the speaker and every mention of them, in document order. */
export function speakerSpans(t: Transcript, s: Speaker): { span: Span; via: 'label' | 'mention' }[] {
  const out: { span: Span; via: 'label' | 'mention' }[] = [];
  for (const i of s.turns) {
    const label = t.doc.turns[i].label;
    if (label) out.push({ span: label.nameSpan, via: 'label' });
  }
  for (const m of speakerMentions(t.doc, t.speakers)) if (m.speaker === s.id) out.push({ span: m, via: 'mention' });
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Mentions of the person, place or organisation under the cursor (when no speaker is there). */
function entitySpans(t: Transcript, offset: number): Span[] | undefined {
  const e = entityAt(t.doc, t.speakers, offset);
  return e ? mentionsOf(t.doc, e.text).spans : undefined;
}

export function references(t: Transcript, offset: number, includeDeclaration: boolean): Location[] | null {
  const target = speakerAt(t, offset);
  if (!target) {
    const spans = entitySpans(t, offset);
    return spans ? spans.map((s) => ({ uri: t.uri, range: rangeOf(t.doc.lineStarts, s.start, s.end) })) : null;
  }
  const intro = introductionSpan(t, target.speaker);
  return speakerSpans(t, target.speaker)
    .filter((r) => includeDeclaration || r.span.start !== intro?.start)
    .map((r) => ({ uri: t.uri, range: rangeOf(t.doc.lineStarts, r.span.start, r.span.end) }));
}

export function highlights(t: Transcript, offset: number): DocumentHighlight[] | null {
  const target = speakerAt(t, offset);
  if (!target) {
    const spans = entitySpans(t, offset);
    return spans ? spans.map((s) => ({ range: rangeOf(t.doc.lineStarts, s.start, s.end), kind: DocumentHighlightKind.Text })) : null;
  }
  return speakerSpans(t, target.speaker).map((r) => ({
    range: rangeOf(t.doc.lineStarts, r.span.start, r.span.end),
    // Labels "write" the turn; mentions only refer to the speaker.
    kind: r.via === 'label' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
