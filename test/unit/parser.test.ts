// The parser on the fixture transcripts (test/fixtures/*.transcript): preamble, turns, labels,
// stage directions, trailer. Expected offsets come from text.indexOf of a distinctive string in
// the fixture; line numbers and names were read off the fixtures by hand.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseTranscript, type Cue, type StageDirection, type TranscriptDocument, type Turn } from '../../server/src/parser';

const FIXTURES = join(__dirname, '..', 'fixtures');
const load = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Offset of `s` in `text` (the first one at or after `from`); fails the test when it is missing. */
function at(text: string, s: string, from = 0): number {
  const i = text.indexOf(s, from);
  assert.ok(i >= 0, `fixture text not found: ${JSON.stringify(s)}`);
  return i;
}

/** `(Laughter)|reaction`; an unclosed cue has no closing bracket and ends in `|open`. */
function cueRow(c: Cue): string {
  const close = c.bracket === '(' ? ')' : ']';
  return `${c.bracket}${c.text}${c.closed ? close : ''}|${c.kind}${c.closed ? '' : '|open'}`;
}

/** The parts of a turn that the fixture tables below spell out. */
function shape(t: Turn) {
  return {
    label: t.label?.name,
    role: t.label?.role,
    style: t.label?.style,
    firstLine: t.firstLine,
    lastLine: t.lastLine,
    paragraphs: t.paragraphs,
    continues: t.continues,
    cues: t.cues.map(cueRow),
  };
}

/** One row per body node: `L<line> LABEL` for turns, `L<line> (CUE)|kind` for stage directions. */
function outline(doc: TranscriptDocument): string[] {
  return doc.body.map((n) =>
    n.type === 'turn'
      ? `L${n.firstLine} ${n.label ? n.label.name : `…continues ${n.continues}`}`
      : `L${n.line} ${cueRow(n.cue)}`,
  );
}

function stages(doc: TranscriptDocument): StageDirection[] {
  return doc.body.filter((n): n is StageDirection => n.type === 'stage');
}

function cueAt(text: string, cue: Cue, literal: string) {
  const start = at(text, literal);
  assert.deepEqual({ start: cue.start, end: cue.end }, { start, end: start + literal.length }, `offsets of ${literal}`);
}

