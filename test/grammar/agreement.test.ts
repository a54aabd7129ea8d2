// The grammar and the language server must agree on what a label is and what a cue is, or
// the colours would contradict the outline and the diagnostics. These tests run both over
// the same lines: every line of the hand-written cases and of the fixtures, plus seeded random
// lines built from label-like parts (names, honorifics, roles, times, colons, stray brackets
// and quotes).
//
// TextMate cannot know a document's style, so the grammar colours a line as a label when the
// broadcast scanner (scanLabel) takes it, or else when another style's scanner
// (scanLabelFor(style, …)) takes it in one of the forms the grammar claims for that style
// (GRAMMAR_COVERS): the comparison below is exact for both.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { classifyCue } from '../../server/src/parser/cues';
import type { Label } from '../../server/src/parser';
import { scanCourtLabel, scanLabel, scanLabelFor } from '../../server/src/parser/label';
import { allFixtures, repoPath } from '../fixtures/styles/support';
import { loadTranscriptGrammar, textWithScope, tokenizeLines, type Token } from './helpers';
import { parseSyntaxCases } from './syntax-cases';

/** Small seeded PRNG (mulberry32), so a failure names a line that can be reproduced. */
function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type OtherStyle = 'podcast' | 'court' | 'hearing';

/**
 * The other styles' labels the grammar colours, line-anchored and specific: podcast labels in
 * Markdown bold or with a time (before the name, after it or after the colon; a plain
 * `Jerod Santo:` is left to semantic highlighting, since `First Up:` looks the same), court
 * `Q.` / `A.` / `Q`, hearing labels ending with a period. Other labels of those styles are
 * broadcast labels as well (`THE COURT:`, `Speaker 1:`). The examiner line `BY MS. OKAFOR:`, which
 * the broadcast scanner would take, is a court heading for the grammar. Court colloquy indented
 * deeper than the broadcast scanner reads (`               MR. VOSS:`, more than 12 characters and
 * at most 40 columns) is coloured too: a court label the broadcast scanner did not take that
 * starts past character 12 is one (the lines here start at offset 0 and, starting with no digit,
 * have no margin number).
 */
const GRAMMAR_COVERS: Record<OtherStyle, (l: Label) => boolean> = {
  podcast: (l) => !!l.bold || (!!l.timestamp && !l.role && !l.honorific && !l.pseudo),
  court: (l) => l.qa !== undefined || l.start > 12,
  hearing: (l) => l.terminator === '.' && l.qa === undefined,
};

/** parse.ts only tries a label where the first non-space character is not a-z or 0-9. */
function parserLabel(line: string): Label | undefined {
  let ft = 0;
  while (ft < line.length && ' \t\u00a0\ufeff'.includes(line[ft])) ft++;
  const c = line.charCodeAt(ft);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return undefined;
  // `BY MR. DOE:` names the examiner of the Q. lines below it: a heading in every style.
  if (scanCourtLabel(line, 0, line.length) === null) return undefined;
  const broadcast = scanLabel(line, 0, line.length);
  if (broadcast) return broadcast;
  for (const style of ['podcast', 'court', 'hearing'] as const) {
    const label = scanLabelFor(style, line, 0, line.length);
    if (label && GRAMMAR_COVERS[style](label)) return label;
  }
  return undefined;
}

interface LabelParts {
  honorific?: string;
  name?: string;
  role?: string;
}

function fromParser(line: string): LabelParts {
  const label = parserLabel(line);
  if (!label) return {};
  // The grammar scopes the honorific apart from the rest of the name.
  const name = label.honorific ? label.name.slice(label.honorific.length).replace(/^[ \t\u00a0]+/, '') : label.name;
  return { honorific: label.honorific, name, role: label.role };
}

function fromGrammar(line: string, tokens: Token[]): LabelParts {
  const parts: LabelParts = {
    honorific: textWithScope(line, tokens, 'storage.modifier.honorific.transcript'),
    name: textWithScope(line, tokens, 'entity.name.tag.speaker.transcript'),
    role: textWithScope(line, tokens, 'entity.other.attribute-name.role.transcript'),
  };
  for (const k of Object.keys(parts) as (keyof LabelParts)[]) if (parts[k] === undefined) delete parts[k];
  return parts;
}

