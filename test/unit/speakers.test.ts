// Speaker analysis: label forms resolved to people, full names found in the summary, bios and
// mentions, ambiguity, and the helpers titleCase / nameParts.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, analyzeSpeakers, nameParts, speakerOf, titleCase, type Speaker, type SpeakerTable } from '../../server/src/analysis';
import { parseTranscript } from '../../server/src/parser';

const load = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');

function speakersOf(text: string): SpeakerTable {
  return analyzeSpeakers(parseTranscript(text));
}

/** A speaker without the offset fields (checked separately), `undefined` fields dropped. */
function row(s: Speaker) {
  const out: Record<string, unknown> = {
    id: s.id,
    key: s.key,
    name: s.name,
    surname: s.surname,
    labels: s.labels,
    turns: s.turns,
    introductions: s.introductions,
    unidentified: s.unidentified,
  };
  if (s.fullName !== undefined) out.fullName = `${s.fullName} (${s.fullNameSource})`;
  if (s.role !== undefined) out.role = s.role;
  if (s.title !== undefined) out.title = s.title;
  if (s.ambiguous !== undefined) out.ambiguous = s.ambiguous;
  return out;
}

function at(text: string, s: string): number {
  const i = text.indexOf(s);
  assert.ok(i >= 0, `not found: ${s}`);
  return i;
}

