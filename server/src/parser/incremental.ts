// Re-parsing after an edit without parsing the whole document again. Transcripts are
// line-oriented and every label line starts the scanner afresh, so after an edit only the
// turns from the one before the edit up to the first label line past it can differ; the
// rest of the old tree is taken over with its offsets and line numbers shifted. A test
// checks on random edit sequences that the result equals a full parse of the new text.

import { BodyScanner, findCredit, FRONT_MATTER_LINES, frontMatterEnd, headlineCandidate, makeDocument, opensFrontMatter, parseTranscript, type ParseOptions } from './parse';
import { DETECTION_LINES, detectStyle } from './style';
import { lineAt } from './lines';
import type { BodyNode, Cue, Label, Span, TranscriptDocument, Turn } from './types';

/** One edit of the old text: [start, end) replaced by `newLength` characters. */
export interface TextEdit {
  start: number;
  end: number;
  newLength: number;
}

/**
 * The document for `text`, which is `old.text` with `edit` applied. Takes over (and shifts in
 * place) the nodes of `old` after the edited region: `old` must not be used afterwards.
 */
export function reparse(old: TranscriptDocument, text: string, edit: TextEdit, options: ParseOptions = {}): TranscriptDocument {
  return reparseWithChange(old, text, edit, options).doc;
}

/** Which turns an incremental re-parse replaced: `removed` (old) by `added` (new), at the same index. */
export interface TurnChange {
  removed: Turn[];
  added: Turn[];
}

/** As reparse, and which turns changed (undefined when the whole text was parsed again). */
export function reparseWithChange(
  old: TranscriptDocument,
  text: string,
  edit: TextEdit,
  options: ParseOptions = {},
): { doc: TranscriptDocument; change?: TurnChange } {
  try {
    return reparseOrUndefined(old, text, edit, options) ?? { doc: parseTranscript(text, options) };
  } catch {
    return { doc: parseTranscript(text, options) };
  }
}

function nodeLine(n: BodyNode): number {
  return n.type === 'stage' ? n.line : n.firstLine;
}

