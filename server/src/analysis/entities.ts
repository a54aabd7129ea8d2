// People, places and organisations named in what is said. `compromise` (a small English NLP
// library) proposes names; what the transcript itself tells us (its speakers, acronyms,
// capitalised multi-word names with tell-tale words like "University" or "Port") confirms,
// corrects or adds to them. NLP is slow (~10-60 ms per KB), so it runs on one paragraph at a
// time, on demand (a hover), and its results are cached by paragraph text: never over a whole
// document, never on the typing path. A paragraph is bounded in lines, not in characters (one
// line can hold a megabyte), so it is read in windows of at most ENTITY_WINDOW characters, cut
// after sentence ends where there are some: a hover reads the window around it. Counting
// mentions afterwards is plain text search.

import type nlpType from 'compromise';
import type { Span, TranscriptDocument } from '../parser';
import { isJsSpace, lineAt, lineEndOffset, trimsToEmpty } from '../parser';
import { titleCase, type SpeakerTable } from './speakers';
import { detach } from '../strings';

export type EntityKind = 'person' | 'place' | 'organization' | 'name';

export interface EntityMatch extends Span {
  /** The name as written, without a possessive `'s`. */
  text: string;
  kind: EntityKind;
  /** Speaker id when the name is a speaker's. */
  speaker?: number;
  /** Found by a rule about the text's shape, which outranks the NLP library on the same span. */
  strong?: boolean;
}

const ORG_WORDS = new Set([
  'University', 'College', 'School', 'Institute', 'Council', 'Authority', 'Department', 'Ministry', 'Party', 'Company', 'Inc', 'Corp',
  'Corporation', 'News', 'Radio', 'Times', 'Post', 'Bank', 'Agency', 'Commission', 'Committee', 'Association', 'Union', 'Hospital',
  'Court', 'Congress', 'Senate', 'Parliament', 'Kremlin', 'Pentagon', 'Foundation', 'Group', 'Board', 'Service', 'Office', 'Police',
  'Army', 'Navy', 'Network', 'Press', 'Club', 'Church', 'League', 'Federation', 'Organization', 'Organisation', 'Airlines', 'Library',
]);
const PLACE_FIRST = new Set(['Port', 'Mount', 'Mt.', 'Lake', 'Fort', 'San', 'Santa', 'Saint', 'St.', 'New', 'North', 'South', 'East', 'West', 'Central', 'Upper', 'Lower', 'Cape']);
const PLACE_LAST = new Set(['Parish', 'District', 'Township', 'Village', 'Mountains', 'Hills', 'Peninsula', 'Delta', 'Basin', 'Coast', 'City', 'County', 'River', 'Island', 'Islands', 'Bay', 'Valley', 'Street', 'Avenue', 'Road', 'Square', 'Province', 'State', 'Republic', 'Kingdom', 'Asia', 'Africa', 'America', 'Europe', 'Sea', 'Ocean', 'Harbour', 'Harbor', 'Park', 'Bridge']);
/** Acronyms that are places, and short capitals that are no entity at all. */
const PLACE_ACRONYMS = new Set(['U.S.', 'U.K.', 'US', 'UK', 'USA', 'U.S.A.', 'UAE', 'E.U.', 'D.C.']);
const NOT_ACRONYMS = new Set(['OK', 'TV', 'AM', 'PM', 'ET', 'PT', 'CT', 'MT', 'ID', 'DNA', 'CEO', 'I', 'A', 'MR', 'MRS', 'MS', 'DR', 'PH', 'FM', 'AP']);
/** Capitalised words that start sentences or name times, never entities on their own. */
const STOP = new Set([
  'The', 'A', 'An', 'And', 'But', 'Or', 'So', 'Well', 'Yes', 'No', 'Oh', 'Now', 'Then', 'Good', 'Thank', 'Thanks', 'Monday', 'Tuesday',
  'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December', 'I', 'We', 'You', 'He', 'She', 'They', 'It', 'This', 'That', 'There', 'What', 'Who',
  'How', 'Why', 'When', 'Where', 'Let', 'Let’s', "Let's", 'Just', 'Mostly', 'Several', 'One', 'Two', 'Three', 'Today', 'Tomorrow',
  'Her', 'His', 'Its', 'Our', 'Their', 'My', 'Your', 'Is', 'Are', 'Was', 'Were', 'For', 'Welcome', 'As', 'At', 'In', 'On', 'Of', 'If',
  'Yet', 'Still', 'Also', 'Even', 'Since', 'After', 'Before', 'During', 'While', 'With', 'From', 'To', 'By', 'Not', 'Some', 'Many', 'Most',
  'All', 'Both', 'Every', 'Each', 'These', 'Those', 'Here', 'Copyright', 'Transcript', 'Sure', 'Right', 'Okay', 'OK', 'Please', 'Hello', 'Hi',
  "I'm", 'I’m', "It's", 'It’s', "That's", 'That’s', "We're", 'We’re', "You're", 'You’re', "He's", 'He’s', "She's", 'She’s', "They're",
  'They’re', "Here's", 'Here’s', "There's", 'There’s', "What's", 'What’s', "I've", 'I’ve', "We've", 'We’ve', "Don't", 'Don’t',
]);
/** Name suffixes: the surname is the word before them. */
export const NAME_SUFFIXES = new Set(['Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV', 'JR.', 'SR.']);
/** Words after which `of` continues a name: "University of New Orleans", "Army Corps of Engineers". */
const OF_NAMES = new Set([...'University College Institute School Museum Department Ministry Bank Corps Office Board Council Association Federation Society League Union Court Republic Kingdom State States Gulf Bay Port Isle Isles Cape Lake Sea Church Academy Secretary Commission Committee Agency Chamber House Center Centre Library Friends Sisters Brothers Daughters Sons'.split(' ')]);

