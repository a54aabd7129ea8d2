// The data behind the Speakers view and "Go to Speaker…": each speaker with role, turn count
// and words, and their turns with the first words said. Answered by the custom request
// transcript/speakers, so that the client never parses.

import type { Range } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';
import { formatDuration, statisticsOf } from '../analysis/statistics';
import type { TranscriptSettings } from '../settings';
import { rangeOf } from './positions';
import { firstWords } from './symbols';

export interface SpeakerTurnInfo {
  /** 0-based line of the turn's label (or first line of a continuation). */
  line: number;
  /** The label (what to select when revealing the turn). */
  selection: Range;
  /** First words said. */
  text: string;
  words: number;
}

export interface SpeakerInfo {
  name: string;
  fullName: string | null;
  role: string | null;
  labels: string[];
  turns: number;
  words: number;
  /** Share of all spoken words, 0..1. */
  share: number;
  /** `~2 min` at the configured speaking rate. */
  duration: string;
  turnList: SpeakerTurnInfo[];
}

export interface SpeakersResult {
  uri: string;
  version: number;
  totalWords: number;
  speakers: SpeakerInfo[];
}

export function speakersOf(t: Transcript, settings: TranscriptSettings): SpeakersResult {
  const { doc } = t;
  const stats = statisticsOf(doc, t.speakers);
  return {
    uri: t.uri,
    version: t.version,
    totalWords: stats.totalWords,
    speakers: t.speakers.speakers.map((s) => ({
      name: s.name,
      fullName: s.fullName ?? null,
      role: s.role ?? null,
      labels: s.labels,
      turns: stats.speakers[s.id].turns,
      words: stats.speakers[s.id].words,
      share: stats.speakers[s.id].share,
      duration: formatDuration(stats.speakers[s.id].words, settings.wordsPerMinute),
      turnList: s.turns.map((i) => {
        const turn = doc.turns[i];
        const sel = turn.label ?? { start: turn.start, end: turn.start };
        return {
          line: turn.firstLine,
          selection: rangeOf(doc.lineStarts, sel.start, sel.end),
          text: firstWords(doc.text, turn.textStart, turn.end),
          words: stats.turnWords[i],
        };
      }),
    })),
  };
}
