// The rule catalogue: every formatting slip a transcript editor hunts for, with the fixes
// that repair it. Works on offsets (like the parser); diagnostics.ts and codeActions.ts turn
// the results into LSP types. Each code has a section in docs/rules.md.

import type { Speaker, Transcript } from '../analysis';
import { lineAt, lineEndOffset, trimsToEmpty, type Label, type Span, type TranscriptStyle, type Turn } from '../parser';
import { isCreditAt } from '../parser/boilerplate';
import { scanCue } from '../parser/cues';
import { HEARING_LABEL_WINDOW, scanHearingLabel } from '../parser/label';
import { detach } from '../strings';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const RULES = {
  'missing-colon': { severity: 'error', summary: 'A speaker label without its colon' },
  'label-case': { severity: 'warning', summary: 'A label not written in upper case like the others' },
  'label-terminator': { severity: 'error', summary: 'A label ended with a colon where labels end with a period' },
  'unknown-speaker': { severity: 'warning', summary: 'A label that looks like a misspelt speaker' },
  'no-introduction': { severity: 'hint', summary: 'A speaker never introduced by full name' },
  'ambiguous-label': { severity: 'warning', summary: 'A short label that fits two speakers' },
  'conflicting-role': { severity: 'warning', summary: 'A speaker introduced with two different roles' },
  'duplicate-introduction': { severity: 'information', summary: 'A speaker introduced by full name twice' },
  'empty-turn': { severity: 'warning', summary: 'A label with nothing said after it' },
  'split-turn': { severity: 'warning', summary: 'Two turns in a row by the same speaker' },
  'unclosed-stage-direction': { severity: 'error', summary: 'A stage direction that is never closed' },
  'unbalanced-bracket': { severity: 'warning', summary: 'A closing bracket with no opening one' },
  'unbalanced-quote': { severity: 'warning', summary: 'A quotation that is opened but never closed' },
  'label-spacing': { severity: 'warning', summary: 'Stray or missing spaces in a label' },
  'invalid-timestamp': { severity: 'error', summary: 'A timestamp that is not a valid time' },
  'timestamp-order': { severity: 'warning', summary: 'A timestamp earlier than the one before it' },
  'turn-after-credits': { severity: 'warning', summary: 'A turn after the credit line' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type RuleCode = keyof typeof RULES;
export const ruleCodes = Object.keys(RULES) as RuleCode[];

export interface Edit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: Edit[];
  /** The one right fix: used by fix-all and marked preferred in the quick-fix menu. */
  preferred?: boolean;
}

export interface Problem extends Span {
  code: RuleCode;
  message: string;
  related?: (Span & { message: string })[];
  fixes: Fix[];
  /** Deletable content (an empty turn): the editor fades it. */
  unnecessary?: boolean;
}

/** The 1-based line of an offset, as messages give it (the parser's own search over its line starts). */
const line1 = (t: Transcript, offset: number) => lineAt(t.doc.lineStarts, offset) + 1;

/**
 * What a style's own conventions make a slip. Broadcast introduces each speaker once by full
 * name and role and writes labels in capitals; podcast tools write names in mixed case, repeat
 * full names and split turns at timestamps; court and hearing transcripts name people by
 * honorific and surname throughout.
 */
export interface StyleConventions {
  /** Labels are upper case: `martinez:` and `MARTINEZ So…` are slips. */
  upperCaseLabels: boolean;
  /** Labels end with a period (`Mr. Linder.`): `Mr. Linder: …` is a slip. */
  periodLabels: boolean;
  /** Full name and role on first appearance, short label after. */
  introductions: boolean;
  /** Two turns in a row by one speaker are a slip. */
  splitTurns: boolean;
}

export const CONVENTIONS: Record<TranscriptStyle, StyleConventions> = {
  broadcast: { upperCaseLabels: true, periodLabels: false, introductions: true, splitTurns: true },
  podcast: { upperCaseLabels: false, periodLabels: false, introductions: false, splitTurns: false },
  court: { upperCaseLabels: true, periodLabels: false, introductions: false, splitTurns: true },
  hearing: { upperCaseLabels: false, periodLabels: true, introductions: false, splitTurns: true },
};

export function checkTranscript(t: Transcript): Problem[] {
  const out: Problem[] = [];
  const { doc } = t;
  const conventions = CONVENTIONS[doc.style] ?? CONVENTIONS.broadcast;
  const table = t.speakers;
  const { typos, known, speakerChecks, firstTurn } = speakerContext(table, doc.style);

  let lastTime: { seconds: number; span: Span } | undefined;
  const checkTime = (ts: { start: number; end: number; text: string; seconds: number | undefined }) => {
    if (ts.seconds === undefined) {
      out.push(invalidTimestamp(ts));
      return;
    }
    if (lastTime && ts.seconds < lastTime.seconds) {
      out.push({
        code: 'timestamp-order',
        start: ts.start,
        end: ts.end,
        message: `Timestamp ${ts.text} is earlier than the one before it (line ${line1(t, lastTime.span.start)}).`,
        related: [{ ...lastTime.span, message: 'The earlier timestamp' }],
        fixes: [],
      });
    }
    lastTime = { seconds: ts.seconds, span: ts };
  };

  let creditInBody: Span | undefined;
  let reportedAfterCredit = false;
  let prevHidesLabel = false;
  // This loop runs on every keystroke over every turn of a day-long hearing: what depends on
  // one turn alone is taken from the document's last check (memos); the rest is a few array
  // reads per turn.
  const { byTurn, speakers } = table;
  // Local problems depend on the known labels too: the last check's are good for the same ones.
  const saved = memos.get(doc.lineStarts);
  const memo = saved && saved.knownKey === known.key ? saved : undefined;
  const locals: LocalProblems[] = new Array(doc.turns.length);
  let memoShift = 0;
  let turnIndex = -1;
  let prevSpeaker: Speaker | undefined;
  for (let bodyIndex = 0; bodyIndex < doc.body.length; bodyIndex++) {
    const node = doc.body[bodyIndex];
    if (node.type === 'stage') {
      if (node.cue.kind === 'timestamp' && node.cue.closed) {
        const seconds = parseSeconds(node.cue.text);
        checkTime({ start: node.cue.start, end: node.cue.end, text: node.cue.text, seconds });
      }
      if (!node.cue.closed) out.push(unclosedCue(node.cue));
      prevSpeaker = undefined;
      prevHidesLabel = false;
      continue;
    }
    const turn = node;
    turnIndex++;
    const id = byTurn[turnIndex];
    const speaker = id === undefined ? undefined : speakers[id];
    const previousSpeaker = prevSpeaker;
    prevSpeaker = speaker;
    const label = turn.label;
    if (label) {
      if (creditInBody && !reportedAfterCredit) {
        reportedAfterCredit = true;
        out.push({
          code: 'turn-after-credits',
          start: label.start,
          end: label.end,
          message: `${label.name} speaks after the credit line (line ${line1(t, creditInBody.start)}): credits and bios belong at the end of the transcript.`,
          related: [{ ...creditInBody, message: 'The credit line' }],
          fixes: [],
        });
      }
      if (label.timestamp && label.timestamp.seconds !== undefined) checkTime(label.timestamp);
      if (turn.paragraphs === 0 && !continuedAfterStage(doc.body, bodyIndex)) out.push(emptyTurn(t, turn, label));
      const prev = doc.body[bodyIndex - 1];
      // A turn hiding a mis-typed label (`whitfield: …`) is really two turns: not a split.
      // Podcast tools split a long turn at every timestamp: not a slip there.
      // In court the examiner's own label, then `Q.` after the `BY MS. DOE:` line, is one person in two
      // forms on purpose; a briefing's `Q` lines are different reporters.
      if (
        conventions.splitTurns &&
        prev &&
        prev.type === 'turn' &&
        !prevHidesLabel &&
        speaker &&
        previousSpeaker === speaker &&
        turn.paragraphs > 0 &&
        !!prev.label?.qa === !!label.qa &&
        !(label.qa === 'Q' && label.terminator === '')
      ) {
        out.push(splitTurn(t, prev, turn, label, speaker));
      }
      // Speaker-level rules concern few turns: skip the rest cheaply.
      if (id !== undefined && (speakerChecks[id] === 1 || firstTurn[id] === turnIndex)) {
        speakerProblems(t, turnIndex, label, speaker!, typos.get(speaker!), out, conventions);
      }
    }
    // The previous check's result for this turn object, found in order (turns before an edit
    // keep their index, turns after it all move by the same count) rather than by a hash lookup.
    let local = memo && memo.turns[turnIndex + memoShift] === turn ? memo.locals[turnIndex + memoShift] : undefined;
    if (!local && memo) {
      // Just past an edit: the old turns go on a little further on or back.
      const at = findNear(memo.turns, turn, turnIndex + memoShift);
      if (at >= 0) {
        memoShift = at - turnIndex;
        local = memo.locals[at];
      }
    }
    if (!local) local = localProblems(t, turn, known, conventions);
    locals[turnIndex] = local;
    prevHidesLabel = false;
    // Most turns have nothing: one shared object, with no offsets to move.
    if (local === CLEAN) continue;
    const shift = turn.start - local.base;
    if (shift !== 0) {
      // Moved by an edit before it: shift once and keep the shifted copy.
      if (local.problems.length > 0) local.problems = local.problems.map((p) => shiftProblem(p, shift));
      if (local.credit) local.credit = { start: local.credit.start + shift, end: local.credit.end + shift };
    }
    local.base = turn.start;
    const problems = local.problems;
    for (let k = 0; k < problems.length; k++) out.push(problems[k]);
    prevHidesLabel = local.hidesLabel;
    if (!creditInBody && local.credit) creditInBody = local.credit;
  }
  // A copy: an incremental re-parse may splice the turn array in place.
  memos.set(doc.lineStarts, { turns: doc.turns.slice(), locals, knownKey: known.key });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Each document's last check: its turns and their local problems, in order. Keyed on the
 * line-start array, which an incremental re-parse updates in place and hands on to the next
 * version (a full parse makes a new one): the next check of the document finds it.
 */
const memos = new WeakMap<readonly number[], { turns: readonly Turn[]; locals: LocalProblems[]; knownKey: number }>();

/**
 * Typo candidates, known label forms and which speakers need their own checks depend on the
 * speakers' labels, roles and turns only. After an edit that changed none, the speaker table
 * is rebuilt around the same `byTurn` array (see reuseSpeakers): key on it, so typing in a
 * hearing of a thousand speakers does not redo them.
 */
interface SpeakerContext {
  style: string;
  typoIds: Map<number, number[]>;
  known: KnownLabels;
  /**
   * By speaker id: 1 for speakers whose every turn needs speakerProblems (typos, ambiguity, two
   * roles or introductions), and each speaker's first turn, which always does. The check reads
   * these arrays per turn instead of the speaker objects: fewer memory reads over 100,000 turns.
   */
  speakerChecks: Uint8Array;
  firstTurn: Int32Array;
}

const contexts = new WeakMap<object, SpeakerContext>();

function speakerContext(table: Transcript['speakers'], style: string): Omit<SpeakerContext, 'style' | 'typoIds'> & { typos: Map<Speaker, Speaker[]> } {
  const { speakers } = table;
  let c = contexts.get(table.byTurn);
  if (!c || c.style !== style) {
    const typoIds = new Map<number, number[]>();
    typoCandidateIds(speakers).forEach((list, id) => {
      if (list.length > 0) typoIds.set(id, list);
    });
    const speakerChecks = new Uint8Array(speakers.length);
    const firstTurn = new Int32Array(speakers.length).fill(-1);
    for (const s of speakers) {
      if (typoIds.has(s.id) || s.ambiguous || s.roles.length > 1 || s.introductions.length > 1) speakerChecks[s.id] = 1;
      if (s.turns.length > 0) firstTurn[s.id] = s.turns[0];
    }
    c = { style, typoIds, known: knownLabels(speakers, style === 'court' ? COURT_LABELS : undefined), speakerChecks, firstTurn };
    contexts.set(table.byTurn, c);
  }
  const typos = new Map<Speaker, Speaker[]>();
  for (const [id, list] of c.typoIds) typos.set(speakers[id], list.map((x) => speakers[x]));
  return { typos, known: c.known, speakerChecks: c.speakerChecks, firstTurn: c.firstTurn };
}

/** A stage direction's or a label's timestamp out of range: reported by checkTranscript and localProblems alike. */
function invalidTimestamp(ts: { start: number; end: number; text: string }): Problem {
  return { code: 'invalid-timestamp', start: ts.start, end: ts.end, message: `Invalid timestamp ${ts.text}: minutes and seconds run from 00 to 59.`, fixes: [] };
}

function parseSeconds(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (c === undefined) return b < 60 ? a * 60 + b : undefined;
  return b < 60 && c < 60 ? a * 3600 + b * 60 + c : undefined;
}

function creditAt(text: string, ft: number, e: number): boolean {
  const c = text.charCodeAt(ft);
  // Lines starting `T` or `C` are common and credits start `Tr(anscript)` or `Co(pyright)`: the
  // second letter rules out most without the regex of isCreditAt.
  const lower = c | 0x20;
  if (lower === 0x74 && (text.charCodeAt(ft + 1) | 0x20) !== 0x72) return false;
  if (lower === 0x63 && (text.charCodeAt(ft + 1) | 0x20) !== 0x6f) return false;
  if (isCreditAt(text, ft, e)) return true;
  if (c !== 0x28 && c !== 0x5b) return false;
  const cue = scanCue(text, ft, e);
  let k = cue.end;
  while (k < e && text.charCodeAt(k) === 32) k++;
  return cue.closed && k < e && isCreditAt(text, k, e);
}

interface LocalProblems {
  /** turn.start when these were computed: offsets move with the turn when an edit shifts it. */
  base: number;
  problems: Problem[];
  hidesLabel: boolean;
  credit?: Span;
}

/** A turn with no local problems and no credit line (most turns): nothing to shift, never changed. */
const CLEAN: LocalProblems = Object.freeze({ base: 0, problems: Object.freeze([]) as unknown as Problem[], hidesLabel: false, credit: undefined });

/** What localProblems finds for one turn, before it is copied out (most turns find nothing). */
const found: Problem[] = [];

/** How far from where it was expected a kept turn is looked for: an edit replaces a few turns. */
const NEAR = 64;

/** The index of `turn` in `turns` within NEAR of `expected`, or -1. */
function findNear(turns: readonly Turn[], turn: Turn, expected: number): number {
  const from = Math.max(0, expected - NEAR);
  const to = Math.min(turns.length, expected + NEAR + 1);
  for (let j = from; j < to; j++) if (turns[j] === turn) return j;
  return -1;
}

/**
 * Problems that depend on nothing but the turn's own text (and the set of known labels, and
 * the style's conventions, which a re-parse keeps): brackets, quotes, labels hidden in the text,
 * a credit line. Kept with the document's last
 * check (see memos) for every turn object, which an incremental re-parse keeps (shifted) for
 * every turn it did not touch: typing re-checks only the turns around the edit.
 */
function localProblems(t: Transcript, turn: Turn, known: KnownLabels, conventions: StyleConventions): LocalProblems {
  const { doc } = t;
  const problems = found;
  if (problems.length !== 0) problems.length = 0; // (setting length is a call into the runtime)
  let hides = false;
  let credit: Span | undefined;
  if (turn.label) {
    spacing(t, turn.firstLine, turn.label, problems);
    const ts = turn.label.timestamp;
    if (ts && ts.seconds === undefined) problems.push(invalidTimestamp(ts));
  }
  brackets(t, turn, problems);
  // Lines of the turn after its label line: slips that hide a label inside the text.
  for (let line = turn.label ? turn.firstLine + 1 : turn.firstLine; line <= turn.lastLine; line++) {
    const s = doc.lineStarts[line];
    const e = lineEndOffset(doc.text, doc.lineStarts, line);
    let ft = s;
    while (ft < e && (doc.text.charCodeAt(ft) === 32 || doc.text.charCodeAt(ft) === 9)) ft++;
    if (ft >= e) continue;
    if (!credit && creditAt(doc.text, ft, e)) credit = { start: ft, end: e };
    if (conventions.upperCaseLabels && hiddenLabel(t, afterCaption(doc.text, ft, e), e, known, problems)) hides = true;
    else if (conventions.periodLabels && colonForPeriod(doc.text, s, ft, e, known, problems)) hides = true;
  }
  if (problems.length === 0 && !credit) return CLEAN;
  const copies = problems.map((p) => shiftProblem(p, 0));
  problems.length = 0;
  return { base: turn.start, problems: copies, hidesLabel: hides, credit };
}

/** After a caption-style `>>` and its spaces (`>> BANKS To stay ready.`), or `ft` itself. */
function afterCaption(text: string, ft: number, e: number): number {
  if (text.charCodeAt(ft) !== 0x3e || text.charCodeAt(ft + 1) !== 0x3e) return ft;
  let k = ft + 2;
  while (k < e && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return k;
}

/**
 * A problem moved by `d` (0: a copy), always with the same properties in the same order: the
 * cached problems of a hearing's turns then share one hidden class, and the loop that gathers
 * them after each keystroke stays optimised.
 */
function shiftProblem(p: Problem, d: number): Problem {
  return {
    code: p.code,
    start: p.start + d,
    end: p.end + d,
    message: p.message,
    related: d === 0 || !p.related ? p.related : p.related.map((r) => ({ start: r.start + d, end: r.end + d, message: r.message })),
    fixes: d === 0 ? p.fixes : p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ start: e.start + d, end: e.end + d, newText: e.newText })) })),
    unnecessary: p.unnecessary,
  };
}

