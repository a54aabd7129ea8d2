// Speaker labels: `DETROW:`, `SCOTT DETROW, HOST:`, `Mr. RICHARD KYLE (Chief White House
// Correspondent, Bloomberg News):`, `[00:01:23] DETROW:`, `James Cridland (00:00):`.
// A hand-written scanner rather than one large regular expression: it is linear by
// construction (no backtracking on hostile lines), looks at no more than LABEL_WINDOW
// characters of a line, and reports the offset of every part for later features.

import { isLineSpace, trimEnd } from './lines';
import type { TranscriptStyle } from './style';
import type { Label, LabelStyle, Span, Timestamp } from './types';

/** A label never runs longer than this; a longer "label" is prose with a colon in it. */
export const LABEL_WINDOW = 200;
const MAX_NAME_WORDS = 7;
/** How deeply scanLabel reads a label indented, in characters (court transcripts indent them). */
const LABEL_INDENT = 12;
const MAX_ROLE_LENGTH = 120;

const WORD = /[\p{L}\p{M}\p{N}'’.#&-]+/uy;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?$/;

/** Honorifics written before a name; `Mr.` in mixed case marks the older NPR style. */
const HONORIFICS = new Set([
  'MR', 'MRS', 'MS', 'MISS', 'MX', 'DR', 'REV', 'SEN', 'REP', 'GOV', 'PROF', 'SGT', 'GEN', 'COL', 'CAPT', 'LT', 'FR',
]);

/**
 * Upper-case words before a colon that head a note or a heading, never a speaker: `NOTE:`,
 * `EDITOR'S NOTE:`, `UPDATE:`, `NEXT UP:`.
 */
const NOT_SPEAKERS = new Set([
  'NOTE', "EDITOR'S NOTE", 'EDITOR’S NOTE', 'EDITORS NOTE', 'CORRECTION', 'CLARIFICATION', 'UPDATE', 'UPDATED', 'BREAKING',
  'BREAKING NEWS', 'TOPIC', 'TITLE', 'SUBJECT', 'SUMMARY', 'SOURCE', 'SOURCES', 'TRANSCRIPT', 'DISCLAIMER', 'WARNING',
  'NEXT UP', 'UP NEXT', 'FIRST UP', 'FIND US', 'SHOW NOTES', 'KEYWORDS', 'TAGS', 'PUBLISHED', 'AIRED', 'AIR DATE', 'DATE',
  'ADVERTISEMENT', 'MUSIC', 'CREDITS', 'CREDIT', 'PHOTO', 'AUDIO', 'VIDEO', 'LISTEN', 'READ MORE', 'RELATED',
]);

/**
 * NOT_SPEAKERS by length and first character (all ASCII but for `’`), for a check that builds
 * no string: upper-casing keeps an ASCII name's length, so only these entries can equal it.
 */
const NOT_SPEAKERS_BY_START: string[][] = [];
for (const n of NOT_SPEAKERS) (NOT_SPEAKERS_BY_START[n.length * 128 + (n.charCodeAt(0) & 0x7f)] ??= []).push(n);

/**
 * `NOT_SPEAKERS.has(words.join(' ').toUpperCase())` for the `count` words in WORD_BOUNDS, without
 * slicing, joining or upper-casing when the name is ASCII (`ascii`). Upper-casing other
 * characters may change the length (`ß` -> `SS`): the set is asked then.
 */
function isNotSpeaker(text: string, count: number, ascii: boolean): boolean {
  if (!ascii) return NOT_SPEAKERS.has(nameWords(text, count).join(' ').toUpperCase());
  let length = count - 1;
  for (let w = 0; w < count; w++) length += WORD_BOUNDS[2 * w + 1] - WORD_BOUNDS[2 * w];
  const c = text.charCodeAt(WORD_BOUNDS[0]);
  const entries = NOT_SPEAKERS_BY_START[length * 128 + (c >= 0x61 && c <= 0x7a ? c - 0x20 : c)];
  if (!entries) return false;
  for (const entry of entries) {
    let at = 0;
    let same = true;
    for (let w = 0; w < count && same; w++) {
      if (w > 0 && entry.charCodeAt(at++) !== 0x20) same = false;
      for (let k = WORD_BOUNDS[2 * w], end = WORD_BOUNDS[2 * w + 1]; k < end && same; k++) {
        const c = text.charCodeAt(k);
        if ((c >= 0x61 && c <= 0x7a ? c - 0x20 : c) !== entry.charCodeAt(at++)) same = false;
      }
    }
    if (same) return true;
  }
  return false;
}

/**
 * A segment heading written like a label, `Part Two: The Crossing`, `SEGMENT 3: Weather`: a
 * numbered part of the show, never a voice (unlike `Speaker 2:` or `Caller 3:`). `Episode 41:`
 * is not among them: it titles a whole podcast, and the headline rule (parse.ts) reads it there.
 */
const SECTION_WORDS = new Set(['part', 'chapter', 'segment', 'section', 'act', 'round', 'hour', 'scene']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']);
const SECTION_NUMBER = /^(?:\d{1,3}|[IVX]{1,5})$/;

function isSectionHeading(text: string, count: number): boolean {
  if (count !== 2) return false;
  const length = WORD_BOUNDS[1] - WORD_BOUNDS[0];
  if (length < 3 || length > 7) return false; // cheap: most two-word names fail here or on the set
  const [part, number] = nameWords(text, 2);
  return isSection(part, number);
}

function isSection(part: string, number: string): boolean {
  return SECTION_WORDS.has(part.toLowerCase()) && (SECTION_NUMBER.test(number) || NUMBER_WORDS.has(number.toLowerCase()));
}

/** isSectionHeading for a name read by a pattern (bold, name-and-time line): its words are one space apart. */
function isSectionName(name: string): boolean {
  const space = name.indexOf(' ');
  return space > 0 && name.indexOf(' ', space + 1) < 0 && isSection(name.slice(0, space), name.slice(space + 1));
}

/**
 * Start and end offsets of each word of the name scanLabel is reading (it is never re-entered):
 * the words are sliced into strings only on the paths that need them, not for every label.
 */
const WORD_BOUNDS = new Int32Array(2 * (MAX_NAME_WORDS + 1));

/** The `count` words in WORD_BOUNDS, as strings. */
function nameWords(text: string, count: number): string[] {
  const words: string[] = [];
  for (let w = 0; w < count; w++) words.push(text.slice(WORD_BOUNDS[2 * w], WORD_BOUNDS[2 * w + 1]));
  return words;
}

/** What the characters of a name are, in one pass (see nameCase). */
const NAME_ASCII = 1;
const NAME_LOWER = 2; // an ASCII lower-case letter
const NAME_UPPER = 4; // an ASCII upper-case letter

/** NAME_* flags of text[start, end). */
function nameCase(text: string, start: number, end: number): number {
  let flags = NAME_ASCII;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80) flags &= ~NAME_ASCII;
    else if (c >= 0x61 && c <= 0x7a) flags |= NAME_LOWER;
    else if (c >= 0x41 && c <= 0x5a) flags |= NAME_UPPER;
  }
  return flags;
}

