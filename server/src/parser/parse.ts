// Text -> TranscriptDocument. One forward pass over the lines (plus a short backward pass
// from the end to find the credit line), with a label scan only on lines that could start one.
// Total: any string gives a document; nothing here throws on input.

import { isCreditAt, isPageBoilerplate } from './boilerplate';
import { CueFinder, cueEnd, matchBracket, scanCue, scanCues } from './cues';
import { LABEL_WINDOW, scanLabelFor } from './label';
import { detectStyle, styleMarkerLine, type TranscriptStyle } from './style';
import { computeLineStarts, ForwardFinder, isJsSpace, lineEndOffset, skipSpaces, trimEnd } from './lines';
import type { BodyNode, Cue, Label, Line, Preamble, StageDirection, TranscriptDocument, Trailer, Turn } from './types';

export interface ParseOptions {
  /** The style to read the text as (the `transcript.style` setting); detected when absent. */
  style?: TranscriptStyle;
}

export function parseTranscript(text: string, options: ParseOptions = {}): TranscriptDocument {
  // Callers in plain JavaScript may hand over anything; a non-string is read as its text.
  if (typeof text !== 'string') text = asText(text);
  try {
    return parse(text, options);
  } catch (e) {
    // A bug in a scanner must never cost the user their outline of the rest of the product;
    // the property tests exist to keep this path unreachable (they check `parseError`).
    return {
      text,
      lineStarts: computeLineStarts(text),
      bom: text.charCodeAt(0) === 0xfeff,
      body: [],
      turns: [],
      style: 'broadcast',
      styleSource: 'detected',
      parseError: e instanceof Error ? e.message : String(e),
    };
  }
}

function asText(value: unknown): string {
  try {
    return value == null ? '' : String(value);
  } catch {
    return '';
  }
}

/**
 * Could a label start at this first character of a line? Lower-case letters and digits never
 * begin one; in court any may, for a deposition's line number in the margin comes before its
 * label (` 12   Q.   Where…`, see scanLabelFor).
 */
function mayStartLabel(style: TranscriptStyle, c: number): boolean {
  if (style === 'court') return true;
  if (c >= 0x61 && c <= 0x7a) return false; // a-z
  return c < 0x30 || c > 0x39; // 0-9
}

function ownLineCue(text: string, ft: number, e: number): { cue: Cue; rest: number } | undefined {
  const c = text.charCodeAt(ft);
  if (c !== 0x28 && c !== 0x5b) return undefined;
  const cue = scanCue(text, ft, e);
  return { cue, rest: skipSpaces(text, cue.end, e) };
}

/** True when the line [ft, e) is one cue and nothing else (checked without classifying it). */
function isCueLine(text: string, ft: number, e: number): boolean {
  const c = text.charCodeAt(ft);
  if (c !== 0x28 && c !== 0x5b) return false;
  return skipSpaces(text, cueEnd(text, ft, e), e) === e;
}

export interface CreditMark {
  line: number;
  start: number;
}

/** The credit line that starts the trailer: the first one after the last label line. */
export function findCredit(text: string, lineStarts: number[], style: TranscriptStyle = 'broadcast'): CreditMark | undefined {
  let found: CreditMark | undefined;
  for (let line = lineStarts.length - 1; line >= 0; line--) {
    const s = lineStarts[line];
    const e = lineEndOffset(text, lineStarts, line);
    const ft = skipSpaces(text, s, e);
    if (ft === e) continue;
    if (isCreditAt(text, ft, e)) {
      found = { line, start: ft };
      continue;
    }
    const c = text.charCodeAt(ft);
    if (c === 0x28 || c === 0x5b) {
      const close = matchBracket(text, ft, e);
      const rest = close < 0 ? e : skipSpaces(text, close + 1, e);
      if (rest < e && isCreditAt(text, rest, e)) {
        found = { line, start: rest };
        continue;
      }
    }
    if (mayStartLabel(style, text.charCodeAt(ft)) && scanLabelFor(style, text, s, e)) break;
  }
  return found;
}