describe('broadcast-basic.transcript', () => {
  const text = load('broadcast-basic.transcript');
  const doc = parseTranscript(text);

  test('line bookkeeping', () => {
    assert.equal(doc.text, text);
    assert.equal(doc.bom, false);
    assert.equal(doc.lineStarts.length, 51); // 50 lines and the empty one after the final newline
    assert.equal(doc.lineStarts[5], at(text, 'A mountain town'));
  });

  test('preamble: page furniture is skipped, the headline is the title, the next paragraph the summary', () => {
    const p = doc.preamble!;
    const titleText = 'A mountain town votes on whether to keep wrapping its shrinking glacier';
    const summaryStart = at(text, 'Every summer the people');
    const summaryEnd = at(text, 'hear from both sides.') + 'hear from both sides.'.length;
    assert.deepEqual(p, {
      start: 0,
      end: summaryEnd,
      firstLine: 0,
      lastLine: 7,
      title: { start: at(text, titleText), end: at(text, titleText) + titleText.length, line: 5, text: titleText },
      summary: { start: summaryStart, end: summaryEnd },
    });
  });

  test('body in document order', () => {
    assert.deepEqual(outline(doc), [
      'L10 RUTH ABERNATHY',
      'L16 FERREIRA',
      'L18 (SOUNDBITE OF ARCHIVED RECORDING)|soundbite',
      'L20 GRETA LINDQVIST',
      'L22 FERREIRA',
      'L24 ANSELM DUQUETTE',
      'L26 ABERNATHY',
      'L28 FERREIRA',
      'L30 PALOMA URRUTIA',
      'L32 FERREIRA',
      'L34 NURLAN ABENOV',
      'L36 FERREIRA',
      'L38 ABERNATHY',
      'L40 FERREIRA',
      'L42 ABERNATHY',
      'L44 FERREIRA',
      `L46 (SOUNDBITE OF HALVARD MOSS'S "THAW")|soundbite`,
    ]);
    assert.deepEqual(
      doc.turns,
      doc.body.filter((n) => n.type === 'turn'),
    );
  });

  test('the host introduction stands alone on its line; the text is two paragraphs below it', () => {
    const t = doc.turns[0];
    assert.deepEqual(shape(t), { label: 'RUTH ABERNATHY', role: 'HOST', style: 'upper', firstLine: 10, lastLine: 14, paragraphs: 2, continues: undefined, cues: [] });
    const l = t.label!;
    const labelStart = at(text, 'RUTH ABERNATHY, HOST:');
    assert.deepEqual(
      { start: l.start, end: l.end, nameSpan: l.nameSpan, roleSpan: l.roleSpan, colon: l.colon, honorific: l.honorific, timestamp: l.timestamp },
      {
        start: labelStart,
        end: labelStart + 'RUTH ABERNATHY, HOST:'.length,
        nameSpan: { start: labelStart, end: labelStart + 'RUTH ABERNATHY'.length },
        roleSpan: { start: at(text, 'HOST:'), end: at(text, 'HOST:') + 4 },
        colon: at(text, 'HOST:') + 4,
        honorific: undefined,
        timestamp: undefined,
      },
    );
    assert.deepEqual([l.spaceBeforeColon, l.noSpaceAfterColon, l.doubleSpaceInName], [false, false, false]);
    assert.equal(t.start, labelStart);
    assert.equal(t.textStart, at(text, 'For eleven summers'));
    assert.equal(t.end, at(text, 'What did you see?') + 'What did you see?'.length);
  });

  test('turns: short labels, inline cues and their kinds', () => {
    assert.deepEqual(doc.turns.slice(1, 6).map(shape), [
      { label: 'FERREIRA', role: undefined, style: 'upper', firstLine: 16, lastLine: 16, paragraphs: 1, continues: undefined, cues: [] },
      { label: 'GRETA LINDQVIST', role: undefined, style: 'upper', firstLine: 20, lastLine: 20, paragraphs: 1, continues: undefined, cues: [] },
      { label: 'FERREIRA', role: undefined, style: 'upper', firstLine: 22, lastLine: 22, paragraphs: 1, continues: undefined, cues: ['(ph)|phonetic'] },
      { label: 'ANSELM DUQUETTE', role: undefined, style: 'upper', firstLine: 24, lastLine: 24, paragraphs: 1, continues: undefined, cues: ['(Laughter)|reaction'] },
      { label: 'ABERNATHY', role: undefined, style: 'upper', firstLine: 26, lastLine: 26, paragraphs: 1, continues: undefined, cues: [] },
    ]);
    assert.deepEqual(shape(doc.turns[7]).cues, ['(Speaking Spanish)|language']);
    assert.deepEqual(shape(doc.turns[9]).cues, ['(Non-English language spoken)|language']);
    cueAt(text, doc.turns[3].cues[0], '(ph)');
    cueAt(text, doc.turns[4].cues[0], '(Laughter)');
    cueAt(text, doc.turns[7].cues[0], '(Speaking Spanish)');
  });

  test('a guest turn that is only a language note', () => {
    const t = doc.turns[9];
    assert.equal(t.label!.name, 'NURLAN ABENOV');
    assert.equal(t.textStart, at(text, '(Non-English language spoken).'));
    assert.equal(t.end, t.textStart + '(Non-English language spoken).'.length);
  });

  test('own-line stage directions', () => {
    const [archive, closing] = stages(doc);
    cueAt(text, archive.cue, '(SOUNDBITE OF ARCHIVED RECORDING)');
    assert.deepEqual([archive.start, archive.end], [archive.cue.start, archive.cue.end]);
    assert.equal(archive.cue.text, 'SOUNDBITE OF ARCHIVED RECORDING');
    assert.equal(closing.cue.text, `SOUNDBITE OF HALVARD MOSS'S "THAW"`);
    assert.equal(closing.cue.closed, true);
    cueAt(text, closing.cue, `(SOUNDBITE OF HALVARD MOSS'S "THAW")`);
  });

  test('closing cue and credit on one line, then bios and station lines in the trailer', () => {
    const credit = 'Transcript provided by NPR, Copyright NPR.';
    const bio = "Ruth Abernathy is a host of NPR's weekend news programs.";
    const station = 'KVHR is supported by listeners in the Vell valley. Become a member today.';
    assert.deepEqual(doc.trailer, {
      start: at(text, credit),
      end: at(text, station) + station.length,
      credit: { start: at(text, credit), end: at(text, credit) + credit.length },
      lines: [
        { start: at(text, bio), end: at(text, bio) + bio.length, line: 48 },
        { start: at(text, station), end: at(text, station) + station.length, line: 49 },
      ],
      firstLine: 46,
      lastLine: 49,
    });
    // The last turn ends before the closing cue.
    const last = doc.turns[doc.turns.length - 1];
    assert.equal(last.end, at(text, 'Thank you, Ruth.') + 'Thank you, Ruth.'.length);
  });
});

