// Hand-written expectations for the fixture workspace (test/fixtures/workspace), shared by the
// feature unit tests and the protocol tests. Written out by reading the fixture line by line,
// never generated from the code under test: when the code changes, a test shows it.

import type { DocumentSymbol, FoldingRange, Range, SymbolKind } from 'vscode-languageserver-types';

/** Symbol kinds as numbers (LSP SymbolKind), so that a renumbering in the code shows. */
export const K = { File: 1, Class: 5, String: 15, Event: 24 } as const;

/** Range from 0-based line/character pairs. */
export function r(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

/** A turn symbol (kind Event). */
export function turn(name: string, detail: string, range: Range, selectionRange: Range): DocumentSymbol {
  return { name, detail, kind: K.Event, range, selectionRange };
}

/** An own-line stage direction (kind String); its selection is its range. */
export function stage(name: string, range: Range): DocumentSymbol {
  return { name, kind: K.String, range, selectionRange: range };
}

/** The title symbol (kind File). */
export function title(name: string, range: Range, selectionRange: Range): DocumentSymbol {
  return { name, kind: K.File, range, selectionRange };
}

// morning-edition.transcript, by line (0-based):
//  0-3  page furniture, 5 title (49 chars), 7 summary (106 chars)
//  9    RAFAEL MORENO, HOST:            (20)   11 Good morning. … (38)
// 13    ADA QUINT, LIBRARIAN: … (106; label 21)
// 15    (SOUNDBITE OF TYPING) (21)        17 continuation (60)
// 19    MORENO: And what does it cost? (30; label 7)
// 21    QUINT: … (label 6)                23 That was not a popular decision. (32)
// 25    Unidentified Man #1: … (50; label 20)
// 27    MORENO: Ada Quint, thank you. (29)
// 29    (SOUNDBITE OF MUSIC) (20)         31 credit, 33 bio

export const morningTitle = title('Library opens its doors overnight for exam season', r(0, 0, 7, 106), r(5, 0, 5, 49));

const t1 = turn('RAFAEL MORENO', 'Good morning. Ada, why open all night?', r(9, 0, 11, 38), r(9, 0, 9, 20));
const t2 = turn('ADA QUINT', 'Because the students asked, Rafael. Every spring the reading…', r(13, 0, 13, 106), r(13, 0, 13, 21));
const typing = stage('(SOUNDBITE OF TYPING)', r(15, 0, 15, 21));
const t3 = turn('ADA QUINT (continued)', 'They asked for quiet desks and somewhere to charge a laptop.', r(17, 0, 17, 60), r(17, 0, 17, 60));
const t4 = turn('MORENO (Rafael Moreno)', 'And what does it cost?', r(19, 0, 19, 30), r(19, 0, 19, 7));
const t5 = turn('QUINT (Ada Quint)', 'Two extra staff a night, paid from the events budget…', r(21, 0, 23, 32), r(21, 0, 21, 6));
const t6 = turn('Unidentified Man #1', "I'm just here for the coffee.", r(25, 0, 25, 50), r(25, 0, 25, 20));
const t7 = turn('MORENO (Rafael Moreno)', 'Ada Quint, thank you.', r(27, 0, 27, 29), r(27, 0, 27, 7));
const music = stage('(SOUNDBITE OF MUSIC)', r(29, 0, 29, 20));

/** The Outline in document order (transcript.outline.groupBySpeaker = false). */
export const morningFlat: DocumentSymbol[] = [morningTitle, t1, t2, typing, t3, t4, t5, t6, t7, music];

/** The Outline as speaker -> turns (stage directions belong to no speaker and are left out). */
export const morningGrouped: DocumentSymbol[] = [
  morningTitle,
  {
    name: 'Rafael Moreno',
    detail: 'RAFAEL MORENO, MORENO · HOST · 3 turns',
    kind: K.Class,
    range: r(9, 0, 27, 29),
    selectionRange: r(9, 0, 9, 20),
    children: [t1, t4, t7],
  },
  {
    name: 'Ada Quint',
    detail: 'ADA QUINT, QUINT · LIBRARIAN · 3 turns',
    kind: K.Class,
    range: r(13, 0, 23, 32),
    selectionRange: r(13, 0, 13, 21),
    children: [t2, t3, t5],
  },
  {
    name: 'Unidentified Man #1',
    detail: 'Unidentified Man #1 · 1 turn',
    kind: K.Class,
    range: r(25, 0, 25, 50),
    selectionRange: r(25, 0, 25, 20),
    children: [t6],
  },
];

/** Preamble, the two multi-line turns, the trailer (credit to bio). */
export const morningFolding: FoldingRange[] = [
  { startLine: 0, endLine: 7 },
  { startLine: 9, endLine: 11 },
  { startLine: 21, endLine: 23 },
  { startLine: 31, endLine: 33 },
];

/**
 * Workspace symbols of each indexed fixture file, by path relative to the workspace, in the
 * order the server lists them within one file (title first, then speakers by first turn).
 * `.drafts/` (a dot folder) and `interviews/notes.txt` (not a .transcript) are not indexed.
 */
export const workspaceSymbolsByFile: Record<string, { name: string; kind: SymbolKind; containerName: string; range: Range }[]> = {
  'interviews/council-vote.transcript': [
    { name: 'Council votes to close Market Street to cars', kind: K.File, containerName: 'council-vote.transcript', range: r(0, 0, 0, 44) },
    {
      name: 'Dana Whitlock',
      kind: K.Class,
      containerName: 'DANA WHITLOCK, WHITLOCK · BYLINE — Council votes to close Market Street to cars',
      range: r(2, 0, 2, 22),
    },
    {
      name: 'Councillor June Abara',
      kind: K.Class,
      containerName: 'COUNCILLOR JUNE ABARA — Council votes to close Market Street to cars',
      range: r(4, 0, 4, 22),
    },
  ],
  'morning-edition.transcript': [
    { name: 'Library opens its doors overnight for exam season', kind: K.File, containerName: 'morning-edition.transcript', range: r(5, 0, 5, 49) },
    {
      name: 'Rafael Moreno',
      kind: K.Class,
      containerName: 'RAFAEL MORENO, MORENO · HOST — Library opens its doors overnight for exam season',
      range: r(9, 0, 9, 20),
    },
    {
      name: 'Ada Quint',
      kind: K.Class,
      containerName: 'ADA QUINT, QUINT · LIBRARIAN — Library opens its doors overnight for exam season',
      range: r(13, 0, 13, 21),
    },
    {
      name: 'Unidentified Man #1',
      kind: K.Class,
      containerName: 'Unidentified Man #1 — Library opens its doors overnight for exam season',
      range: r(25, 0, 25, 20),
    },
  ],
  'podcast/2024/episode-12.transcript': [
    // The title comes from the front matter's `title:` (line 1, after `title: "`).
    { name: 'Episode 12: Tide tables', kind: K.File, containerName: 'episode-12.transcript', range: r(1, 8, 1, 31) },
    { name: 'James Cridland', kind: K.Class, containerName: 'James Cridland — Episode 12: Tide tables', range: r(5, 0, 5, 23) },
    { name: 'Maria Lopez', kind: K.Class, containerName: 'Maria Lopez — Episode 12: Tide tables', range: r(7, 0, 7, 20) },
  ],
};
