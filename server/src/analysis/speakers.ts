// Who speaks: resolves the forms of a speaker's label to one person. `SCOTT DETROW, HOST:`
// then `DETROW:` is one speaker, "Scott Detrow", role HOST. A speaker known only by a short
// label gets their full name from the text around them: the summary ("NPR's Charles Maynes
// joins us"), a bio in the trailer ("Scott Detrow is a White House correspondent …") or a
// mention before their first turn.

import type { Span, TranscriptDocument } from '../parser';

export interface Speaker {
  /** Index in `SpeakerTable.speakers`. */
  id: number;
  /** Upper-case key: the full name when known (`SCOTT DETROW`), otherwise the label (`DETROW`). */
  key: string;
  /** What people call them: `Scott Detrow`, or the label as written when nothing more is known. */
  name: string;
  /** Full name, when a label, the summary, a bio or a mention gives it. */
  fullName?: string;
  fullNameSource?: 'label' | 'summary' | 'bio' | 'mention';
  /** Upper-case surname (last word of the name): `DETROW`. */
  surname: string;
  /** Distinct label names used for this speaker, in order of first use. */
  labels: string[];
  /** First role given in a label (`HOST`). */
  role?: string;
  /** Every role given, with the turn that gave it (a speaker may be given two by mistake). */
  roles: { role: string; turn: number }[];
  /** Turns whose label gives the full name. */
  introductions: number[];
  /** Indexes into `doc.turns`, continuations included. */
  turns: number[];
  /** Where the full name was found in the text, when not from a label. */
  mention?: Span;
  /** The bio line in the trailer. */
  bio?: Span;
  /** `Unidentified Man #2`, `UNIDENTIFIED PERSON #1`: never matched by surname. */
  unidentified: boolean;
  /** A short label that matches two or more introduced speakers. */
  ambiguous?: string[];
}

export interface SpeakerTable {
  speakers: Speaker[];
  /** Speaker id for each turn (by index in `doc.turns`); undefined for unattributed text. */
  byTurn: (number | undefined)[];
}

interface NameParts {
  /** Words of the name without the honorific, upper-cased. */
  words: string[];
  /** The name without honorific, upper-cased and single-spaced. */
  full: string;
  surname: string;
  /** First-letter initial when the label is `S. KANE`. */
  initial?: string;
  isFull: boolean;
  unidentified: boolean;
}

const INITIAL = /^\p{L}\.$/u;

export function nameParts(name: string, honorific: string | undefined): NameParts {
  let words = name.split(/\s+/).filter(Boolean).map((w) => w.toUpperCase());
  if (honorific && words.length > 1) words = words.slice(1);
  const unidentified = words[0] === 'UNIDENTIFIED';
  const surname = words[words.length - 1] ?? '';
  const initial = words.length === 2 && INITIAL.test(words[0]) ? words[0][0] : undefined;
  const isFull = !unidentified && words.length >= 2 && !initial;
  return { words, full: words.join(' '), surname, initial, isFull, unidentified };
}