/** A label alone, then a stage direction, then the same speaker going on: not an empty turn. */
function continuedAfterStage(body: Transcript['doc']['body'], i: number): boolean {
  const next = body[i + 1];
  const after = body[i + 2];
  return !!next && next.type === 'stage' && !!after && after.type === 'turn' && !after.label;
}

function unclosedCue(cue: { start: number; end: number; bracket: '(' | '['; text: string }): Problem {
  const close = cue.bracket === '(' ? ')' : ']';
  return {
    code: 'unclosed-stage-direction',
    start: cue.start,
    end: cue.end,
    message: `Stage direction ${cue.bracket}${cue.text} is never closed: add '${close}'.`,
    fixes: [{ title: `Close the stage direction with '${close}'`, edits: [{ start: cue.end, end: cue.end, newText: close }], preferred: true }],
  };
}

/** Spacing slips of a label; `line` is its line (its turn's first: no search for it). */
function spacing(t: Transcript, line: number, label: Label, out: Problem[]): void {
  const text = t.doc.text;
  const name = label.name;
  let beforeColon = label.colon;
  while (beforeColon > label.nameSpan.start && (text.charCodeAt(beforeColon - 1) === 32 || text.charCodeAt(beforeColon - 1) === 9)) beforeColon--;
  if (beforeColon < label.colon) {
    const clean = text.slice(label.nameSpan.start, beforeColon).replace(/\s+/g, ' ');
    out.push({
      code: 'label-spacing',
      start: beforeColon,
      end: label.colon + 1,
      message: `Space before the colon in the label ${clean}: write ${clean}:`,
      fixes: [{ title: 'Remove the space before the colon', edits: [{ start: beforeColon, end: label.colon, newText: '' }], preferred: true }],
    });
  }
  if (label.noSpaceAfterColon) {
    out.push({
      code: 'label-spacing',
      start: label.colon,
      end: label.colon + 1,
      message: `No space after the colon of ${name}: the words run into the label.`,
      fixes: [{ title: 'Add a space after the colon', edits: [{ start: label.colon + 1, end: label.colon + 1, newText: ' ' }], preferred: true }],
    });
  }
  if (label.doubleSpaceInName) {
    const m = /[ \t]{2,}/.exec(text.slice(label.nameSpan.start, label.nameSpan.end));
    if (m) {
      const start = label.nameSpan.start + m.index;
      out.push({
        code: 'label-spacing',
        start,
        end: start + m[0].length,
        message: `Extra spaces inside the label ${name.replace(/\s+/g, ' ')}.`,
        fixes: [{ title: 'Use a single space', edits: [{ start, end: start + m[0].length, newText: ' ' }], preferred: true }],
      });
    }
  }
  // Trailing white space on the label line.
  const e = lineEndOffset(text, t.doc.lineStarts, line);
  let s = e;
  while (s > label.end && (text.charCodeAt(s - 1) === 32 || text.charCodeAt(s - 1) === 9)) s--;
  if (s < e) {
    out.push({
      code: 'label-spacing',
      start: s,
      end: e,
      message: 'Trailing white space on the label line.',
      fixes: [{ title: 'Remove trailing white space', edits: [{ start: s, end: e, newText: '' }], preferred: true }],
    });
  }
}