function compareLabels(grammar: IGrammar, lines: readonly string[]): { mismatches: string[]; labels: number } {
  const mismatches: string[] = [];
  let labels = 0;
  for (const line of lines) {
    // One line at a time: a label is a property of its own line.
    const [tokens] = tokenizeLines(grammar, [line]);
    const p = fromParser(line);
    const g = fromGrammar(line, tokens);
    if (p.name !== undefined) labels++;
    if (JSON.stringify(p) !== JSON.stringify(g)) {
      mismatches.push(`${JSON.stringify(line)}\n    parser  ${JSON.stringify(p)}\n    grammar ${JSON.stringify(g)}`);
    }
  }
  return { mismatches, labels };
}

const caseLines = readdirSync(join(__dirname, 'cases'))
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => parseSyntaxCases(readFileSync(join(__dirname, 'cases', f), 'utf8'), f).lines)
  .filter((l) => l.trim() !== '');

const styleFixtures = allFixtures().map(([style, name]) => repoPath(style, name));

test('labels: the grammar agrees with the scanners on every line of the syntax cases and the examples', async () => {
  const examples = [
    'examples/harbour-strike.transcript',
    'test/fixtures/older-style.transcript',
    'test/fixtures/broadcast-basic.transcript',
    'test/fixtures/podcast.transcript',
    ...styleFixtures,
  ]
    .map((p) => join(__dirname, '..', '..', p))
    // A file that moved fails here: read nothing, the test would compare fewer lines and pass.
    .flatMap((p) => readFileSync(p, 'utf8').split(/\r?\n/));
  const { mismatches, labels } = compareLabels(await loadTranscriptGrammar(), [...caseLines, ...examples]);
  assert.deepEqual(mismatches, []);
  assert.ok(labels > 250, `${labels} labels`);
});

const NAME_WORDS = [
  'SALEH', "O'NEIL", 'O’ROURKE', 'McCONNELL', 'MacARTHUR', 'DeSANTIS', 'NÚÑEZ', 'U.S.', '#2', '1', 'S.', 'A', 'B', 'Z',
  'Rita', 'Cole', 'Man', 'Note', 'Up', 'Ok', 'Bb', 'the', 'host', 'said', 'Mr.', 'MS.', 'Dr', 'mrs.', 'Mx.', 'Unidentified',
  'UNIDENTIFIED', 'unidentified', 'Speaker', 'SPEAKER', 'speaker', 'Mc', 'De', 'ÉTÉ', 'é', '李', 'Wei', '6', '00', '12', '1234',
  'AT&T', 'X-RAY', 'Ǆ', 'NOTE', 'NEXT', 'UP', 'MUSIC', "EDITOR'S", 'EDITORS', 'AS',
  // Segment headings (`PART TWO:`, `Segment 3 (00:12):`) are not labels.
  'PART', 'Part', 'segment', 'Act', 'HOUR', 'Two', 'TWO', 'IV', 'iv', '3', '1234',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\u00a0'];
const LEADS = ['', '', '', ' ', '   ', '>> ', '>>', '[00:01:23] ', '(00:12)', '[5:00] >> ', '>> [00:00:01] ', ' '.repeat(13), '[00:0] ', '\ufeff'];
const TAILS = [
  '', ', HOST', ', host', ', KBRT CORRESPONDENT, NAIROBI', ' (Author, "Tide Tables")', ' (00:12)', '(1:02:03.5)', ' ( 00:01 )', ' (Chief: x)',
  ', what?', ',', ', ', ' ()', ' (00:99)', ' (0:0)', ',  BYLINE ', ' , HOST', ', one two three four five six', ', one two three four five six seven',
  ', ONE TWO THREE FOUR FIVE SIX SEVEN', ', for one, says', ', Up',
];
const AFTER = ['', ' text', 'x', '6', '/', '"', '(', '.', '“', '[', "'", '\t', ' ', 'É'];

test('labels: the grammar agrees with the scanners on seeded random label-like lines', async () => {
  const rnd = prng(20240611);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const lines: string[] = [];
  for (let k = 0; k < 6000; k++) {
    const words = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pick(NAME_WORDS));
    let name = words[0];
    for (const w of words.slice(1)) name += pick(SEPARATORS) + w;
    const colon = rnd() < 0.9 ? (rnd() < 0.2 ? ' :' : ':') : '';
    lines.push(pick(LEADS) + name + pick(TAILS) + colon + pick(AFTER) + (rnd() < 0.3 ? ' more words: here' : ''));
  }
  const { mismatches, labels } = compareLabels(await loadTranscriptGrammar(), lines);
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.ok(labels > 300, `${labels} labels`);
});