describe('older-style.transcript', () => {
  const text = load('older-style.transcript');
  const doc = parseTranscript(text);

  test('the date line is page furniture; the headline is the title; no summary before the first turn', () => {
    const titleText = 'Lake Freighter Crews Brace for a Shorter Shipping Season';
    assert.deepEqual(doc.preamble, {
      start: 0,
      end: at(text, titleText) + titleText.length,
      firstLine: 0,
      lastLine: 2,
      title: { start: at(text, titleText), end: at(text, titleText) + titleText.length, line: 2, text: titleText },
    });
  });

  test('honorific labels with a parenthesised role, lower-case host role, unidentified voices', () => {
    assert.deepEqual(
      doc.turns.map((t) => [t.label?.name, t.label?.honorific, t.label?.role, t.label?.style, t.firstLine, t.lastLine, t.paragraphs]),
      [
        ['HOLLIS GRANT', undefined, 'host', 'upper', 4, 8, 2],
        ['Mr. DESMOND ACHTERBERG', 'Mr.', 'Chief Correspondent, Meridian Wire', 'honorific', 10, 10, 1],
        ['Mr. ACHTERBERG', 'Mr.', undefined, 'honorific', 14, 14, 1],
        ['Unidentified Man #1', undefined, undefined, 'mixed', 16, 16, 1],
        ['Unidentified Man #2', undefined, undefined, 'mixed', 18, 18, 1],
        ['Mr. ACHTERBERG', 'Mr.', undefined, 'honorific', 22, 22, 1],
        ['Ms. CORA VANTERPOOL', 'Ms.', 'Author, "Tidewater Ledger"', 'honorific', 24, 24, 1],
        ['Mr. ACHTERBERG', 'Mr.', undefined, 'honorific', 26, 26, 1],
        ['Ms. VANTERPOOL', 'Ms.', undefined, 'honorific', 28, 28, 1],
        ['UNIDENTIFIED PERSON #1', undefined, undefined, 'upper', 30, 30, 1],
        ['Mr. ACHTERBERG', 'Mr.', undefined, 'honorific', 32, 32, 1],
        ['GRANT', undefined, undefined, 'upper', 34, 34, 1],
      ],
    );
  });

  test('the parenthesised role: spans of name, role and colon', () => {
    const l = doc.turns[1].label!;
    const s = at(text, 'Mr. DESMOND ACHTERBERG (');
    const role = 'Chief Correspondent, Meridian Wire';
    assert.deepEqual(
      { start: l.start, end: l.end, nameSpan: l.nameSpan, roleSpan: l.roleSpan, colon: l.colon },
      {
        start: s,
        end: at(text, 'Wire):') + 'Wire):'.length,
        nameSpan: { start: s, end: s + 'Mr. DESMOND ACHTERBERG'.length },
        roleSpan: { start: at(text, role), end: at(text, role) + role.length },
        colon: at(text, 'Wire):') + 5,
      },
    );
    assert.equal(doc.turns[1].textStart, at(text, 'At six in the morning'));
  });

  test('mixed-case stage directions of the older pages', () => {
    assert.deepEqual(outline(doc).filter((r) => r.includes('(')), [
      "L12 (Soundbite of ship's horn)|soundbite",
      'L20 (Laughter)|reaction',
      'L36 (Soundbite of music)|soundbite',
    ]);
  });

  test('a copyright line alone starts the trailer', () => {
    const credit = at(text, 'Copyright © 2006');
    const lineEnd = text.indexOf('\n', credit);
    assert.deepEqual(doc.trailer, { start: credit, end: lineEnd, credit: { start: credit, end: lineEnd }, lines: [], firstLine: 38, lastLine: 38 });
  });
});