/** Front matter closes within its first this many lines, or is none. */
export const FRONT_MATTER_LINES = 200;

/** Whether the line [s, e) is `---` (or `...` when `dots`), white space around it aside. */
function isFenceLine(text: string, s: number, e: number, dots: boolean): boolean {
  while (s < e && isJsSpace(text.charCodeAt(s))) s++;
  while (e > s && isJsSpace(text.charCodeAt(e - 1))) e--;
  if (e - s !== 3) return false;
  const c = text.charCodeAt(s);
  return (c === 0x2d || (dots && c === 0x2e)) && text.charCodeAt(s + 1) === c && text.charCodeAt(s + 2) === c;
}

/** Whether the text opens with a `---` line (a BOM before it aside). */
export function opensFrontMatter(text: string, lineStarts: readonly number[]): boolean {
  return isFenceLine(text, 0, lineEndOffset(text, lineStarts, 0), false);
}

/**
 * The line closing the YAML front matter the text opens with (`---` or `...`), or -1 when it
 * opens with none or leaves it open for FRONT_MATTER_LINES lines.
 */
export function frontMatterEnd(text: string, lineStarts: readonly number[]): number {
  if (!opensFrontMatter(text, lineStarts)) return -1;
  const max = Math.min(lineStarts.length, FRONT_MATTER_LINES);
  for (let line = 1; line < max; line++) {
    if (isFenceLine(text, lineStarts[line], lineEndOffset(text, lineStarts, line), true)) return line;
  }
  return -1;
}

/**
 * The podcast headline rule's candidate: the name of the first body node when it is a label
 * that could be a title with a colon (no time, no bold, not a pseudo-label), else undefined.
 */
export function headlineCandidate(style: TranscriptStyle, first: BodyNode | undefined): string | undefined {
  if (style !== 'podcast' || first?.type !== 'turn') return undefined;
  const label = first.label;
  if (!label || label.style !== 'mixed' || label.timestamp || label.bold || label.pseudo) return undefined;
  return label.name;
}

function parse(text: string, options: ParseOptions): TranscriptDocument {
  const lineStarts = computeLineStarts(text);
  const fmEnd = frontMatterEnd(text, lineStarts);
  const { style, source } = detectStyle(text, lineStarts, options.style);
  const credit = findCredit(text, lineStarts, style);
  let scan = new BodyScanner(text, lineStarts, credit, fmEnd, [], 0, false, style);
  scan.run(0);
  // A podcast's title often has a colon (`Episode 41: Building radio`): a first "label" that
  // never speaks again, with no time and no bold, is the headline.
  // (incremental.ts keeps this rule: change it in both.)
  const first = scan.body[0];
  const name = headlineCandidate(style, first);
  let podcastHeadline: TranscriptDocument['podcastHeadline'];
  if (name !== undefined && !scan.turns.some((t, i) => i > 0 && t.label?.name === name)) {
    podcastHeadline = { line: (first as Turn).firstLine, name };
    scan = new BodyScanner(text, lineStarts, credit, fmEnd, [], 0, false, style, new Set([podcastHeadline.line]));
    scan.run(0);
  }
  return makeDocument(text, lineStarts, buildPreamble(text, lineStarts, scan.preambleLines, fmEnd), scan.body, scan.turns, scan.trailer, style, source, podcastHeadline);
}

/**
 * Every document, from a full parse or an incremental one, is built here: the same properties
 * in the same order give every version one hidden class, so the rule code V8 optimised for the
 * first version is not thrown away on the first keystroke.
 */