function emptyTurn(t: Transcript, turn: Turn, label: Label): Problem {
  const { text, lineStarts } = t.doc;
  const line = turn.firstLine;
  // Delete the label's line and the blank lines after it, up to the next content.
  let endLine = line + 1;
  while (endLine < lineStarts.length && trimsToEmpty(text, lineStarts[endLine], lineEndOffset(text, lineStarts, endLine))) endLine++;
  const start = lineStarts[line];
  const end = endLine < lineStarts.length ? lineStarts[endLine] : text.length;
  return {
    code: 'empty-turn',
    start: label.start,
    end: label.end,
    message: `${label.name} says nothing: the label has no text before the next turn.`,
    unnecessary: true,
    fixes: [{ title: `Remove the empty turn ${label.name}:`, edits: [{ start, end, newText: '' }], preferred: true }],
  };
}

function splitTurn(t: Transcript, prev: Turn, turn: Turn, label: Label, speaker: Speaker): Problem {
  const { text, lineStarts } = t.doc;
  const line = turn.firstLine;
  const labelLineEnd = lineEndOffset(text, lineStarts, line);
  // Drop the second label so its text becomes a paragraph of the first turn.
  const start = lineStarts[line];
  const end = turn.textStart < labelLineEnd ? turn.textStart : Math.min(text.length, lineStarts[line + 1] ?? text.length);
  return {
    code: 'split-turn',
    start: label.start,
    end: label.end,
    message: `${speaker.name} speaks twice in a row (line ${prev.firstLine + 1} and here): probably one turn split by mistake.`,
    related: prev.label ? [{ start: prev.label.start, end: prev.label.end, message: 'The turn this one continues' }] : undefined,
    fixes: [{ title: `Merge into the previous turn of ${speaker.labels[0] ?? speaker.name}`, edits: [{ start, end, newText: '' }], preferred: true }],
  };
}