describe('names.transcript', () => {
  const text = load('names.transcript');
  const doc = parseTranscript(text);

  test('an all-capitals banner is passed over for the headline; no summary', () => {
    const t = 'River Barriers Give Way in Two Towns; Senate Weighs Relief Package; Lagos Port Reopens. Aired 8-9p ET';
    const p = doc.preamble!;
    assert.deepEqual(p.title, { start: at(text, t), end: at(text, t) + t.length, line: 4, text: t });
    assert.equal(p.summary, undefined);
    assert.deepEqual([p.firstLine, p.lastLine, p.start, p.end], [0, 6, 0, at(text, 'RUSH TRANSCRIPT') + 'RUSH TRANSCRIPT'.length]);
  });

  test('apostrophes, initials, hyphens, titles, accents, long comma roles', () => {
    assert.deepEqual(
      doc.turns.map((t) => [t.label!.name, t.label!.role ?? null, t.label!.honorific ?? null, t.label!.style]),
      [
        ["SINEAD O'DWYER", 'ANCHOR', null, 'upper'],
        ["MALACHY O'DWYER", 'CORRESPONDENT', null, 'upper'],
        ["S. O'DWYER", null, null, 'upper'],
        ["M. O'DWYER", null, null, 'upper'],
        ['JEAN-LUC BRASSARD-MOREAU', null, null, 'upper'],
        ["M. O'DWYER", null, null, 'upper'],
        ['BRASSARD-MOREAU', null, null, 'upper'],
        ["O'DWYER", null, null, 'upper'],
        ['U.S. SENATOR HELEN ASHGROVE', null, null, 'upper'],
        ["S. O'DWYER", null, null, 'upper'],
        ['SENATOR ASHGROVE', null, null, 'upper'],
        ["S. O'DWYER", null, null, 'upper'],
        ["DECLAN O'SHAUGHNESSY", null, null, 'upper'],
        ["S. O'DWYER", null, null, 'upper'],
        ["O'SHAUGHNESSY", null, null, 'upper'],
        ["S. O'DWYER", null, null, 'upper'],
        ['PRIYA KANNAN', 'WNX CORRESPONDENT, LAGOS', null, 'upper'],
        ['TIMUR BAKIROV', null, null, 'upper'],
        ['KANNAN', null, null, 'upper'],
        ['MS. IBÁÑEZ', null, 'MS.', 'upper'],
        ['KANNAN', null, null, 'upper'],
        ['ANGUS McTAVISH', null, null, 'upper'],
        ["S. O'DWYER", null, null, 'upper'],
      ],
    );
  });

  test('a two-part comma role keeps its inner comma', () => {
    const l = doc.turns[16].label!;
    const role = 'WNX CORRESPONDENT, LAGOS';
    assert.deepEqual(l.roleSpan, { start: at(text, role), end: at(text, role) + role.length });
    assert.equal(l.colon, at(text, role) + role.length);
  });

  test('a language note that opens a turn; a commercial break is an own-line cue of kind other', () => {
    assert.deepEqual(shape(doc.turns[17]).cues, ['(Through interpreter)|language']);
    assert.deepEqual(outline(doc).at(-1), 'L54 (COMMERCIAL BREAK)|other');
    assert.equal(doc.trailer, undefined);
  });
});

