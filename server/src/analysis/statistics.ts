// Who talked how much: words per turn and per speaker, counted over what was said (the
// text after the label, without stage directions).

import type { TranscriptDocument, Turn } from '../parser';
import type { SpeakerTable } from './speakers';

export interface SpeakerStats {
  turns: number;
  words: number;
  /** Share of all spoken words, 0..1. */
  share: number;
}

export interface Statistics {
  /** Words of each turn, by index in `doc.turns`. */
  turnWords: number[];
  /** By speaker id. */
  speakers: SpeakerStats[];
  totalWords: number;
}

/** Words in text[start, end), skipping stage directions (`cues` must be sorted, as the parser gives them). */
export function countWords(text: string, start: number, end: number, cues: readonly { start: number; end: number }[] = []): number {
  // Segment by segment between the cues: the inner loop then looks at characters only (it runs
  // over every character of the document for the status bar and the Statistics view).
  let words = 0;
  let from = start;
  for (let i = 0; i <= cues.length && from < end; i++) {
    const cue = i < cues.length ? cues[i] : undefined;
    if (cue && cue.end <= from) continue;
    const to = cue ? Math.min(end, Math.max(from, cue.start)) : end;
    words += countPlainWords(text, from, to);
    if (cue) from = Math.max(from, cue.end);
  }
  return words;
}

/**
 * Per UTF-16 code unit: WORD (a letter, a digit, another script's character, an emoji half)
 * or SPACE (what ends a word), else punctuation: ASCII punctuation, Latin-1 signs (« » ¿ ¡), the
 * General Punctuation block (— – … “ ” ‘ ’) and CJK punctuation. A dash standing between spaces
 * (`We — well`) is not a word.
 */
const WORD = 1;
const SPACE = 2;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const letterOrDigit = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const punctuation = c < 0x80 ? !letterOrDigit : c <= 0xbf || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f);
  if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0) CLASS[c] = SPACE;
  else if (!punctuation) CLASS[c] = WORD;
}

/**
 * Runs of non-spaces in text[from, to) that hold a WORD character: `"We` and `—well` are one
 * word each, a lone `—` or `...` none. Branch-free (the class decides with bit operations, not
 * jumps): word boundaries come every few characters and would defeat the branch predictor, and
 * this loop reads every character of the document.
 */
function countPlainWords(text: string, from: number, to: number): number {
  let words = 0;
  let counted = 0; // 1 once the current run has been counted
  for (let k = from; k < to; k++) {
    const cls = CLASS[text.charCodeAt(k)];
    const word = cls & WORD;
    words += word & ~counted;
    counted = (counted | word) & ~(cls >> 1) & 1;
  }
  return words;
}

export function turnWords(doc: TranscriptDocument, turn: Turn): number {
  return countWords(doc.text, turn.textStart, turn.end, turn.cues);
}

export function computeStatistics(doc: TranscriptDocument, table: SpeakerTable): Statistics {
  const words = doc.turns.map((t) => turnWords(doc, t));
  const totalWords = words.reduce((a, b) => a + b, 0);
  const speakers = table.speakers.map((s) => {
    const w = s.turns.reduce((a, i) => a + words[i], 0);
    return { turns: s.turns.filter((i) => doc.turns[i].label).length, words: w, share: totalWords ? w / totalWords : 0 };
  });
  return { turnWords: words, speakers, totalWords };
}

/** `~8 min`, `~40 s`: estimated speaking time at `wordsPerMinute`. */
export function formatDuration(words: number, wordsPerMinute: number): string {
  const seconds = Math.round((words / Math.max(1, wordsPerMinute)) * 60);
  if (seconds < 60) return `~${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `~${minutes} min`;
  return `~${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const cache = new WeakMap<TranscriptDocument, Statistics>();

/** Statistics of a document, computed once per parse. */
export function statisticsOf(doc: TranscriptDocument, table: SpeakerTable): Statistics {
  let s = cache.get(doc);
  if (!s) cache.set(doc, (s = computeStatistics(doc, table)));
  return s;
}