function speakerProblems(
  t: Transcript,
  turnIndex: number,
  label: Label,
  s: Speaker,
  typos: Speaker[] | undefined,
  out: Problem[],
  conventions: StyleConventions,
): void {
  const { doc } = t;
  const nameRange = label.nameSpan;
  /** Where another speaker is introduced (their first full-name label, else their first turn's). */
  const introducedHere = (c: Speaker) => {
    const turn = doc.turns[c.introductions[0] ?? c.turns[0]];
    const message = `${c.name} is introduced here`;
    return turn?.label ? { start: turn.label.start, end: turn.label.end, message } : { start: 0, end: 0, message };
  };
  if (typos) {
    const closest = typos.map((c) => closestLabel(label.name, c));
    // `Priya Raman (Priya Raman)` says it twice: a mixed-case label written as the full name stands alone.
    const candidates = typos.map((c, i) => `${closest[i]}${c.fullName && c.fullName !== closest[i] ? ` (${c.fullName})` : ''}`);
    out.push({
      code: 'unknown-speaker',
      start: nameRange.start,
      end: nameRange.end,
      message: `Unknown speaker ${label.name} — did you mean ${candidates.join(' or ')}?`,
      related: typos.map(introducedHere),
      fixes: typos.map((c, i) => ({
        title: `Change to ${closest[i]}`,
        edits: [{ start: nameRange.start, end: nameRange.end, newText: closest[i] }],
        preferred: typos.length === 1,
      })),
    });
    return;
  }
  if (s.ambiguous && s.ambiguous.length > 1) {
    const matches = t.speakers.speakers.filter((c) => s.ambiguous!.includes(c.name) && c !== s);
    const suggestions = distinctLabels(matches);
    out.push({
      code: 'ambiguous-label',
      start: nameRange.start,
      end: nameRange.end,
      message: `${label.name} could be ${s.ambiguous.join(' or ')}: use a label that tells them apart, such as ${suggestions.join(' or ')}.`,
      related: matches.map(introducedHere),
      fixes: suggestions.map((l) => ({ title: `Change to ${l}`, edits: [{ start: nameRange.start, end: nameRange.end, newText: l }] })),
    });
    return;
  }
  const first = s.turns[0] === turnIndex;
  if (conventions.introductions && first && !label.qa && s.introductions.length === 0 && !s.unidentified && label.name.split(/\s+/).length - (label.honorific ? 1 : 0) === 1) {
    const where = s.fullNameSource === 'bio' ? 'the bio after the credits' : s.fullNameSource === 'summary' ? 'the summary' : 'the text';
    const fullUpper = s.fullName?.toUpperCase();
    // The honorific stays in front: `Ms. VOLK` -> `Ms. ANNA VOLK`.
    const honorific = label.honorific ? `${label.honorific} ` : '';
    const bare = label.honorific ? label.name.slice(label.honorific.length).trim() : label.name;
    const afterHonorific = label.honorific ? t.doc.text.indexOf(bare, nameRange.start) : nameRange.start;
    out.push({
      code: 'no-introduction',
      start: nameRange.start,
      end: nameRange.end,
      message:
        `${label.name} is never introduced by full name and role (as ${honorific}${fullUpper ?? `FIRSTNAME ${bare}`}, ROLE: on first appearance)` +
        (s.fullName ? `; ${where} names them ${s.fullName}.` : '.'),
      related: s.mention ? [{ ...s.mention, message: `${s.fullName} is named here` }] : undefined,
      fixes: fullUpper
        ? [{ title: `Introduce as ${honorific}${fullUpper}`, edits: [{ start: afterHonorific, end: nameRange.end, newText: fullUpper }], preferred: true }]
        : [],
    });
  }
  // A second role, or a second full-name introduction.
  // Both lists are in turn order: a binary search keeps a label repeated in full on every one of
  // 100,000 turns from costing O(turns²) per check.
  const roleIndex = sortedIndex(s.roles, turnIndex, (r) => r.turn);
  if (roleIndex > 0 && label.role && label.roleSpan) {
    const firstRole = s.roles[0];
    if (norm(firstRole.role) !== norm(label.role)) {
      const firstLabel = doc.turns[firstRole.turn].label!;
      out.push({
        code: 'conflicting-role',
        start: label.roleSpan.start,
        end: label.roleSpan.end,
        message: `${s.name} is introduced as ${firstRole.role} (line ${line1(t, firstLabel.start)}) and as ${label.role} here.`,
        related: [{ start: firstLabel.start, end: firstLabel.end, message: `${s.name} is introduced as ${firstRole.role} here` }],
        fixes: [{ title: `Use the first role, ${firstRole.role}`, edits: [{ start: label.roleSpan.start, end: label.roleSpan.end, newText: firstRole.role }] }],
      });
    }
  }
  const introIndex = sortedIndex(s.introductions, turnIndex, (i) => i);
  if (conventions.introductions && introIndex > 0) {
    const firstIntro = doc.turns[s.introductions[0]].label!;
    const short = shortLabel(s);
    out.push({
      code: 'duplicate-introduction',
      start: label.nameSpan.start,
      end: label.colon,
      message: `${s.name} was already introduced on line ${line1(t, firstIntro.start)}; later turns use the short label ${short}.`,
      related: [{ start: firstIntro.start, end: firstIntro.end, message: 'The first introduction' }],
      fixes: [{ title: `Change to ${short}`, edits: [{ start: label.nameSpan.start, end: label.colon, newText: short }], preferred: true }],
    });
  }
}