describe('timestamps.transcript', () => {
  const text = load('timestamps.transcript');
  const doc = parseTranscript(text);

  test('bracketed times before labels, turns on consecutive lines', () => {
    assert.deepEqual(
      doc.turns.map((t) => [t.label!.name, t.label!.role ?? null, t.label!.timestamp!.text, t.label!.timestamp!.seconds ?? null, t.firstLine, t.lastLine]),
      [
        ['LENA MARSH', 'HOST', '00:00:05', 5, 4, 4],
        ['EZINNE OKONJO', 'COUNCILLOR', '00:00:41', 41, 5, 5],
        ['MARSH', null, '00:01:23', 83, 6, 6],
        ['OKONJO', null, '00:02:10', 130, 7, 7],
        ['MARSH', null, '00:05:02', 302, 11, 11],
        ['OKONJO', null, '00:05:09', 309, 12, 12],
        // Out of range (61 minutes): kept as written, with no value.
        ['MARSH', null, '00:61:10', null, 13, 13],
      ],
    );
  });

  test('the label starts at the bracket; the name after it', () => {
    const l = doc.turns[1].label!;
    const s = at(text, '[00:00:41]');
    assert.deepEqual(
      { start: l.start, ts: [l.timestamp!.start, l.timestamp!.end], name: l.nameSpan, role: l.roleSpan },
      {
        start: s,
        ts: [s, s + 10],
        name: { start: s + 11, end: s + 11 + 'EZINNE OKONJO'.length },
        role: { start: at(text, 'COUNCILLOR:'), end: at(text, 'COUNCILLOR:') + 'COUNCILLOR'.length },
      },
    );
    assert.equal(doc.turns[1].start, s);
  });

  test('a bare clock line is an own-line stage direction of kind timestamp', () => {
    const [clock] = stages(doc);
    assert.deepEqual([clock.line, clock.cue.text, clock.cue.bracket, clock.cue.kind, clock.cue.closed], [9, '00:05:00', '[', 'timestamp', true]);
    cueAt(text, clock.cue, '[00:05:00]');
  });

  test('title and summary', () => {
    const p = doc.preamble!;
    assert.equal(p.title!.text, 'Harbor Council Budget Hearing, Afternoon Session');
    assert.deepEqual(p.summary, { start: at(text, 'Recording of'), end: at(text, 'start of the recording.') + 'start of the recording.'.length });
    assert.deepEqual(shape(doc.turns[5]).cues, ['(Laughter)|reaction']);
  });
});