export function makeDocument(
  text: string,
  lineStarts: number[],
  preamble: TranscriptDocument['preamble'],
  body: TranscriptDocument['body'],
  turns: TranscriptDocument['turns'],
  trailer: TranscriptDocument['trailer'],
  style: TranscriptDocument['style'],
  styleSource: TranscriptDocument['styleSource'],
  podcastHeadline: TranscriptDocument['podcastHeadline'],
): TranscriptDocument {
  return { text, lineStarts, bom: text.charCodeAt(0) === 0xfeff, preamble, body, turns, trailer, style, styleSource, podcastHeadline };
}

/**
 * The line-by-line state machine of the body. A full parse runs it from line 0; an
 * incremental re-parse (incremental.ts) runs it from a turn before the edit, with the turns
 * before it already known, and stops where the old parse can be taken over again.
 */
export class BodyScanner {
  readonly body: BodyNode[] = [];
  readonly turns: Turn[] = [];
  readonly preambleLines: number[] = [];
  trailer: Trailer | undefined;
  private current: Turn | undefined;
  private inParagraph = false;
  /** Global index of the turn that unlabelled text after a stage direction continues. */
  lastSpeakerTurn = -1;
  private readonly cues: CueFinder;
  private readonly colons: ForwardFinder;

  /**
   * @param turnsBefore turns of an earlier parse, of which the first `turnsBeforeCount` come
   *   before the first line scanned (an incremental re-parse); new turns' indexes follow them.
   * @param bodyStarted whether body nodes come before the first line scanned.
   */
  constructor(
    private readonly text: string,
    private readonly lineStarts: number[],
    private readonly credit: CreditMark | undefined,
    private readonly fmEnd: number,
    private readonly turnsBefore: readonly Turn[],
    private readonly turnsBeforeCount: number,
    private bodyStarted: boolean,
    private readonly style: TranscriptStyle = 'broadcast',
    /** Lines never read as labels (a podcast's headline). */
    private readonly notLabels?: ReadonlySet<number>,
  ) {
    this.cues = new CueFinder(text);
    // Every label has a colon within its first LABEL_WINDOW characters: a line without one
    // (most lines of prose) is never scanned for a label.
    this.colons = new ForwardFinder(text, ':');
  }

  private turnAt(index: number): Turn {
    return index < this.turnsBeforeCount ? this.turnsBefore[index] : this.turns[index - this.turnsBeforeCount];
  }

  private extend(turn: Turn, line: number, from: number, e: number): void {
    // A label alone on its line: what was said starts with the first text after it.
    if (turn.paragraphs === 0) turn.textStart = from;
    if (!this.inParagraph) turn.paragraphs++;
    this.inParagraph = true;
    turn.lastLine = line;
    turn.end = trimEnd(this.text, from, e);
    scanCues(this.text, from, e, turn.cues, this.cues);
  }

