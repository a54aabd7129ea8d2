// Who speaks: resolves the forms of a speaker's label to one person. `SCOTT DETROW, HOST:`
// then `DETROW:` is one speaker, "Scott Detrow", role HOST. A speaker known only by a short
// label gets their full name from the text around them: the summary ("NPR's Charles Maynes
// joins us"), a bio in the trailer ("Scott Detrow is a White House correspondent …") or a
// mention before their first turn.

import { isJsSpace, type Span, type TranscriptDocument, type Turn } from '../parser';

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
  /** A title written before the full name in the introducing label: `U.S. Senator` in `U.S. SENATOR ANNE FOLEY:`. */
  title?: string;
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
  /** `Unidentified Man #2`, `UNIDENTIFIED PERSON #1`, `Speaker 1`: never matched by surname. */
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
  /** Words of the name without the honorific and any title, upper-cased. */
  words: string[];
  /** The name without honorific and title, upper-cased and single-spaced. */
  full: string;
  surname: string;
  /** First-letter initial when the label is `S. KANE`. */
  initial?: string;
  isFull: boolean;
  unidentified: boolean;
  /** Title words before the name (`U.S. SENATOR`), upper-cased, when the label has any. */
  title?: string;
  /** `words` as people write them: `Anne Foley`, `Angus McTavish`, `DeShawn Royce` (mixed-case labels as written). */
  display: string;
  /** The label without its honorific, single-spaced, as written: `DETROW`, `SENATOR FOLEY`. */
  written: string;
}

const INITIAL = /^\p{L}\.$/u;

/**
 * Titles that may stand before a name in a label (`U.S. SENATOR ANNE FOLEY:`, `JUDGE ROY BELL:`).
 * Compared upper-cased with dots removed. Leading title words are not part of the name, so
 * `SENATOR FOLEY:` is a short label for the same person as `U.S. SENATOR ANNE FOLEY:`.
 */
const TITLES = new Set([
  'CHAIRMAN', 'CHAIRWOMAN', 'CHAIR', 'US', 'UN', 'FORMER', 'VICE', 'DEPUTY', 'ACTING', 'STATE', 'SENATOR', 'SEN', 'REPRESENTATIVE', 'REP',
  'CONGRESSMAN', 'CONGRESSWOMAN', 'GOVERNOR', 'GOV', 'LIEUTENANT', 'LT', 'PRESIDENT', 'PRES', 'PRIME', 'MINISTER',
  'SECRETARY', 'MAYOR', 'JUDGE', 'JUSTICE', 'CHIEF', 'AMBASSADOR', 'GENERAL', 'GEN', 'ADMIRAL', 'ADM', 'COLONEL',
  'COL', 'CAPTAIN', 'CAPT', 'SERGEANT', 'SGT', 'SHERIFF', 'DETECTIVE', 'OFFICER', 'COMMISSIONER', 'DR', 'DOCTOR',
  'PROFESSOR', 'PROF', 'REV', 'REVEREND', 'FATHER', 'BISHOP', 'CARDINAL', 'RABBI', 'IMAM', 'ATTORNEY',
  'COUNCILMAN', 'COUNCILWOMAN', 'COUNCILMEMBER', 'ASSEMBLYMAN', 'ASSEMBLYWOMAN', 'DELEGATE',
]);

/** Prefixes that keep a capital inside a surname: `McTAVISH` is shown `McTavish`. */
const NAME_PREFIX = /^(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)(\p{Lu}{2}.*)$/u;

/** TITLES by length and first letter: a plain word is compared with the few of its shape, not hashed for the set. */
const TITLES_BY_SHAPE: string[][] = [];
for (const title of TITLES) (TITLES_BY_SHAPE[title.length * 26 + title.charCodeAt(0) - 65] ??= []).push(title);

/**
 * Whether a label word is a title: in TITLES once dots are removed and it is upper-cased (`Sen.`,
 * and `ſ` -> `S`). Plain upper-case ASCII words (nearly all) need neither, and are compared as
 * they are with the titles of their shape.
 */
function isTitle(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127 || c === 46 || (c >= 97 && c <= 122)) return TITLES.has(word.replace(/\./g, '').toUpperCase());
  }
  const first = word.charCodeAt(0) - 65;
  const shape = first >= 0 && first < 26 ? TITLES_BY_SHAPE[word.length * 26 + first] : undefined;
  if (shape) for (let k = 0; k < shape.length; k++) if (shape[k] === word) return true;
  return false;
}

