// Stage directions: `(SOUNDBITE OF MUSIC)`, `(LAUGHTER)`, `(Speaking Spanish)`, `(ph)`,
// `[crosstalk]`, `[inaudible 00:04:55]`. A cue never spans lines: one left open runs to the
// end of its line and is reported as not closed.

import { ForwardFinder, trimEnd } from './lines';
import type { Cue, CueKind } from './types';

const KINDS: [RegExp, CueKind][] = [
  [/^ph$/i, 'phonetic'],
  [/^(?:soundbite|sound ?bite|begin|end|archived|excerpt|video ?clip|audio ?clip|clip)\b/i, 'soundbite'],
  [/^(?:music|singing|song|instrumental|(?:[\w ]+ )?music\b)/i, 'music'],
  [/^(?:inaudible|unintelligible|indiscernible|audio gap|technical difficult)/i, 'inaudible'],
  [
    /^(?:non-english|speaking |through (?:an )?interpreter|through translator|foreign language|in \w+$|translated)/i,
    'language',
  ],
  // `(As Mayor Quint)`: no `i` flag, which would let \p{Lu} match any letter (`(as if)`).
  [/^(?:[Aa]s|AS) \p{Lu}/u, 'character'],
  [
    /^(?:laugh|chuckl|giggl|applause|cheer|crosstalk|cross talk|sigh|cough|groan|gasp|booing|boos?\b|clapping|clears? throat|clearing throat|crying|sobbing|silence|pause|break|applaus|audience|crowd|overlapping|sniff)/i,
    'reaction',
  ],
  [/^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?$/, 'timestamp'],
];

export function classifyCue(text: string): CueKind {
  for (const [re, kind] of KINDS) if (re.test(text)) return kind;
  return 'other';
}

/**
 * The cue opening at `open` (a `(` or `[`), ending at the matching bracket on the same line
 * (at most `lineEnd`). Parentheses nest (`(SOUNDBITE OF SONG, "LOVE (REMIX)")`).
 */
export function scanCue(text: string, open: number, lineEnd: number): Cue {
  const bracket = text[open] === '[' ? '[' : '(';
  const close = matchBracket(text, open, lineEnd);
  if (close >= 0) {
    const inner = text.slice(open + 1, close).trim();
    return { start: open, end: close + 1, text: inner, bracket, kind: classifyCue(inner), closed: true };
  }
  const end = cueEnd(text, open, lineEnd);
  const inner = text.slice(open + 1, end).trim();
  return { start: open, end, text: inner, bracket, kind: classifyCue(inner), closed: false };
}

/** Offset of the bracket that closes the one at `open`, on the same line (before `lineEnd`), or -1. */
export function matchBracket(text: string, open: number, lineEnd: number): number {
  const openCode = text.charCodeAt(open);
  const closeCode = openCode === 0x5b ? 0x5d : 0x29;
  let depth = 0;
  for (let k = open; k < lineEnd; k++) {
    const c = text.charCodeAt(k);
    if (c === openCode) depth++;
    else if (c === closeCode && --depth === 0) return k;
  }
  return -1;
}

/**
 * End of the cue opening at `open`: after its closing bracket, or, unclosed, the end of the
 * line without the line's trailing spaces. The same end as `scanCue`, without classifying it.
 */
export function cueEnd(text: string, open: number, lineEnd: number): number {
  const close = matchBracket(text, open, lineEnd);
  if (close >= 0) return close + 1;
  return trimEnd(text, open + 1, lineEnd);
}

/** Finds the next `(` or `[` of a document as a forward scan asks for them (amortised: one pass in all). */
export class CueFinder {
  private readonly paren: ForwardFinder;
  private readonly bracket: ForwardFinder;

  constructor(text: string) {
    this.paren = new ForwardFinder(text, '(');
    this.bracket = new ForwardFinder(text, '[');
  }

  next(from: number): number {
    return Math.min(this.paren.next(from), this.bracket.next(from));
  }
}

/** All cues in text[start, end) (one line). Without a finder, a char loop (indexOf would search past `end`). */
export function scanCues(text: string, start: number, end: number, out: Cue[], finder?: CueFinder): void {
  if (finder) {
    for (let k = finder.next(start); k < end; k = finder.next(k)) {
      const cue = scanCue(text, k, end);
      out.push(cue);
      k = Math.max(cue.end, k + 1);
    }
    return;
  }
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x28 && c !== 0x5b) continue;
    const cue = scanCue(text, k, end);
    out.push(cue);
    k = cue.end - 1;
  }
}