  /**
   * Scans from `fromLine` to the end, or until `stopAt(line, labelStart)` says yes at a label
   * line (before taking it in). Returns the line it stopped at, or -1 at the end.
   */
  run(fromLine: number, stopAt?: (line: number, labelStart: number) => boolean): number {
    const { text, lineStarts, credit, fmEnd } = this;
    const lineCount = lineStarts.length;
    for (let line = fromLine; line < lineCount; line++) {
      const s = lineStarts[line];
      const e = lineEndOffset(text, lineStarts, line);
      const trailer = this.trailer;
      if (trailer) {
        const ft = skipSpaces(text, s, e);
        if (ft < e) {
          trailer.lines.push({ start: ft, end: trimEnd(text, ft, e), line });
          trailer.lastLine = line;
          trailer.end = trimEnd(text, ft, e);
        }
        continue;
      }
      if (line <= fmEnd) {
        this.preambleLines.push(line);
        continue;
      }
      const ft = skipSpaces(text, s, e);
      if (ft === e) {
        this.inParagraph = false;
        continue;
      }

      if (credit && line === credit.line && this.bodyStarted) {
        if (credit.start > ft) {
          // `(SOUNDBITE OF MUSIC) Transcript provided by …`: the cue closes the body.
          const own = ownLineCue(text, ft, e);
          if (own) this.body.push(stage(own.cue, line));
        }
        this.current = undefined;
        const end = trimEnd(text, credit.start, e);
        this.trailer = { start: credit.start, end, credit: { start: credit.start, end }, lines: [], firstLine: line, lastLine: line };
        continue;
      }

      // Court and hearing labels (`Q.`, `Mr. Linder.`) have no colon: those styles scan every line.
      const maybeLabel =
        !this.notLabels?.has(line) &&
        mayStartLabel(this.style, text.charCodeAt(ft)) &&
        (this.colons.next(s) < Math.min(e, s + LABEL_WINDOW) || this.style === 'court' || this.style === 'hearing');
      const label = maybeLabel ? scanLabelFor(this.style, text, s, e) : undefined;
      if (label) {
        if (stopAt?.(line, label.start)) return line;
        const textStart = skipSpaces(text, label.end, e);
        const turn = newTurn(label, undefined, label.start, label.end, textStart, line);
        this.current = turn;
        this.inParagraph = false;
        if (textStart < e) this.extend(turn, line, textStart, e);
        this.lastSpeakerTurn = this.turnsBeforeCount + this.turns.length;
        this.turns.push(turn);
        this.body.push(turn);
        this.bodyStarted = true;
        continue;
      }

      const own = isCueLine(text, ft, e) ? ownLineCue(text, ft, e) : undefined;
      if (own && (this.bodyStarted || own.cue.kind !== 'other')) {
        this.body.push(stage(own.cue, line));
        this.bodyStarted = true;
        this.current = undefined;
        this.inParagraph = false;
        continue;
      }

      if (!this.bodyStarted) {
        this.preambleLines.push(line);
        continue;
      }
      let current = this.current;
      if (!current) {
        // Unlabelled text after an own-line stage direction: the last speaker goes on.
        const last = this.lastSpeakerTurn;
        current = newTurn(undefined, last >= 0 ? (this.turnAt(last).continues ?? last) : undefined, ft, ft, ft, line);
        this.current = current;
        this.inParagraph = false;
        this.turns.push(current);
        this.body.push(current);
      }
      this.extend(current, line, ft, e);
    }
    return -1;
  }
}

/**
 * A scanner that is never run, kept for as long as the module is loaded. V8 keeps the shapes
 * (maps) of a class's objects only while one of them is alive, and a full garbage collection
 * that finds none throws away the optimised code built on them: with every scanner (and its
 * finders) dropped after its parse, the first parse after each full collection ran unoptimised,
 * two to three times slower. This one keeps the shapes, and that code, alive.
 */
export const KEPT_SCANNER = new BodyScanner('', [0], undefined, -1, [], 0, false); // exported: counts as used

/** Every turn, labelled or a continuation, with the same properties in the same order (one hidden class). */
function newTurn(label: Label | undefined, continues: number | undefined, start: number, end: number, textStart: number, line: number): Turn {
  return { type: 'turn', label, continues, start, end, textStart, cues: [], paragraphs: 0, firstLine: line, lastLine: line };
}

function stage(cue: Cue, line: number): StageDirection {
  return { type: 'stage', cue, start: cue.start, end: cue.end, line };
}

const FRONT_MATTER_TITLE = /^title:/i;

/**
 * The value of a `title:` line of YAML front matter, [start, end), without surrounding white
 * space or one pair of matching quotes (`title: "Night market"`); undefined when the line is no
 * title or the value is empty. A scan, not a pattern with a lazy group and a trailing `\s*$`,
 * which is quadratic on a long run of spaces.
 */