describe('podcast.transcript', () => {
  const text = load('podcast.transcript');
  const doc = parseTranscript(text);

  test('mixed-case names with the time after the name, text on the next line', () => {
    assert.deepEqual(
      doc.turns.map((t) => [t.label!.name, t.label!.style, t.label!.timestamp!.text, t.label!.timestamp!.seconds, t.firstLine, t.lastLine]),
      [
        ['Marisol Okafor-Reyes', 'mixed', '00:00', 0, 2, 3],
        ['Dev Pillai', 'mixed', '00:09', 9, 5, 6],
        ['Marisol Okafor-Reyes', 'mixed', '00:16', 16, 8, 9],
        ['Dev Pillai', 'mixed', '00:19', 19, 11, 12],
        ['Speaker 3', 'mixed', '04:50', 290, 14, 15],
        ['Marisol Okafor-Reyes', 'mixed', '04:52', 292, 17, 18],
        ['Speaker 3', 'mixed', '04:55', 295, 20, 21],
        ['Dev Pillai', 'mixed', '05:12', 312, 25, 26],
      ],
    );
    const first = doc.turns[0];
    const s = at(text, 'Marisol Okafor-Reyes (00:00):');
    assert.deepEqual(
      { start: first.label!.start, name: first.label!.nameSpan, ts: [first.label!.timestamp!.start, first.label!.timestamp!.end], colon: first.label!.colon, role: first.label!.role },
      { start: s, name: { start: s, end: s + 20 }, ts: [s + 21, s + 28], colon: s + 28, role: undefined },
    );
    assert.equal(first.textStart, at(text, 'Welcome back to Low Water'));
  });

  test('square-bracket cues: reactions, crosstalk, inaudible with a time; a bare [05:10] line', () => {
    assert.deepEqual(
      doc.turns.map((t) => shape(t).cues),
      [[], ['[laughs]|reaction'], [], ['[crosstalk]|reaction'], [], [], ['[inaudible 00:04:55]|inaudible'], []],
    );
    assert.deepEqual(outline(doc).filter((r) => r.includes('[')), ['L23 [05:10]|timestamp']);
  });

  test('a title with a number and a dash', () => {
    assert.equal(doc.preamble!.title!.text, 'Episode 42 - Tide Tables and Other Small Lies');
    assert.equal(doc.preamble!.summary, undefined);
  });
});

describe('no-preamble.transcript', () => {
  const text = load('no-preamble.transcript');
  const doc = parseTranscript(text);

  test('the first line is a turn: there is no preamble', () => {
    assert.equal(doc.preamble, undefined);
    assert.equal(doc.turns[0].start, 0);
  });

  test('unlabelled text after an own-line stage direction continues the last speaker', () => {
    assert.deepEqual(outline(doc), [
      'L0 KESTREL',
      'L2 VANCE',
      'L4 (SOUNDBITE OF DRILL WHINING)|soundbite',
      'L6 …continues 1',
      'L8 KESTREL',
      'L10 VANCE',
      'L12 KESTREL',
      'L14 VANCE',
      'L16 (SOUNDBITE OF MUSIC)|soundbite',
    ]);
    const c = doc.turns[2];
    assert.deepEqual(shape(c), { label: undefined, role: undefined, style: undefined, firstLine: 6, lastLine: 6, paragraphs: 1, continues: 1, cues: [] });
    const s = at(text, "That's a core drill");
    assert.deepEqual([c.start, c.textStart, c.end], [s, s, at(text, 'back in winter.') + 'back in winter.'.length]);
  });

  test('credit alone on its line, two bio lines', () => {
    const t = doc.trailer!;
    assert.deepEqual([t.firstLine, t.lastLine, t.credit!.start], [18, 21, at(text, 'Transcript provided by')]);
    assert.deepEqual(
      t.lines.map((l) => [l.line, text.slice(l.start, l.end)]),
      [
        [20, 'Amara Kestrel is a host of the morning program.'],
        [21, 'Julian Vance covers science and the environment.'],
      ],
    );
  });
});

