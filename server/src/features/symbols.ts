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
  const table = t.speakers;

  if (!settings.outline.groupBySpeaker) {
    // Turns appear in the body in the order of doc.turns: count them rather than look them up.
    let i = 0;
    for (const node of doc.body) out.push(node.type === 'turn' ? symbolForTurn(t, node, speakerOf(table, i++)) : stageSymbol(t, node));
    return out;
  }

  const groups = new Map<Speaker | undefined, DocumentSymbol[]>();
  doc.turns.forEach((turn, i) => {
    const s = speakerOf(table, i);
    let list = groups.get(s);
    if (!list) groups.set(s, (list = []));
    list.push(symbolForTurn(t, turn, s));
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
  // `Q.` and `A.`: who asks and who answers, where the transcript says.
  if (turn.label.qa) {
    if (!speaker || speaker.unidentified) return `${label}.`;
    const named = speaker.fullName ?? speaker.labels.find((l) => l !== 'Q' && l !== 'A') ?? speaker.name;
    return named === label || /^(?:QUESTIONER|WITNESS)$/i.test(named) ? `${label}.` : `${label}. (${named})`;
  }
  if (speaker?.fullName && speaker.fullName.toUpperCase() !== label.toUpperCase() && !label.toUpperCase().endsWith(speaker.fullName.toUpperCase())) {
    return `${label} (${speaker.fullName})`;
  }
  return label;
}

/**
 * The first words of each turn, by turn object: an incremental re-parse keeps the turns it did
 * not touch, so after a keystroke only the edited turn's words are cut again.
 */
const detailCache = new WeakMap<Turn, string>();

/**
 * Beyond this many turns the outline leaves out each turn's first words: for a day-long hearing
 * (60,000 turns) they would make a third of an 18 MB answer, sent again after every edit.
 */
export const DETAIL_TURN_LIMIT = 10_000;

function symbolForTurn(t: Transcript, turn: Turn, speaker: Speaker | undefined): DocumentSymbol {
  const { doc } = t;
  const ls = doc.lineStarts;
  // A turn knows its first and last lines: no search for the line of each offset.
  const first = ls[turn.firstLine];
  const labelEnd = turn.label ? turn.label.end : Math.min(turn.end, lineEndOffset(doc.text, ls, turn.firstLine));
  let said: string | undefined;
  if (doc.turns.length <= DETAIL_TURN_LIMIT) {
    said = detailCache.get(turn);
    if (said === undefined) detailCache.set(turn, (said = firstWords(doc.text, turn.textStart, turn.end)));
  }
  return {
    name: turnName(turn, speaker),
    detail: said,
    kind: Kinds.turn,
    range: { start: { line: turn.firstLine, character: turn.start - first }, end: { line: turn.lastLine, character: turn.end - ls[turn.lastLine] } },
    selectionRange: { start: { line: turn.firstLine, character: turn.start - first }, end: { line: turn.firstLine, character: labelEnd - first } },
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