/** Prefixes that keep a surname upper case though they have a small letter: McCONNELL, DeSANTIS, MacARTHUR. */
const NAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)(?=\p{Lu}{2})/u;

/** Parses `01:23`, `00:01:23`, `1:02:03.5`. `seconds` is undefined for out-of-range values. */
export function parseTime(text: string): { seconds: number | undefined } | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = m[3] === undefined ? undefined : Number(m[3]);
  const frac = m[4] === undefined ? 0 : Number(`0.${m[4]}`);
  if (c === undefined) {
    // mm:ss
    return { seconds: b < 60 ? a * 60 + b + frac : undefined };
  }
  return { seconds: b < 60 && c < 60 ? a * 3600 + b * 60 + c + frac : undefined };
}

/** A timestamp in `[…]` or `(…)` starting at `i`, or undefined. */
export function scanBracketedTime(text: string, i: number, limit: number): Timestamp | undefined {
  const open = text.charCodeAt(i);
  const close = open === 0x5b /* [ */ ? ']' : open === 0x28 /* ( */ ? ')' : undefined;
  if (!close) return undefined;
  // Bounded search: a time is short, and an unbounded indexOf on a line with a stray bracket
  // would scan the rest of the document (quadratic over many such lines).
  const end = indexOfCode(text, close.charCodeAt(0), i + 1, Math.min(limit, i + 17));
  if (end < 0) return undefined;
  const inner = text.slice(i + 1, end).trim();
  const t = parseTime(inner);
  if (!t) return undefined;
  return { start: i, end: end + 1, text: inner, seconds: t.seconds };
}