function reparseOrUndefined(old: TranscriptDocument, text: string, edit: TextEdit, options: ParseOptions): { doc: TranscriptDocument; change: TurnChange } | undefined {
  const delta = edit.newLength - (edit.end - edit.start);
  if (old.parseError || old.body.length < 2 || old.text.length + delta !== text.length) return undefined;
  if (edit.start < 0 || edit.end > old.text.length || edit.start > edit.end) return undefined;

  // The body node holding the edit, and the one before it: deleting a label can merge its
  // text into the turn before. Edits in the preamble or the first node can change where the
  // body starts: parse everything.
  const editLine = lineAt(old.lineStarts, edit.start);
  let k = -1;
  for (let lo = 0, hi = old.body.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (nodeLine(old.body[mid]) <= editLine) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const k0 = k - 1;
  if (k0 < 1) return undefined;

  // The style: a different setting, or an edit where detection reads, may change it.
  if (options.style !== undefined ? options.style !== old.style : old.styleSource === 'setting') return undefined;
  // Front matter left open takes in every line up to a `---` or `...` in the first
  // FRONT_MATTER_LINES lines: an edit there (one typing such a line in the body, or moving one
  // into that window) may change where it ends, and so where the body starts.
  const frontMatter = editLine < FRONT_MATTER_LINES && opensFrontMatter(old.text, old.lineStarts);
  const oldFmEnd = frontMatter ? frontMatterEnd(old.text, old.lineStarts) : -1;
  const oldLineCount = old.lineStarts.length;
  const lineStarts = updateLineStarts(old, text, edit, delta);
  if (frontMatter && frontMatterEnd(text, lineStarts) !== oldFmEnd) return undefined;
  if (editLine < DETECTION_LINES && !options.style && detectStyle(text, lineStarts).style !== old.style) return undefined;
  const resumeLine = nodeLine(old.body[k0]);

  // The trailer starts at the first credit line after the last label: if the edit changed
  // that, the end of the document is new too (rare: parse it all).
  const credit = findCredit(text, lineStarts, old.style);
  const oldCreditStart = old.trailer?.credit ? shiftOffset(old.trailer.credit.start, edit, delta) : undefined;
  if ((credit?.start ?? -1) !== (oldCreditStart ?? -1)) return undefined;

  // Turns before the resumed node, and the last labelled one among them.
  let turnBase = 0;
  for (let i = 0; i < k0; i++) if (old.body[i].type === 'turn') turnBase++;
  const scanner = new BodyScanner(text, lineStarts, credit, -1, old.turns, turnBase, true, old.style);
  for (let i = turnBase - 1; i >= 0; i--) {
    if (old.turns[i].label) {
      scanner.lastSpeakerTurn = i;
      break;
    }
  }

  // Stop at the first label line past the edit that starts an old labelled turn.
  const newEditEnd = edit.start + edit.newLength;
  let syncIndex = -1;
  const stopped = scanner.run(resumeLine, (_line, labelStart) => {
    if (labelStart < newEditEnd) return false;
    const oldStart = labelStart - delta;
    if (oldStart < edit.end) return false;
    const j = nodeStartingAt(old.body, oldStart, k0 + 1);
    if (j < 0) return false;
    const n = old.body[j];
    if (n.type !== 'turn' || !n.label) return false;
    syncIndex = j;
    return true;
  });

  // Old turns [turnBase, oldTurnEnd) are replaced by scanner.turns.
  let oldTurnEnd = old.turns.length;
  if (stopped >= 0) {
    oldTurnEnd = turnBase; // the turns of old.body[0, k0)
    for (let i = k0; i < syncIndex; i++) if (old.body[i].type === 'turn') oldTurnEnd++;
  }
  if (!podcastRuleStands(old, turnBase, oldTurnEnd, scanner.turns)) return undefined;

  if (stopped < 0) {
    // Ran to the end: the tail, trailer included, is new.
    const doc = makeDocument(
      text,
      lineStarts,
      old.preamble,
      old.body.slice(0, k0).concat(scanner.body),
      old.turns.slice(0, turnBase).concat(scanner.turns),
      scanner.trailer,
      old.style,
      old.styleSource,
      old.podcastHeadline,
    );
    return { doc, change: { removed: old.turns.slice(turnBase), added: scanner.turns } };
  }

  // Take over old.body[syncIndex..], shifted.
  const lineDelta = lineStarts.length - oldLineCount;
  const newTurnIndex = turnBase + scanner.turns.length;
  const turnDelta = newTurnIndex - oldTurnEnd;
  for (let i = syncIndex; i < old.body.length; i++) shiftNode(old.body[i], delta, lineDelta, turnDelta);
  const trailer = old.trailer;
  if (trailer) {
    shiftSpan(trailer, delta);
    if (trailer.credit) shiftSpan(trailer.credit, delta);
    trailer.firstLine += lineDelta;
    trailer.lastLine += lineDelta;
    for (const l of trailer.lines) {
      shiftSpan(l, delta);
      l.line += lineDelta;
    }
  }
  // Splice the new nodes in, in place (the old arrays are consumed with the old document).
  const body = old.body;
  spliceIn(body, k0, syncIndex - k0, scanner.body);
  const turns = old.turns;
  const removed = turns.slice(turnBase, oldTurnEnd);
  spliceIn(turns, turnBase, oldTurnEnd - turnBase, scanner.turns);
  const doc = makeDocument(text, lineStarts, old.preamble, body, turns, trailer, old.style, old.styleSource, old.podcastHeadline);
  return { doc, change: { removed, added: scanner.turns } };
}

/**
 * Whether the podcast rule of parse() (a first label whose name never speaks again is the
 * headline) still comes out as in `old` once old turns [from, to) are replaced by `added`
 * (false: parse in full). The first body node is never re-scanned, so only whether its name
 * speaks again can change: cheap unless an edit removes one of that name's labels.
 */
function podcastRuleStands(old: TranscriptDocument, from: number, to: number, added: readonly Turn[]): boolean {
  const headline = old.podcastHeadline;
  const name = headline ? headline.name : headlineCandidate(old.style, old.body[0]);
  if (name === undefined) return true;
  const turns = old.turns;
  const speaks = added.some((t) => t.label?.name === name);
  // A headline's name spoke nowhere else: a label with it makes the first line a turn again.
  if (headline) return !speaks;
  // The first label's name spoke again somewhere: it still does unless the edit took such a
  // label away, and then only if one is left elsewhere.
  if (speaks) return true;
  let removed = false;
  for (let i = from; i < to && !removed; i++) if (turns[i].label?.name === name) removed = true;
  if (!removed) return true;
  for (let i = 1; i < from; i++) if (turns[i].label?.name === name) return true;
  for (let i = to; i < turns.length; i++) if (turns[i].label?.name === name) return true;
  return false;
}

/** array.splice(at, remove, ...items) without spreading a long list onto the stack. */
function spliceIn<T>(array: T[], at: number, remove: number, items: T[]): void {
  if (items.length === remove) {
    for (let i = 0; i < items.length; i++) array[at + i] = items[i];
    return;
  }
  if (items.length < 10_000) {
    array.splice(at, remove, ...items);
    return;
  }
  const tail = array.splice(at + remove);
  array.length = at;
  for (const x of items) array.push(x);
  for (const x of tail) array.push(x);
}

/** Where an old offset is after the edit (offsets before the edit stay). */
function shiftOffset(offset: number, edit: TextEdit, delta: number): number {
  return offset >= edit.end ? offset + delta : offset;
}

function nodeStartingAt(body: BodyNode[], start: number, from: number): number {
  let lo = from;
  let hi = body.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = body[mid].start;
    if (s === start) return mid;
    if (s < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Line starts of the new text: those before the edit's line kept, the edited lines scanned
 * again (from one line earlier, so that a CR before the edit meeting an inserted LF is seen),
 * and those after shifted.
 */
export function updateLineStarts(old: TranscriptDocument, text: string, edit: TextEdit, delta: number): number[] {
  // In place: the old document is consumed, and a day-long hearing has 100,000 lines.
  const os = old.lineStarts;
  const first = Math.max(0, lineAt(os, edit.start) - 1);
  const last = lineAt(os, edit.end);
  const boundary = last + 1 < os.length ? os[last + 1] + delta : text.length + 1;
  const middle: number[] = [];
  for (let k = os[first]; k < text.length; k++) {
    const c = text.charCodeAt(k);
    let next = -1;
    if (c === 10) next = k + 1;
    else if (c === 13) {
      if (text.charCodeAt(k + 1) === 10) k++;
      next = k + 1;
    } else continue;
    if (next >= boundary) break;
    middle.push(next);
  }
  if (delta !== 0) for (let i = last + 1; i < os.length; i++) os[i] += delta;
  if (middle.length === last - first) {
    for (let i = 0; i < middle.length; i++) os[first + 1 + i] = middle[i];
  } else {
    spliceIn(os, first + 1, last - first, middle);
  }
  return os;
}

function shiftSpan(s: Span, delta: number): void {
  s.start += delta;
  s.end += delta;
}

function shiftCue(c: Cue, delta: number): void {
  shiftSpan(c, delta);
}

function shiftLabel(l: Label, delta: number): void {
  shiftSpan(l, delta);
  shiftSpan(l.nameSpan, delta);
  if (l.roleSpan) shiftSpan(l.roleSpan, delta);
  if (l.timestamp) shiftSpan(l.timestamp, delta);
  l.colon += delta;
}

function shiftNode(n: BodyNode, delta: number, lineDelta: number, turnDelta: number): void {
  shiftSpan(n, delta);
  if (n.type === 'stage') {
    n.line += lineDelta;
    shiftCue(n.cue, delta);
    return;
  }
  const t: Turn = n;
  t.textStart += delta;
  t.firstLine += lineDelta;
  t.lastLine += lineDelta;
  if (t.label) shiftLabel(t.label, delta);
  for (const c of t.cues) shiftCue(c, delta);
  if (t.continues !== undefined) t.continues += turnDelta;
}
