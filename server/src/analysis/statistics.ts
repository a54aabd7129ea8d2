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
  let words = 0;
  let inWord = false;
  let cue = 0;
  for (let k = start; k < end; k++) {
    while (cue < cues.length && cues[cue].end <= k) cue++;
    if (cue < cues.length && cues[cue].start <= k) {
      k = cues[cue].end - 1;
      inWord = false;
      continue;
    }
    const c = text.charCodeAt(k);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
    // A lone dash or punctuation between spaces is not a word: only count runs with a letter or digit.
    if (space) inWord = false;
    else if (!inWord && isWordChar(c, text, k)) {
      words++;
      inWord = true;
    }
  }
  return words;
}

function isWordChar(c: number, text: string, k: number): boolean {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  if (c < 0x80) {
    // Punctuation before the word: look ahead for a letter in this run (`"We`, `(ph)` is a cue already).
    for (let j = k + 1; j < text.length && j < k + 4; j++) {
      const d = text.charCodeAt(j);
      if (d === 32 || d === 10 || d === 13 || d === 9) return false;
      if ((d >= 0x30 && d <= 0x39) || (d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a) || d >= 0x80) return true;
    }
    return false;
  }
  return true;
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
