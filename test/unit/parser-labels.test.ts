// The label grammar (scanLabel), times (parseTime) and stage-direction kinds (classifyCue), on
// single lines, and what is deliberately not a label, both alone and inside a document.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyCue, parseTime, parseTranscript, scanLabel, type Label } from '../../server/src/parser';

function label(line: string): Label | undefined {
  return scanLabel(line, 0, line.length);
}

/** The label's parts as text, for compact expectations. */
function parts(line: string) {
  const l = label(line);
  if (!l) return undefined;
  return {
    label: line.slice(l.start, l.end),
    name: l.name,
    style: l.style,
    ...(l.honorific !== undefined && { honorific: l.honorific }),
    ...(l.role !== undefined && { role: l.role, roleText: line.slice(l.roleSpan!.start, l.roleSpan!.end) }),
    ...(l.timestamp && { time: l.timestamp.text, seconds: l.timestamp.seconds, timeText: line.slice(l.timestamp.start, l.timestamp.end) }),
  };
}

describe('labels that are recognised', () => {
  const cases: [string, ReturnType<typeof parts>][] = [
    ['DETROW: So let us start.', { label: 'DETROW:', name: 'DETROW', style: 'upper' }],
    ['SCOTT DETROW, HOST: Hello.', { label: 'SCOTT DETROW, HOST:', name: 'SCOTT DETROW', style: 'upper', role: 'HOST', roleText: 'HOST' }],
    ['NINA PARK, HOST:', { label: 'NINA PARK, HOST:', name: 'NINA PARK', style: 'upper', role: 'HOST', roleText: 'HOST' }],
    ['HOLLIS GRANT, host: Hi.', { label: 'HOLLIS GRANT, host:', name: 'HOLLIS GRANT', style: 'upper', role: 'host', roleText: 'host' }],
    [
      'PRIYA KANNAN, WNX CORRESPONDENT, LAGOS: The cranes…',
      { label: 'PRIYA KANNAN, WNX CORRESPONDENT, LAGOS:', name: 'PRIYA KANNAN', style: 'upper', role: 'WNX CORRESPONDENT, LAGOS', roleText: 'WNX CORRESPONDENT, LAGOS' },
    ],
    [
      'Mr. RICHARD KYLE (Chief Correspondent, Example News): Yes.',
      {
        label: 'Mr. RICHARD KYLE (Chief Correspondent, Example News):',
        name: 'Mr. RICHARD KYLE',
        style: 'honorific',
        honorific: 'Mr.',
        role: 'Chief Correspondent, Example News',
        roleText: 'Chief Correspondent, Example News',
      },
    ],
    ['Mr. KYLE: Yes.', { label: 'Mr. KYLE:', name: 'Mr. KYLE', style: 'honorific', honorific: 'Mr.' }],
    ['Ms. VOLK: No.', { label: 'Ms. VOLK:', name: 'Ms. VOLK', style: 'honorific', honorific: 'Ms.' }],
    ['MS. HERNÁNDEZ: Sí.', { label: 'MS. HERNÁNDEZ:', name: 'MS. HERNÁNDEZ', style: 'upper', honorific: 'MS.' }],
    ['DR. ODA: Hm.', { label: 'DR. ODA:', name: 'DR. ODA', style: 'upper', honorific: 'DR.' }],
    ['Unidentified Man #2: Over here!', { label: 'Unidentified Man #2:', name: 'Unidentified Man #2', style: 'mixed' }],
    ['UNIDENTIFIED PERSON #1: Go.', { label: 'UNIDENTIFIED PERSON #1:', name: 'UNIDENTIFIED PERSON #1', style: 'upper' }],
    ['ZAMIR KABULOV: (Non-English language spoken).', { label: 'ZAMIR KABULOV:', name: 'ZAMIR KABULOV', style: 'upper' }],
    ["BETO O'ROURKE: Thanks.", { label: "BETO O'ROURKE:", name: "BETO O'ROURKE", style: 'upper' }],
    ['ANNA O’NEILL: Curly apostrophe.', { label: 'ANNA O’NEILL:', name: 'ANNA O’NEILL', style: 'upper' }],
    ["S. O'BRIEN: One.", { label: "S. O'BRIEN:", name: "S. O'BRIEN", style: 'upper' }],
    ['JEAN-LUC BRASSARD-MOREAU: Non.', { label: 'JEAN-LUC BRASSARD-MOREAU:', name: 'JEAN-LUC BRASSARD-MOREAU', style: 'upper' }],
    ['ANGUS McTAVISH: Aye.', { label: 'ANGUS McTAVISH:', name: 'ANGUS McTAVISH', style: 'upper' }],
    ['RON DeSANTOS: Aye.', { label: 'RON DeSANTOS:', name: 'RON DeSANTOS', style: 'upper' }],
    ['U.S. SENATOR ANNE FOLEY: Thank you.', { label: 'U.S. SENATOR ANNE FOLEY:', name: 'U.S. SENATOR ANNE FOLEY', style: 'upper' }],
    ['THE COURT: Sustained.', { label: 'THE COURT:', name: 'THE COURT', style: 'upper' }],
    ['[00:01:23] DETROW: Hi.', { label: '[00:01:23] DETROW:', name: 'DETROW', style: 'upper', time: '00:01:23', seconds: 83, timeText: '[00:01:23]' }],
    ['[05:59] MAYNES: Hi.', { label: '[05:59] MAYNES:', name: 'MAYNES', style: 'upper', time: '05:59', seconds: 359, timeText: '[05:59]' }],
    ['James Cridland (00:00): Hello.', { label: 'James Cridland (00:00):', name: 'James Cridland', style: 'mixed', time: '00:00', seconds: 0, timeText: '(00:00)' }],
    ['Rita Cole (1:02:03.5):', { label: 'Rita Cole (1:02:03.5):', name: 'Rita Cole', style: 'mixed', time: '1:02:03.5', seconds: 3723.5, timeText: '(1:02:03.5)' }],
    ['Speaker 1: (00:00) Hello.', { label: 'Speaker 1:', name: 'Speaker 1', style: 'mixed' }],
    ['Speaker B (00:12): Yes.', { label: 'Speaker B (00:12):', name: 'Speaker B', style: 'mixed', time: '00:12', seconds: 12, timeText: '(00:12)' }],
    ['JOHN 𠮷ANG: Astral letters in a name.', { label: 'JOHN 𠮷ANG:', name: 'JOHN 𠮷ANG', style: 'upper' }],
    ['Q: Where were you?', { label: 'Q:', name: 'Q', style: 'upper' }],
  ];
  for (const [line, expected] of cases) {
    test(line, () => assert.deepEqual(parts(line), expected));
  }

  test('offsets: name, role, colon and the whole label, on a line in the middle of a text', () => {
    const text = 'intro\nSCOTT DETROW, HOST: Hello.\n';
    const s = text.indexOf('SCOTT');
    const l = scanLabel(text, s, text.indexOf('\n', s))!;
    assert.deepEqual(
      { start: l.start, end: l.end, nameSpan: l.nameSpan, roleSpan: l.roleSpan, colon: l.colon },
      { start: s, end: s + 19, nameSpan: { start: s, end: s + 12 }, roleSpan: { start: s + 14, end: s + 18 }, colon: s + 18 },
    );
  });

  test('whitespace slips are tolerated and reported', () => {
    const flags = (line: string) => {
      const l = label(line)!;
      return [l.name, l.spaceBeforeColon, l.noSpaceAfterColon, l.doubleSpaceInName];
    };
    assert.deepEqual(flags('DETROW : Hi.'), ['DETROW', true, false, false]);
    assert.deepEqual(flags('DETROW:Hi.'), ['DETROW', false, true, false]);
    assert.deepEqual(flags('DETROW:"Hi."'), ['DETROW', false, true, false]);
    assert.deepEqual(flags('SCOTT  DETROW: Hi.'), ['SCOTT  DETROW', false, false, true]);
    assert.deepEqual(flags('DETROW:'), ['DETROW', false, false, false]);
    assert.deepEqual(flags('DETROW:\tHi.'), ['DETROW', false, false, false]);
  });

  test('indentation, tabs and caption-style >> before a label', () => {
    for (const [line, start] of [
      ['    DETROW: Hi.', 4],
      ['\tDETROW: Hi.', 1],
      ['>> DETROW: Hi.', 3],
      ['  >>DETROW: Hi.', 4],
    ] as const) {
      const l = label(line)!;
      assert.deepEqual([l.name, l.start, l.nameSpan.start], ['DETROW', start, start], line);
    }
  });

  test('a tab between the words of a name', () => {
    assert.equal(label('SCOTT\tDETROW: Hi.')!.name, 'SCOTT\tDETROW');
  });

  test('the scan looks only at the line it is given', () => {
    const text = 'DETROW\n: not a label';
    assert.equal(scanLabel(text, 0, 6), undefined);
    const t2 = 'SCOTT DETROW, HOST\nSOMETHING: else';
    assert.equal(scanLabel(t2, 0, t2.indexOf('\n')), undefined);
  });
});