describe('fixtures', () => {
  test('broadcast-basic: a host introduced by label, a reporter named only in the summary, guests', () => {
    const text = load('broadcast-basic.transcript');
    const table = speakersOf(text);
    assert.deepEqual(table.speakers.map(row), [
      {
        id: 0,
        key: 'RUTH ABERNATHY',
        name: 'Ruth Abernathy',
        surname: 'ABERNATHY',
        labels: ['RUTH ABERNATHY', 'ABERNATHY'],
        turns: [0, 5, 11, 13],
        introductions: [0],
        unidentified: false,
        fullName: 'Ruth Abernathy (label)',
        role: 'HOST',
      },
      {
        id: 1,
        key: 'FERREIRA',
        name: 'Tomas Ferreira',
        surname: 'FERREIRA',
        labels: ['FERREIRA'],
        turns: [1, 3, 6, 8, 10, 12, 14],
        introductions: [],
        unidentified: false,
        fullName: 'Tomas Ferreira (summary)',
      },
      { id: 2, key: 'GRETA LINDQVIST', name: 'Greta Lindqvist', surname: 'LINDQVIST', labels: ['GRETA LINDQVIST'], turns: [2], introductions: [2], unidentified: false, fullName: 'Greta Lindqvist (label)' },
      { id: 3, key: 'ANSELM DUQUETTE', name: 'Anselm Duquette', surname: 'DUQUETTE', labels: ['ANSELM DUQUETTE'], turns: [4], introductions: [4], unidentified: false, fullName: 'Anselm Duquette (label)' },
      { id: 4, key: 'PALOMA URRUTIA', name: 'Paloma Urrutia', surname: 'URRUTIA', labels: ['PALOMA URRUTIA'], turns: [7], introductions: [7], unidentified: false, fullName: 'Paloma Urrutia (label)' },
      { id: 5, key: 'NURLAN ABENOV', name: 'Nurlan Abenov', surname: 'ABENOV', labels: ['NURLAN ABENOV'], turns: [9], introductions: [9], unidentified: false, fullName: 'Nurlan Abenov (label)' },
    ]);
    assert.deepEqual(table.byTurn, [0, 1, 2, 1, 3, 0, 1, 4, 1, 5, 1, 0, 1, 0, 1]);
    const [host, reporter] = table.speakers;
    // The summary mention of the reporter; the host's bio line in the trailer.
    assert.deepEqual(reporter.mention, { start: at(text, 'Tomas Ferreira went'), end: at(text, 'Tomas Ferreira went') + 'Tomas Ferreira'.length });
    assert.equal(reporter.bio, undefined);
    const bio = "Ruth Abernathy is a host of NPR's weekend news programs.";
    assert.deepEqual(host.bio, { start: at(text, bio), end: at(text, bio) + bio.length });
    assert.equal(host.mention, undefined);
    assert.deepEqual(host.roles, [{ role: 'HOST', turn: 0 }]);
  });

  test('older-style: honorifics are not part of the name; unidentified voices stay apart', () => {
    const table = speakersOf(load('older-style.transcript'));
    assert.deepEqual(table.speakers.map(row), [
      { id: 0, key: 'HOLLIS GRANT', name: 'Hollis Grant', surname: 'GRANT', labels: ['HOLLIS GRANT', 'GRANT'], turns: [0, 11], introductions: [0], unidentified: false, fullName: 'Hollis Grant (label)', role: 'host' },
      {
        id: 1,
        key: 'DESMOND ACHTERBERG',
        name: 'Desmond Achterberg',
        surname: 'ACHTERBERG',
        labels: ['Mr. DESMOND ACHTERBERG', 'Mr. ACHTERBERG'],
        turns: [1, 2, 5, 7, 10],
        introductions: [1],
        unidentified: false,
        fullName: 'Desmond Achterberg (label)',
        role: 'Chief Correspondent, Meridian Wire',
      },
      { id: 2, key: 'UNIDENTIFIED MAN #1', name: 'Unidentified Man #1', surname: '#1', labels: ['Unidentified Man #1'], turns: [3], introductions: [], unidentified: true },
      { id: 3, key: 'UNIDENTIFIED MAN #2', name: 'Unidentified Man #2', surname: '#2', labels: ['Unidentified Man #2'], turns: [4], introductions: [], unidentified: true },
      {
        id: 4,
        key: 'CORA VANTERPOOL',
        name: 'Cora Vanterpool',
        surname: 'VANTERPOOL',
        labels: ['Ms. CORA VANTERPOOL', 'Ms. VANTERPOOL'],
        turns: [6, 8],
        introductions: [6],
        unidentified: false,
        fullName: 'Cora Vanterpool (label)',
        role: 'Author, "Tidewater Ledger"',
      },
      { id: 5, key: 'UNIDENTIFIED PERSON #1', name: 'Unidentified Person #1', surname: '#1', labels: ['UNIDENTIFIED PERSON #1'], turns: [9], introductions: [], unidentified: true },
    ]);
  });

  test('names: initials tell two O\'Dwyers apart, a bare surname is ambiguous, titles, accents, Mc', () => {
    const text = load('names.transcript');
    const table = speakersOf(text);
    assert.deepEqual(table.speakers.map(row), [
      {
        id: 0,
        key: "SINEAD O'DWYER",
        name: "Sinead O'Dwyer",
        surname: "O'DWYER",
        labels: ["SINEAD O'DWYER", "S. O'DWYER"],
        turns: [0, 2, 9, 11, 13, 15, 22],
        introductions: [0],
        unidentified: false,
        fullName: "Sinead O'Dwyer (label)",
        role: 'ANCHOR',
      },
      {
        id: 1,
        key: "MALACHY O'DWYER",
        name: "Malachy O'Dwyer",
        surname: "O'DWYER",
        labels: ["MALACHY O'DWYER", "M. O'DWYER"],
        turns: [1, 3, 5],
        introductions: [1],
        unidentified: false,
        fullName: "Malachy O'Dwyer (label)",
        role: 'CORRESPONDENT',
      },
      {
        id: 2,
        key: 'JEAN-LUC BRASSARD-MOREAU',
        name: 'Jean-Luc Brassard-Moreau',
        surname: 'BRASSARD-MOREAU',
        labels: ['JEAN-LUC BRASSARD-MOREAU', 'BRASSARD-MOREAU'],
        turns: [4, 6],
        introductions: [4],
        unidentified: false,
        fullName: 'Jean-Luc Brassard-Moreau (label)',
      },
      { id: 3, key: "O'DWYER", name: "O'DWYER", surname: "O'DWYER", labels: ["O'DWYER"], turns: [7], introductions: [], unidentified: false, ambiguous: ["Sinead O'Dwyer", "Malachy O'Dwyer"] },
      {
        id: 4,
        key: 'HELEN ASHGROVE',
        name: 'Helen Ashgrove',
        surname: 'ASHGROVE',
        labels: ['U.S. SENATOR HELEN ASHGROVE', 'SENATOR ASHGROVE'],
        turns: [8, 10],
        introductions: [8],
        unidentified: false,
        fullName: 'Helen Ashgrove (label)',
        title: 'U.S. Senator',
      },
      {
        id: 5,
        key: "DECLAN O'SHAUGHNESSY",
        name: "Declan O'Shaughnessy",
        surname: "O'SHAUGHNESSY",
        labels: ["DECLAN O'SHAUGHNESSY", "O'SHAUGHNESSY"],
        turns: [12, 14],
        introductions: [12],
        unidentified: false,
        fullName: "Declan O'Shaughnessy (label)",
      },
      {
        id: 6,
        key: 'PRIYA KANNAN',
        name: 'Priya Kannan',
        surname: 'KANNAN',
        labels: ['PRIYA KANNAN', 'KANNAN'],
        turns: [16, 18, 20],
        introductions: [16],
        unidentified: false,
        fullName: 'Priya Kannan (label)',
        role: 'WNX CORRESPONDENT, LAGOS',
      },
      { id: 7, key: 'TIMUR BAKIROV', name: 'Timur Bakirov', surname: 'BAKIROV', labels: ['TIMUR BAKIROV'], turns: [17], introductions: [17], unidentified: false, fullName: 'Timur Bakirov (label)' },
      { id: 8, key: 'IBÁÑEZ', name: 'Rocío Ibáñez', surname: 'IBÁÑEZ', labels: ['MS. IBÁÑEZ'], turns: [19], introductions: [], unidentified: false, fullName: 'Rocío Ibáñez (mention)' },
      { id: 9, key: 'ANGUS MCTAVISH', name: 'Angus McTavish', surname: 'MCTAVISH', labels: ['ANGUS McTAVISH'], turns: [21], introductions: [21], unidentified: false, fullName: 'Angus McTavish (label)' },
    ]);
    const ibanez = table.speakers[8];
    assert.deepEqual(ibanez.mention, { start: at(text, 'Rocío Ibáñez.'), end: at(text, 'Rocío Ibáñez.') + 'Rocío Ibáñez'.length });
  });

  test('no-preamble: full names from the bios after the credit', () => {
    const text = load('no-preamble.transcript');
    const table = speakersOf(text);
    assert.deepEqual(
      table.speakers.map((s) => [s.key, s.name, s.fullName, s.fullNameSource, s.turns]),
      [
        ['KESTREL', 'Amara Kestrel', 'Amara Kestrel', 'bio', [0, 3, 5]],
        ['VANCE', 'Julian Vance', 'Julian Vance', 'bio', [1, 2, 4, 6]],
      ],
    );
    const bio = 'Julian Vance covers science and the environment.';
    assert.deepEqual(table.speakers[1].bio, { start: at(text, bio), end: at(text, bio) + bio.length });
    assert.deepEqual(table.speakers[1].mention, { start: at(text, bio), end: at(text, bio) + 'Julian Vance'.length });
    // The continuation after the drill sound is Vance's.
    assert.equal(speakerOf(table, 2)!.name, 'Julian Vance');
  });

  test('podcast: mixed-case names as written, every turn a full-name label; Speaker 3 is a placeholder', () => {
    const table = speakersOf(load('podcast.transcript'));
    assert.deepEqual(table.speakers.map(row), [
      {
        id: 0,
        key: 'MARISOL OKAFOR-REYES',
        name: 'Marisol Okafor-Reyes',
        surname: 'OKAFOR-REYES',
        labels: ['Marisol Okafor-Reyes'],
        turns: [0, 2, 5],
        introductions: [0, 2, 5],
        unidentified: false,
        fullName: 'Marisol Okafor-Reyes (label)',
      },
      { id: 1, key: 'DEV PILLAI', name: 'Dev Pillai', surname: 'PILLAI', labels: ['Dev Pillai'], turns: [1, 3, 7], introductions: [1, 3, 7], unidentified: false, fullName: 'Dev Pillai (label)' },
      { id: 2, key: 'SPEAKER 3', name: 'Speaker 3', surname: '3', labels: ['Speaker 3'], turns: [4, 6], introductions: [], unidentified: true },
    ]);
  });

  test('timestamps, front-matter, markdown-heading, no-trailer: who speaks', () => {
    const names = (file: string) => speakersOf(load(file)).speakers.map((s) => `${s.name}|${s.fullNameSource}|${s.turns.length}`);
    assert.deepEqual(names('timestamps.transcript'), ['Lena Marsh|label|4', 'Ezinne Okonjo|label|3']);
    assert.deepEqual(names('front-matter.transcript'), ['Tobias Reid|label|2', 'Hana Sorensen|summary|3', 'Maile Kahananui|label|1']);
    assert.deepEqual(names('markdown-heading.transcript'), ['Nell Achebe|label|2', 'Otto Lindahl|summary|2', 'Fenwick Doyle|label|1']);
    assert.deepEqual(names('no-trailer.transcript'), ['Imogen Tallis|label|2', 'Wren Halvorsen|label|3', 'Bram Oduya|label|1']);
  });
});