/** Titles and demonyms before a name: "Russian Foreign Minister Sergey Lavrov" -> Sergey Lavrov. */
const TITLES = new Set([
  'President', 'Vice', 'Minister', 'Foreign', 'Prime', 'Senator', 'Sen.', 'Secretary', 'Director', 'Chairman', 'Chairwoman', 'Chair',
  'Governor', 'Gov.', 'Mayor', 'Judge', 'Justice', 'General', 'Gen.', 'Chief', 'Ambassador', 'Envoy', 'Representative', 'Rep.',
  'Dr.', 'Mr.', 'Ms.', 'Mrs.', 'Professor', 'Prof.', 'Officer', 'Detective', 'Captain', 'Sergeant', 'Commissioner', 'Councilwoman',
  'Councilman', 'Councillor', 'Spokesman', 'Spokeswoman', 'Deputy', 'Former', 'Leader', 'King', 'Queen', 'Prince', 'Pope', 'Bishop',
  'Commander', 'Lieutenant', 'Major', 'Private', 'Corporal', 'Admiral', 'Colonel', 'Sheriff', 'Inspector', 'Superintendent', 'Coach',
  'Reverend', 'Rev.', 'Father', 'Sister', 'Brother', 'Rabbi', 'Imam', 'Attorney', 'Correspondent', 'Reporter', 'Host', 'Anchor', 'Producer',
]);
/** Single words that name organisations, whatever the NLP library guesses. */
const ORG_SINGLE = new Set(['Taliban', 'Kremlin', 'Pentagon', 'Congress', 'Senate', 'Parliament', 'NATO', 'Hamas', 'Hezbollah', 'Vatican']);
const isDemonym = (w: string) => w.length > 4 && /(?:an|ian|ese|ish|i)$/.test(w);

const cache = new Map<string, EntityMatch[]>();
const CACHE_LIMIT = 2000;

let nlpLoaded: typeof nlpType | undefined;
/**
 * compromise takes ~300 ms to load: a plain `require` inside a function keeps it out of the
 * server's start-up (esbuild evaluates a bundled CommonJS module on its first require), so the
 * first entity hover pays for it instead of every cold start.
 */
function nlp(text: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlpLoaded ??= require('compromise') as typeof nlpType;
  return nlpLoaded(text);
}

/**
 * The NLP library reads at most this many characters at a time (~20-200 ms of work): longer
 * paragraphs are read window by window (`entityWindows`).
 */
export const ENTITY_WINDOW = 2_000;

/** . ? ! … */
const isSentenceEnd = (c: number) => c === 46 || c === 63 || c === 33 || c === 0x2026;
/** " ” ’ ) ] after a sentence end. */
const isCloser = (c: number) => c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;