test('labels: the grammar agrees with the scanners near the 200-character label window', async () => {
  const rnd = prng(7);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const word = () => 'ABCDEFGHIJ'.repeat(8).slice(0, 1 + Math.floor(rnd() * rnd() * 80));
  const lines: string[] = [];
  for (let k = 0; k < 3000; k++) {
    const name = Array.from({ length: 1 + Math.floor(rnd() * 7) }, () => (rnd() < 0.2 ? 'Mr. ' : '') + word()).join(' ');
    const tail = pick([
      '',
      `, ${'HOST '.repeat(Math.floor(rnd() * 35))}`,
      ` (${'x'.repeat(Math.floor(rnd() * 220))})`,
      `, ${'host '.repeat(Math.floor(rnd() * 8))}`,
      ' (00:01)',
    ]);
    lines.push(pick(['', '  ', '>> ', '[00:00:01] ']) + name + tail + pick([':', ' :', '']) + pick(['', ' x', '6']));
  }
  const { mismatches, labels } = compareLabels(await loadTranscriptGrammar(), lines);
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.ok(labels > 300, `${labels} labels`);
});

test('labels: the grammar agrees with the scanners on seeded random character soup', async () => {
  const rnd = prng(99);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const bits = ['A', 'B', 'Z', 'a', 'x', ' ', ' ', ':', ',', '(', ')', '[', ']', '0', '1', '.', '#', "'", '"', '>', 'é', 'É', 'Mr.', 'Ms ', 'Dr', '\t', '\u00a0', '-', '&', '?', 'Un', 'Speaker ', 'NOTE', '00:00', 'host'];
  const lines = Array.from({ length: 6000 }, () => Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => pick(bits)).join(''));
  const { mismatches, labels } = compareLabels(await loadTranscriptGrammar(), lines);
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.ok(labels > 20, `${labels} labels`);
});

const MIXED_NAMES = ['Jerod', 'Jerod Santo', 'Marguerite Osei-Bonsu', 'Van Horn', 'Priya R.', 'Ann B Cole Dee', 'Ann B Cole Dee Eve', 'Mr. Smith', 'Dr Jane', 'Mrs', 'Music', 'Song', 'Ad Break', 'Note', 'First Up', 'Find us', 'James 2', 'Ólafur', '李 Wei', 'Speaker 0', 'Speaker B', 'SPEAKER 12', 'NINA PARK', 'Unidentified Man'];
const TIMES = ['00:00', '00:02:46', '0:12', '1:02:03.5', '00:61', '00:0', '12:30:00,250'];