describe('resolution rules', () => {
  test('full name and role first, surname after: one speaker', () => {
    const table = speakersOf('SCOTT DETROW, HOST: Hi.\n\nDETROW: Again.\n\nSCOTT DETROW: A second introduction.\n');
    assert.equal(table.speakers.length, 1);
    assert.deepEqual(row(table.speakers[0]), {
      id: 0,
      key: 'SCOTT DETROW',
      name: 'Scott Detrow',
      surname: 'DETROW',
      labels: ['SCOTT DETROW', 'DETROW'],
      turns: [0, 1, 2],
      introductions: [0, 2],
      unidentified: false,
      fullName: 'Scott Detrow (label)',
      role: 'HOST',
    });
  });

  test('a short label before the introduction still resolves to the person; speakers in order of first turn', () => {
    const table = speakersOf('MAYNES: First.\n\nDETROW: Hello.\n\nCHARLES MAYNES, BYLINE: Now introduced.\n');
    assert.deepEqual(
      table.speakers.map((s) => [s.id, s.name, s.turns, s.introductions]),
      [
        [0, 'Charles Maynes', [0, 2], [2]],
        [1, 'DETROW', [1], []],
      ],
    );
    assert.deepEqual(table.byTurn, [0, 1, 0]);
  });

  test('a first name alone resolves to the one person with that first name', () => {
    const table = speakersOf('NINA PARK, HOST: Hi.\n\nOMAR SALEH, BYLINE: Hi.\n\nNINA: First names.\n\nOMAR: Yes.\n');
    assert.deepEqual(table.byTurn, [0, 1, 0, 1]);
    assert.deepEqual(table.speakers[0].labels, ['NINA PARK', 'NINA']);
  });

  test('two people with one surname: initials resolve, a bare surname is ambiguous', () => {
    const table = speakersOf('SARAH KANE, HOST: Hi.\n\nMARK KANE, BYLINE: Hi.\n\nS. KANE: One.\n\nM. KANE: Two.\n\nKANE: Who?\n\nKANE: Still who?\n');
    assert.deepEqual(
      table.speakers.map((s) => [s.name, s.turns, s.ambiguous ?? null]),
      [
        ['Sarah Kane', [0, 2], null],
        ['Mark Kane', [1, 3], null],
        ['KANE', [4, 5], ['Sarah Kane', 'Mark Kane']],
      ],
    );
    assert.equal(table.speakers[2].fullName, undefined);
  });

  test('initials without any introduction are two speakers', () => {
    const table = speakersOf("S. O'BRIEN: One.\n\nM. O'BRIEN: Two.\n\nS. O'BRIEN: Three.\n");
    assert.deepEqual(
      table.speakers.map((s) => [s.key, s.name, s.turns]),
      [
        ["S. O'BRIEN", "S. O'BRIEN", [0, 2]],
        ["M. O'BRIEN", "M. O'BRIEN", [1]],
      ],
    );
  });

  test('a title before the name is not part of it: SENATOR FOLEY is U.S. SENATOR ANNE FOLEY', () => {
    const table = speakersOf('U.S. SENATOR ANNE FOLEY: Thank you.\n\nSENATOR FOLEY: Again.\n\nFOLEY: And again.\n\nSEN. FOLEY: Once more.\n');
    assert.equal(table.speakers.length, 1);
    assert.deepEqual(
      [table.speakers[0].key, table.speakers[0].name, table.speakers[0].title, table.speakers[0].turns],
      ['ANNE FOLEY', 'Anne Foley', 'U.S. Senator', [0, 1, 2, 3]],
    );
    // Without an introduction the title stays in the name shown.
    const alone = speakersOf('CHIEF JUSTICE HALE: Order.\n\nHALE: Order again.\n').speakers;
    assert.deepEqual(
      alone.map((s) => [s.key, s.name, s.turns]),
      [['HALE', 'CHIEF JUSTICE HALE', [0, 1]]],
    );
  });

  test('unidentified voices are never matched by surname, and each numbered voice is its own', () => {
    const table = speakersOf('UNIDENTIFIED MAN #1: A.\n\nUnidentified Man #1: B.\n\nUNIDENTIFIED MAN #2: C.\n\nUNIDENTIFIED PERSON: D.\n\nSpeaker 1: E.\n\nSPEAKER 1: F.\n');
    assert.deepEqual(
      table.speakers.map((s) => [s.name, s.turns, s.unidentified, s.fullName ?? null]),
      [
        ['Unidentified Man #1', [0, 1], true, null],
        ['Unidentified Man #2', [2], true, null],
        ['Unidentified Person', [3], true, null],
        ['Speaker 1', [4, 5], true, null],
      ],
    );
  });

  test('continuations belong to the speaker they continue; text after an opening cue belongs to nobody', () => {
    const table = speakersOf('(SOUNDBITE OF MUSIC)\n\nNobody said this.\n\nDETROW: Hi.\n\n(LAUGHTER)\n\nStill Detrow.\n\n(APPLAUSE)\n\nAnd still.\n');
    assert.deepEqual(table.byTurn, [undefined, 0, 0, 0]);
    assert.deepEqual(table.speakers[0].turns, [1, 2, 3]);
    assert.equal(speakerOf(table, 0), undefined);
    assert.equal(speakerOf(table, 3)!.key, 'DETROW');
    assert.equal(speakerOf(table, 99), undefined);
  });

  test('a second, different role is recorded with its turn', () => {
    const s = speakersOf('NINA PARK, HOST: Hi.\n\nNINA PARK, BYLINE: Oops.\n').speakers[0];
    assert.deepEqual([s.role, s.roles], ['HOST', [{ role: 'HOST', turn: 0 }, { role: 'BYLINE', turn: 1 }]]);
  });
});