/** First index of the char code `code` in text[from, to), or -1. */
function indexOfCode(text: string, code: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}

/** ASCII name characters: letters, digits and ' . # & - (a table lookup, the common case). */
const ASCII_WORD = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.#&-") ASCII_WORD[ch.charCodeAt(0)] = 1;

/** End of the name word starting at `i`: ASCII by table, anything else by the Unicode-aware WORD. */
function wordEndAt(text: string, i: number, limit: number): number {
  let k = i;
  for (; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c < 128) {
      if (ASCII_WORD[c] === 0) return k;
      continue;
    }
    WORD.lastIndex = k;
    const m = WORD.exec(text);
    if (!m) return k;
    k += m[0].length - 1;
  }
  return k;
}

/** 1: no lower-case letter; 0: an ASCII lower-case letter; -1: not ASCII, ask the Unicode regex. */
function asciiCase(word: string): number {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return 0;
    if (c >= 0x80) return -1;
  }
  return 1;
}

function isUpperWord(word: string): boolean {
  const ascii = asciiCase(word);
  if (ascii === 1 || (ascii === -1 && !LOWER.test(word))) return true;
  const rest = word.replace(NAME_PREFIX, '');
  return rest !== word && !LOWER.test(rest);
}

function honorificOf(word: string): string | undefined {
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  return HONORIFICS.has(bare.toUpperCase()) ? word : undefined;
}

/**
 * Scans a speaker label at the start of the line [lineStart, lineEnd). Returns undefined
 * when the line does not start with a label. Never throws.
 */
