import type { TranscriptStyle } from './style';

// The syntax tree of a transcript. Offsets are indices into the text as given
// (UTF-16 code units, like every JavaScript string index), half-open [start, end).
// Nothing here knows about LSP: features convert offsets to positions.

export interface Span {
  start: number;
  end: number;
}

export interface Timestamp extends Span {
  /** The text of the time, without brackets: `00:01:23`. */
  text: string;
  /** Seconds from the start, or undefined when the value is not a valid time (`00:61:00`). */
  seconds: number | undefined;
}

/** How a label is written; later checks compare labels against the document's usual style. */
export type LabelStyle =
  | 'upper' // DETROW:, SCOTT DETROW, HOST:
  | 'honorific' // Mr. RICHARD KYLE (…):, Ms. VOLK:
  | 'mixed'; // Unidentified Man #2:, James Cridland (00:00):

export interface Label extends Span {
  /** `SCOTT DETROW` in `SCOTT DETROW, HOST:`; includes an honorific: `Mr. RICHARD KYLE`, `MS. NÚÑEZ`. */
  name: string;
  nameSpan: Span;
  /** The honorific at the start of the name (`Mr.`, `MS.`), when there is one. */
  honorific?: string;
  /** `HOST` in `SCOTT DETROW, HOST:`; `Chief White House Correspondent, Bloomberg News` in the older `(…)` form. */
  role?: string;
  roleSpan?: Span;
  /** A time before the label (`[00:01:23] DETROW:`) or after the name (`James Cridland (00:00):`). */
  timestamp?: Timestamp;
  /**
   * Offset of the colon — or of what ends the label in other styles: the period of `Q.` or
   * `Mr. Linder.`, the end of `Q` in a press briefing (`terminator` says which).
   */
  colon: number;
  terminator: ':' | '.' | '';
  style: LabelStyle;
  /** A court transcript's question or answer: `Q.` / `A.`. */
  qa?: 'Q' | 'A';
  /** Not a person: `Music:`, `Song:`, `Break:` in podcast transcripts. */
  pseudo?: boolean;
  /** Written as Markdown bold: `**Jerod Santo:**`. */
  bold?: boolean;
  /** Whitespace slips the parser tolerates; diagnostics report them. */
  spaceBeforeColon: boolean;
  noSpaceAfterColon: boolean;
  doubleSpaceInName: boolean;
}

export type CueKind =
  | 'soundbite' // SOUNDBITE OF …, BEGIN/END VIDEO CLIP, ARCHIVED RECORDING
  | 'music'
  | 'reaction' // LAUGHTER, APPLAUSE, CROSSTALK, laughs
  | 'language' // (Speaking Spanish), (Through interpreter), (Non-English language spoken)
  | 'phonetic' // (ph)
  | 'inaudible'
  | 'character' // (As Mayor Quint)
  | 'timestamp' // [inaudible 00:04:55] is inaudible; a bare [05:00:00] clock line is a timestamp cue
  | 'other';

/** A stage direction in parentheses or brackets: `(SOUNDBITE OF MUSIC)`, `(Laughter)`, `[crosstalk]`. */
export interface Cue extends Span {
  /** Text between the brackets, trimmed. */
  text: string;
  bracket: '(' | '[';
  kind: CueKind;
  /** False when the closing bracket is missing: the cue runs to the end of its line. */
  closed: boolean;
}

/** One line of a block, without its line terminator. */
export interface Line extends Span {
  /** 0-based line number. */
  line: number;
}

/** A speaker's turn: a label and the paragraphs up to the next turn or stage direction. */
export interface Turn extends Span {
  type: 'turn';
  /** Undefined for a continuation: unlabelled paragraphs after an own-line stage direction. */
  label: Label | undefined;
  /** Index into `TranscriptDocument.turns` of the turn this one continues (continuations only). */
  continues?: number;
  /**
   * Start of what was said: after the label and its spaces, or, when the label stands alone on
   * its line, the first character of the next paragraph. A turn with no text at all keeps the
   * end of its label line.
   */
  textStart: number;
  /** Inline stage directions in the turn. */
  cues: Cue[];
  /** Number of paragraphs (runs of non-blank lines) in the turn. */
  paragraphs: number;
  /** 0-based first and last line holding any of the turn's text. */
  firstLine: number;
  lastLine: number;
}

/** A stage direction standing on its own line between turns: `(SOUNDBITE OF MUSIC)`. */
export interface StageDirection extends Span {
  type: 'stage';
  cue: Cue;
  line: number;
}

export type BodyNode = Turn | StageDirection;

export interface Preamble extends Span {
  /** The headline: the first heading-like line that is not page boilerplate. */
  title?: Line & { text: string };
  /** The paragraph after the title (the summary), when there is one. */
  summary?: Span;
  firstLine: number;
  lastLine: number;
}

export interface Trailer extends Span {
  /** The credit line (`Transcript provided by NPR, Copyright NPR.`), from its first word. */
  credit?: Span;
  /** Non-blank lines after the credit: speaker bios and station boilerplate. */
  lines: Line[];
  firstLine: number;
  lastLine: number;
}

export interface TranscriptDocument {
  text: string;
  /** Offset of the first character of every line (line 0 starts at 0). */
  lineStarts: number[];
  /** True when the text begins with U+FEFF; offsets still count it. */
  bom: boolean;
  preamble?: Preamble;
  /** Turns and own-line stage directions, in document order. */
  body: BodyNode[];
  /** The turns alone, in order (the same objects as in `body`). */
  turns: Turn[];
  trailer?: Trailer;
  /** The transcript's style, and whether a marker, a setting or detection chose it. */
  style: TranscriptStyle;
  styleSource: 'detected' | 'marker' | 'setting';
  /**
   * A podcast whose first label's name never speaks again (`Episode 41: Building radio`):
   * that line, read as the headline in the preamble instead of a turn, and the name. Absent
   * otherwise. Kept so that an incremental re-parse can tell when the rule stops holding.
   */
  podcastHeadline?: { line: number; name: string };
  /**
   * Set only when the parser hit a bug of its own and fell back to an empty body (it never
   * throws). Tests assert that no input gets here.
   */
  parseError?: string;
}
