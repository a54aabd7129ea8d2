// What every export reads off a parsed transcript: the title and summary, the body in order
// (turns with their label as written, their paragraphs and inline stage directions; stage
// directions on their own lines), the speakers, the credit and the trailer lines. Pure
// functions of the Transcript: the CLI and the server's transcript/export request share them.

import type { Transcript } from '../analysis';
import { statisticsOf } from '../analysis/statistics';
import { timingOf, type Timing, type TurnTime } from '../analysis/timing';
import { lineAt, lineEndOffset, type Cue, type CueKind, type Span, type TranscriptDocument, type Turn } from '../parser';

/** A piece of a paragraph: said text, or an inline stage direction as written (`(Laughter)`). */
export type Piece = { type: 'text'; text: string } | { type: 'cue'; text: string; kind: CueKind };

export interface ExportTurn {
  type: 'turn';
  /** Index in `doc.turns`. */
  index: number;
  /** Speaker id, or undefined for unattributed text. */
  speaker: number | undefined;
  /** The label as written, without its timestamp and with the colon: `NINA PARK, HOST:`; undefined for a continuation. */
  label: string | undefined;
  /** What stands before the label's name, as written: a timestamp such as `[00:00:05]`. */
  labelPrefix: string | undefined;
  /** Index of the turn this one continues (continuations only). */
  continues: number | undefined;
  /** Paragraphs of what was said, each on one line (hard wraps joined), split into text and cues. */
  paragraphs: Piece[][];
  /** 0-based first and last line. */
  firstLine: number;
  lastLine: number;
  words: number;
  time: TurnTime;
}

export interface ExportStage {
  type: 'stage';
  /** As written, with its brackets: `(SOUNDBITE OF MUSIC)`. */
  text: string;
  kind: CueKind;
  line: number;
}

export type ExportNode = ExportTurn | ExportStage;

export interface ExportSpeaker {
  id: number;
  name: string;
  fullName: string | undefined;
  labels: string[];
  role: string | undefined;
  roles: string[];
  title: string | undefined;
  bio: string | undefined;
  unidentified: boolean;
  turns: number;
  words: number;
}

export interface ExportModel {
  /** The file name the transcript came from (`harbour-strike.transcript`). */
  source: string;
  title: string | undefined;
  summary: string | undefined;
  body: ExportNode[];
  speakers: ExportSpeaker[];
  credit: string | undefined;
  /** Lines after the credit (bios, station boilerplate). */
  trailer: string[];
  timing: Timing;
  totalWords: number;
}

/** Text of a span with its lines joined by single spaces and trimmed. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraphs (runs of non-blank lines) of text[start, end), as trimmed spans. */
export function paragraphSpans(doc: TranscriptDocument, start: number, end: number): Span[] {
  const { text, lineStarts } = doc;
  const out: Span[] = [];
  let cur: Span | undefined;
  // The lines overlapping [start, end).
  let line = lineAt(lineStarts, start);
  for (; line < lineStarts.length && lineStarts[line] < end; line++) {
    const ls = Math.max(lineStarts[line], start);
    const le = Math.min(lineEndOffset(text, lineStarts, line), end);
    const s = text.slice(ls, le);
    if (s.trim() === '') {
      if (cur) out.push(cur);
      cur = undefined;
      continue;
    }
    const a = ls + (s.length - s.trimStart().length);
    const b = le - (s.length - s.trimEnd().length);
    if (cur) cur.end = b;
    else cur = { start: a, end: b };
  }
  if (cur) out.push(cur);
  return out;
}