export function scanLabel(text: string, lineStart: number, lineEnd: number, allowMixed = false): Label | undefined {
  const limit = Math.min(lineEnd, lineStart + LABEL_WINDOW);
  let i = lineStart;
  // Indentation (court transcripts indent labels), then caption-style `>>`.
  let indent = 0;
  while (i < limit && isLineSpace(text.charCodeAt(i)) && indent < LABEL_INDENT) {
    i++;
    indent++;
  }
  if (text.charCodeAt(i) === 0xfeff) i++;
  if (text.startsWith('>>', i)) {
    i += 2;
    while (i < limit && isLineSpace(text.charCodeAt(i))) i++;
  }
  const labelStart = i;
  let timestamp: Timestamp | undefined;
  const c0 = text.charCodeAt(i);
  if (c0 === 0x5b || c0 === 0x28) {
    timestamp = scanBracketedTime(text, i, limit);
    if (!timestamp) return undefined;
    i = timestamp.end;
    while (i < limit && isLineSpace(text.charCodeAt(i))) i++;
  }

  // Name: words separated by spaces, up to a comma, an opening parenthesis or the colon.
  const nameStart = i;
  let count = 0; // words, in WORD_BOUNDS
  let doubleSpaceInName = false;
  let nameEnd = i;
  for (;;) {
    if (i >= limit) return undefined;
    const wordEnd = wordEndAt(text, i, limit);
    if (wordEnd === i) return undefined;
    if (wordEnd > limit) return undefined;
    if (count === MAX_NAME_WORDS) return undefined; // this word would be one too many
    WORD_BOUNDS[2 * count] = i;
    WORD_BOUNDS[2 * count + 1] = wordEnd;
    count++;
    nameEnd = wordEnd;
    i = wordEnd;
    let spaces = 0;
    while (i < limit && isLineSpace(text.charCodeAt(i))) {
      i++;
      spaces++;
    }
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */ || c === 0x2c /* , */ || c === 0x28 /* ( */) break;
    if (spaces === 0 || i >= limit) return undefined;
    if (spaces > 1) doubleSpaceInName = true;
  }
  const first = text.charCodeAt(nameStart);
  if (first < 0x80 ? (first | 0x20) < 0x61 || (first | 0x20) > 0x7a : !LETTER.test(String.fromCodePoint(text.codePointAt(nameStart) ?? 0))) return undefined;

  // Role after a comma, or the older parenthesised role, or a time after the name.
  let role: string | undefined;
  let roleSpan: Span | undefined;
  let colon: number;
  const spaceBeforeColon = i > nameEnd && text.charCodeAt(i) === 0x3a;
  if (text.charCodeAt(i) === 0x2c) {
    const c = indexOfCode(text, 0x3a /* : */, i + 1, Math.min(limit, i + 2 + MAX_ROLE_LENGTH));
    if (c < 0) return undefined;
    const rs = skipSpacesFwd(text, i + 1, c);
    const re = trimEnd(text, rs, c);
    if (re === rs) return undefined;
    const r = text.slice(rs, re);
    if (/[?!"“”;]/.test(r)) return undefined;
    // A lower-case role belongs to a full name (`MELISSA BLOCK, host:`). After a single word it is
    // prose that happens to start with a capitalised word and hold a colon: `OK, two things: …`,
    // `U.S., for one, says: …`.
    if (LOWER.test(r) && (count - (honorificOf(text.slice(WORD_BOUNDS[0], WORD_BOUNDS[1])) ? 1 : 0) < 2 || r.split(/\s+/).length > 6)) return undefined;
    role = r;
    roleSpan = { start: rs, end: re };
    colon = c;
  } else if (text.charCodeAt(i) === 0x28) {
    const t = scanBracketedTime(text, i, limit);
    let close: number;
    if (t) {
      timestamp = t;
      close = t.end - 1;
    } else {
      close = indexOfCode(text, 0x29 /* ) */, i + 1, limit);
      if (close < 0) return undefined;
      const r = text.slice(i + 1, close).trim();
      if (!r) return undefined;
      role = r;
      roleSpan = { start: skipSpacesFwd(text, i + 1, close), end: trimEnd(text, i + 1, close) };
    }
    let k = close + 1;
    while (k < limit && isLineSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 0x3a) return undefined;
    colon = k;
  } else {
    colon = i;
  }
  if (text.charCodeAt(colon) !== 0x3a) return undefined;

  // What follows the colon: end of line, a space, or (a slip) a word glued to it. A slash or
  // digit means a URL or a time (`http:`, `6:30`), never a label.
  const after = colon + 1;
  let noSpaceAfterColon = false;
  if (after < lineEnd && !isLineSpace(text.charCodeAt(after))) {
    const ch = text[after];
    if (!LETTER.test(ch) && !'("“[\''.includes(ch)) return undefined;
    noSpaceAfterColon = true;
  }

  const flags = nameCase(text, nameStart, nameEnd);
  const style = classify(text, count, (timestamp !== undefined && timestamp.start > nameStart) || (allowMixed && count <= 4), flags);
  if (!style) return undefined;
  const name = text.slice(nameStart, nameEnd);
  // Notes and headings are one to three words (`NOTE`, `EDITOR'S NOTE`, `READ MORE`).
  if (count <= 3 && isNotSpeaker(text, count, (flags & NAME_ASCII) !== 0)) return undefined;
  if (isSectionHeading(text, count)) return undefined;
  // An honorific is at most four letters and a period: a longer ASCII first word is none (upper-casing keeps its length).
  let honorific: string | undefined;
  if (count > 1 && (WORD_BOUNDS[1] - WORD_BOUNDS[0] <= 5 || (flags & NAME_ASCII) === 0)) {
    const first = text.slice(WORD_BOUNDS[0], WORD_BOUNDS[1]);
    if (honorificOf(first)) honorific = first;
  }
  return {
    start: labelStart,
    end: colon + 1,
    name,
    nameSpan: { start: nameStart, end: nameEnd },
    honorific,
    role,
    roleSpan,
    timestamp,
    colon,
    terminator: ':',
    style,
    spaceBeforeColon,
    noSpaceAfterColon,
    doubleSpaceInName,
  };
}

function classify(text: string, count: number, timeAfterName: boolean, flags: number): LabelStyle | undefined {
  // The common case first: every word upper case (the name scan already saw a letter). For an
  // ASCII name, by its flags: no a-z anywhere, and an A-Z somewhere.
  if ((flags & (NAME_ASCII | NAME_LOWER)) === NAME_ASCII) return flags & NAME_UPPER ? 'upper' : undefined;
  const words = nameWords(text, count);
  if (words.every(isUpperWord)) return words.some((w) => UPPER.test(w)) ? 'upper' : undefined;
  if (!words.some((w) => UPPER.test(w))) return undefined;
  const rest = words.slice(1);
  if (words.length > 1 && honorificOf(words[0]) && rest.every(isUpperWord)) return 'honorific';
  const capitalised = words.every((w) => !/^\p{Ll}/u.test(w));
  if (!capitalised) return undefined;
  if (/^unidentified$/i.test(words[0])) return 'mixed';
  // Machine transcripts number their voices: `Speaker 1:`, `Speaker B:`.
  if (words.length === 2 && /^speaker$/i.test(words[0]) && /^(?:\d{1,3}|\p{Lu})$/u.test(words[1])) return 'mixed';
  if (timeAfterName && words.length <= 4) return 'mixed';
  return undefined;
}

function skipSpacesFwd(text: string, i: number, end: number): number {
  while (i < end && isLineSpace(text.charCodeAt(i))) i++;
  return i;
}

// ---------------------------------------------------------------------------------------
// Other styles' labels (see style.ts). Each returns a label, or undefined to fall back to the
// broadcast scanner, or `null` for a line that is certainly not a label in that style.

/** Podcast pseudo-speakers: segments, not people. */
const PSEUDO_SPEAKERS = new Set(['MUSIC', 'SONG', 'BREAK', 'INTRO', 'OUTRO', 'AD', 'AD BREAK', 'ADVERTISEMENT', 'SPONSOR', 'THEME', 'THEME MUSIC', 'BUMPER', 'STING']);

const NAME_TIME_LINE = /^([ \t]*)(\p{Lu}[\p{L}\p{M}\d'’.-]*(?: \p{Lu}[\p{L}\p{M}\d'’.-]*){0,3}) \(?(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\)?:?[ \t]*$/u;
const TIME_AFTER_COLON = /^[ \t]*[([]?(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[)\]]?(?=[ \t]|$)/;

function withTime(label: Label, text: string, start: number, timeText: string, end: number): Label {
  const t = parseTime(timeText);
  return { ...label, timestamp: { start, end, text: timeText, seconds: t?.seconds } };
}

/**
 * Podcast and transcription-service labels: mixed case (`Jerod Santo:`), numbered voices
 * (`Speaker 1:`), a time after the name or the colon (`James (00:00):`, `Speaker 1: (00:00)`),
 * a name-and-time line (`James 00:02:46:`), Markdown bold (`**Jerod Santo:**`), and
 * pseudo-speakers (`Music:`).
 */
export function scanPodcastLabel(text: string, lineStart: number, lineEnd: number): Label | undefined {
  const window = text.slice(lineStart, Math.min(lineEnd, lineStart + LABEL_WINDOW));
  const nt = NAME_TIME_LINE.exec(window);
  if (nt && window.length === lineEnd - lineStart) {
    if (isSectionName(nt[2])) return undefined; // `Part Two 00:12:00`: a heading with its time
    const nameStart = lineStart + nt[1].length;
    const name = nt[2];
    let timeAt = lineStart + window.indexOf(nt[3], nt[1].length + name.length);
    let timeEnd = timeAt + nt[3].length;
    // The brackets around a time belong to it, as in `James Cridland (00:00):`.
    if (text.charCodeAt(timeAt - 1) === 0x28 && text.charCodeAt(timeEnd) === 0x29) {
      timeAt--;
      timeEnd++;
    }
    const end = lineStart + window.trimEnd().length;
    const t = parseTime(nt[3]);
    return {
      start: nameStart,
      end,
      name,
      nameSpan: { start: nameStart, end: nameStart + name.length },
      timestamp: { start: timeAt, end: timeEnd, text: nt[3], seconds: t?.seconds },
      colon: end - 1,
      terminator: text[end - 1] === ':' ? ':' : '',
      style: 'mixed',
      spaceBeforeColon: false,
      noSpaceAfterColon: false,
      doubleSpaceInName: false,
    };
  }
  let label = scanBoldLabel(text, lineStart, lineEnd) ?? scanLabel(text, lineStart, lineEnd, true) ?? scanPseudoLabel(text, lineStart, lineEnd);
  if (!label || (label.bold && isSectionName(label.name))) return undefined;
  if (PSEUDO_SPEAKERS.has(label.name.toUpperCase())) label = { ...label, pseudo: true };
  // `Speaker 1: (00:00)`: a time right after the colon belongs to the label.
  if (!label.timestamp) {
    const after = TIME_AFTER_COLON.exec(text.slice(label.end, Math.min(lineEnd, label.end + 20)));
    if (after) {
      const at = label.end + after[0].indexOf(after[1]);
      label = withTime({ ...label, end: label.end + after[0].length }, text, at, after[1], at + after[1].length);
    }
  }
  return label;
}

const PSEUDO = /^([ \t]*)([\p{L} ]{2,14}):(?=[ \t]|$)/u;

/** `Music:`, `Ad break:` — segment markers that the broadcast rules treat as notes. */
function scanPseudoLabel(text: string, lineStart: number, lineEnd: number): Label | undefined {
  const m = PSEUDO.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 20)));
  if (!m || !PSEUDO_SPEAKERS.has(m[2].toUpperCase())) return undefined;
  const start = lineStart + m[1].length;
  const colon = start + m[2].length;
  return {
    start,
    end: colon + 1,
    name: m[2],
    nameSpan: { start, end: colon },
    colon,
    terminator: ':',
    style: 'mixed',
    pseudo: true,
    spaceBeforeColon: false,
    noSpaceAfterColon: false,
    doubleSpaceInName: false,
  };
}

