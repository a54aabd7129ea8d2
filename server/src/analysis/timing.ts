// When each turn starts, in seconds from the start: the transcript's own timestamps where it
// has them (`[00:01:23] NAME:`, `Name (01:23):`, `NAME: (01:23) …`, a bare `[00:05:00]` line),
// otherwise an estimate from the words said since the last known time at a speaking rate.
// Shared by the elapsed-time inlay hints, the statistics view and the subtitle and JSON exports.

import { parseTime, type TranscriptDocument, type Turn } from '../parser';

export type TimeSource =
  | 'label' // a time in the label: `[00:01:23] NAME:`, `Name (01:23):`
  | 'inline' // a timestamp cue opening the turn: `NAME: (01:23) …`
  | 'line' // a timestamp on its own line just before the turn: `[00:05:00]`
  | 'estimate'; // words since the last known time, at the speaking rate

export interface TurnTime {
  /** Seconds from the start of the recording. */
  seconds: number;
  source: TimeSource;
  /** For an estimate: the time it counts from (a real timestamp's seconds, or 0 at the start) and the 0-based line of that timestamp, if any. */
  from?: { seconds: number; line?: number };
  /** For an estimate: words said between `from` and the start of this turn. */
  wordsSince?: number;
}

export interface Timing {
  /** By index in `doc.turns`. */
  turns: TurnTime[];
  /** True when at least one turn's time comes from the transcript. */
  hasTimestamps: boolean;
  /** Estimated end of the last turn (its start plus its words at the speaking rate). */
  end: number;
  wordsPerMinute: number;
}

/** Seconds of a timestamp cue's text (`05:00`, `00:05:00.5`), or undefined. */
export function cueSeconds(text: string): number | undefined {
  return parseTime(text.trim())?.seconds;
}

/** The real time written at the start of a turn (label or an opening timestamp cue), if any. */
export function ownTime(turn: Turn): { seconds: number; source: 'label' | 'inline' } | undefined {
  const s = turn.label?.timestamp?.seconds;
  if (s !== undefined) return { seconds: s, source: 'label' };
  const first = turn.cues[0];
  if (first && first.kind === 'timestamp' && first.start === turn.textStart) {
    const c = cueSeconds(first.text);
    if (c !== undefined) return { seconds: c, source: 'inline' };
  }
  return undefined;
}

/**
 * Start times of every turn. `turnWords` are the words of each turn (statistics.ts). A
 * timestamp on its own line counts for the next turn when nothing is said between them.
 */
export function computeTiming(doc: TranscriptDocument, turnWords: readonly number[], wordsPerMinute: number): Timing {
  const wpm = Math.max(1, wordsPerMinute);
  const turns: TurnTime[] = new Array(doc.turns.length);
  let anchor: { seconds: number; words: number; line?: number } = { seconds: 0, words: 0 };
  let pendingLine: { seconds: number; line: number } | undefined;
  let words = 0;
  let hasTimestamps = false;
  let turnIndex = 0;
  for (const node of doc.body) {
    if (node.type === 'stage') {
      if (node.cue.kind === 'timestamp') {
        const s = cueSeconds(node.cue.text);
        if (s !== undefined) {
          anchor = { seconds: s, words, line: node.line };
          pendingLine = { seconds: s, line: node.line };
        }
      }
      continue;
    }
    const i = turnIndex++;
    const own = ownTime(node);
    let t: TurnTime;
    if (own) t = { seconds: own.seconds, source: own.source };
    else if (pendingLine) t = { seconds: pendingLine.seconds, source: 'line' };
    else {
      const since = words - anchor.words;
      t = { seconds: anchor.seconds + (since / wpm) * 60, source: 'estimate', from: { seconds: anchor.seconds, line: anchor.line }, wordsSince: since };
    }
    if (t.source !== 'estimate') {
      hasTimestamps = true;
      anchor = { seconds: t.seconds, words, line: t.source === 'line' ? pendingLine?.line : node.firstLine };
    }
    pendingLine = undefined;
    turns[i] = t;
    words += turnWords[i] ?? 0;
  }
  const lastIndex = doc.turns.length - 1;
  const end = lastIndex >= 0 ? turns[lastIndex].seconds + ((turnWords[lastIndex] ?? 0) / wpm) * 60 : 0;
  return { turns, hasTimestamps, end, wordsPerMinute: wpm };
}

/** `1:05`, `12:00`, `1:02:03`: a time in seconds as a clock reading (rounded down to the second). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

const cache = new WeakMap<TranscriptDocument, { wpm: number; timing: Timing }>();

/** computeTiming, once per parse and speaking rate. */
export function timingOf(doc: TranscriptDocument, turnWords: readonly number[], wordsPerMinute: number): Timing {
  const c = cache.get(doc);
  if (c && c.wpm === wordsPerMinute) return c.timing;
  const timing = computeTiming(doc, turnWords, wordsPerMinute);
  cache.set(doc, { wpm: wordsPerMinute, timing });
  return timing;
}
