// Completion at the start of a line: the transcript's speakers as labels (the full form with
// role the first time, the short form once introduced), the likeliest next speaker first,
// then common stage directions.

import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { Speaker, Transcript } from '../analysis';
import { lineEndOffset } from '../parser';

const STAGE_DIRECTIONS: { label: string; snippet?: string; detail: string }[] = [
  { label: '(SOUNDBITE OF ARCHIVED RECORDING)', detail: 'A recording played on air' },
  { label: '(SOUNDBITE OF MUSIC)', detail: 'Music' },
  { label: '(SOUNDBITE OF …)', snippet: '(SOUNDBITE OF ${1:SOUND})$0', detail: 'Any sound' },
  { label: '(BEGIN VIDEO CLIP)', detail: 'Start of a video clip' },
  { label: '(END VIDEO CLIP)', detail: 'End of a video clip' },
  { label: '(LAUGHTER)', detail: 'Audience reaction' },
  { label: '(APPLAUSE)', detail: 'Audience reaction' },
  { label: '(CROSSTALK)', detail: 'Speakers talking over each other' },
  { label: '(INAUDIBLE)', detail: 'Words that cannot be made out' },
  { label: '(BREAK)', detail: 'A break in the programme' },
];

/**
 * Where the cursor is: its line's start and its offset, clamped to the line (a position past
 * the line's end is at its end; never between the halves of a surrogate pair). Undefined for a
 * line the document does not have, or a position that is not one.
 */
function cursorAt(t: Transcript, position: Position): { line: number; start: number; offset: number } | undefined {
  const { text, lineStarts } = t.doc;
  const { line, character } = position ?? {};
  if (!Number.isInteger(line) || line < 0 || line >= lineStarts.length || !Number.isFinite(character)) return undefined;
  const start = lineStarts[line];
  let offset = Math.min(start + Math.max(0, Math.floor(character)), lineEndOffset(text, lineStarts, line));
  const c = text.charCodeAt(offset);
  if (offset > start && c >= 0xdc00 && c <= 0xdfff && text.charCodeAt(offset - 1) >= 0xd800 && text.charCodeAt(offset - 1) <= 0xdbff) offset--;
  return { line, start, offset };
}

/** What the line holds before the cursor, if completion of a label makes sense there. */
function linePrefix(t: Transcript, start: number, offset: number): string | undefined {
  const prefix = t.doc.text.slice(start, offset);
  // Only at the start of a line: nothing yet, or the beginnings of a label or a cue — which
  // start with a capital (or a bracket), and have no word in lower case ("Fishermen in nor|").
  if (prefix.length > 60 || prefix.includes(':')) return undefined;
  if (prefix && !/^[\p{Lu}(\[*][\p{L}\p{M}\d'’.\- #]*$/u.test(prefix)) return undefined;
  if (/[\s(]\p{Ll}/u.test(prefix) || /^\p{Lu}\p{Ll}+[ \t]+\p{Ll}/u.test(prefix)) return undefined;
  return prefix;
}

export function completion(t: Transcript, position: Position): CompletionList {
  const cursor = cursorAt(t, position);
  const prefix = cursor && linePrefix(t, cursor.start, cursor.offset);
  if (!cursor || prefix === undefined) return { isIncomplete: false, items: [] };
  const offset = cursor.offset;
  // The range replaced: from the line's start to the cursor, as clamped (never the position as sent).
  const range = { start: { line: cursor.line, character: 0 }, end: { line: cursor.line, character: offset - cursor.start } };
  const items: CompletionItem[] = [];
  const { doc } = t;
  // The speakers before the cursor, most recent last.
  const before: number[] = [];
  doc.turns.forEach((turn, i) => {
    if (turn.label && turn.start < cursor.start) before.push(t.speakers.byTurn[i] ?? -1);
  });
  const last = before[before.length - 1];
  // In a conversation the next speaker is most often the one before the last.
  const previous = [...before].reverse().find((id) => id !== last && id >= 0);
  const order = (s: Speaker) => (s.id === previous ? 0 : s.id === last ? 2 : 1);
  const speakers = t.speakers.speakers.filter((s) => s.labels.length > 0).sort((a, b) => order(a) - order(b) || b.turns.length - a.turns.length);
  if (!prefix.startsWith('(')) {
    speakers.forEach((s, rank) => {
      const introduced = s.introductions.some((i) => doc.turns[i].start < offset) || (s.introductions.length === 0 && s.turns.some((i) => doc.turns[i].start < offset));
      const label = introduced ? shortForm(s) : fullForm(s);
      items.push({
        label: `${label}:`,
        kind: CompletionItemKind.Class,
        detail: s.fullName ? `${s.fullName}${s.role ? ` · ${s.role}` : ''}` : s.role,
        documentation: introduced ? undefined : 'First appearance: full name and role.',
        sortText: `0${String(rank).padStart(3, '0')}`,
        filterText: label,
        textEdit: { range, newText: `${label}: ` },
      });
    });
  }
  STAGE_DIRECTIONS.forEach((d, i) => {
    items.push({
      label: d.label,
      kind: CompletionItemKind.Snippet,
      detail: d.detail,
      sortText: `1${String(i).padStart(3, '0')}`,
      filterText: d.label,
      insertTextFormat: d.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: d.snippet ?? d.label },
    });
  });
  return { isIncomplete: false, items };
}

function shortForm(s: Speaker): string {
  const short = s.labels.find((l) => !l.trim().includes(' ') || /^\p{L}\. /u.test(l));
  return short ?? (s.unidentified ? s.labels[0] : s.surname);
}

function fullForm(s: Speaker): string {
  const intro = s.labels[0];
  const name = s.fullName && !intro.includes(' ') ? s.fullName.toUpperCase() : intro;
  return s.role ? `${name}, ${s.role}` : name;
}