const MARGIN_NUMBER = /^[ \t]*\d{1,2}[ \t]+(?=\S)/;

/** The label at the start of a line in a document of this style, or undefined. */
export function scanLabelFor(style: TranscriptStyle, text: string, lineStart: number, lineEnd: number): Label | undefined {
  switch (style) {
    case 'podcast':
      return scanPodcastLabel(text, lineStart, lineEnd);
    case 'court': {
      // A deposition copied from a PDF keeps its line numbers in the margin: ` 12   Q.   Where…`.
      const margin = MARGIN_NUMBER.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 10)));
      const from = margin ? lineStart + margin[0].length : lineStart;
      const qa = scanCourtLabel(text, from, lineEnd);
      return qa === null ? undefined : (qa ?? scanLabel(text, from, lineEnd) ?? scanColloquyLabel(text, from, lineEnd));
    }
    case 'hearing':
      return scanHearingLabel(text, lineStart, lineEnd) ?? scanLabel(text, lineStart, lineEnd);
    default:
      return scanLabel(text, lineStart, lineEnd);
  }
}

const BOLD = /^([ \t]*)\*\*(\p{Lu}[\p{L}\p{M}\d'’.-]*(?: [\p{Lu}\d][\p{L}\p{M}\d'’.-]*){0,3})(?::\*\*|\*\*:)/u;

