// Rename a speaker (F2): the full-name introduction, every short label and every mention in
// the text. "Charles Maynes" -> "Charles Mainz" turns `CHARLES MAYNES, BYLINE:` into
// `CHARLES MAINZ, BYLINE:`, `MAYNES:` into `MAINZ:` and "Maynes said" into "Mainz said".
// A one-word new name changes the surname only.

import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { nameParts, type Transcript } from '../analysis';
import { NAME_SUFFIXES } from '../analysis/entities';
import { speakerMentions } from '../analysis/mentions';
import type { Label } from '../parser';
import { speakerAt } from './navigation';
import { rangeOf } from './positions';

export type PrepareRenameResult = { start: number; end: number; placeholder: string } | { error: string };

const VALID_NAME = /^[\p{L}\p{M}][\p{L}\p{M}'’.\-]*(?: [\p{L}\p{M}][\p{L}\p{M}'’.\-]*)*$/u;

export function prepareRename(t: Transcript, offset: number): PrepareRenameResult {
  const target = speakerAt(t, offset);
  if (!target) return { error: "Put the cursor on a speaker's label or on their name in the text to rename them." };
  if (target.speaker.unidentified) return { error: `${target.speaker.name} is unidentified: there is no name to rename.` };
  return { start: target.span.start, end: target.span.end, placeholder: target.speaker.fullName ?? target.speaker.name };
}

export function rename(t: Transcript, offset: number, newName: string): WorkspaceEdit | { error: string } {
  const prepared = prepareRename(t, offset);
  if ('error' in prepared) return prepared;
  const name = newName.trim().replace(/\s+/g, ' ');
  if (!VALID_NAME.test(name)) return { error: `"${newName}" is not a name: use letters, spaces, apostrophes, hyphens and periods.` };
  const speaker = speakerAt(t, offset)!.speaker;
  const words = name.split(' ');
  // `Wendell Okoro Jr.`: the suffix belongs to the full name; the surname is the word before.
  const surnameIndex = words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1]) ? words.length - 2 : words.length - 1;
  const surname = words[surnameIndex];
  const edits: TextEdit[] = [];
  const push = (start: number, end: number, newText: string) => {
    if (t.doc.text.slice(start, end) !== newText) edits.push({ range: rangeOf(t.doc.lineStarts, start, end), newText });
  };
  for (const i of speaker.turns) {
    const label = t.doc.turns[i].label;
    if (label) labelEdit(t, label, words, surname, push);
  }
  const full = speaker.fullName;
  for (const m of speakerMentions(t.doc, t.speakers)) {
    if (m.speaker !== speaker.id) continue;
    const written = t.doc.text.slice(m.start, m.end);
    const isFull = full !== undefined && written === full;
    push(m.start, m.end, isFull && words.length > 1 ? name : isFull ? replaceLastWord(written, surname) : surname);
  }
  return { changes: { [t.uri]: edits } };
}

function labelEdit(t: Transcript, label: Label, words: string[], surname: string, push: (s: number, e: number, text: string) => void): void {
  const upper = label.style !== 'mixed';
  const parts = nameParts(label.name, label.honorific);
  const text = t.doc.text;
  // Where the name proper starts: after the honorific, if any.
  let start = label.nameSpan.start;
  if (label.honorific && parts.words.length > 0) {
    start += label.honorific.length;
    while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  }
  const end = label.nameSpan.end;
  const cased = (s: string) => (upper ? s.toUpperCase() : s);
  if (parts.isFull && words.length > 1) {
    push(start, end, cased(words.join(' ')));
    return;
  }
  // Short label, initials, or a one-word new name: replace the last word.
  const written = text.slice(start, end);
  const lastSpace = Math.max(written.lastIndexOf(' '), written.lastIndexOf('\t'));
  push(start + lastSpace + 1, end, cased(surname));
}

function replaceLastWord(s: string, word: string): string {
  const i = s.lastIndexOf(' ');
  return i < 0 ? word : `${s.slice(0, i + 1)}${word}`;
}