describe('what is not a label', () => {
  const negatives = [
    'Next Up:',
    'Next Up: The Vote',
    'Note: something',
    'Topic: ferries',
    'Title: A History',
    'Music: Tor',
    'Find us: online',
    'First Up: The Vote',
    'Episode 42: The Tide',
    'at 6:30 we went out',
    '6:30: we went out',
    '0:00 0:00',
    'http://x',
    'https://example.org/x: y',
    'martinez: hi',
    'martinez said: hi',
    'The U.S. and NATO: both agreed.',
    'NATO and the U.N. said: no.',
    'And then DETROW: said nothing.',
    'OK, two things: first, the tide.',
    'U.S., for one, says: no.',
    'I, for one, think: maybe.',
    'NOTE: the audio was cut.',
    "EDITOR'S NOTE: this story was updated.",
    'UPDATE: the ferry is running.',
    'BREAKING: ferry service halted',
    'NEXT UP: sports',
    'DETROW:6',
    'DETROW:/path',
    'DETROW',
    'DETR',
    'DETROW is here: yes',
    'ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT: too many words',
    '(SOUNDBITE OF MUSIC)',
    '[00:05:00]',
    '[00:05:00] lower: case',
    '[not a time] DETROW: hi',
    '😀 DETROW: hi',
    'JOSÉ 😀: emoji in a name',
    '"DETROW: quoted"',
    '- DETROW: a list item',
    'SCOTT DETROW, "HOST": quoted role',
    'SCOTT DETROW, HOST? no colon',
    'SCOTT DETROW, : empty role',
    'James Cridland: mixed case without a time',
    'Unidentified man: a lower-case word in a mixed-case name',
    '',
    '   ',
    ':',
    ': DETROW',
  ];
  for (const line of negatives) {
    test(JSON.stringify(line), () => assert.equal(label(line), undefined));
  }

  test('a line that is not a label stays in the turn it is part of', () => {
    const text = [
      'NINA PARK, HOST: Here is the schedule.',
      'Next Up: sports.',
      'Note: something about the tides.',
      'at 6:30 we go live.',
      'OK, two things: first, the tide.',
      'UPDATE: the ferry is running.',
      '',
      'martinez: hi',
      '',
      'DETROW: Thanks.',
      '',
    ].join('\n');
    const doc = parseTranscript(text);
    assert.deepEqual(
      doc.turns.map((t) => [t.label?.name, t.firstLine, t.lastLine, t.paragraphs]),
      [
        ['NINA PARK', 0, 7, 2],
        ['DETROW', 9, 9, 1],
      ],
    );
  });

  test('page furniture and a player clock before the headline are preamble, not labels', () => {
    const text = 'Play Live Radio\nNext Up:\n0:00 0:00\n\nA headline: with a colon\n\nDETROW: Hi.\n';
    const doc = parseTranscript(text);
    assert.deepEqual(doc.turns.map((t) => t.label?.name), ['DETROW']);
    assert.equal(doc.preamble!.title!.text, 'A headline: with a colon');
  });
});