describe('full names from the text around a short label', () => {
  const fullOf = (text: string, key: string) => {
    const s = speakersOf(text).speakers.find((x) => x.key === key)!;
    return [s.name, s.fullName ?? null, s.fullNameSource ?? null, s.mention ? text.slice(s.mention.start, s.mention.end) : null];
  };

  test('from the summary, without the words before the given name', () => {
    const summary = (sentence: string) => `A headline\n\n${sentence}\n\nDETROW: Hi.\n`;
    assert.deepEqual(fullOf(summary("NPR's Scott Detrow reports."), 'DETROW'), ['Scott Detrow', 'Scott Detrow', 'summary', 'Scott Detrow']);
    assert.deepEqual(fullOf(summary('And Scott Detrow reports.'), 'DETROW'), ['Scott Detrow', 'Scott Detrow', 'summary', 'Scott Detrow']);
    assert.deepEqual(fullOf(summary('White House Correspondent Scott Detrow reports.'), 'DETROW'), ['Scott Detrow', 'Scott Detrow', 'summary', 'Scott Detrow']);
    assert.deepEqual(fullOf(summary('Host Mary Louise Detrow reports.'), 'DETROW'), ['Mary Louise Detrow', 'Mary Louise Detrow', 'summary', 'Mary Louise Detrow']);
    assert.deepEqual(fullOf(summary('Our reporter Anna J. Detrow reports.'), 'DETROW'), ['Anna J. Detrow', 'Anna J. Detrow', 'summary', 'Anna J. Detrow']);
    // Only a title or a sentence word before the surname: no full name.
    assert.deepEqual(fullOf(summary('Senator Detrow said no.'), 'DETROW'), ['DETROW', null, null, null]);
    assert.deepEqual(fullOf(summary('The Detrow family said no.'), 'DETROW'), ['DETROW', null, null, null]);
    // A surname inside a longer word is not the surname.
    assert.deepEqual(fullOf(summary('Kim Detrowski said no.'), 'DETROW'), ['DETROW', null, null, null]);
  });

  test('from a mention just before the first turn', () => {
    const text = 'NINA PARK, HOST: We hear now from the harbour master, Idris Calloway.\n\nCALLOWAY: Thank you.\n';
    assert.deepEqual(fullOf(text, 'CALLOWAY'), ['Idris Calloway', 'Idris Calloway', 'mention', 'Idris Calloway']);
  });

  test('from a bio line in the trailer, which wins over the summary', () => {
    const text = 'A headline\n\nReporter Dana Okoro is in the studio.\n\nOKORO: Hi.\n\nTranscript provided by KBRT, Copyright KBRT.\n\nDana Q. Okoro is a reporter for KBRT.\n';
    assert.deepEqual(fullOf(text, 'OKORO'), ['Dana Q. Okoro', 'Dana Q. Okoro', 'bio', 'Dana Q. Okoro']);
  });

  test('a trailer line that does not describe the speaker is not their bio', () => {
    const text = 'OKORO: Hi.\n\nTranscript provided by KBRT, Copyright KBRT.\n\nSupport Okoro and the team: donate today.\n';
    const s = speakersOf(text).speakers[0];
    assert.deepEqual([s.bio, s.fullName], [undefined, undefined]);
  });

  test('nothing found: the label is the name', () => {
    assert.deepEqual(fullOf('Headline\n\nNo names here.\n\nDETROW: Hi.\n', 'DETROW'), ['DETROW', null, null, null]);
    // With its honorific: Ms. Volk is known as `Ms. VOLK`, not as a bare `VOLK`.
    assert.deepEqual(fullOf('Ms. VOLK: Hi.\n', 'VOLK'), ['Ms. VOLK', null, null, null]);
  });

  test('many speakers known only by short labels: quick', () => {
    const text = `A headline\n\n${'Some summary words here. '.repeat(200)}\n\n${Array.from({ length: 20_000 }, (_, i) => `NAME${i}: hi`).join('\n')}\n`;
    const doc = parseTranscript(text);
    // CPU time of this process, not the wall clock, which other processes stretch.
    const u0 = process.cpuUsage();
    const table = analyzeSpeakers(doc);
    const u = process.cpuUsage(u0);
    const ms = (u.user + u.system) / 1000;
    assert.equal(table.speakers.length, 20_000);
    assert.ok(ms < 1000, `${ms} ms`);
  });
});

