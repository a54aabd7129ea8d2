// Which kind of transcript a document is. Each style has its own label forms (and the
// checks follow its conventions): broadcast (`SCOTT DETROW, HOST:` then `DETROW:`), podcast
// (`Jerod Santo:`, `Speaker 1:`, `James (00:00):`, `**Name:**`), court and deposition
// (`Q.` / `A.`, `THE COURT:`, `BY MR. DOE:`), congressional hearing (`Mr. Linder.`,
// `Chairman SMITH.`). Detected from the first lines; a first-line marker
// (`transcript-style: podcast`) or the `transcript.style` setting decides instead.

import { isJsSpace, lineEndOffset, trimsToEmpty } from './lines';

export type TranscriptStyle = 'broadcast' | 'podcast' | 'court' | 'hearing';
export const transcriptStyles: readonly TranscriptStyle[] = ['broadcast', 'podcast', 'court', 'hearing'];

/**
 * How many lines that are not blank detection reads: enough for a few dozen turns, cheap on a
 * day-long hearing. Blank lines do not count, so that formatting (which adds a blank line before
 * a turn and shrinks runs of them) never moves a label into or out of what detection reads.
 */
export const DETECTION_TEXT_LINES = 600;

/** Detection never reads past this line (however many of the lines before it are blank): an edit below it cannot change the style. */
export const DETECTION_LINES = 10 * DETECTION_TEXT_LINES;

/** How much of each line detection reads (after its white space is made as formatting leaves it). */
const LINE_PREFIX = 200;