function frontMatterTitle(text: string, start: number, end: number): { start: number; end: number } | undefined {
  if (end - start < 6 || !FRONT_MATTER_TITLE.test(text.slice(start, start + 6))) return undefined;
  let s = start + 6;
  let e = end;
  while (s < e && isJsSpace(text.charCodeAt(s))) s++;
  while (e > s && isJsSpace(text.charCodeAt(e - 1))) e--;
  const q = text.charCodeAt(s);
  if ((q === 0x22 || q === 0x27) && e - s >= 3 && text.charCodeAt(e - 1) === q) {
    s++;
    e--;
  }
  if (s === e) return undefined;
  // A title is one line: U+2028 and U+2029 within it (not white space at its ends) make it none.
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2028 || c === 0x2029) return undefined;
  }
  return { start: s, end: e };
}

function buildPreamble(text: string, lineStarts: number[], lines: number[], fmEnd: number): Preamble | undefined {
  const nonBlank: Line[] = [];
  for (const line of lines) {
    const s = lineStarts[line];
    const e = lineEndOffset(text, lineStarts, line);
    const ft = skipSpaces(text, s, e);
    if (ft < e) nonBlank.push({ start: ft, end: trimEnd(text, ft, e), line });
  }
  if (nonBlank.length === 0) return undefined;
  const first = nonBlank[0];
  const last = nonBlank[nonBlank.length - 1];
  const preamble: Preamble = { start: first.start, end: last.end, firstLine: first.line, lastLine: last.line };

  // A `title:` key in YAML front matter wins.
  for (const l of nonBlank) {
    if (l.line > fmEnd) break;
    const m = frontMatterTitle(text, l.start, l.end);
    if (m) {
      preamble.title = { start: m.start, end: m.end, line: l.line, text: text.slice(m.start, m.end) };
      break;
    }
  }

  // Otherwise the first line that stands as a paragraph of its own, not page furniture and not
  // the style marker (`transcript-style: podcast`).
  const candidates = nonBlank.filter((l) => l.line > fmEnd && !isPageBoilerplate(text.slice(l.start, l.end)) && !(l.line === 0 && styleMarkerLine(text.slice(l.start, l.end))));
  const isAlone = (i: number) => {
    const l = candidates[i];
    const prev = candidates[i - 1];
    const next = candidates[i + 1];
    return (!prev || prev.line < l.line - 1) && (!next || next.line > l.line + 1);
  };
  // A heading is short, and not a bracketed note such as a photo credit `(Photo: …)`.
  const headingLike = (l: Line) => {
    if (l.end - l.start > 200) return false;
    const a = text.charCodeAt(l.start);
    const z = text.charCodeAt(l.end - 1);
    return !((a === 0x28 && z === 0x29) || (a === 0x5b && z === 0x5d));
  };
  // An all-capitals line is a show's banner (`WORLD DESK TONIGHT`) more often than a headline.
  const banner = (l: Line) => !/\p{Ll}/u.test(text.slice(l.start, l.end));
  let titleIndex = -1;
  if (!preamble.title) {
    titleIndex = candidates.findIndex((l, i) => headingLike(l) && isAlone(i) && !banner(l));
    if (titleIndex < 0) titleIndex = candidates.findIndex((l, i) => headingLike(l) && isAlone(i));
    if (titleIndex < 0) titleIndex = candidates.findIndex(headingLike);
    if (titleIndex >= 0) {
      const l = candidates[titleIndex];
      let start = l.start;
      // A Markdown heading: `# Title`.
      while (start < l.end && text.charCodeAt(start) === 0x23) start++;
      start = skipSpaces(text, start, l.end);
      if (start < l.end) preamble.title = { start, end: l.end, line: l.line, text: text.slice(start, l.end) };
    }
  }

  // The summary: the next paragraph after the title.
  if (preamble.title) {
    const after = candidates.filter((l) => l.line > preamble.title!.line);
    if (after.length > 0) {
      let endIndex = 0;
      while (endIndex + 1 < after.length && after[endIndex + 1].line === after[endIndex].line + 1) endIndex++;
      preamble.summary = { start: after[0].start, end: after[endIndex].end };
    }
  }
  return preamble;
}
