// Elapsed-time inlay hints (off by default; `transcript.inlayHints.elapsedTime`): before each
// turn, when it starts from the beginning of the recording. A turn whose own label (or opening
// cue) holds a timestamp needs no hint; the others get the time from a timestamp line just
// before them (`[00:05:00]`, shown without a tilde), or an estimate: the words said since the
// last known time at the configured speaking rate, shown as `~1:05`.

import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';
import { statisticsOf } from '../analysis/statistics';
import { formatClock, timingOf, type TurnTime } from '../analysis/timing';
import type { TranscriptSettings } from '../settings';
import { positionAt } from './positions';

function tooltip(time: TurnTime, wpm: number): string {
  if (time.source === 'line') return 'Time from the timestamp line before this turn.';
  const since = time.wordsSince ?? 0;
  const words = `${since.toLocaleString('en-US')} word${since === 1 ? '' : 's'}`;
  const from = time.from && time.from.line !== undefined ? `the timestamp on line ${time.from.line + 1} (${formatClock(time.from.seconds)})` : time.from && time.from.seconds > 0 ? `the last timestamp (${formatClock(time.from.seconds)})` : 'the start';
  return `Estimated: ${words} since ${from} at ${wpm} words a minute (transcript.wordsPerMinute).`;
}

export function inlayHints(t: Transcript, range: Range | undefined, settings: TranscriptSettings): InlayHint[] {
  if (!settings.inlayHints.elapsedTime) return [];
  const { doc } = t;
  const stats = statisticsOf(doc, t.speakers);
  const timing = timingOf(doc, stats.turnWords, settings.wordsPerMinute);
  const from = range?.start.line ?? 0;
  const to = range?.end.line ?? Number.MAX_SAFE_INTEGER;
  const out: InlayHint[] = [];
  // Turns are in order: skip to the first on or after `from` (binary search).
  let lo = 0;
  let hi = doc.turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.turns[mid].firstLine < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < doc.turns.length; i++) {
    const turn = doc.turns[i];
    if (turn.firstLine > to) break;
    const time = timing.turns[i];
    if (time.source === 'label' || time.source === 'inline') continue;
    out.push({
      position: positionAt(doc.lineStarts, turn.start),
      label: `${time.source === 'estimate' ? '~' : ''}${formatClock(time.seconds)}`,
      tooltip: tooltip(time, settings.wordsPerMinute),
      paddingRight: true,
    });
  }
  return out;
}