/** nameParts but `display`, which most forms never need (they resolve to a speaker that another form made). */
interface Split extends Omit<NameParts, 'display'> {
  /** The name without honorific and title, single-spaced, as written: what `display` is made from. */
  own: string;
  /** Every word of `own` is `[A-Z]+`. */
  capitals: boolean;
}

export function nameParts(name: string, honorific: string | undefined): NameParts {
  const p = splitName(name, honorific);
  const { words, full, surname, initial, isFull, unidentified, title, written } = p;
  return { words, full, surname, initial, isFull, unidentified, title, display: displayOf(p), written };
}

function splitName(name: string, honorific: string | undefined): Split {
  // The words, as `name.split(/\s+/).filter(Boolean)` gives them, by a scan of the characters;
  // `single` while the name is written with single spaces only, so that joins are slices.
  const raw: string[] = [];
  let single = true;
  for (let i = 0; i < name.length; ) {
    const from = i;
    while (i < name.length && isJsSpace(name.charCodeAt(i))) i++;
    if (i - from !== (from === 0 || i === name.length ? 0 : 1) || (i > from && name.charCodeAt(from) !== 32)) single = false;
    if (i === name.length) break;
    const start = i;
    while (i < name.length && !isJsSpace(name.charCodeAt(i))) i++;
    raw.push(name.slice(start, i));
  }
  const h = honorific && raw.length > 1 ? 1 : 0;
  let t = h;
  while (t < raw.length - 1 && isTitle(raw[t])) t++;
  const written = single ? (h === 0 ? name : name.slice(raw[0].length + 1)) : raw.slice(h).join(' ');
  // The name without title, single-spaced: what `full` and `display` are made from.
  const own = t === h ? written : single ? name.slice(name.length - (raw.length - t - 1) - sumLengths(raw, t)) : raw.slice(t).join(' ');
  // Labels are mostly upper-case ASCII already. Case conversions are the costliest part of this
  // (on the two-byte strings of a document with one curly quote): none is made for nothing.
  const words: string[] = [];
  let upper = true;
  let capitals = true;
  for (let k = t; k < raw.length; k++) {
    const w = raw[k];
    const kind = asciiCase(w);
    if (kind !== CAPITALS) capitals = false;
    if (kind === MIXED) upper = false;
    words.push(kind === MIXED ? w.toUpperCase() : w);
  }
  const first = words[0];
  const unidentified =
    first === 'UNIDENTIFIED' || first === 'UNKNOWN' || (words.length === 2 && first === 'SPEAKER' && /^(?:\d+|\p{Lu})$/u.test(words[1]));
  const surname = words[words.length - 1] ?? '';
  // INITIAL matches a letter (one or two code units) and a dot: test only what may.
  const initial = words.length === 2 && first.length <= 3 && first.charCodeAt(first.length - 1) === 46 && INITIAL.test(first) ? first[0] : undefined;
  const isFull = !unidentified && words.length >= 2 && !initial;
  const title = t > h ? raw.slice(h, t).join(' ').toUpperCase() : undefined;
  // Upper-casing maps each character alone: the upper-cased join is the join of the upper-cased words.
  const full = upper ? own : own.toUpperCase();
  return { words, full, surname, initial, isFull, unidentified, title, written, own, capitals };
}

/** `words` as people write them (see NameParts): an all-capitals name is lower-cased once, not word by word. */
function displayOf(p: Split): string {
  const own = p.own;
  if (!p.capitals) return own.split(' ').map(displayWord).join(' ');
  const lower = own.toLowerCase();
  let display = '';
  for (let from = 0; from < own.length; ) {
    let to = own.indexOf(' ', from);
    if (to < 0) to = own.length;
    display += (from === 0 ? '' : ' ') + own[from] + lower.slice(from + 1, to);
    from = to + 1;
  }
  return display;
}

function sumLengths(words: string[], from: number): number {
  let n = 0;
  for (let k = from; k < words.length; k++) n += words[k].length;
  return n;
}

