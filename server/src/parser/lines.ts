// Line bookkeeping shared by the parser and by everything that maps offsets to lines.
// A line ends at \n, \r\n or a lone \r (old Mac files), as in VS Code and LSP.

/** Offsets at which each line starts; always has at least one entry (0). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  let r = text.indexOf('\r');
  // Fast path for the usual LF-only file: indexOf is far quicker than a char loop.
  if (r < 0) {
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return starts;
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) starts.push(k + 1);
    else if (c === 13) {
      if (text.charCodeAt(k + 1) === 10) k++;
      starts.push(k + 1);
    }
  }
  return starts;
}

/** Offset just past the last character of `line`, before its terminator. */
export function lineEndOffset(text: string, lineStarts: readonly number[], line: number): number {
  if (line + 1 >= lineStarts.length) return text.length;
  let end = lineStarts[line + 1];
  if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** 0-based line holding `offset` (binary search). */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the last of `spans` (in document order) starting at or before `offset`, or -1 (binary search). */
export function spanIndexAt(spans: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** JavaScript's white space: what `/\s/` matches and `String.prototype.trim` removes (a UTF-16 code unit: no astral character is one). */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when `text.slice(start, end).trim()` is empty (unlike isBlank, a zero-width space is text). */
export function trimsToEmpty(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isJsSpace(text.charCodeAt(k))) return false;
  return true;
}

/** True when text[start, end) holds only spaces and tabs (and other Unicode white space). */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xfeff && c !== 0xa0 && c !== 0x3000 && c !== 0x200b) {
      if (c > 127 && /\s/.test(text[k])) continue;
      return false;
    }
  }
  return true;
}

/** First offset in [start, end) that is not a space or tab. */
export function skipSpaces(text: string, start: number, end: number): number {
  let k = start;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff) break;
    k++;
  }
  return k;
}

/** Last offset + 1 in [start, end) that is not a space or tab. */
export function trimEnd(text: string, start: number, end: number): number {
  let k = end;
  while (k > start && isLineSpace(text.charCodeAt(k - 1))) k--;
  return k;
}

/** The spaces inside a line that labels and cues skip: a space, a tab, a no-break space. */
export function isLineSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** `found` when no occurrence is left: a small integer above any string index, not Infinity, so that the field never changes representation (see KEPT_SCANNER in parse.ts). */
const NONE = 0x3fffffff;

/**
 * The next occurrence of a character at or after a position, for a scan that only moves
 * forward: each native indexOf resumes where the last one stopped, so finding every `(` or
 * `:` of a document costs one pass in total, however many lines ask.
 */
export class ForwardFinder {
  private at = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}

  /** First index >= from holding the character, or Infinity. */
  next(from: number): number {
    if (this.found === NONE) return Infinity;
    if (from > this.found || from < this.at) {
      const i = this.text.indexOf(this.ch, from);
      this.at = from;
      if (i < 0) {
        this.found = NONE;
        return Infinity;
      }
      this.found = i;
    }
    return this.found;
  }
}