/**
 * Where a window starting at `from` ends, at most `max` characters on: after the white space
 * that follows the last sentence end (. ? ! …, with any closing quotes or brackets) in its second
 * half; else after the last white space there; else at `from + max` (never between the halves of
 * a surrogate pair). Scans at most `max / 2` characters, each looked at a bounded number of times.
 */
function windowEnd(text: string, from: number, max: number): number {
  const limit = from + max;
  const floor = from + (max >> 1);
  let space = -1;
  for (let k = limit - 1; k > floor; k--) {
    if (!isJsSpace(text.charCodeAt(k))) continue;
    if (space < 0) space = k + 1;
    // A sentence end before this white space, through at most a few closers.
    let j = k - 1;
    while (j > k - 4 && j > from && isCloser(text.charCodeAt(j))) j--;
    if (isSentenceEnd(text.charCodeAt(j))) return k + 1;
  }
  if (space >= 0) return space;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/**
 * A span cut into consecutive windows of at most `max` characters (see windowEnd), covering it
 * exactly. One window when the span is short enough; linear in the span's length.
 */
export function entityWindows(text: string, span: Span, max = ENTITY_WINDOW): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > max) {
    const end = windowEnd(text, start, max);
    out.push({ start, end });
    start = end;
  }
  if (span.end > start || out.length === 0) out.push({ start, end: span.end });
  return out;
}

/** The window of `span` (see entityWindows) that holds `offset`; the whole span when it is short. */
function windowAt(text: string, span: Span, offset: number, max = ENTITY_WINDOW): Span {
  let start = span.start;
  while (span.end - start > max) {
    const end = windowEnd(text, start, max);
    if (offset < end) return { start, end };
    start = end;
  }
  return { start, end: span.end };
}

/**
 * The paragraph (run of non-blank lines, from after any label) around `offset` — or, when it is
 * longer than ENTITY_WINDOW characters, the window of it that holds `offset` (see entityWindows):
 * what a hover gives the recogniser.
 */
export function paragraphAt(doc: TranscriptDocument, offset: number): Span | undefined {
  const { text, lineStarts } = doc;
  const line = lineAt(lineStarts, offset);
  const blank = (l: number) => trimsToEmpty(text, lineStarts[l], lineEndOffset(text, lineStarts, l));
  if (blank(line)) return undefined;
  let first = line;
  let last = line;
  // Hard-wrapped paragraphs: bounded so a file without blank lines stays cheap.
  while (first > 0 && line - first < 40 && !blank(first - 1)) first--;
  while (last + 1 < lineStarts.length && last - line < 40 && !blank(last + 1)) last++;
  let start = lineStarts[first];
  const end = lineEndOffset(text, lineStarts, last);
  // Skip the label of the turn the paragraph starts with.
  const turn = doc.turns.find((t) => t.label && t.label.start >= start && t.label.start < end);
  if (turn?.label && turn.label.start - start < 16) start = turn.textStart;
  return windowAt(text, { start, end }, Math.max(offset, start));
}

/**
 * Entities in a span of the text: a paragraph, or a window of one. A span longer than
 * ENTITY_WINDOW is read window by window (see entityWindows), each cached by its text.
 */
export function entitiesIn(doc: TranscriptDocument, table: SpeakerTable, span: Span): EntityMatch[] {
  const windows = entityWindows(doc.text, span);
  if (windows.length === 1) return entitiesInWindow(doc, table, span);
  return windows.flatMap((w) => entitiesInWindow(doc, table, w));
}

/** Entities in one window of at most ENTITY_WINDOW characters (cached by its text). */
function entitiesInWindow(doc: TranscriptDocument, table: SpeakerTable, span: Span): EntityMatch[] {
  // A copy: the names found are cut from it, and the cache outlives this version of the text.
  const slice = detach(doc.text.slice(span.start, span.end));
  // The same paragraph in two transcripts can name different speakers: key by both.
  const key = `${speakerKey(table)}\u0000${slice}`;
  let found = cache.get(key);
  if (!found) {
    found = recognize(slice, table);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, found);
  }
  return found.map((m) => ({ ...m, start: m.start + span.start, end: m.end + span.start }));
}