test('labels: the grammar agrees with the scanners on seeded random lines of the other styles', async () => {
  const rnd = prng(31337);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const time = () => pick(TIMES);
  const lines: string[] = [];
  const podcast = [
    () => `${pick(['', '  ', '\t'])}**${pick(MIXED_NAMES)}${pick([':**', '**:', '**', ':*', ' :**'])}${pick(['', ' Hello.', ' [05:59] So.', '** no'])}`,
    () => `${pick(['', '>> ', ' '])}${pick(['[', '(', '[ '])}${time()}${pick([']', ')', ' ]'])} ${pick(MIXED_NAMES)}${pick([':', ' :', ',', ', Host:', ''])}${pick(['', ' Hi there.', 'x', '6', ' (00:12)'])}`,
    () => `${pick(['', ' '])}${pick(MIXED_NAMES)}${pick([':', ' :', ''])}${pick([' ', '', '  ', '\t', '\u00a0'])}${pick(['(', '[', '', '(('])}${time()}${pick([')', ']', '', ')x'])}${pick(['', ' Hi.', 'x', ' '])}`,
    () => `${pick(['', '  '])}${pick(MIXED_NAMES)}${pick([' ', '  ', ''])}${pick(['(', ''])}${time()}${pick([')', ''])}${pick([':', '', '::', ': hi'])}${pick(['', ' ', '\t'])}`,
  ];
  const court = () =>
    `${pick(['', ' ', '     ', '\t', '\u00a0'])}${pick(['Q', 'A', 'Q.', 'A.', 'Q:', 'A:', 'Q..', 'QA', 'Qs'])}${pick([' ', '  ', '\t', '', '   '])}${pick(['What did you see?', '-- until then.', '', ' ', 'MR. DOE: yes', 'A.', 'Thank you, Dana.', '\u00a0x'])}`;
  const hearing = () =>
    `${pick(['', '    ', '\t', ' '.repeat(70)])}${pick(['Mr.', 'Ms.', 'Mrs.', 'Miss', 'Dr.', 'Dr', 'Chairman', 'Chairwoman', 'Chair', 'Senator', 'General', 'The', 'Mister', 'MR.'])}${pick([' ', '  ', ''])}${pick(['Linder', 'SMITH', 'Chairman', 'Clerk', 'Van Horn', 'Smith Jones Lee', 'de Vries', 'O’Neil-Price', 'Núñez', 'Motors'])}${pick(['.', '. ', '.x', ':', '', '..', ' .'])}${pick(['', ' Thank you.', ' I yield back.', 'Now.'])}`;
  const examiner = () =>
    `${pick(['', '     ', '\t'])}${pick(['BY', 'By', 'BY:'])} ${pick(['MR.', 'MS', 'DR.', 'MRS.', 'SEN.', 'MISS'])} ${pick(['DOE', 'OKAFOR', 'VAN HORN', "O'NEIL", 'Doe', 'DOE JR.'])}${pick([':', ': ', ':x', ''])}`;
  for (let k = 0; k < 6000; k++) {
    const r = rnd();
    lines.push(r < 0.5 ? pick(podcast)() : r < 0.7 ? court() : r < 0.75 ? examiner() : hearing());
  }
  const { mismatches, labels } = compareLabels(await loadTranscriptGrammar(), lines);
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.ok(labels > 1000, `${labels} labels`);
});

test('labels: the grammar agrees with the scanners on deeply indented court colloquy, around the 40-column bound', async () => {
  const rnd = prng(1540);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  // Indentation of 11 to 42 characters or columns, in spaces, tabs (to the next multiple of 8)
  // and no-break spaces, with a stray BOM or caption marker now and then.
  const indent = () => {
    let s = '';
    for (let n = 11 + Math.floor(rnd() * 32); s.length < n; ) s += rnd() < 0.85 ? ' ' : pick(['\t', '\u00a0']);
    return rnd() < 0.05 ? `${s}${pick(['\ufeff', '>> ', '[00:01] '])}` : s;
  };
  const names = [
    'MR. VOSS', 'MS. OKAFOR', 'Mr. VOSS', 'MRS. DE LA CRUZ', 'DR.  HALE', 'MISS McTAVISH', 'MR. VOSS JR.', 'MR. A B C D E F', 'MR. A B C D E F G',
    'MR.VOSS', 'MR', 'Mr. Voss', 'MR. Voss', 'THE COURT', 'THE WITNESS', 'THE VIDEOGRAPHER', 'THE  COURT', 'THE COURTS', 'The Court', 'THE JURY',
    'HAROLD MERCER', 'BY MR. VOSS', 'Q.', 'A.', 'MS. NÚÑEZ', 'MR. 李', 'SEN. FOLEY',
  ];
  const lines: string[] = [];
  for (let k = 0; k < 4000; k++) {
    const tail = pick([':', ':', ': ', ':  Objection.', ' :  Objection.', ':Objection', ':6', ', COUNSEL:  x', ' (00:12):  x', '  x', '']);
    lines.push(indent() + pick(names) + tail);
  }
  const { mismatches, labels } = compareLabels(await loadTranscriptGrammar(), lines);
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.ok(labels > 500, `${labels} labels`);
  // Both sides of the bound occur.
  const deep = lines.filter((l) => /^[ \t\u00a0]{13}/.test(l) && scanLabelFor('court', l, 0, l.length) !== undefined);
  assert.ok(deep.length > 200, `${deep.length} deep colloquy labels`);
});

