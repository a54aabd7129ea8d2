// A code lens above each speaker's introduction (their first full-name label, or their first
// label when they are never introduced): "14 turns · 1,203 words · ~8 min". Choosing it runs
// Find All References for the speaker: the command is the client's (transcript.showReferences),
// which converts the position and runs VS Code's reference search and peek view.

import type { CodeLens } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';
import { formatDuration, statisticsOf } from '../analysis/statistics';
import type { TranscriptSettings } from '../settings';
import { introductionSpan } from './navigation';
import { rangeOf } from './positions';

/** The client command a lens runs, with arguments [uri: string, position: Position]. */
export const ShowReferencesCommand = 'transcript.showReferences';

export function lensTitle(turns: number, words: number, wordsPerMinute: number): string {
  return `${turns.toLocaleString('en-US')} turn${turns === 1 ? '' : 's'} · ${words.toLocaleString('en-US')} word${words === 1 ? '' : 's'} · ${formatDuration(words, wordsPerMinute)}`;
}

export function codeLenses(t: Transcript, settings: TranscriptSettings): CodeLens[] {
  const { doc } = t;
  const stats = statisticsOf(doc, t.speakers);
  const out: CodeLens[] = [];
  for (const s of t.speakers.speakers) {
    const span = introductionSpan(t, s);
    if (!span) continue;
    const range = rangeOf(doc.lineStarts, span.start, span.end);
    const st = stats.speakers[s.id];
    out.push({
      range,
      command: {
        title: lensTitle(st.turns, st.words, settings.wordsPerMinute),
        command: ShowReferencesCommand,
        arguments: [t.uri, range.start],
      },
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
