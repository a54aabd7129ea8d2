// Where speakers are named in the text: "KBRT's Omar Saleh has been at the terminal",
// "Saleh says". One pass over the document with a single regular expression of every
// speaker's full name and surname (longest first), computed on demand and cached per parse —
// never on the typing path.

import type { Span, TranscriptDocument } from '../parser';
import { titleCase, type SpeakerTable } from './speakers';

export interface Mention extends Span {
  speaker: number;
}

const cache = new WeakMap<TranscriptDocument, Mention[]>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function speakerMentions(doc: TranscriptDocument, table: SpeakerTable): Mention[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const names = new Map<string, number>();
  for (const s of table.speakers) {
    if (s.unidentified || s.ambiguous) continue;
    if (s.fullName) names.set(s.fullName, s.id);
    const surname = titleCase(s.surname);
    // A surname shared by two speakers names neither for sure.
    if (surname.length >= 3 && /^\p{L}/u.test(surname)) names.set(surname, names.has(surname) ? -1 : s.id);
  }
  const keys = [...names.keys()].filter((k) => names.get(k)! >= 0).sort((a, b) => b.length - a.length);
  const mentions: Mention[] = [];
  if (keys.length > 0) {
    const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
    // Labels are not mentions: search what lies between them.
    const labels = doc.turns.filter((t) => t.label).map((t) => t.label!);
    let from = 0;
    const scan = (start: number, end: number) => {
      if (end <= start) return;
      const slice = doc.text.slice(start, end);
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(slice))) mentions.push({ start: start + m.index, end: start + m.index + m[0].length, speaker: names.get(m[0])! });
    };
    for (const l of labels) {
      scan(from, l.start);
      from = l.end;
    }
    scan(from, doc.text.length);
  }
  cache.set(doc, mentions);
  return mentions;
}