/** asciiCase: `[A-Z]+`; ASCII without a lower-case letter (what toUpperCase leaves as it is); anything else. */
const CAPITALS = 0;
const UPPER = 1;
const MIXED = 2;
function asciiCase(word: string): number {
  let kind = CAPITALS;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127 || (c >= 97 && c <= 122)) return MIXED;
    if (c < 65 || c > 90) kind = UPPER;
  }
  return word.length === 0 ? UPPER : kind;
}

/** One word of a label as it is shown: upper-case words title-cased, mixed-case words as written. */
function displayWord(word: string): string {
  if (asciiCase(word) === CAPITALS) return word[0] + word.slice(1).toLowerCase();
  const m = NAME_PREFIX.exec(word);
  if (m) return m[1] + titleCase(m[2]);
  return /\p{Ll}/u.test(word) ? word : titleCase(word);
}

/** `SCOTT DETROW` -> `Scott Detrow`, `BETO O'ROURKE` -> `Beto O'Rourke`, `MS. NÚÑEZ` -> `Ms. Núñez`. */
export function titleCase(upper: string): string {
  return upper.toLowerCase().replace(/(^|[\s'’\-.])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** At most this many trailer lines are read for bios: bios come first, and the trailer may be long. */
const MAX_BIO_LINES = 200;
/** Each region searched for a full name is cut to this many characters around the speaker. */
const MAX_REGION = 8_000;

/** One distinct label form (name and honorific) in a call of analyzeSpeakers, and the speaker it last resolved to (see attribute). */
interface Form {
  p: Split;
  /** `display` of nameParts, made when a speaker is made from this form. */
  display: string | undefined;
  speaker: Speaker | undefined;
  /** How many speakers existed when it resolved to `speaker`. */
  made: number;
  /** A speaker whose labels hold the label name of every turn of this form (outside court transcripts, where `A.` and `THE WITNESS:` share a form). */
  listed: Speaker | undefined;
  /** The name is `THE WITNESS`, in any case. */
  witness: boolean;
  name: string;
  honorific: string | undefined;
  hash: number;
  /** The next form in its bucket of `Attribution.table`. */
  next: Form | undefined;
}

/**
 * What one call of analyzeSpeakers builds up. The work per turn is done by small module-level
 * functions on it (formOf, attribute), not by callbacks made on each call: V8 drops the
 * optimised code of closures once a full garbage collection finds none of them alive, and one
 * large function called once per document stays unoptimised for long after a deoptimisation.
 */
interface Attribution {
  /** Every speaker made, in order of making (`made` counts them). */
  speakers: Speaker[];
  /** The speakers in order of first turn: a speaker's id is its index here, given at its first turn. */
  ordered: Speaker[];
  byKey: Map<string, Speaker>;
  bySurname: Map<string, Speaker[]>;
  byFirst: Map<string, Speaker[]>;
  /** The surname as written in running text (`McTavish`), by order of making, then by id in `surnames`. */
  surnameText: string[];
  surnames: string[];
  byTurn: (number | undefined)[];
  /** Most turns repeat a handful of labels: each distinct one is split once. In order of first use. */
  forms: Form[];
  /**
   * The forms by a hash of a few of their characters (formHash), chained through `next`. Every
   * label is a new string of each parse: V8 would hash each one in full for a Map, and comparing
   * a label with the one or two forms of its bucket is cheaper.
   */
  table: (Form | undefined)[];
  court: ReturnType<typeof courtRoles> | undefined;
}

/** Marks of a turn for pass 2 (see formOf), so that it need not read the turn's label again. */
const HAS_ROLE = 1;
/** The label may introduce its speaker: it gives a full name, and is neither `A.` nor `THE WITNESS:`. */
const MAY_INTRODUCE = 2;

/**
 * The form of a turn's label, or undefined for a turn without a person's label; sets the turn's
 * marks. The one pass that reads the labels: on a long document they are out of the cache again
 * by pass 2.
 */
function formOf(a: Attribution, t: Turn, i: number, marks: Uint8Array): Form | undefined {
  const l = t.label;
  if (!l || l.pseudo) return undefined;
  const court = a.court;
  // In court transcripts `Q.` is the examiner named by the last `BY MR. DOE:` line and `A.`
  // (and `THE WITNESS:`) the witness the header names; pseudo-speakers (`Music:`) are nobody.
  if (court && (l.qa === 'Q' || l.qa === 'A' || isTheWitness(l.name))) {
    const examiner = l.qa === 'Q' ? court.examinerAt(t.firstLine) : undefined;
    const name = l.qa === 'Q' ? (examiner ? examiner.name : 'QUESTIONER') : (court.witness ?? 'WITNESS');
    // Such a label introduces nobody.
    if (l.role) marks[i] = HAS_ROLE;
    return formNamed(a, name, examiner?.honorific);
  }
  const f = formNamed(a, l.name, l.honorific);
  // Not `A.` and not `THE WITNESS:` (which are the form's name, here).
  marks[i] = (l.role ? HAS_ROLE : 0) | (f.p.isFull && !l.qa && !f.witness ? MAY_INTRODUCE : 0);
  return f;
}

/** The form of a name and honorific: found in the table, or split and added. */
function formNamed(a: Attribution, name: string, honorific: string | undefined): Form {
  const hash = formHash(name, honorific);
  const table = a.table;
  for (let f = table[hash & (table.length - 1)]; f; f = f.next) if (f.name === name && f.honorific === honorific) return f;
  const f: Form = { p: splitName(name, honorific), display: undefined, speaker: undefined, made: -1, listed: undefined, witness: isTheWitness(name), name, honorific, hash, next: undefined };
  a.forms.push(f);
  if (a.forms.length > table.length) {
    // Twice the buckets, and the forms so far spread over them again.
    a.table = new Array(table.length * 2).fill(undefined);
    for (const g of a.forms) g.next = undefined;
    for (const g of a.forms) addForm(a.table, g);
  } else addForm(table, f);
  return f;
}

function addForm(table: (Form | undefined)[], f: Form): void {
  const b = f.hash & (table.length - 1);
  f.next = table[b];
  table[b] = f;
}

/** A hash of a label's length and four of its characters (and its honorific's length). */
function formHash(name: string, honorific: string | undefined): number {
  const n = name.length;
  let h = n + (honorific ? honorific.length << 6 : 0);
  if (n > 0) h ^= name.charCodeAt(0) ^ (name.charCodeAt(n - 1) << 7) ^ (name.charCodeAt(n >> 1) << 14) ^ (name.charCodeAt(n >> 2) << 21);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

function displayOfForm(f: Form): string {
  return (f.display ??= displayOf(f.p));
}

function make(a: Attribution, key: string, name: string, f: Form): Speaker {
  const p = f.p;
  const s: Speaker = {
    id: a.speakers.length,
    key,
    name,
    surname: p.surname,
    labels: [],
    roles: [],
    introductions: [],
    turns: [],
    unidentified: p.unidentified,
  };
  a.speakers.push(s);
  a.byKey.set(key, s);
  const display = displayOfForm(f);
  a.surnameText.push(display.slice(display.lastIndexOf(' ') + 1));
  return s;
}

/** Pass 2 for turn `i` (of form `form`, with marks `mark`): who speaks it. Reads the turn itself only when it must. */
function attribute(a: Attribution, turn: Turn, i: number, form: Form | undefined, mark: number): void {
  const { speakers, byTurn } = a;
  if (!form) {
    const root = turn.label ? undefined : turn.continues;
    const id = root === undefined ? undefined : byTurn[root];
    byTurn[i] = id;
    if (id !== undefined) a.ordered[id].turns.push(i);
    return;
  }
  const p = form.p;
  // A form resolves from byKey, bySurname and byFirst alone, which change only when a speaker
  // is made: while none has been since, it resolves as it did last time.
  let s = form.made === speakers.length ? form.speaker : a.byKey.get(p.full);
  if (!s && !p.unidentified) {
    let matches = a.bySurname.get(p.surname);
    if (matches && p.initial) matches = matches.filter((m) => m.key.startsWith(p.initial!));
    if ((!matches || matches.length === 0) && p.words.length === 1) matches = a.byFirst.get(p.surname);
    if (matches && matches.length === 1) s = matches[0];
    else if (matches && matches.length > 1) {
      s = make(a, p.full, p.written, form);
      s.ambiguous = matches.map((m) => m.name);
    }
  }
  if (!s) {
    // `MR. KANE:` is known as Mr. Kane, not as KANE (and `Q.` by its examiner's honorific: see formOf).
    const honorific = form.honorific;
    s = make(a, p.full, p.unidentified ? displayOfForm(form) : honorific ? `${honorific} ${p.written}` : p.written, form);
    if (!p.unidentified) push(a.bySurname, p.surname, s);
  }
  form.speaker = s;
  form.made = speakers.length;
  if (s.turns.length === 0) {
    // Its first turn: speakers are numbered in order of first turn (the order they were made in is another).
    a.surnames.push(a.surnameText[s.id]);
    s.id = a.ordered.length;
    a.ordered.push(s);
  }
  byTurn[i] = s.id;
  s.turns.push(i);
  if (form.listed !== s) {
    const name = turn.label!.name;
    if (!s.labels.includes(name)) s.labels.push(name);
    if (!a.court) form.listed = s;
  }
  // `A.` stands for the witness named elsewhere: it introduces nobody.
  if (mark & MAY_INTRODUCE && p.full === s.key) s.introductions.push(i);
  if (mark & HAS_ROLE) {
    const role = turn.label!.role!;
    s.roles.push({ role, turn: i });
    s.role ??= role;
  }
}

/** `name.toUpperCase() === 'THE WITNESS'`, without upper-casing every full name: upper-casing keeps an ASCII name's length. */
function isTheWitness(name: string): boolean {
  if (name.length !== 11) {
    let i = 0;
    while (i < name.length && name.charCodeAt(i) < 128) i++;
    if (i === name.length) return false;
  }
  return name.toUpperCase() === 'THE WITNESS';
}

export function analyzeSpeakers(doc: TranscriptDocument): SpeakerTable {
  const turns = doc.turns;
  const a: Attribution = {
    speakers: [],
    ordered: [],
    byKey: new Map(),
    bySurname: new Map(),
    byFirst: new Map(),
    surnameText: [],
    surnames: [],
    byTurn: new Array(turns.length),
    forms: [],
    table: new Array(64).fill(undefined),
    court: doc.style === 'court' ? courtRoles(doc) : undefined,
  };
  const forms: (Form | undefined)[] = new Array(turns.length);
  const marks = new Uint8Array(turns.length);
  for (let i = 0; i < turns.length; i++) forms[i] = formOf(a, turns[i], i, marks);

  // Pass 1: everyone introduced by full name, in order of introduction. The forms are in order
  // of first use, and a form's later turns would introduce nobody new.
  for (let k = 0; k < a.forms.length; k++) {
    const f = a.forms[k];
    const p = f.p;
    if (!p.isFull || a.byKey.has(p.full)) continue;
    const s = make(a, p.full, displayOfForm(f), f);
    s.fullName = s.name;
    s.fullNameSource = 'label';
    if (p.title) s.title = titleCase(p.title);
    push(a.bySurname, p.surname, s);
    push(a.byFirst, p.words[0], s);
  }

  // Pass 2: attribute every turn.
  for (let i = 0; i < turns.length; i++) attribute(a, turns[i], i, forms[i], marks[i]);

  const { ordered, surnames } = a;
  const table = { speakers: ordered, byTurn: a.byTurn };
  // What the labels alone say, kept so that an edit that changes no label can start from it.
  const copies: Speaker[] = new Array(ordered.length);
  for (let i = 0; i < ordered.length; i++) copies[i] = { ...ordered[i] };
  structures.set(table, { speakers: copies, surnames });
  attachNames(doc, table);
  return table;
}

/** Per table: its speakers as the labels alone made them (before names were looked up in the text). */
const structures = new WeakMap<SpeakerTable, { speakers: Speaker[]; surnames: string[] }>();

/** Full names, bios and mentions from the text around each speaker. */
function attachNames(doc: TranscriptDocument, table: SpeakerTable): void {
  const surnames = structures.get(table)!.surnames;
  const heads = bioHeads(doc);
  for (let i = 0; i < table.speakers.length; i++) findFullName(doc, table.speakers[i], surnames[i], heads);
}

/**
 * The speakers of `doc` after an edit that changed no label (same turns, same labels, same
 * order): who speaks when is as before, so only the names found in the text are looked up
 * again. Undefined when `previous` was not built by analyzeSpeakers.
 */
export function reuseSpeakers(doc: TranscriptDocument, previous: SpeakerTable): SpeakerTable | undefined {
  const structure = structures.get(previous);
  if (!structure || previous.byTurn.length !== doc.turns.length) return undefined;
  const speakers = structure.speakers.map((s) => ({ ...s }));
  const table = { speakers, byTurn: previous.byTurn };
  structures.set(table, { speakers: structure.speakers, surnames: structure.surnames });
  attachNames(doc, table);
  return table;
}

const EXAMINER = /^[ \t]*BY ((?:MR|MS|MRS|DR|MISS)\.?) ([\p{Lu}'’ -]+?):[ \t]*$/gmu;
const WITNESS = [
  // `HAROLD J. MERCER, having been first duly sworn, …`, often broken after the comma.
  /^[ \t]*([\p{Lu}][\p{Lu}.'’ -]{2,60}?),[ \t]*(?:\r?\n[ \t]*)?(?:having been|having first been|being first|being duly|called as a witness|a witness)/mu,
  /^[ \t]*WITNESS:[ \t]*([\p{Lu}][\p{L}.'’ -]{2,60}?)[ \t]*$/mu,
  /(?:EXAMINATION|DEPOSITION|TESTIMONY) OF ([\p{Lu}][\p{Lu}.'’ -]{2,60}?)[ \t]*$/mu,
];

/** Who asks (`BY MR. DOE:` lines, by line) and who answers (the witness the header names). */
function courtRoles(doc: TranscriptDocument): { examinerAt(line: number): { name: string; honorific: string } | undefined; witness?: string } {
  const examiners: { line: number; name: string; honorific: string }[] = [];
  EXAMINER.lastIndex = 0;
  let li = 0;
  for (const m of doc.text.matchAll(EXAMINER)) {
    while (li + 1 < doc.lineStarts.length && doc.lineStarts[li + 1] <= m.index!) li++;
    examiners.push({ line: li, name: `${m[1]} ${m[2].trim()}`, honorific: m[1] });
  }
  let witness: string | undefined;
  for (const re of WITNESS) {
    const m = re.exec(doc.text.slice(0, 200_000));
    if (m) {
      witness = m[1].trim().replace(/\s+/g, ' ').toUpperCase();
      break;
    }
  }
  return {
    witness,
    examinerAt(line) {
      let found: (typeof examiners)[number] | undefined;
      for (let lo = 0, hi = examiners.length - 1; lo <= hi; ) {
        const mid = (lo + hi) >> 1;
        if (examiners[mid].line <= line) {
          found = examiners[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const PROPER_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}'’\-]+`;
/** Up to three capitalised words (or a middle initial) ending a text: the given names before a surname. Compiled once. */
const NAMES_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{M}])(${PROPER_WORD}(?:\s+(?:\p{Lu}\.|${PROPER_WORD})){0,2})\s+$`, 'u');
/**
 * Capitalised words that are not given names: a sentence's first word, a job before a name
 * ("Correspondent Omar Saleh"). The name found is what follows the last of them.
 */
const NOT_GIVEN_NAMES = new Set(
  (
    'A An And As At But By For From Here His Her Hi Hello In Its Joining Meanwhile My Now Of On Or Our So Their Then There ' +
    'The These This Those To Today Tonight Well When While With Yes Your Thanks Thank Welcome Listen Also After Before ' +
    'Support Donate Follow Visit Read Subscribe Contact Email Please See Find Join Watch Meet Ask Dear ' +
    'Host Co-host Anchor Reporter Correspondent Producer Editor Analyst Economist Author Director Spokesman Spokeswoman ' +
    'Spokesperson Senator Senators Representative Representatives Members Member Ranking Chairman Chairwoman Congressman Congresswoman Governor President Mayor Judge Justice Minister ' +
    'Secretary Ambassador Chief General Colonel Captain Sergeant Sheriff Detective Officer Commissioner Doctor Professor ' +
    'Reverend Father Bishop Rabbi Imam Dr Mr Mrs Ms Miss Sen Rep Gov Prof Rev Gen Col Capt Sgt Lt'
  ).split(' '),
);

/**
 * Looks for "Firstname [Middle] Surname" near a speaker known only by a short label.
 * Searches a bounded part of the document (summary, trailer, the text before and in the
 * speaker's first turn) so that this stays cheap on a day-long hearing.
 */
function findFullName(doc: TranscriptDocument, s: Speaker, surname: string, heads: BioHeads): void {
  const bio = findBio(doc, s, heads);
  if (bio) s.bio = bio.span;
  if (s.fullName || s.unidentified || s.ambiguous || s.surname.length < 2 || !/^\p{L}/u.test(s.surname)) return;
  const regions: [Span, Speaker['fullNameSource']][] = [];
  if (bio) regions.push([bio.span, 'bio']);
  if (doc.preamble) regions.push([{ start: doc.preamble.start, end: Math.min(doc.preamble.end, doc.preamble.start + MAX_REGION) }, 'summary']);
  const first = s.turns[0];
  if (first !== undefined) {
    const turn = doc.turns[first];
    const from = first > 2 ? doc.turns[first - 3].start : 0;
    regions.push([{ start: Math.max(from, turn.start - MAX_REGION), end: Math.min(turn.end, turn.start + MAX_REGION) }, 'mention']);
  }
  if (doc.trailer && !bio) regions.push([{ start: doc.trailer.start, end: Math.min(doc.trailer.end, doc.trailer.start + MAX_REGION) }, 'bio']);
  for (const [span, source] of regions) {
    const found = findNameBefore(doc.text, span, surname);
    if (!found) continue;
    s.fullName = `${found.given} ${surname}`;
    s.fullNameSource = source;
    s.name = s.fullName;
    s.mention = { start: found.start, end: found.end };
    return;
  }
}

/** The first "Given [Middle] Surname" in text[span): the surname as a whole word, capitalised words before it. */
function findNameBefore(text: string, span: Span, surname: string): { given: string; start: number; end: number } | undefined {
  if (!surname) return undefined;
  // Search the region alone: indexOf on the whole text would run past it, once per speaker.
  const hay = text.slice(span.start, span.end);
  for (let at = hay.indexOf(surname); at >= 0; at = hay.indexOf(surname, at + 1)) {
    const end = at + surname.length;
    if (end < hay.length && /[\p{L}\p{M}]/u.test(String.fromCodePoint(hay.codePointAt(end) ?? 0))) continue;
    // At most ~3 words before it; start the look-behind window on a word boundary.
    let from = Math.max(0, at - 100);
    if (from > 0) {
      while (from < at && !/\s/.test(hay[from - 1])) from++;
    }
    const m = NAMES_BEFORE.exec(hay.slice(from, at));
    if (!m) continue;
    const found = [...m[1].matchAll(/\S+/g)];
    const words = found.map((w) => w[0]);
    let k = words.length;
    while (k > 0 && !NOT_GIVEN_NAMES.has(words[k - 1].replace(/\.$/, ''))) k--;
    const given = words.slice(k);
    if (given.length === 0) continue;
    const start = span.start + from + m.index + found[k].index!;
    return { given: given.join(' '), start, end: span.start + end };
  }
  return undefined;
}

interface BioHeads {
  /** The start of each line of the trailer that may be a bio, lower-cased. */
  lines: string[];
  /** The same joined by newlines: a surname (a word) that is not in it is in none of them. */
  all: string;
}

/** The starts of the trailer's lines, for findBio: once per document, not once per speaker. */
function bioHeads(doc: TranscriptDocument): BioHeads {
  const lines = doc.trailer?.lines ?? [];
  const heads: string[] = [];
  for (let l = 0; l < lines.length && l < MAX_BIO_LINES; l++) heads.push(doc.text.slice(lines[l].start, Math.min(lines[l].end, lines[l].start + 60)).toLowerCase());
  return { lines: heads, all: heads.join('\n') };
}

/** A trailer line about the speaker: it starts with their full name or surname, or names them in its first words. */
function findBio(doc: TranscriptDocument, s: Speaker, bioHeads: BioHeads): { span: Span } | undefined {
  if (!doc.trailer || s.unidentified) return undefined;
  const surname = s.surname.toLowerCase();
  if (!surname || bioHeads.all.indexOf(surname) < 0) return undefined;
  const lines = doc.trailer.lines;
  const heads = bioHeads.lines;
  for (let l = 0; l < heads.length; l++) {
    const line = lines[l];
    const head = heads[l];
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

/** The speaker of a turn, or undefined for unattributed text. */
export function speakerOf(table: SpeakerTable, turnIndex: number): Speaker | undefined {
  const id = table.byTurn[turnIndex];
  return id === undefined ? undefined : table.speakers[id];
}