const speakerKeys = new WeakMap<SpeakerTable, string>();
/** What of a speaker table entity recognition depends on (ids, full names, surnames), as a cache key; built once per table. */
export function speakerKey(table: SpeakerTable): string {
  let k = speakerKeys.get(table);
  if (k === undefined) speakerKeys.set(table, (k = table.speakers.map((s) => `${s.id}=${s.fullName ?? ''}/${s.surname}`).join('|')));
  return k;
}

export function entityAt(doc: TranscriptDocument, table: SpeakerTable, offset: number): EntityMatch | undefined {
  const p = paragraphAt(doc, offset);
  if (!p || offset < p.start) return undefined;
  return entitiesIn(doc, table, p).find((m) => m.start <= offset && offset <= m.end);
}

// Runs of white space and punctuation are trimmed in code, from the end backwards: an
// unanchored `[…]+$` retries from every position of a long run that does not end the text
// (quadratic), and these runs can be any length in a hostile paragraph.
/** What may open a name's text: white space, quotes, opening brackets, punctuation. */
const PUNCT_LEAD = /^[\s"“”'‘’(\[,.;:!?-]+/u;
/** One character of what may close it: white space, quotes, closing brackets, punctuation. */
const PUNCT_TAIL = /[\s"“”'‘’)\],.;:!?-]/u;
/** One character cut from the end of a name: white space, closing quotes and brackets, punctuation. */
const CLEAN_TAIL = /[\s"“”)\],.;:!?]/u;

/** `text` without the trailing run of characters that `one` matches (each a single UTF-16 unit). */
function trimEndWhile(text: string, one: RegExp): string {
  let end = text.length;
  while (end > 0 && one.test(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Nothing but white space and punctuation (a leading run of openers, then a run of closers). */
function onlyPunctuation(text: string): boolean {
  const lead = PUNCT_LEAD.exec(text)?.[0].length ?? 0;
  return trimEndWhile(text.slice(lead), PUNCT_TAIL) === '';
}

function clean(text: string, start: number): { text: string; start: number } | undefined {
  const lead = /^[\s"“”'‘(\[]+/u.exec(text)?.[0].length ?? 0;
  let t = trimEndWhile(text.slice(lead), CLEAN_TAIL);
  t = t.replace(/['’]s$/u, '');
  if (onlyPunctuation(t)) return undefined;
  return { text: t, start: start + lead };
}

function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function kindByWords(words: string[]): EntityKind | undefined {
  if (words.some((w) => ORG_WORDS.has(w.replace(/[.,]$/, '')))) return 'organization';
  if (PLACE_FIRST.has(words[0]) && words.length > 1) return 'place';
  if (PLACE_LAST.has(words[words.length - 1]) && words.length > 1) return 'place';
  return undefined;
}

interface SpeakerNameIndex {
  /** Full names, surnames and unshared first names, to speaker id. */
  names: Map<string, number>;
  /** All of them (three letters or more), longest first, as one pattern; undefined when none. */
  pattern?: RegExp;
}

const nameIndexes = new WeakMap<SpeakerTable, SpeakerNameIndex>();

/** A hearing has hundreds of speakers: their names are gathered and compiled once per table, not per paragraph. */
function speakerNameIndex(table: SpeakerTable): SpeakerNameIndex {
  const cached = nameIndexes.get(table);
  if (cached) return cached;
  const names = new Map<string, number>();
  const firstNames = new Map<string, number>();
  for (const s of table.speakers) {
    if (s.unidentified) continue;
    if (s.fullName) {
      names.set(s.fullName, s.id);
      const first = s.fullName.split(' ')[0];
      // A first name names a speaker only when no other speaker shares it.
      firstNames.set(first, firstNames.has(first) ? -1 : s.id);
    }
    names.set(titleCase(s.surname), s.id);
  }
  for (const [first, id] of firstNames) if (id >= 0 && first.length >= 3 && !names.has(first)) names.set(first, id);
  const usable = [...names.keys()].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
  const escaped = usable.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = usable.length ? new RegExp(`(?<![\\p{L}\\p{M}])(?:${escaped.join('|')})(?![\\p{L}\\p{M}])`, 'gu') : undefined;
  const index = { names, pattern };
  nameIndexes.set(table, index);
  return index;
}

/**
 * Where the NLP library's match really is: its offsets skip characters it drops (a byte-order
 * mark, some invisible ones), so they are checked against its text and looked for a few
 * characters later when they do not fit. -1 when the match cannot be placed.
 */
function placed(text: string, found: string, start: number, length: number): number {
  if (typeof found !== 'string' || found.length !== length) return -1;
  if (text.startsWith(found, start)) return start;
  const near = text.indexOf(found, start);
  return near >= 0 && near - start <= 8 ? near : -1;
}

/** Neither end of the range falls between the two halves of a surrogate pair. */
function onBoundaries(text: string, m: Span): boolean {
  const low = (k: number) => k > 0 && k < text.length && (text.charCodeAt(k) & 0xfc00) === 0xdc00 && (text.charCodeAt(k - 1) & 0xfc00) === 0xd800;
  return m.end > m.start && !low(m.start) && !low(m.end);
}

function recognize(raw: string, table: SpeakerTable): EntityMatch[] {
  // Stage directions are not speech: blank them out (same length, so offsets hold), or their
  // capitals would read as acronyms and names: (SOUNDBITE OF BOAT ENGINE).
  const text = raw.replace(/\([^()\n]*\)|\[[^[\]\n]*\]/g, (m) => ' '.repeat(m.length));
  const out: EntityMatch[] = [];
  const { names: speakerNames, pattern } = speakerNameIndex(table);
  const add = (raw: string, at: number, kind: EntityKind | 'auto') => {
    // A match may run across a list ("Russia, China, Iran"), a sentence or a line: split it.
    // (White space before a line break stays with the piece before it, whose clean() drops it:
    // a separator that starts with \s* would rescan a long run of spaces from each position.)
    const parts = raw.split(/([,;:]\s+|[.?!]\s+|[\r\n]\s*)/);
    if (parts.length > 1) {
      let k = at;
      for (let i = 0; i < parts.length; i++) {
        if (i % 2 === 0 && parts[i]) addOne(parts[i], k, kind);
        k += parts[i].length;
      }
      return;
    }
    addOne(raw, at, kind);
  };
  const addOne = (raw: string, at: number, wanted: EntityKind | 'auto') => {
    let c = clean(raw, at);
    if (!c) return;
    let words = c.text.split(/\s+/);
    let kind: EntityKind = wanted === 'auto' ? 'name' : wanted;
    // Leading titles, demonyms, articles, sentence openers and lower-case words:
    // "The Russians", "Foreign Minister Sergey Lavrov", "I'm James Whitfield", "south Louisiana".
    let lead = 0;
    let titled = false;
    while (lead < words.length - 1) {
      const w = words[lead];
      if (TITLES.has(w) || (isDemonym(w) && TITLES.has(words[lead + 1]))) titled = true;
      else if (!(STOP.has(w) || /^\p{Ll}/u.test(w))) break;
      lead++;
    }
    if (lead > 0) {
      let cut = 0;
      for (let i = 0; i < lead; i++) cut = c.text.indexOf(words[i + 1], cut + words[i].length);
      c = { text: c.text.slice(cut), start: c.start + cut };
      words = words.slice(lead);
      if (titled && kind === 'name') kind = 'person';
    }
    // Name suffixes belong to the name; otherwise two or three capitalised words are most often a person.
    if (wanted === 'auto' && kind === 'name' && words.length >= 2 && words.length <= 3) kind = 'person';
    if (words.length === 1 && /ly$/.test(words[0])) return; // an adverb: Notably
    if (words.length === 1 && ORG_SINGLE.has(words[0])) kind = 'organization';
    if (words.length === 1 && PLACE_ACRONYMS.has(words[0])) kind = 'place';
    // A trailing lower-case word ("Louisiana flooding") is not part of the name.
    while (words.length > 1 && /^\p{Ll}/u.test(words[words.length - 1]) && !/^(?:of|de|da|del|la|le|van|von|the|and|for|bin|al)$/.test(words[words.length - 1])) {
      words = words.slice(0, -1);
      c = { text: c.text.slice(0, c.text.lastIndexOf(' ')), start: c.start };
    }
    if (!words.every((w) => capitalised(w) || /^(?:of|de|da|del|la|le|van|von|the|and|for|bin|al)$/.test(w))) return;
    if (words.length === 1 && (STOP.has(words[0]) || words[0] === 'Next')) return;
    // Upper-case runs are labels or acronyms, handled apart.
    if (words.length > 1 && c.text === c.text.toUpperCase()) return;
    const speaker = speakerNames.get(c.text);
    out.push({ start: c.start, end: c.start + c.text.length, text: c.text, kind: speaker !== undefined ? 'person' : (kindByWords(words) ?? kind), speaker });
  };

  try {
    const doc = nlp(text);
    for (const [kind, view] of [
      ['person', doc.people()],
      ['place', doc.places()],
      ['organization', doc.organizations()],
    ] as const) {
      for (const m of view.json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]) {
        const at = placed(text, m.text, m.offset.start, m.offset.length);
        if (at >= 0) add(text.slice(at, at + m.offset.length), at, kind);
      }
    }
  } catch {
    // The library failing on odd input must not cost the heuristics below.
  }

  // Acronyms: U.N., NPR, ISIS.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.])(?:(?:\p{Lu}\.){2,}|\p{Lu}{2,6})(?![\p{L}\p{N}])/gu)) {
    const a = m[0];
    if (NOT_ACRONYMS.has(a)) continue;
    out.push({ start: m.index!, end: m.index! + a.length, text: a, kind: PLACE_ACRONYMS.has(a) ? 'place' : 'organization' });
  }
  // Capitalised multi-word names, without the titles and demonyms before a person's name;
  // `of` continues a name after words like University or Corps.
  const CAPS = /(?<![\p{L}\p{N}'’])\p{Lu}[\p{Ll}'’\-]+\.?(?:[ \t]+\p{Lu}[\p{Ll}'’.\-]*){1,5}/gu;
  const OF_MORE = /^[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?\p{Lu}[\p{Ll}'’\-]+(?:[ \t]+\p{Lu}[\p{Ll}'’.\-]*){0,3}/u;
  for (const found of text.matchAll(CAPS)) {
    let phraseText = found[0];
    const lastWord = phraseText.split(/[ \t]+/).pop()!;
    if (OF_NAMES.has(lastWord)) {
      const more = OF_MORE.exec(text.slice(found.index! + phraseText.length, found.index! + phraseText.length + 80));
      if (more) phraseText += more[0];
    }
    const m = { 0: phraseText, index: found.index! };
    let words = m[0].split(/[ \t]+/);
    let start = m.index!;
    const skip = (n: number) => {
      for (let i = 0; i < n; i++) {
        start += words[i].length;
        while (text[start] === ' ' || text[start] === '\t') start++;
      }
      words = words.slice(n);
    };
    const sentenceStart = /(?:^|[.?!:]\s+|["“(]\s*)$/u.test(text.slice(Math.max(0, m.index! - 3), m.index!));
    let titled = false;
    let lead = 0;
    while (lead < words.length - 1 && (TITLES.has(words[lead]) || (isDemonym(words[lead]) && TITLES.has(words[lead + 1] ?? '')))) lead++;
    if (lead > 0) {
      titled = true;
      skip(lead);
    } else if (STOP.has(words[0]) || (sentenceStart && !kindByWords(words) && !speakerNames.has(words.join(' ')))) {
      // "So Omar Saleh" -> "Omar Saleh": drop a sentence opener.
      if (words.length < 3) continue;
      skip(1);
    }
    if (words.length < 2 && !titled) continue;
    const phrase = words.join(' ');
    // The kind is decided per piece (add splits at sentence ends), from its own words.
    add(phrase, start, kindByWords(words) ?? (titled ? 'person' : 'auto'));
  }
  // Names with `of`: "University of New Orleans", "Army Corps of Engineers", "Bank of America".
  const OF_NAME = new RegExp(
    String.raw`(?<![\p{L}\p{N}'’])(?:\p{Lu}[\p{Ll}'’\-]+[ \t]+){0,3}(?:${[...OF_NAMES].join('|')})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?\p{Lu}[\p{Ll}'’\-]+(?:[ \t]+\p{Lu}[\p{Ll}'’.\-]*){0,3}`,
    'gu',
  );
  for (const m of text.matchAll(OF_NAME)) {
    const name = m[0].replace(/\.$/, ''); // the sentence's period, not the name's
    const phrase = name.replace(/[ \t]+/g, ' ');
    if (phrase.length === name.length) out.push({ start: m.index!, end: m.index! + name.length, text: name, kind: kindByWords(phrase.split(' ')) ?? 'organization', strong: true });
  }
  // After a preposition of place, capitalised words are a place: "at Baton Rouge", "from Vientiane".
  // The preposition is matched forwards (a look-behind with [ \t]+ would scan back over a whole
  // run of spaces from every position in it); the name is the first group.
  for (const m of text.matchAll(/(?<![\p{L}])(?:in|at|from|near|outside|across|around|throughout|towards?|into|(?:go|goes|going|went|gone|travel(?:l?ed)?|fl(?:y|ew)|moved?|back|returned?|trip|flights?)[ \t]+to)[ \t]+(\p{Lu}[\p{Ll}'’\-]+(?:[ \t]+\p{Lu}[\p{Ll}'’\-]+){0,2})(?![\p{L}\p{N}])/gu)) {
    const name = m[1];
    const at = m.index! + m[0].length - name.length;
    const words = name.split(/[ \t]+/);
    if (STOP.has(words[0]) || speakerNames.has(name) || speakerNames.has(words[0]) || ORG_SINGLE.has(words[0])) continue;
    const kind = kindByWords(words);
    if (kind === 'organization' || words.some((w) => TITLES.has(w))) continue;
    out.push({ start: at, end: at + name.length, text: name, kind: 'place', strong: true });
  }
  // Single words that always name an organisation.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?=['’]s\b|[^\p{L}\p{N}]|$)/gu)) {
    if (ORG_SINGLE.has(m[0])) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'organization' });
  }
  // Speakers named in the text: one pattern of all their names, compiled once per table.
  if (pattern) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'person', speaker: speakerNames.get(m[0]) });
  }
  // A range that cuts a surrogate pair would put an editor's selection inside a character.
  return merge(out.filter((m) => onBoundaries(text, m)));
}

/** Overlapping matches: the longest wins; among equals, a speaker, then a known kind, beats 'name'. */
function merge(matches: EntityMatch[]): EntityMatch[] {
  // A speaker's name beats everything; what the text's own shape says (`at Baton Rouge`,
  // `University of …`) beats the NLP library's guess; any kind beats a bare name.
  const rank = (m: EntityMatch) => (m.speaker !== undefined ? 4 : m.strong ? 3 : m.kind === 'name' ? 0 : 2);
  matches.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || rank(b) - rank(a));
  const out: EntityMatch[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      // Same span: keep the better-ranked kind.
      if (m.start === last.start && m.end === last.end && rank(m) > rank(last)) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Other forms of a name in the text: `Russia`, `Russia's`, `Russian`, `Russians`. */
export function formsRegex(name: string): RegExp {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tail = /\.$/.test(name) ? '' : `(?:['’]s|s|n|ns|ns['’]|ese)?`;
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${esc}${tail}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
}

export interface EntityMentions {
  count: number;
  forms: Map<string, number>;
  spans: Span[];
}

/** Every mention of the name in the document's text outside labels (a text search, fast). */
export function mentionsOf(doc: TranscriptDocument, name: string): EntityMentions {
  const re = formsRegex(name);
  const forms = new Map<string, number>();
  const spans: Span[] = [];
  const labels = doc.turns.filter((t) => t.label).map((t) => t.label!);
  let li = 0;
  for (const m of doc.text.matchAll(re)) {
    const at = m.index!;
    while (li < labels.length && labels[li].end <= at) li++;
    if (li < labels.length && labels[li].start <= at) continue;
    spans.push({ start: at, end: at + m[0].length });
    forms.set(m[0], (forms.get(m[0]) ?? 0) + 1);
  }
  return { count: spans.length, forms, spans };
}

/** Lower-cased proper names of a text with their counts (capitalised runs, their single words, acronyms), for workspace-wide counts without NLP. */
export function nameCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’])(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}'’\-]*)(?:[ \t]+\p{Lu}[\p{Ll}'’\-]+){0,3}/gu)) {
    // Without a sentence opener in front: "The Mekong River Commission" counts as the commission.
    const words = m[0].replace(/['’]s$/u, '').split(/[ \t]+/);
    while (words.length > 1 && STOP.has(words[0])) words.shift();
    const phrase = words.join(' ').toLowerCase();
    bump(phrase);
    if (phrase.includes(' ')) for (const w of phrase.split(/[ \t]+/)) bump(w.replace(/['’]s$/u, ''));
  }
  return counts;
}