/** The index of `key` in `list`, sorted ascending by `keyOf`, or -1. */
function sortedIndex<T>(list: readonly T[], key: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keyOf(list[mid]);
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toUpperCase();

/** The short label a speaker goes by: the one used most after the introduction, or the surname. */
function shortLabel(s: Speaker): string {
  const short = s.labels.find((l) => norm(l) !== s.key && !l.includes(' '));
  return short ?? s.surname;
}

function initialLabel(c: Speaker): string {
  const first = c.key.split(' ')[0];
  return `${first[0]}. ${c.surname}`;
}

/** closestLabel's answers: the same few mis-typed labels come back on every check. */
const closestCache = new Map<string, string>();

function closestLabel(label: string, c: Speaker): string {
  const key = `${label}\n${c.surname}\n${c.labels.join('\n')}`;
  const cached = closestCache.get(key);
  if (cached !== undefined) return cached;
  const best = closestLabelOf(label, c);
  if (closestCache.size >= 4096) closestCache.clear();
  // Copies: labels are cut from the text, and the cache outlives this version of it.
  closestCache.set(detach(key), detach(best));
  return best;
}

function closestLabelOf(label: string, c: Speaker): string {
  const forms = [...c.labels, c.surname];
  let best = forms[0];
  let bestD = Infinity;
  for (const f of forms) {
    const d = osaDistance(label.toUpperCase(), f.toUpperCase(), 99);
    if (d < bestD) {
      best = f;
      bestD = d;
    }
  }
  return best;
}

/**
 * Speakers this one's label is probably a misspelling of: close by edit distance to another
 * speaker's label or surname. Only for speakers that look accidental: never introduced by
 * full name, or with a single turn.
 */
function typoCandidates(s: Speaker, all: Speaker[], forms: Map<Speaker, string[]>): Speaker[] {
  if (s.unidentified || (s.introductions.length > 0 && s.turns.length > 1)) return [];
  // A deliberate introduction (full name and role) names someone new, however close the name.
  if (s.roles.length > 0) return [];
  const mine = s.labels.map((l) => l.toUpperCase());
  const found: Speaker[] = [];
  for (const c of all) {
    if (c === s || c.unidentified || !moreEstablished(c, s)) continue;
    const theirs = forms.get(c)!;
    const close = mine.some((m) =>
      theirs.some((o) => {
        if (m === o) return false;
        const limit = Math.min(2, Math.floor(Math.min(m.length, o.length) / 4));
        return limit > 0 && osaDistance(m, o, limit) <= limit && !differentInitials(m, o);
      }),
    );
    if (close) found.push(c);
  }
  return found;
}

/**
 * Typo candidates for every speaker. Comparing every pair of a hearing's hundreds of speakers
 * is too slow for every keystroke, and typing rarely changes who speaks: the answer is kept
 * for the speakers' signature (labels, turn counts, introductions, roles, order).
 */
const typoCache = new Map<string, number[][]>();

/**
 * The last call's signature (what typoCache's key is made of, field by field; labels copied, see
 * detach) and answer. A new version of the document almost always has the same signature:
 * comparing it costs less than building the key. The last key is always still in typoCache,
 * so the answer is the one a look-up would give.
 */
let lastTypos: { signature: (string | number)[]; ids: number[][] } | undefined;

function typoSignature(speakers: Speaker[]): (string | number)[] {
  const sig: (string | number)[] = [speakers.length];
  for (const s of speakers) {
    sig.push(s.labels.length);
    for (const l of s.labels) sig.push(detach(l));
    sig.push(s.turns.length, s.introductions.length > 0 ? 1 : 0, s.roles.length);
  }
  return sig;
}

function sameTypoSignature(speakers: Speaker[], sig: readonly (string | number)[]): boolean {
  if (sig[0] !== speakers.length) return false;
  let k = 1;
  for (const s of speakers) {
    const labels = s.labels;
    if (sig[k++] !== labels.length) return false;
    for (let j = 0; j < labels.length; j++) if (sig[k++] !== labels[j]) return false;
    if (sig[k++] !== s.turns.length || sig[k++] !== (s.introductions.length > 0 ? 1 : 0) || sig[k++] !== s.roles.length) return false;
  }
  return k === sig.length;
}

/** The ids of each speaker's typo candidates, by speaker id (an id is the speaker's index). */
function typoCandidateIds(speakers: Speaker[]): number[][] {
  let ids = lastTypos && sameTypoSignature(speakers, lastTypos.signature) ? lastTypos.ids : undefined;
  if (!ids) {
    const key = speakers.map((s) => `${s.labels.join('|')}/${s.turns.length}/${s.introductions.length > 0 ? 1 : 0}/${s.roles.length}`).join('\n');
    ids = typoCache.get(key);
    if (!ids) {
      // Each speaker's label forms, upper-cased once.
      const forms = new Map(speakers.map((s) => [s, [...new Set([...s.labels.map((l) => l.toUpperCase()), s.surname, s.key])]]));
      ids = speakers.map((s) => typoCandidates(s, speakers, forms).map((c) => c.id));
      if (typoCache.size >= 16) typoCache.delete(typoCache.keys().next().value!);
      typoCache.set(key, ids);
    }
    lastTypos = { signature: typoSignature(speakers), ids };
  }
  return ids;
}

/**
 * Of two close names only the better-established one can be right: the one with more turns;
 * with as many, the one introduced by full name; failing that, the one who speaks first.
 */
function moreEstablished(c: Speaker, s: Speaker): boolean {
  if (c.turns.length !== s.turns.length) return c.turns.length > s.turns.length;
  const ci = c.introductions.length > 0;
  const si = s.introductions.length > 0;
  if (ci !== si) return ci;
  return c.turns[0] < s.turns[0];
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment): `PRAK` is one slip from `PARK`, not two. Stops early past `max`.
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows, reused from call to call: typo candidates compare every pair of labels.
  const n = b.length;
  if (osaRows[0].length <= n) osaRows = [0, 1, 2].map(() => new Int32Array(2 * n + 2));
  let [prev2, prev, cur] = osaRows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const done = prev2;
    prev2 = prev;
    prev = cur;
    cur = done;
  }
  return prev[n];
}

