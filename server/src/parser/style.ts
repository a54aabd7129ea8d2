// Which kind of transcript a document is. Each style has its own label forms (and the
// checks follow its conventions): broadcast (`SCOTT DETROW, HOST:` then `DETROW:`), podcast
// (`Jerod Santo:`, `Speaker 1:`, `James (00:00):`, `**Name:**`), court and deposition
// (`Q.` / `A.`, `THE COURT:`, `BY MR. DOE:`), congressional hearing (`Mr. Linder.`,
// `Chairman SMITH.`). Detected from the first lines; a first-line marker
// (`transcript-style: podcast`) or the `transcript.style` setting decides instead.

import { lineEndOffset } from './lines';

export type TranscriptStyle = 'broadcast' | 'podcast' | 'court' | 'hearing';
export const transcriptStyles: readonly TranscriptStyle[] = ['broadcast', 'podcast', 'court', 'hearing'];

/** How many lines detection reads: enough for a few dozen turns, cheap on a day-long hearing. */
export const DETECTION_LINES = 600;

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
  for (let line = 0; line < n; line++) {
    const s = lineStarts[line];
    const e = Math.min(lineEndOffset(text, lineStarts, line), s + 200);
    const c = text.charCodeAt(s);
    // Only lines that can start a label (skip prose in lower case quickly).
    if (e === s || (c >= 0x61 && c <= 0x7a)) continue;
    const l = text.slice(s, e);
    for (const [re, style, weight] of SIGNALS) if (re.test(l)) score[style] += weight;
  }
  // Broadcast unless another style shows itself clearly.
  let best: TranscriptStyle = 'broadcast';
  for (const style of ['podcast', 'court', 'hearing'] as const) {
    if (score[style] >= 4 && score[style] > score[best]) best = style;
  }
  return { style: best, source: 'detected' };
}

/** The line of the marker (first line) sets the style: an edit there can change it. */
export function styleMarkerLine(text: string): boolean {
  return MARKER.test(text.slice(0, 200));
}