describe('analyze()', () => {
  test('parses once and resolves speakers on first use', () => {
    const t = analyze('file:///x.transcript', 3, 'DETROW: Hi.\n');
    assert.deepEqual([t.uri, t.version, t.doc.turns.length], ['file:///x.transcript', 3, 1]);
    assert.equal(t.speakers, t.speakers);
    assert.equal(t.speakers.speakers[0].key, 'DETROW');
  });
});

describe('titleCase and nameParts', () => {
  test('titleCase', () => {
    assert.equal(titleCase('SCOTT DETROW'), 'Scott Detrow');
    assert.equal(titleCase("BETO O'ROURKE"), "Beto O'Rourke");
    assert.equal(titleCase('JEAN-LUC BRASSARD-MOREAU'), 'Jean-Luc Brassard-Moreau');
    assert.equal(titleCase('MS. NÚÑEZ'), 'Ms. Núñez');
    assert.equal(titleCase('U.S. SENATOR'), 'U.S. Senator');
    assert.equal(titleCase(''), '');
  });

  test('nameParts', () => {
    assert.deepEqual(nameParts('SCOTT DETROW', undefined), {
      words: ['SCOTT', 'DETROW'],
      full: 'SCOTT DETROW',
      surname: 'DETROW',
      initial: undefined,
      isFull: true,
      unidentified: false,
      title: undefined,
      display: 'Scott Detrow',
      written: 'SCOTT DETROW',
    });
    assert.deepEqual(nameParts('Mr. RICHARD KYLE', 'Mr.'), {
      words: ['RICHARD', 'KYLE'],
      full: 'RICHARD KYLE',
      surname: 'KYLE',
      initial: undefined,
      isFull: true,
      unidentified: false,
      title: undefined,
      display: 'Richard Kyle',
      written: 'RICHARD KYLE',
    });
    assert.deepEqual(nameParts("S. O'BRIEN", undefined), {
      words: ['S.', "O'BRIEN"],
      full: "S. O'BRIEN",
      surname: "O'BRIEN",
      initial: 'S',
      isFull: false,
      unidentified: false,
      title: undefined,
      display: "S. O'Brien",
      written: "S. O'BRIEN",
    });
    assert.deepEqual(nameParts('U.S. SENATOR ANNE FOLEY', undefined), {
      words: ['ANNE', 'FOLEY'],
      full: 'ANNE FOLEY',
      surname: 'FOLEY',
      initial: undefined,
      isFull: true,
      unidentified: false,
      title: 'U.S. SENATOR',
      display: 'Anne Foley',
      written: 'U.S. SENATOR ANNE FOLEY',
    });
    assert.deepEqual(nameParts('DeShawn McAllister', undefined).display, 'DeShawn McAllister');
    assert.deepEqual(nameParts('ANGUS McTAVISH', undefined).display, 'Angus McTavish');
    assert.deepEqual(nameParts('MS. NÚÑEZ', 'MS.').words, ['NÚÑEZ']);
    assert.deepEqual(nameParts('PRESIDENT', undefined).words, ['PRESIDENT']);
    assert.equal(nameParts('Unidentified Man #2', undefined).unidentified, true);
    assert.equal(nameParts('Speaker 2', undefined).unidentified, true);
    assert.equal(nameParts('SPEAKER JOHNSON', undefined).unidentified, false);
  });
});