let osaRows = [0, 1, 2].map(() => new Int32Array(64));

/** Labels that tell these speakers apart: `S. KANE`, or the full name where initials collide. */
function distinctLabels(speakers: Speaker[]): string[] {
  const initials = speakers.map(initialLabel);
  const labels = speakers.map((c, i) => (initials.filter((x) => x === initials[i]).length > 1 ? c.key : initials[i]));
  return [...new Set(labels)];
}

/** `S. KANE` and `M. KANE` tell two people apart on purpose. */
function differentInitials(a: string, b: string): boolean {
  const ia = /^(\p{L})\. /u.exec(a);
  const ib = /^(\p{L})\. /u.exec(b);
  return !!ia && !!ib && ia[1] !== ib[1];
}

interface KnownLabels {
  /** Upper-case label forms in use, single-spaced (and the style's standard labels). */
  forms: Set<string>;
  /**
   * A bit per hash (wordHash) of the first word of each form: most lines start with a word no
   * label starts with, told apart without making a string.
   */
  firstWordBits: Uint32Array;
  /** The same for the forms. */
  formBits: Uint32Array;
  /** The most words in a form (six at most: WORDS_AT reads no more). */
  maxWords: number;
  /**
   * A number per distinct set of forms: cached per-turn results are valid while it is the
   * same. (A number, not the joined forms: comparing a long string for every turn of a
   * hearing on every keystroke costs more than the checks it saves.)
   */
  key: number;
}

const knownKeys = new Map<string, number>();
let nextKnownKey = 0;

/** The bench and the witness speak in every court transcript: `the witness:` is a slip even before `THE WITNESS:` is used. */
const COURT_LABELS = ['THE COURT', 'THE WITNESS'];

const NO_LABELS: readonly string[] = [];

/**
 * The last few results of knownLabels, with the labels they were worked out from (copies, see
 * detach): a new version of a document nearly always has the same labels, in the same order.
 * A key, once given, always stands for the same forms, so a result found here is the one
 * working it out again would give (at worst with a key knownKeys has since forgotten).
 */
const knownCache: { standard: readonly string[]; labels: string[]; known: KnownLabels }[] = [];