const MARKER = /^\s*(?:<!--\s*|#+\s*|%+\s*|\/\/\s*)?transcript[- ]style\s*:\s*(broadcast|podcast|court|hearing)\b/i;

const SIGNALS: [RegExp, TranscriptStyle, number][] = [
  // Broadcast: upper-case labels with a colon.
  [/^\s*(?:>>\s*)?(?:\[[\d:.]+\]\s*)?[A-Z][A-Z.'’#-]*(?: [A-Z][A-Z.'’#-]*){0,5}(?:, [^:]{1,80})?:(?:\s|$)/, 'broadcast', 1],
  // Podcast: mixed-case names, numbered voices, times after names, bold labels, name-and-time lines.
  [/^\s*(?:\[[\d:.]+\]\s*)?[A-Z][a-z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?: \(\d{1,2}:\d{2}(?::\d{2})?\))?:(?:\s|$)/, 'podcast', 1],
  [/^\s*Speaker \w{1,3}:/, 'podcast', 2],
  [/^\s*\*\*[^*\n]{1,60}:\*\*|^\s*\*\*[^*\n]{1,60}\*\*:/, 'podcast', 2],
  [/^\s*[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? \(?\d{1,2}:\d{2}(?::\d{2})?\)?:?\s*$/, 'podcast', 2],
  // Court and deposition: Q./A., the bench, the examiner's line.
  [/^\s*(?:\d{1,2}\s+)?[QA]\.\s+\S/, 'court', 2],
  // A press briefing's reporter: as many `Q` lines as the spokesperson's labels.
  [/^\s*Q\s+[A-Z]/, 'court', 2],
  [/^\s*THE (?:COURT|WITNESS|CLERK|BAILIFF|REPORTER|DEFENDANT):/, 'court', 3],
  // Appellate argument: the bench by title, counsel's argument headings.
  [/^\s*(?:CHIEF )?JUSTICE [A-Z][A-Z'’-]+:/, 'court', 2],
  [/^\s*(?:ORAL|REBUTTAL) ARGUMENT OF\b/, 'court', 3],
  [/^\s*BY (?:MR|MS|MRS|DR)\.? [A-Z][A-Z'’-]+:\s*$/, 'court', 3],
  [/^\s*(?:DIRECT|CROSS|REDIRECT|RECROSS)[- ]EXAMINATION\b/, 'court', 3],
  // Congressional hearing: labels ending with a period, the attendance list.
  [/^\s*(?:Mr|Ms|Mrs|Dr)\. [A-Z][A-Za-z'’-]+\.\s+\S/, 'hearing', 2],
  [/^\s*(?:Chairman|Chairwoman|Chair|Senator|Representative|The Chairman|The Chair) [A-Z][A-Za-z'’-]*\.\s+\S/, 'hearing', 2],
  [/^\s*The (?:Chairman|Chair|Clerk)\.\s+\S/, 'hearing', 3],
  [/^\s*Present:/, 'hearing', 3],
];

/**
 * Which signals a line could match, to test only those (a line is often tested against one or
 * two instead of all). Every pattern opens with `^\s*` and then needs a character that is not
 * white space: SIGNAL_FIRST gives, per ASCII character, the signals (bit i: SIGNALS[i]) that
 * may start with it. After an upper-case letter, SIGNAL_PAIR gives those that may follow with
 * the next character (the signals in SIGNAL_ANY_SECOND are not told apart by it).
 */
const SIGNAL_FIRST = new Uint32Array(128);
const SIGNAL_PAIR = new Uint32Array(128 * 128);
const UPPER_AZ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Per signal: the characters it may start with, and the pairs it may start with after an upper-case letter (undefined: any). */
const SIGNAL_STARTS: [string, string[] | undefined][] = [
  ['>[' + UPPER_AZ, undefined],
  ['[' + UPPER_AZ, undefined],
  ['S', ['Sp']],
  ['*', undefined],
  [UPPER_AZ, undefined],
  ['0123456789QA', ['Q.', 'A.']],
  ['Q', undefined],
  ['T', ['TH']],
  ['CJ', ['CH', 'JU']],
  ['OR', ['OR', 'RE']],
  ['B', ['BY']],
  ['DCR', ['DI', 'CR', 'RE']],
  ['MD', ['Mr', 'Ms', 'Dr']],
  ['CSRT', ['Ch', 'Se', 'Re', 'Th']],
  ['T', ['Th']],
  ['P', ['Pr']],
];
let SIGNAL_ANY_SECOND = 0;
SIGNAL_STARTS.forEach(([first, pairs], i) => {
  for (const ch of first) SIGNAL_FIRST[ch.charCodeAt(0)] |= 1 << i;
  if (!pairs) SIGNAL_ANY_SECOND |= 1 << i;
  for (const pair of pairs ?? []) SIGNAL_PAIR[pair.charCodeAt(0) * 128 + pair.charCodeAt(1)] |= 1 << i;
});
/** The patterns that hold a `:`. */
const SIGNALS_WITH_COLON = [0, 1, 2, 3, 4, 7, 8, 10, 15].reduce((mask, i) => mask | (1 << i), 0);
const BROADCAST_LABEL = 1 << 0;
const PODCAST_LABEL = 1 << 1;
const NAME_TIME_LINE = 1 << 4;

/** The signals that may match `l`; the others certainly do not. */
function signalsFor(l: string): number {
  let f = 0;
  while (f < l.length && isJsSpace(l.charCodeAt(f))) f++;
  const c = l.charCodeAt(f);
  if (!(c < 128)) return 0; // past the end (NaN), or not ASCII: no pattern starts so
  let mask = SIGNAL_FIRST[c];
  if (mask === 0) return 0;
  if (l.indexOf(':', f) < 0) mask &= ~SIGNALS_WITH_COLON;
  if (c >= 0x41 && c <= 0x5a) {
    const d = l.charCodeAt(f + 1);
    mask &= SIGNAL_ANY_SECOND | (d < 128 ? SIGNAL_PAIR[c * 128 + d] : 0);
    // A broadcast label's first word is upper case (or one letter); a podcast's name goes on in lower case.
    mask &= d >= 0x61 && d <= 0x7a ? ~BROADCAST_LABEL : ~PODCAST_LABEL;
  }
  if (mask & NAME_TIME_LINE) {
    // `James 00:02:46:`: the line ends with the time, its bracket or a colon.
    let z = l.length;
    while (z > f && isJsSpace(l.charCodeAt(z - 1))) z--;
    const last = l.charCodeAt(z - 1);
    if (!((last >= 0x30 && last <= 0x39) || last === 0x29 || last === 0x3a)) mask &= ~NAME_TIME_LINE;
  }
  return mask;
}

export interface DetectedStyle {
  style: TranscriptStyle;
  source: 'marker' | 'detected' | 'setting';
}

export function detectStyle(text: string, lineStarts: readonly number[], override?: TranscriptStyle): DetectedStyle {
  if (override) return { style: override, source: 'setting' };
  const first = text.slice(0, lineEndOffset(text, lineStarts, 0)).replace(/^\ufeff/, '');
  const marker = MARKER.exec(first);
  if (marker) return { style: marker[1].toLowerCase() as TranscriptStyle, source: 'marker' };
  const score: Record<TranscriptStyle, number> = { broadcast: 0, podcast: 0, court: 0, hearing: 0 };
  const n = Math.min(lineStarts.length, DETECTION_LINES);
  let read = 0;
  for (let line = 0; line < n && read < DETECTION_TEXT_LINES; line++) {
    const s = lineStarts[line];
    const e = lineEndOffset(text, lineStarts, line);
    // A line of white space only, as formatting sees it (trim(): such a line is emptied or removed).
    if (trimsToEmpty(text, s, e)) continue;
    read++;
    // Only lines that can start a label (skip prose in lower case quickly: no signal matches it).
    const c = text.charCodeAt(s);
    if (c >= 0x61 && c <= 0x7a) continue;
    const l = asFormatted(text, s, e);
    const may = signalsFor(l);
    if (may === 0) continue;
    for (let i = 0; i < SIGNALS.length; i++) {
      if ((may & (1 << i)) === 0) continue;
      const [re, style, weight] = SIGNALS[i];
      if (re.test(l)) score[style] += weight;
    }
  }
  // Broadcast unless another style shows itself clearly.
  let best: TranscriptStyle = 'broadcast';
  for (const style of ['podcast', 'court', 'hearing'] as const) {
    if (score[style] >= 4 && score[style] > score[best]) best = style;
  }
  return { style: best, source: 'detected' };
}

/**
 * The first LINE_PREFIX characters of text[s, e) with its spaces and tabs as formatting would
 * leave them were the line a label: each run one space, none before a colon or at the end of the
 * line, and one after a colon that a word, a bracket or a quote follows (the parser takes
 * `PARK:No` for a label, and formatting makes it `PARK: No`). Formatting only ever changes runs
 * that this reads the same either way, so a line counts here as it will once formatted, and
 * formatting never flips the detected style (`PARK :` and `PARK:No` counted for broadcast only
 * once formatted, and the next format then found more to do).
 */
function asFormatted(text: string, s: number, e: number): string {
  const raw = text.slice(s, Math.min(e, s + LINE_PREFIX));
  if (!unformatted(raw)) return raw; // the usual line: nothing formatting would change
  // A long line cut just after a space (one line in six): that space is no run and not at the
  // end of the line when a word (not a colon) follows the cut, so formatting would leave the
  // prefix as it is if nothing before the space changes. Saves rebuilding it character by character.
  const next = text.charCodeAt(s + LINE_PREFIX);
  if (
    e > s + LINE_PREFIX &&
    raw.charCodeAt(LINE_PREFIX - 1) === 32 &&
    !isSpaceOrTab(next) &&
    next !== 0x3a &&
    !unformatted(raw.slice(0, LINE_PREFIX - 1))
  ) {
    return raw;
  }
  let out = '';
  let colon = false; // the last character taken is a colon
  for (let k = s; k < e && out.length < LINE_PREFIX; ) {
    // A run of spaces and tabs (maybe none), then the word after it.
    let w = k;
    while (w < e && isSpaceOrTab(text.charCodeAt(w))) w++;
    if (w === e) break; // white space at the end of the line
    let j = w + 1;
    while (j < e && j - w < LINE_PREFIX && !isSpaceOrTab(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(w);
    const space = colon && glued(c, text[w]) ? true : w > k && c !== 0x3a;
    if (space) out += ' ';
    // The word, with a space after each colon glued to what follows (`PARK:No`).
    const word = text.slice(w, j);
    let from = 0;
    for (let i = word.indexOf(':'); i >= 0 && i + 1 < word.length; i = word.indexOf(':', i + 1)) {
      if (!glued(word.charCodeAt(i + 1), word[i + 1])) continue;
      out += word.slice(from, i + 1) + ' ';
      from = i + 1;
    }
    out += from === 0 ? word : word.slice(from);
    colon = text.charCodeAt(j - 1) === 0x3a;
    k = j;
  }
  return out.length > LINE_PREFIX ? out.slice(0, LINE_PREFIX) : out;
}

/**
 * White space formatting would change: a tab, a run, a space before a colon or at the end, a
 * colon glued to a word — `/\t| (?:[ :]|$)|:[\p{L}("“['\u00a0]/u.test(raw)`, by native searches
 * for the rare characters (a tab, each colon) and one for a run: the pattern stopped at every
 * space, and was the most expensive step of detection.
 */
function unformatted(raw: string): boolean {
  if (raw.charCodeAt(raw.length - 1) === 32 || raw.indexOf('\t') >= 0) return true;
  for (let k = raw.indexOf(':'); k >= 0; k = raw.indexOf(':', k + 1)) {
    if (k > 0 && raw.charCodeAt(k - 1) === 32) return true;
    if (k + 1 < raw.length && gluedAt(raw.charCodeAt(k + 1), raw, k + 1)) return true;
  }
  return raw.indexOf('  ') >= 0;
}

/** `[\p{L}("“['\u00a0]` (with the `u` flag) at `raw[at]`, given its code `c`. */
function gluedAt(c: number, raw: string, at: number): boolean {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  if (c === 0x28 || c === 0x22 || c === 0x201c || c === 0x5b || c === 0x27 || c === 0xa0) return true;
  return c > 127 && LETTER.test(String.fromCodePoint(raw.codePointAt(at)!));
}

const LETTER = /^\p{L}$/u;

const isSpaceOrTab = (c: number) => c === 32 || c === 9;

/** What the parser accepts right after a label's colon without a space (a slip formatting fixes), or a no-break space. */
function glued(c: number, ch: string): boolean {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0xa0) return true;
  if (c < 0x80) return c === 0x28 || c === 0x22 || c === 0x5b || c === 0x27;
  return c === 0x201c || /\p{L}/u.test(ch);
}

/** The line of the marker (first line) sets the style: an edit there can change it. */
export function styleMarkerLine(text: string): boolean {
  return MARKER.test(text.slice(0, 200));
}