/** `SCOTT DETROW` -> `Scott Detrow`, `BETO O'ROURKE` -> `Beto O'Rourke`, `MS. NÚÑEZ` -> `Ms. Núñez`. */
export function titleCase(upper: string): string {
  return upper.toLowerCase().replace(/(^|[\s'’\-.])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function analyzeSpeakers(doc: TranscriptDocument): SpeakerTable {
  const speakers: Speaker[] = [];
  const byKey = new Map<string, Speaker>();
  const bySurname = new Map<string, Speaker[]>();
  const byFirst = new Map<string, Speaker[]>();
  const byTurn: (number | undefined)[] = new Array(doc.turns.length);
  const parts: (NameParts | undefined)[] = doc.turns.map((t) => (t.label ? nameParts(t.label.name, t.label.honorific) : undefined));

  const make = (key: string, name: string, surname: string, unidentified: boolean): Speaker => {
    const s: Speaker = { id: speakers.length, key, name, surname, labels: [], roles: [], introductions: [], turns: [], unidentified };
    speakers.push(s);
    byKey.set(key, s);
    return s;
  };

  // Pass 1: everyone introduced by full name, in order of introduction.
  parts.forEach((p) => {
    if (!p || !p.isFull || byKey.has(p.full)) return;
    const s = make(p.full, titleCase(p.full), p.surname, false);
    s.fullName = s.name;
    s.fullNameSource = 'label';
    push(bySurname, p.surname, s);
    push(byFirst, p.words[0], s);
  });

  // Pass 2: attribute every turn.
  doc.turns.forEach((turn, i) => {
    if (!turn.label) {
      const root = turn.continues;
      byTurn[i] = root === undefined ? undefined : byTurn[root];
      if (byTurn[i] !== undefined) speakers[byTurn[i]!].turns.push(i);
      return;
    }
    const p = parts[i]!;
    let s = byKey.get(p.full);
    if (!s && !p.unidentified) {
      let matches = bySurname.get(p.surname) ?? [];
      if (p.initial) matches = matches.filter((m) => m.key.startsWith(p.initial!));
      if (matches.length === 0 && p.words.length === 1) matches = byFirst.get(p.surname) ?? [];
      if (matches.length === 1) s = matches[0];
      else if (matches.length > 1) {
        s = byKey.get(p.full) ?? make(p.full, p.full, p.surname, false);
        s.ambiguous = matches.map((m) => m.name);
      }
    }
    if (!s) {
      s = make(p.full, p.unidentified ? titleCase(p.full) : p.full, p.surname, p.unidentified);
      if (!p.unidentified) push(bySurname, p.surname, s);
    }
    byTurn[i] = s.id;
    s.turns.push(i);
    if (!s.labels.includes(turn.label.name)) s.labels.push(turn.label.name);
    if (p.isFull && p.full === s.key) s.introductions.push(i);
    if (turn.label.role) {
      s.roles.push({ role: turn.label.role, turn: i });
      s.role ??= turn.label.role;
    }
  });

  for (const s of speakers) findFullName(doc, s);
  // Speakers in order of first appearance (pass 1 created the introduced ones first).
  const ordered = speakers.filter((s) => s.turns.length > 0).sort((a, b) => a.turns[0] - b.turns[0]);
  const newId = new Map(ordered.map((s, i) => [s.id, i]));
  ordered.forEach((s, i) => (s.id = i));
  return { speakers: ordered, byTurn: byTurn.map((id) => (id === undefined ? undefined : newId.get(id))) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const PROPER_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}'’\-]+`;

/**
 * Looks for "Firstname [Middle] Surname" near a speaker known only by a short label.
 * Searches a bounded part of the document (summary, trailer, the text before and in the
 * speaker's first turn) so that this stays cheap on a day-long hearing.
 */
function findFullName(doc: TranscriptDocument, s: Speaker): void {
  const bio = findBio(doc, s);
  if (bio) s.bio = bio.span;
  if (s.fullName || s.unidentified || s.ambiguous || s.surname.length < 2 || !/^\p{L}/u.test(s.surname)) return;
  const surname = titleCase(s.surname);
  const re = new RegExp(String.raw`(?<![\p{L}\p{M}])(${PROPER_WORD}(?:\s+(?:\p{Lu}\.|${PROPER_WORD})){0,2})\s+${escape(surname)}(?![\p{L}\p{M}])`, 'u');
  const regions: [Span, Speaker['fullNameSource']][] = [];
  if (bio) regions.push([bio.span, 'bio']);
  if (doc.preamble) regions.push([doc.preamble, 'summary']);
  const first = s.turns[0];
  if (first !== undefined) {
    const from = first > 2 ? doc.turns[first - 3].start : 0;
    regions.push([{ start: from, end: doc.turns[first].end }, 'mention']);
  }
  if (doc.trailer && !bio) regions.push([doc.trailer, 'bio']);
  for (const [span, source] of regions) {
    const slice = doc.text.slice(span.start, span.end);
    const m = re.exec(slice);
    if (!m) continue;
    const full = `${m[1].replace(/\s+/g, ' ')} ${surname}`;
    s.fullName = full;
    s.fullNameSource = source;
    s.name = full;
    s.mention = { start: span.start + m.index, end: span.start + m.index + m[0].length };
    return;
  }
}

/** A trailer line about the speaker: it starts with their full name or surname, or names them in its first words. */
function findBio(doc: TranscriptDocument, s: Speaker): { span: Span } | undefined {
  if (!doc.trailer || s.unidentified) return undefined;
  const surname = s.surname.toLowerCase();
  for (const line of doc.trailer.lines) {
    const head = doc.text.slice(line.start, Math.min(line.end, line.start + 60)).toLowerCase();
    const at = head.indexOf(surname);
    if (at < 0 || at > 40) continue;
    // The surname as a whole word, followed soon by a verb of description.
    const before = at === 0 ? '' : head[at - 1];
    const after = head[at + surname.length] ?? '';
    if (/[\p{L}]/u.test(before) || /[\p{L}]/u.test(after)) continue;
    if (!/\b(?:is|was|has|covers|reports|hosts|co-hosts|joined|serves)\b/.test(head.slice(at))) continue;
    return { span: { start: line.start, end: line.end } };
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The speaker of a turn, or undefined for unattributed text. */
export function speakerOf(table: SpeakerTable, turnIndex: number): Speaker | undefined {
  const id = table.byTurn[turnIndex];
  return id === undefined ? undefined : table.speakers[id];
}

