// The Outline and breadcrumbs: the title, then every turn in order (or grouped by speaker),
// and the stage directions that stand on their own line.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { speakerOf, type Speaker, type Transcript } from '../analysis';
import { lineEndOffset, type StageDirection, type Turn } from '../parser';
import type { TranscriptSettings } from '../settings';
import { rangeOf } from './positions';

/** Symbol kinds, chosen for their icons: a turn is something said (an event), a speaker a class of turns. */
export const Kinds = {
  title: SymbolKind.File,
  turn: SymbolKind.Event,
  speaker: SymbolKind.Class,
  stage: SymbolKind.String,
} as const;

const DETAIL_LENGTH = 60;

export function documentSymbols(t: Transcript, settings: TranscriptSettings): DocumentSymbol[] {
  const { doc } = t;
  const out: DocumentSymbol[] = [];
  const title = doc.preamble?.title;
  if (title && doc.preamble) {
    out.push({
      name: truncate(title.text, 100),
      kind: Kinds.title,
      range: rangeOf(doc.lineStarts, doc.preamble.start, Math.max(doc.preamble.end, title.end)),
      selectionRange: rangeOf(doc.lineStarts, title.start, title.end),
    });
  }
  const turnIndex = new Map<Turn, number>();
  doc.turns.forEach((turn, i) => turnIndex.set(turn, i));
  const turnSymbol = (turn: Turn) => symbolForTurn(t, turn, speakerOf(t.speakers, turnIndex.get(turn)!));

  if (!settings.outline.groupBySpeaker) {
    for (const node of doc.body) out.push(node.type === 'turn' ? turnSymbol(node) : stageSymbol(t, node));
    return out;
  }

  const groups = new Map<Speaker | undefined, DocumentSymbol[]>();
  doc.turns.forEach((turn, i) => {
    const s = speakerOf(t.speakers, i);
    let list = groups.get(s);
    if (!list) groups.set(s, (list = []));
    list.push(turnSymbol(turn));
  });
  for (const [speaker, children] of groups) {
    const first = children[0];
    const last = children[children.length - 1];
    const n = children.length;
    const parts = [speaker?.labels.join(', '), speaker?.role, `${n} turn${n === 1 ? '' : 's'}`].filter(Boolean);
    out.push({
      name: speaker ? speaker.name : '(unattributed)',
      detail: parts.join(' · '),
      kind: Kinds.speaker,
      range: { start: first.range.start, end: last.range.end },
      selectionRange: first.selectionRange,
      children,
    });
  }
  // Stage directions belong to no speaker: the grouped view leaves them out (a group of
  // them would sort among the speakers, since VS Code orders symbols by where they start).
  return out;
}

/** `DETROW (Scott Detrow)` when the label is short and the full name is known; the label otherwise. */
export function turnName(turn: Turn, speaker: Speaker | undefined): string {
  if (!turn.label) return speaker ? `${speaker.labels[0] ?? speaker.name} (continued)` : '(unattributed)';
  const label = turn.label.name;
  if (speaker?.fullName && speaker.fullName.toUpperCase() !== label.toUpperCase() && !label.toUpperCase().endsWith(speaker.fullName.toUpperCase())) {
    return `${label} (${speaker.fullName})`;
  }
  return label;
}

function symbolForTurn(t: Transcript, turn: Turn, speaker: Speaker | undefined): DocumentSymbol {
  const { doc } = t;
  const selection = turn.label
    ? rangeOf(doc.lineStarts, turn.label.start, turn.label.end)
    : rangeOf(doc.lineStarts, turn.start, Math.min(turn.end, lineEndOffset(doc.text, doc.lineStarts, turn.firstLine)));
  const said = firstWords(doc.text, turn.textStart, turn.end);
  return {
    name: turnName(turn, speaker),
    detail: said,
    kind: Kinds.turn,
    range: rangeOf(doc.lineStarts, turn.start, turn.end),
    selectionRange: selection,
  };
}

function stageSymbol(t: Transcript, node: StageDirection): DocumentSymbol {
  const range = rangeOf(t.doc.lineStarts, node.start, node.end);
  const open = node.cue.bracket;
  const close = open === '(' ? ')' : ']';
  return { name: truncate(`${open}${node.cue.text}${close}`, 80), kind: Kinds.stage, range, selectionRange: range };
}

/** The first words of what was said, cut at a word boundary, on one line. */
export function firstWords(text: string, start: number, end: number): string {
  const raw = text.slice(start, Math.min(end, start + DETAIL_LENGTH * 3)).replace(/\s+/g, ' ').trim();
  return truncate(raw, DETAIL_LENGTH);
}

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max);
  let head = s.slice(0, cut > max / 2 ? cut : max);
  // Never leave half of a surrogate pair at the end.
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return `${head.replace(/[\s,;:.-]+$/, '')}…`;
}