describe('no-trailer.transcript', () => {
  const text = load('no-trailer.transcript');
  const doc = parseTranscript(text);

  test('no credit: no trailer, and the last turn runs to the end of the file (no final newline)', () => {
    assert.equal(doc.trailer, undefined);
    assert.ok(!text.endsWith('\n'));
    const last = doc.turns[doc.turns.length - 1];
    assert.deepEqual([last.label!.name, last.end, last.lastLine], ['HALVORSEN', text.length, 17]);
    assert.equal(doc.lineStarts.length, 18);
  });

  test('a hard-wrapped line stays in its turn and paragraph', () => {
    const t = doc.turns[1];
    assert.deepEqual(shape(t), { label: 'WREN HALVORSEN', role: 'BYLINE', style: 'upper', firstLine: 8, lastLine: 9, paragraphs: 1, continues: undefined, cues: [] });
    assert.equal(t.end, at(text, 'stop noticing.') + 'stop noticing.'.length);
  });

  test('title, summary, a label alone on its line', () => {
    assert.equal(doc.preamble!.title!.text, 'Dairy Farmers Turn to Seaweed to Cut Methane');
    assert.deepEqual(doc.preamble!.summary, { start: at(text, 'A small trial'), end: at(text, 'one of them.') + 'one of them.'.length });
    assert.deepEqual([doc.turns[0].firstLine, doc.turns[0].lastLine, doc.turns[0].textStart], [4, 6, at(text, 'Wren, start with the cows.')]);
  });
});

describe('front-matter.transcript', () => {
  const text = load('front-matter.transcript');
  const doc = parseTranscript(text);

  test("the front matter's title: key is the title (without its quotes); the summary is the paragraph after the front matter", () => {
    const t = 'Night Market Vendors Push Back on New Permit Rules';
    const p = doc.preamble!;
    assert.deepEqual(p.title, { start: at(text, t), end: at(text, t) + t.length, line: 1, text: t });
    assert.deepEqual(p.summary, { start: at(text, 'Street food sellers'), end: at(text, 'among the stalls.') + 'among the stalls.'.length });
    assert.deepEqual([p.start, p.firstLine, p.lastLine], [0, 0, 6]);
  });

  test('front-matter keys are not labels; the body starts after it', () => {
    assert.deepEqual(doc.turns.map((t) => t.label?.name), ['TOBIAS REID', 'SORENSEN', 'MAILE KAHANANUI', 'SORENSEN', 'REID', 'SORENSEN']);
    assert.equal(doc.turns[0].firstLine, 8);
    assert.deepEqual([doc.trailer!.firstLine, doc.trailer!.lines], [22, []]);
  });
});

describe('markdown-heading.transcript', () => {
  const text = load('markdown-heading.transcript');
  const doc = parseTranscript(text);

  test('a Markdown heading is the title without its #', () => {
    const t = 'Beekeepers Count Their Losses After a Wet Spring';
    assert.deepEqual(doc.preamble!.title, { start: 2, end: 2 + t.length, line: 0, text: t });
    assert.deepEqual(doc.preamble!.summary, { start: at(text, 'A cold, wet spring'), end: at(text, 'reports.') + 'reports.'.length });
  });

  test('closing cue and credit on one line at the end of the file: no bios', () => {
    assert.deepEqual(outline(doc).at(-1), 'L16 (SOUNDBITE OF MUSIC)|soundbite');
    const credit = at(text, 'Transcript provided by NPR');
    assert.deepEqual(doc.trailer, {
      start: credit,
      end: at(text, 'Copyright NPR.') + 'Copyright NPR.'.length,
      credit: { start: credit, end: at(text, 'Copyright NPR.') + 'Copyright NPR.'.length },
      lines: [],
      firstLine: 16,
      lastLine: 16,
    });
  });
});

describe('examples/harbour-strike.transcript (the shipped example)', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', 'harbour-strike.transcript'), 'utf8');
  const doc = parseTranscript(text);

  test('structure', () => {
    assert.equal(doc.preamble!.title!.text, "Ferry crews walk off the job as the harbour city's night service grinds to a halt");
    assert.equal(doc.turns.length, 15);
    assert.deepEqual(stages(doc).map((s) => s.cue.text), ['SOUNDBITE OF CROWD CHANTING', 'SOUNDBITE OF FERRY HORN', 'SOUNDBITE OF MUSIC']);
    assert.deepEqual(
      doc.trailer!.lines.map((l) => text.slice(l.start, l.start + 12)),
      ['Nina Park is', 'Omar Saleh i', 'KBRT is list'],
    );
    // `(Clearing throat)` is a reaction.
    assert.deepEqual(doc.turns.flatMap((t) => t.cues.map((c) => `${c.text}|${c.kind}`)), ['Clearing throat|reaction', 'ph|phonetic', 'Laughter|reaction']);
  });
});