/** `**Jerod Santo:**` or `**Jerod Santo**:` (Markdown bold, as exported by transcription services). */
function scanBoldLabel(text: string, lineStart: number, lineEnd: number): Label | undefined {
  const m = BOLD.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + LABEL_WINDOW)));
  if (!m) return undefined;
  const start = lineStart + m[1].length;
  const nameStart = start + 2;
  const nameEnd = nameStart + m[2].length;
  const colon = text.charCodeAt(nameEnd) === 0x3a ? nameEnd : nameEnd + 2;
  return {
    start,
    end: start + m[0].length - m[1].length,
    name: m[2],
    nameSpan: { start: nameStart, end: nameEnd },
    colon,
    terminator: ':',
    style: 'mixed',
    bold: true,
    spaceBeforeColon: false,
    noSpaceAfterColon: false,
    doubleSpaceInName: false,
  };
}

/**
 * How deep a court's colloquy may be indented, in columns (a tab moves on to the next multiple
 * of TAB_WIDTH, as a terminal or a plain-text export lays it out). Deposition layouts put Q.
 * and A. at a tab or ten spaces and the colloquy (`MR. VOSS:`, `THE WITNESS:`) deeper, commonly
 * at column 15 to 25; 40 leaves room for a margin and a deeper layout while staying short of the
 * middle of a 65-to-80-column page line, where centred headings and signature blocks sit. Only
 * colloquy is read that deep: any other line indented past LABEL_INDENT characters stays text.
 */
const COLLOQUY_INDENT = 40;
const TAB_WIDTH = 8;

/** The court officers whose colloquy labels may be indented deeply: `THE COURT:`, `THE WITNESS:`. */
const COURT_OFFICERS = new Set([
  'THE COURT', 'THE WITNESS', 'THE REPORTER', 'THE CLERK', 'THE BAILIFF', 'THE DEFENDANT', 'THE VIDEOGRAPHER', 'THE INTERPRETER',
]);