/** The labels of `speakers` that knownLabels reads, in order, equal `labels`. */
function sameKnownLabels(speakers: Speaker[], labels: readonly string[]): boolean {
  let k = 0;
  for (const s of speakers) {
    if (s.unidentified) continue;
    const ls = s.labels;
    if (k + ls.length > labels.length) return false;
    for (let j = 0; j < ls.length; j++) if (ls[j] !== labels[k++]) return false;
  }
  return k === labels.length;
}

function knownLabels(speakers: Speaker[], standard: readonly string[] = NO_LABELS): KnownLabels {
  for (const c of knownCache) if (c.standard === standard && sameKnownLabels(speakers, c.labels)) return c.known;
  const known = knownLabelsOf(speakers, standard);
  const labels: string[] = [];
  for (const s of speakers) if (!s.unidentified) for (const l of s.labels) labels.push(detach(l));
  if (knownCache.length >= 4) knownCache.shift();
  knownCache.push({ standard, labels, known });
  return known;
}

function knownLabelsOf(speakers: Speaker[], standard: readonly string[]): KnownLabels {
  const forms = new Set<string>(standard);
  for (const s of speakers) {
    if (s.unidentified) continue;
    for (const l of s.labels) {
      const u = l.replace(/\s+/g, ' ').toUpperCase();
      if (u.replace(/[^\p{L}]/gu, '').length < 2) continue;
      // A copy: the result is kept (knownCache) past this version of the text.
      forms.add(detach(u));
    }
  }
  const joined = [...forms].sort().join('\n');
  let key = knownKeys.get(joined);
  if (key === undefined) {
    if (knownKeys.size > 64) knownKeys.clear();
    key = ++nextKnownKey;
    knownKeys.set(joined, key);
  }
  let maxWords = 1;
  const firstWords = new Set<string>();
  for (const f of forms) {
    const words = f.split(' ');
    firstWords.add(words[0]);
    maxWords = Math.max(maxWords, words.length);
  }
  return { forms, firstWordBits: hashBits(firstWords), formBits: hashBits(forms), maxWords: Math.min(maxWords, 6), key };
}

/** A 16-bit hash of a string, a character at a time (wordHash, then wordHashEnd): the same for equal strings. */
const wordHash = (h: number, c: number) => (Math.imul(h, 31) + c) | 0;
const wordHashEnd = (h: number) => (h ^ (h >>> 16)) & 0xffff;

/** A set of 16-bit hashes, as 65,536 bits. */
function hashBits(words: Iterable<string>): Uint32Array {
  const bits = new Uint32Array(1 << 11);
  for (const w of words) {
    let h = 0;
    for (let i = 0; i < w.length; i++) h = wordHash(h, w.charCodeAt(i));
    h = wordHashEnd(h);
    bits[h >>> 5] |= 1 << (h & 31);
  }
  return bits;
}

const hasBit = (bits: Uint32Array, h: number) => (bits[h >>> 5] & (1 << (h & 31))) !== 0;