/** A paragraph split into said text and inline cues (each on one line). */
function pieces(text: string, span: Span, cues: readonly Cue[]): Piece[] {
  const out: Piece[] = [];
  let at = span.start;
  const push = (s: string) => {
    const t = s.replace(/\s+/g, ' ');
    if (t.trim() !== '') out.push({ type: 'text', text: t });
    else if (t !== '' && out.length > 0) out.push({ type: 'text', text: ' ' });
  };
  for (const c of cues) {
    if (c.end <= span.start || c.start >= span.end) continue;
    push(text.slice(at, c.start));
    out.push({ type: 'cue', text: flat(text.slice(c.start, c.end)), kind: c.kind });
    at = c.end;
  }
  push(text.slice(at, span.end));
  // Trim the ends of the first and last text pieces.
  if (out[0]?.type === 'text') out[0] = { type: 'text', text: out[0].text.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text.trimEnd() };
  return out.filter((p) => p.text !== '');
}

/** A paragraph's pieces back as one line of text. */
export function plain(paragraph: readonly Piece[]): string {
  return paragraph.map((p) => p.text).join('');
}

/** The label as written, from its name to its colon (without a leading timestamp). */
export function labelAsWritten(doc: TranscriptDocument, turn: Turn): string | undefined {
  const l = turn.label;
  if (!l) return undefined;
  return flat(doc.text.slice(l.nameSpan.start, l.colon + 1));
}

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

export function buildModel(t: Transcript, wordsPerMinute: number): ExportModel {
  const { doc } = t;
  const table = t.speakers;
  const stats = statisticsOf(doc, table);
  const timing = timingOf(doc, stats.turnWords, wordsPerMinute);
  const body: ExportNode[] = [];
  let turnIndex = 0;
  for (const node of doc.body) {
    if (node.type === 'stage') {
      body.push({ type: 'stage', text: flat(doc.text.slice(node.cue.start, node.cue.end)), kind: node.cue.kind, line: node.line });
      continue;
    }
    const i = turnIndex++;
    const label = node.label;
    const paragraphs = paragraphSpans(doc, node.textStart, node.end)
      .map((p) => pieces(doc.text, p, node.cues))
      .filter((p) => p.length > 0);
    body.push({
      type: 'turn',
      index: i,
      speaker: table.byTurn[i],
      label: labelAsWritten(doc, node),
      labelPrefix: label && label.nameSpan.start > label.start ? flat(doc.text.slice(label.start, label.nameSpan.start)) || undefined : undefined,
      continues: node.continues,
      paragraphs,
      firstLine: node.firstLine,
      lastLine: node.lastLine,
      words: stats.turnWords[i],
      time: timing.turns[i],
    });
  }
  const speakers: ExportSpeaker[] = table.speakers.map((s) => ({
    id: s.id,
    name: s.name,
    fullName: s.fullName,
    labels: s.labels,
    role: s.role,
    roles: [...new Set(s.roles.map((r) => r.role))],
    title: s.title,
    bio: s.bio ? flat(doc.text.slice(s.bio.start, s.bio.end)) : undefined,
    unidentified: s.unidentified,
    turns: stats.speakers[s.id].turns,
    words: stats.speakers[s.id].words,
  }));
  const pre = doc.preamble;
  const trailer = doc.trailer;
  const creditLine = trailer?.credit ? flat(doc.text.slice(trailer.credit.start, trailer.credit.end)) : undefined;
  return {
    source: fileName(t.uri),
    title: pre?.title ? flat(pre.title.text) : undefined,
    summary: pre?.summary ? flat(doc.text.slice(pre.summary.start, pre.summary.end)) : undefined,
    body,
    speakers,
    credit: creditLine,
    trailer: (trailer?.lines ?? [])
      .filter((l) => !trailer?.credit || l.end <= trailer.credit.start || l.start >= trailer.credit.end)
      .map((l) => flat(doc.text.slice(l.start, l.end)))
      .filter((l) => l !== ''),
    timing,
    totalWords: stats.totalWords,
  };
}

/** The speaker's name to show for a turn (a continuation of nobody has none). */
export function speakerName(model: ExportModel, turn: ExportTurn): string | undefined {
  return turn.speaker === undefined ? undefined : model.speakers[turn.speaker]?.name;
}