/**
 * Court colloquy indented deeper than scanLabel reads (more than LABEL_INDENT characters) but at
 * most COLLOQUY_INDENT columns: an honorific and a name (`MR. VOSS:`) or a court officer
 * (`THE WITNESS:`), then the colon, read as scanLabel reads them, with no caption marker, time
 * or role. Other deeply indented lines stay text: a quotation or a verse in an answer.
 */
function scanColloquyLabel(text: string, lineStart: number, lineEnd: number): Label | undefined {
  // The common case in one test: a line not indented past scanLabel's limit (it has read it).
  if (lineStart + LABEL_INDENT >= lineEnd || !isLineSpace(text.charCodeAt(lineStart + LABEL_INDENT))) return undefined;
  let i = lineStart;
  let column = 0;
  for (; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) column += TAB_WIDTH - (column % TAB_WIDTH);
    else if (c === 32 || c === 0xa0) column++;
    else break;
    if (column > COLLOQUY_INDENT) return undefined;
  }
  if (i - lineStart <= LABEL_INDENT) return undefined;
  const label = scanLabel(text, i, lineEnd);
  if (!label || label.nameSpan.start !== i || label.colon > lineStart + LABEL_WINDOW || label.timestamp || label.role !== undefined) return undefined;
  return label.honorific !== undefined || COURT_OFFICERS.has(label.name) ? label : undefined;
}

const QA = /^([ \t]*)([QA])(\.?)(?=[ \t]+\S)/;
const EXAMINER_LINE = /^[ \t]*BY (?:MR|MS|MRS|DR|MISS)\.? [\p{Lu}'’ -]+:[ \t]*$/u;

/** Court and deposition: `Q.` / `A.` (and a briefing's `Q` without a period). `BY MR. DOE:` is a heading, not a turn. */
export function scanCourtLabel(text: string, lineStart: number, lineEnd: number): Label | undefined | null {
  const window = text.slice(lineStart, Math.min(lineEnd, lineStart + LABEL_WINDOW));
  if (EXAMINER_LINE.test(window)) return null;
  const m = QA.exec(window);
  // `A` alone is an article; only `A.` answers. `Q` without a period asks (press briefings).
  if (!m || (m[2] === 'A' && !m[3])) return undefined;
  const start = lineStart + m[1].length;
  const nameEnd = start + 1;
  const end = nameEnd + m[3].length;
  return {
    start,
    end,
    name: m[2],
    nameSpan: { start, end: nameEnd },
    colon: m[3] ? nameEnd : end,
    terminator: m[3] ? '.' : '',
    style: 'upper',
    qa: m[2] as 'Q' | 'A',
    spaceBeforeColon: false,
    noSpaceAfterColon: false,
    doubleSpaceInName: false,
  };
}

const HEARING = /^([ \t]*)((?:(?:Mr|Ms|Mrs|Dr|Miss)\. |(?:Chairman|Chairwoman|Chair|Senator|Representative|Secretary|General|Admiral|Ambassador|Governor|Mayor|Judge|Dr) )\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*)?|The (?:Chairman|Chairwoman|Chair|Clerk|Speaker|President))\.(?=[ \t]|$)/u;

/** A hearing label is read in the first this many characters of its line. */
export const HEARING_LABEL_WINDOW = 80;

/** Congressional hearings: `Mr. Linder.`, `Chairman SMITH.`, `The Chairman.` — a label ending with a period. */
export function scanHearingLabel(text: string, lineStart: number, lineEnd: number): Label | undefined {
  const m = HEARING.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + HEARING_LABEL_WINDOW)));
  if (!m) return undefined;
  const start = lineStart + m[1].length;
  const name = m[2];
  const period = start + name.length;
  const first = name.split(' ')[0];
  return {
    start,
    end: period + 1,
    name,
    nameSpan: { start, end: period },
    honorific: /^(?:Mr|Ms|Mrs|Dr|Miss)\.$/.test(first) ? first : undefined,
    colon: period,
    terminator: '.',
    style: 'honorific',
    spaceBeforeColon: false,
    noSpaceAfterColon: false,
    doubleSpaceInName: false,
  };
}