describe('parseTime', () => {
  const cases: [string, { seconds: number | undefined } | undefined][] = [
    ['00:00', { seconds: 0 }],
    ['01:23', { seconds: 83 }],
    ['1:02', { seconds: 62 }],
    ['00:01:23', { seconds: 83 }],
    ['1:02:03', { seconds: 3723 }],
    ['1:02:03.5', { seconds: 3723.5 }],
    ['00:00:01,250', { seconds: 1.25 }],
    ['00:61:00', { seconds: undefined }],
    ['00:00:60', { seconds: undefined }],
    ['05:60', { seconds: undefined }],
    ['123:00', undefined],
    ['1:2', undefined],
    ['a:00', undefined],
    ['', undefined],
    ['00:00:00:00', undefined],
  ];
  for (const [s, expected] of cases) test(JSON.stringify(s), () => assert.deepEqual(parseTime(s), expected));
});

describe('classifyCue', () => {
  const cases: [string, string][] = [
    ['SOUNDBITE OF ARCHIVED RECORDING', 'soundbite'],
    ['SOUNDBITE OF MUSIC', 'soundbite'],
    [`SOUNDBITE OF TOR'S "VAULTS"`, 'soundbite'],
    ["Soundbite of ship's horn", 'soundbite'],
    ['BEGIN VIDEO CLIP', 'soundbite'],
    ['END VIDEO CLIP', 'soundbite'],
    ['ARCHIVED RECORDING', 'soundbite'],
    ['MUSIC', 'music'],
    ['Singing', 'music'],
    ['PIANO MUSIC', 'music'],
    ['Laughter', 'reaction'],
    ['LAUGHTER', 'reaction'],
    ['laughs', 'reaction'],
    ['APPLAUSE', 'reaction'],
    ['crosstalk', 'reaction'],
    ['CROSSTALK', 'reaction'],
    ['Clearing throat', 'reaction'],
    ['BOOING', 'reaction'],
    ['BREAK', 'reaction'],
    ['Speaking Spanish', 'language'],
    ['Through interpreter', 'language'],
    ['Non-English language spoken', 'language'],
    ['in Spanish', 'language'],
    ['ph', 'phonetic'],
    ['PH', 'phonetic'],
    ['Inaudible', 'inaudible'],
    ['inaudible 00:04:55', 'inaudible'],
    ['unintelligible', 'inaudible'],
    ['As Mayor Quint', 'character'],
    ['AS MAYOR QUINT', 'character'],
    ['05:00:00', 'timestamp'],
    ['05:10', 'timestamp'],
    ['as if', 'other'],
    ['BOOK EXCERPT', 'other'],
    ['COMMERCIAL BREAK', 'other'],
    ['Ret.', 'other'],
    ['', 'other'],
  ];
  for (const [text, kind] of cases) test(`(${text}) is ${kind}`, () => assert.equal(classifyCue(text), kind));
});