const WORDS_AT = /^([\p{L}\p{M}'’.#&\-]+(?: [\p{L}\p{M}\d'’.#&\-]+){0,5})/u;

/**
 * A line inside a turn that starts like a label of a known speaker: without its colon
 * (`MARTINEZ So who…`) or in the wrong case (`martinez: …`).
 */
function hiddenLabel(t: Transcript, ft: number, e: number, known: KnownLabels, out: Problem[]): boolean {
  const text = t.doc.text;
  const c = text.charCodeAt(ft);
  if (c < 0x41 || (c > 0x5a && c < 0x61) || (c > 0x7a && c < 0xc0)) return false; // not a letter
  // Before the full match below: is the line's first word the first word of any label? (ASCII
  // words only; a word with other letters takes the long way.)
  const stop = Math.min(e, ft + 120);
  let n = asciiWordsAt(text, ft, stop, known.firstWordBits);
  const hashed = n >= 0;
  if (n < 0) {
    // Letters outside ASCII: the regex tells.
    const m = WORDS_AT.exec(text.slice(ft, stop));
    if (!m) return false;
    const words = m[1].split(' ');
    n = words.length;
    let end = ft - 1;
    for (let i = 0; i < n; i++) wordEnds[i] = end += words[i].length + 1;
  }
  // The first k words, as written: the longest that is a known label.
  for (let k = Math.min(n, known.maxWords); k >= 1; k--) {
    if (hashed && !hasBit(known.formBits, wordHashes[k - 1])) continue;
    const end = wordEnds[k - 1];
    const written = text.slice(ft, end);
    const upper = written.toUpperCase();
    if (!known.forms.has(upper)) continue;
    const next = text.charCodeAt(end);
    if (written === upper) {
      // Upper case as labels are, but no colon: `MARTINEZ So who relies…`.
      if (next === 32 && end + 1 < e && /[\p{L}"“(]/u.test(text[end + 1]) && !/^\p{Lu}{2,}/u.test(text.slice(end + 1, end + 3))) {
        out.push({
          code: 'missing-colon',
          start: ft,
          end,
          message: `${written} starts a line like a speaker label but has no colon: write ${written}:`,
          fixes: [{ title: `Add the colon: ${written}:`, edits: [{ start: end, end, newText: ':' }], preferred: true }],
        });
        return true;
      }
      return false;
    }
    // Not upper case: `martinez:` or `Martinez :`.
    let k2 = end;
    while (k2 < e && text.charCodeAt(k2) === 32) k2++;
    if (text.charCodeAt(k2) === 0x3a) {
      out.push({
        code: 'label-case',
        start: ft,
        end: k2 + 1,
        message: `Label ${written} is not in upper case like the transcript's other labels: write ${upper}:`,
        fixes: [{ title: `Upper-case the label: ${upper}:`, edits: [{ start: ft, end, newText: upper }], preferred: true }],
      });
      return true;
    }
    return false;
  }
  return false;
}

/** Where the words WORDS_AT matches end (six at most), and the hash of the text up to each, upper-cased. */
const wordEnds = new Int32Array(6);
const wordHashes = new Int32Array(6);

/**
 * WORDS_AT at `ft` (in the text up to `stop`) without the regex, for ASCII text: the number of
 * words it matches, their ends and hashes in wordEnds and wordHashes; 0 for no match, or when
 * the first word's hash is not in `firstWordBits` (no label starts with it: most lines); -1
 * when a character outside ASCII leaves the answer to the regex (it may be a letter, a mark or ’).
 */
function asciiWordsAt(text: string, ft: number, stop: number, firstWordBits: Uint32Array): number {
  let n = 0;
  let h = 0;
  let k = ft;
  for (;;) {
    // A word: letters and ' . # & -, and digits after the first.
    const from = k;
    for (; k < stop; k++) {
      const d = text.charCodeAt(k);
      if (d >= 0x80) return -1;
      if (!((d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a) || d === 0x27 || d === 0x2e || d === 0x23 || d === 0x26 || d === 0x2d || (n > 0 && d >= 0x30 && d <= 0x39))) break;
      h = wordHash(h, d >= 0x61 && d <= 0x7a ? d - 0x20 : d);
    }
    if (k === from) return n;
    wordEnds[n] = k;
    wordHashes[n] = wordHashEnd(h);
    if (n === 0 && !hasBit(firstWordBits, wordHashes[0])) return 0;
    n++;
    // Another word after one space, up to six in all (no word after the space: the scan above
    // ends at once, and the count stands).
    if (n === 6 || text.charCodeAt(k) !== 32) return n;
    h = wordHash(h, 32);
    k++;
  }
}

/**
 * A line inside a turn of a hearing that starts with a known label ended with a colon instead
 * of the period (`Mr. Linder: Thank you.`): not a label, so the line is text of the turn before
 * it. Reported when the label is known and the line, with the period in place of the colon (and
 * of the spaces before it), is a hearing label: so the fix makes it one.
 */
function colonForPeriod(text: string, lineStart: number, ft: number, e: number, known: KnownLabels, out: Problem[]): boolean {
  // Every hearing label starts with an ASCII capital (`Mr.`, `Senator`, `The`).
  const c = text.charCodeAt(ft);
  if (c < 0x41 || c > 0x5a) return false;
  const limit = Math.min(e, lineStart + HEARING_LABEL_WINDOW);
  let colon = ft;
  while (colon < limit && text.charCodeAt(colon) !== 0x3a) colon++;
  if (colon >= limit) return false;
  // A space, a tab or the end of the line after the colon, as after a label's period.
  const next = text.charCodeAt(colon + 1);
  if (colon + 1 < e && next !== 32 && next !== 9) return false;
  let nameEnd = colon;
  while (nameEnd > ft && (text.charCodeAt(nameEnd - 1) === 32 || text.charCodeAt(nameEnd - 1) === 9)) nameEnd--;
  const written = text.slice(ft, nameEnd);
  if (!known.forms.has(written.toUpperCase())) return false;
  const fixed = `${text.slice(lineStart, nameEnd)}.${text.slice(colon + 1, limit)}`;
  const label = scanHearingLabel(fixed, 0, fixed.length);
  if (!label || label.name !== written) return false;
  out.push({
    code: 'label-terminator',
    start: ft,
    end: colon + 1,
    message: `${text.slice(ft, colon + 1)} ends with a colon, but a hearing's labels end with a period, so the line is read as part of the turn before it: write ${written}.`,
    fixes: [{ title: `End the label with a period: ${written}.`, edits: [{ start: nameEnd, end: colon + 1, newText: '.' }], preferred: true }],
  });
  return true;
}

/** Quotes and closing brackets (one for all turns: brackets() sets lastIndex before each use). */
const QUOTE_OR_CLOSER = /["“”)\]]/g;

function brackets(t: Transcript, turn: Turn, out: Problem[]): void {
  const text = t.doc.text;
  for (const cue of turn.cues) if (!cue.closed) out.push(unclosedCue(cue));
  // Closing brackets outside any cue; straight and curly quotes that do not pair up.
  let cueIndex = 0;
  let straight = 0;
  let lastStraight = -1;
  let curlyOpen: number[] | undefined;
  // Jump from one quote or closing bracket to the next (native search: faster than a loop over
  // the characters, even in the two-byte strings curly quotes make) rather than visiting every
  // character: most of a turn is letters.
  const re = QUOTE_OR_CLOSER;
  re.lastIndex = turn.textStart;
  const slice = text.length - turn.end > 64 ? text.slice(0, turn.end) : text;
  // test(), not exec(): no match object; the match is one character, just before lastIndex.
  while (re.test(slice)) {
    const k = re.lastIndex - 1;
    if (k >= turn.end) break;
    const c = text.charCodeAt(k);
    if (c === 0x22) {
      straight++;
      lastStraight = k;
    } else if (c === 0x201c) (curlyOpen ??= []).push(k);
    else if (c === 0x201d) {
      if (curlyOpen && curlyOpen.length > 0) curlyOpen.pop();
    } else if (c === 0x29 || c === 0x5d) {
      while (cueIndex < turn.cues.length && turn.cues[cueIndex].end <= k) cueIndex++;
      const cue = turn.cues[cueIndex];
      const inside = cue && cue.start < k && k < cue.end;
      const closes = cue && cue.end === k + 1 && cue.closed;
      if (!inside && !closes) {
        out.push({
          code: 'unbalanced-bracket',
          start: k,
          end: k + 1,
          message: `'${text[k]}' closes nothing: there is no '${c === 0x29 ? '(' : '['}' before it on this line.`,
          fixes: [{ title: `Remove the stray '${text[k]}'`, edits: [{ start: k, end: k + 1, newText: '' }] }],
        });
      }
    }
  }
  if (straight % 2 === 1) {
    const k = lastStraight;
    out.push({
      code: 'unbalanced-quote',
      start: k,
      end: k + 1,
      message: `Unbalanced double quote: this turn has ${straight === 1 ? 'one " mark' : `${straight} " marks`}, an odd number, so a quotation is never closed.`,
      fixes: [],
    });
  }
  if (curlyOpen) for (const k of curlyOpen) {
    out.push({ code: 'unbalanced-quote', start: k, end: k + 1, message: 'This “ is never closed with ”.', fixes: [] });
  }
}