describe('preamble, body and trailer rules (built in the test)', () => {
  test('a bracketed line in the preamble is neither the title nor the start of the body when its kind is other', () => {
    const text = '(Photo credit here)\n\nHeadline of the day\n\nFINCH: Hi.\n';
    const doc = parseTranscript(text);
    assert.deepEqual([doc.preamble!.firstLine, doc.preamble!.lastLine, doc.preamble!.title!.text], [0, 2, 'Headline of the day']);
    assert.deepEqual(outline(doc), ['L4 FINCH']);
  });

  test('an own-line cue of a known kind starts the body; unlabelled text after it belongs to nobody', () => {
    const text = 'Headline\n\n(SOUNDBITE OF MUSIC)\n\nOpening words nobody is named for.\n\nFINCH: Hi.\n';
    const doc = parseTranscript(text);
    assert.deepEqual(outline(doc), ['L2 (SOUNDBITE OF MUSIC)|soundbite', 'L4 …continues undefined', 'L6 FINCH']);
    assert.equal(doc.preamble!.lastLine, 0);
  });

  test('a bare title line directly followed by the first turn has no summary', () => {
    const doc = parseTranscript('Headline\n\nFINCH: Hi.\n');
    assert.deepEqual([doc.preamble!.title!.text, doc.preamble!.summary], ['Headline', undefined]);
  });

  test('a show banner in capitals is the title when nothing else is', () => {
    const doc = parseTranscript('WORLD DESK TONIGHT\n\nFINCH: Hi.\n');
    assert.equal(doc.preamble!.title!.text, 'WORLD DESK TONIGHT');
  });

  test('a cue with nested parentheses and a quoted title is one cue', () => {
    const text = 'FINCH: Here it is. (SOUNDBITE OF SONG, "TIDES (REPRISE)") That was it.\n';
    const [cue] = parseTranscript(text).turns[0].cues;
    assert.deepEqual([cue.text, cue.kind, cue.closed], ['SOUNDBITE OF SONG, "TIDES (REPRISE)"', 'soundbite', true]);
    cueAt(text, cue, '(SOUNDBITE OF SONG, "TIDES (REPRISE)")');
  });

  test('a copyright line between two stories is text of a turn; the credit after the last label starts the trailer', () => {
    const text = 'FINCH: First story.\n\nCopyright 2020 KBRT\n\nMORROW: Second story.\n\n(c) 2024 KBRT\nA bio line.\n';
    const doc = parseTranscript(text);
    assert.deepEqual(
      doc.turns.map((t) => [t.label!.name, t.firstLine, t.lastLine, t.paragraphs]),
      [
        ['FINCH', 0, 2, 2],
        ['MORROW', 4, 4, 1],
      ],
    );
    assert.deepEqual([doc.trailer!.firstLine, doc.trailer!.credit!.start, doc.trailer!.lines.length], [6, at(text, '(c) 2024'), 1]);
  });

  test('a credit after a body of stage directions only is a trailer; before the body it is preamble', () => {
    const a = parseTranscript('(MUSIC)\n\nTranscript provided by KBRT.\nBio.\n');
    assert.deepEqual([a.body.length, a.turns.length, a.trailer!.firstLine, a.trailer!.lines.length], [1, 0, 2, 1]);
    const b = parseTranscript('Copyright KBRT\n\nHeadline\n');
    assert.deepEqual([b.trailer, b.preamble!.lastLine, b.preamble!.title!.text], [undefined, 2, 'Headline']);
  });
});