/** What the grammar makes of the bracket at `at`: the cue kinds classifyCue would report. */
function grammarCueKind(tokens: Token[], at: number): string {
  const scopes = tokens.find((t) => t.start === at)?.scopes ?? [];
  const has = (prefix: string) => scopes.some((s) => s.startsWith(prefix));
  if (has('meta.timestamp')) return 'timestamp';
  if (has('meta.language-note.phonetic')) return 'phonetic';
  if (has('meta.language-note')) return 'language';
  if (has('meta.stage-direction')) return 'stage';
  return 'other';
}

test('cues: inline cues are stage directions, language notes, (ph) or times exactly when classifyCue says so', async () => {
  const grammar = await loadTranscriptGrammar();
  const rnd = prng(4242);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const words = [
    'SOUNDBITE', 'SOUND', 'BITE', 'soundbite', 'Soundbite', 'of', 'OF', 'BEGIN', 'END', 'Ending', 'VIDEO', 'CLIP', 'clip', 'ARCHIVED', 'RECORDING',
    'EXCERPT', 'excerpts', 'MUSIC', 'music', 'Musical', 'Singing', 'song', 'instrumental', 'PIANO', 'inaudible', 'Unintelligible', 'audio', 'gap',
    'technical', 'difficulties', 'Non-English', 'language', 'spoken', 'Speaking', 'speaking', 'Spanish', 'Through', 'an', 'interpreter',
    'translator', 'Foreign', 'In', 'in', 'translated', 'As', 'as', 'AS', 'aS', 'Mayor', 'if', 'Laughter', 'laughs', 'LAUGHTER', 'chuckles',
    'applause', 'cheering', 'crosstalk', 'cross', 'talk', 'sighs', 'coughs', 'groans', 'gasps', 'booing', 'boo', 'boos', 'boost', 'Booker',
    'clapping', 'clears', 'clear', 'throat', 'Clearing', 'crying', 'sobbing', 'silence', 'pause', 'Break', 'Breakfast', 'audience', 'crowd',
    'overlapping', 'sniff', 'ph', 'PH', 'the', 'which', 'is', '00:04:55', '1:02', '12:30:00.5', '6', 'É', 'Élan', 'x_y', 'FERRY', 'HORN',
  ];
  const seps = [' ', ' ', ' ', ', ', '  '];
  const mismatches: string[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < 6000; k++) {
    let inner = pick(words);
    for (let i = 1 + Math.floor(rnd() * 4); i > 1; i--) inner += pick(seps) + pick(words);
    if (rnd() < 0.1) inner = ` ${inner}`;
    if (rnd() < 0.1) inner += ' ';
    const [open, close] = rnd() < 0.7 ? ['(', ')'] : ['[', ']'];
    const line = `He said ${open}${inner}${close} and left.`;
    const kind = classifyCue(inner.trim());
    const expected = ['soundbite', 'music', 'inaudible', 'character', 'reaction'].includes(kind) ? 'stage' : kind;
    seen.add(expected);
    const [tokens] = tokenizeLines(grammar, [line]);
    const got = grammarCueKind(tokens, line.indexOf(open));
    if (got !== expected) mismatches.push(`${JSON.stringify(line)}: classifyCue ${kind}, grammar ${got}`);
  }
  assert.deepEqual(mismatches.slice(0, 10), []);
  assert.deepEqual([...seen].sort(), ['language', 'other', 'phonetic', 'stage', 'timestamp']);
});
