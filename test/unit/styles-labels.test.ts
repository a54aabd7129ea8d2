// The label forms of each style, as the parser reads them in a document of that style, and the
// lines that look like labels but stay ordinary text in every style. Each case is one small
// document written here; the label of its first turn is compared field by field.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { parseTranscript, scanLabelFor, type Label, type TranscriptStyle } from '../../server/src/parser';
import { STYLES } from '../fixtures/styles/support';

interface Seen {
  name: string;
  /** The label as written: its span in the line. */
  label: string;
  honorific?: string;
  role?: string;
  time?: string;
  terminator?: string;
  qa?: 'Q' | 'A';
  pseudo?: true;
  bold?: true;
  /** What was said on the label line. */
  said: string;
}

function firstLabel(line: string, style: TranscriptStyle): Seen | undefined {
  const text = `${line}\n`;
  const doc = parseTranscript(text, { style });
  const turn = doc.turns[0];
  const l: Label | undefined = turn?.label;
  if (!l) return undefined;
  const seen: Seen = { name: l.name, label: text.slice(l.start, l.end), said: text.slice(turn.textStart, turn.end) };
  if (l.honorific) seen.honorific = l.honorific;
  if (l.role) seen.role = l.role;
  if (l.timestamp) seen.time = l.timestamp.text;
  if (l.terminator !== ':') seen.terminator = l.terminator;
  if (l.qa) seen.qa = l.qa;
  if (l.pseudo) seen.pseudo = true;
  if (l.bold) seen.bold = true;
  return seen;
}

describe('podcast labels', () => {
  const cases: [string, Seen][] = [
    ['Jerod Santo: Welcome back.', { name: 'Jerod Santo', label: 'Jerod Santo:', said: 'Welcome back.' }],
    ['Priya: Hi.', { name: 'Priya', label: 'Priya:', said: 'Hi.' }],
    ['Speaker 1: Can you hear me?', { name: 'Speaker 1', label: 'Speaker 1:', said: 'Can you hear me?' }],
    ['James Cridland (00:00): Hello.', { name: 'James Cridland', label: 'James Cridland (00:00):', time: '00:00', said: 'Hello.' }],
    ['Speaker 1: (00:00) Hello.', { name: 'Speaker 1', label: 'Speaker 1: (00:00)', time: '00:00', said: 'Hello.' }],
    ['Speaker 0: 00:00:01', { name: 'Speaker 0', label: 'Speaker 0: 00:00:01', time: '00:00:01', said: '' }],
    ['James 00:02:46:', { name: 'James', label: 'James 00:02:46:', time: '00:02:46', said: '' }],
    ['Nadia Brooks 0:12', { name: 'Nadia Brooks', label: 'Nadia Brooks 0:12', time: '0:12', terminator: '', said: '' }],
    ['**Jerod Santo:** Welcome back.', { name: 'Jerod Santo', label: '**Jerod Santo:**', bold: true, said: 'Welcome back.' }],
    ['**Jerod Santo**: Welcome back.', { name: 'Jerod Santo', label: '**Jerod Santo**:', bold: true, said: 'Welcome back.' }],
    ['**Jerod Santo:** [05:59] So.', { name: 'Jerod Santo', label: '**Jerod Santo:** [05:59]', bold: true, time: '05:59', said: 'So.' }],
    ['[05:59] Jerod Santo: So.', { name: 'Jerod Santo', label: '[05:59] Jerod Santo:', time: '05:59', said: 'So.' }],
    ['Music: Theme, up and under', { name: 'Music', label: 'Music:', pseudo: true, said: 'Theme, up and under' }],
    ['Song: "Lamp Oil"', { name: 'Song', label: 'Song:', pseudo: true, said: '"Lamp Oil"' }],
    ['Break: Sponsor message', { name: 'Break', label: 'Break:', pseudo: true, said: 'Sponsor message' }],
    ['JEROD SANTO: Upper case works too.', { name: 'JEROD SANTO', label: 'JEROD SANTO:', said: 'Upper case works too.' }],
  ];
  for (const [line, expected] of cases) {
    // The first speaker speaks again: a podcast's one-off first "label" would be its headline.
    test(JSON.stringify(line), () => assert.deepEqual(firstLabel(`${line}\n\nPriya: And then.\n\n${line}`, 'podcast'), expected));
  }

  test('the bracketed cues of transcription services are cues of the turn, Markdown-escaped ones included', () => {
    const doc = parseTranscript('Jerod Santo: Yes. [laughs] \\[laughter\\] [crosstalk] [inaudible 00:04:55]\n\nJerod Santo: Right.\n', { style: 'podcast' });
    assert.deepEqual(
      doc.turns[0].cues.map((c) => [c.text, c.kind]),
      [
        ['laughs', 'reaction'],
        ['laughter\\', 'reaction'],
        ['crosstalk', 'reaction'],
        ['inaudible 00:04:55', 'inaudible'],
      ],
    );
  });

  test(
    'a podcast that opens with a pseudo-speaker keeps it as a segment, not as its title',
    () => {
      const doc = parseTranscript('Music: Theme\n\nPriya Raman: Welcome.\n\nTomas Lindqvist: Hello.\n', { style: 'podcast' });
      assert.deepEqual(
        doc.turns.map((t) => t.label?.name),
        ['Music', 'Priya Raman', 'Tomas Lindqvist'],
      );
    },
  );

  test('pseudo-speakers are nobody: no speaker, no turn in the speaker list', () => {
    const t = analyze('file:///p.transcript', 1, 'Priya Raman: Hello.\n\nMusic: Theme\n\nPriya Raman: Back.\n\nSong: Outro\n', { style: 'podcast' });
    assert.deepEqual(t.speakers.byTurn, [0, undefined, 0, undefined]);
    assert.deepEqual(
      t.speakers.speakers.map((s) => s.name),
      ['Priya Raman'],
    );
  });
});

describe('court and deposition labels', () => {
  const cases: [string, Seen][] = [
    ['Q.   Where were you?', { name: 'Q', label: 'Q.', terminator: '.', qa: 'Q', said: 'Where were you?' }],
    ['          A.   -- on the bridge.', { name: 'A', label: 'A.', terminator: '.', qa: 'A', said: '-- on the bridge.' }],
    ['Q Thank you. Why Monday?', { name: 'Q', label: 'Q', terminator: '', qa: 'Q', said: 'Thank you. Why Monday?' }],
    ['THE COURT: Overruled.', { name: 'THE COURT', label: 'THE COURT:', said: 'Overruled.' }],
    ['            THE WITNESS:  Should I answer?', { name: 'THE WITNESS', label: 'THE WITNESS:', said: 'Should I answer?' }],
    ['            MR. DOE:  Objection to form.', { name: 'MR. DOE', label: 'MR. DOE:', honorific: 'MR.', said: 'Objection to form.' }],
    ['CHIEF JUSTICE HALE: We will hear argument.', { name: 'CHIEF JUSTICE HALE', label: 'CHIEF JUSTICE HALE:', said: 'We will hear argument.' }],
  ];
  for (const [line, expected] of cases) {
    test(JSON.stringify(line), () => assert.deepEqual(firstLabel(`${line}\nQ.   And then?`, 'court'), expected));
  }

  test('the examiner line `BY MR. DOE:` is not a turn; `A` without its period is the article', () => {
    const doc = parseTranscript('MR. DOE: Ready.\n     BY MR. DOE:\nA few things first.\nQ.   Your name?\n', { style: 'court' });
    assert.deepEqual(
      doc.turns.map((t) => [t.firstLine, t.lastLine, t.label?.name]),
      [
        [0, 2, 'MR. DOE'],
        [3, 3, 'Q'],
      ],
    );
  });

  test('Q. is the examiner of the last BY line, A. and THE WITNESS the witness sworn in the header', () => {
    const text = [
      '                    ROSA DELGADO,',
      'having been first duly sworn, testified as follows:',
      '     BY MR. VOSS:',
      'Q.   Your name?',
      'A.   Rosa Delgado.',
      '     BY MS. OKAFOR:',
      'Q.   And your work?',
      'THE WITNESS:  Nurse.',
      '',
    ].join('\n');
    const t = analyze('file:///c.transcript', 1, text, { style: 'court' });
    assert.deepEqual(
      t.doc.turns.map((turn, i) => [turn.label?.name, t.speakers.speakers[t.speakers.byTurn[i]!].name]),
      [
        ['Q', 'MR. VOSS'],
        ['A', 'Rosa Delgado'],
        ['Q', 'MS. OKAFOR'],
        ['THE WITNESS', 'Rosa Delgado'],
      ],
    );
  });

  test('the witness named as "DEPOSITION OF …" when no oath line names them', () => {
    const t = analyze('file:///c.transcript', 1, 'DEPOSITION OF ROSA DELGADO\n\nQ.   Your name?\nA.   Rosa.\n', { style: 'court' });
    assert.equal(t.speakers.speakers[t.speakers.byTurn[1]!].name, 'Rosa Delgado');
  });

  test(
    'questions and answers with the line numbers of a PDF copy in the margin are turns',
    () => {
      const doc = parseTranscript(' 1   Q.   Where were you?\n 2   A.   On the bridge.\n', { style: 'court' });
      assert.deepEqual(
        doc.turns.map((t) => t.label?.name),
        ['Q', 'A'],
      );
    },
  );

  test('colloquy indented deeper than 12 spaces is a label', () => {
    const doc = parseTranscript('Q.   Where?\n               MR. VOSS:  Objection.\n', { style: 'court' });
    assert.deepEqual(
      doc.turns.map((t) => t.label?.name),
      ['Q', 'MR. VOSS'],
    );
  });

  describe('deep colloquy: up to 40 columns, a tab moving to the next multiple of 8', () => {
    const label = (line: string, style: TranscriptStyle = 'court') => {
      const l = scanLabelFor(style, line, 0, line.length);
      return l && { name: l.name, honorific: l.honorific, at: l.start };
    };
    const sp = (n: number) => ' '.repeat(n);

    test('at the bound a label, one column past it text', () => {
      assert.deepEqual(label(`${sp(40)}MR. VOSS:  Objection.`), { name: 'MR. VOSS', honorific: 'MR.', at: 40 });
      assert.deepEqual(label(`${sp(40)}THE WITNESS:  Yes.`), { name: 'THE WITNESS', honorific: undefined, at: 40 });
      assert.equal(label(`${sp(41)}MR. VOSS:  Objection.`), undefined);
      assert.equal(label(`${sp(41)}THE WITNESS:  Yes.`), undefined);
      assert.deepEqual(label(`${sp(13)}MS. OKAFOR: Go ahead.`)?.at, 13);
    });

    test('tabs count to the next tab stop of 8 columns, no-break spaces as spaces', () => {
      // 4 tabs (32 columns) and 8 spaces: 40 columns; one more space is 41.
      assert.equal(label(`\t\t\t\t${sp(8)}MR. VOSS: x`)?.name, 'MR. VOSS');
      assert.equal(label(`\t\t\t\t${sp(9)}MR. VOSS: x`), undefined);
      // 3 spaces and a tab reach column 8, not 4; 5 tab stops are 40 columns.
      assert.equal(label(`${sp(3)}\t${sp(32)}MR. VOSS: x`)?.name, 'MR. VOSS');
      assert.equal(label(`${sp(3)}\t${sp(33)}MR. VOSS: x`), undefined);
      assert.equal(label(`${sp(12)}\t\t\tMR. VOSS: x`)?.name, 'MR. VOSS'); // 12, 16, 24, 32 columns
      assert.equal(label(`${sp(12)}\t\t\t\t\tMR. VOSS: x`), undefined); // 48 columns
      assert.equal(label(`${'\u00a0'.repeat(20)}THE COURT: Overruled.`)?.name, 'THE COURT');
      // 12 characters or fewer are read as before, however wide their tabs.
      assert.equal(label(`${'\t'.repeat(6)}JUNE ADAIR: x`)?.name, 'JUNE ADAIR');
    });

    test('only colloquy is read that deep: other deeply indented lines stay text', () => {
      for (const line of [
        `${sp(15)}HAROLD MERCER:  And so I said.`, // no honorific, not an officer of the court
        `${sp(15)}And the captain told me: stop.`, // a sentence
        `${sp(15)}Mr. Voss said: wait.`,
        `${sp(15)}MR. VOSS, COUNSEL:  Objection.`, // a role
        `${sp(15)}MR. VOSS (00:12):  Objection.`, // a time
        `${sp(15)}>> MR. VOSS:  Objection.`,
        `${sp(15)}THE JURY:  (Nodding.)`,
        `${sp(15)}MR. VOSS:6`,
      ]) {
        assert.equal(label(line), undefined, line);
      }
      const doc = parseTranscript(`A.   I read it aloud:\n${sp(20)}TO WHOM IT MAY CONCERN: the ferry is closed.\n`, { style: 'court' });
      assert.deepEqual(
        doc.turns.map((t) => [t.label?.name, t.lastLine]),
        [['A', 1]],
      );
    });

    test('the other styles keep 12', () => {
      for (const style of ['broadcast', 'podcast', 'hearing'] as const) {
        assert.equal(label(`${sp(13)}MR. VOSS:  Objection.`, style), undefined, style);
        assert.equal(label(`${sp(13)}THE COURT:  Overruled.`, style), undefined, style);
        assert.equal(label(`${sp(12)}MR. VOSS:  Objection.`, style)?.name, 'MR. VOSS', style);
      }
    });
  });
});

describe('congressional hearing labels', () => {
  const cases: [string, Seen][] = [
    ['Mr. Linder. Thank you, Mr. Chairman.', { name: 'Mr. Linder', label: 'Mr. Linder.', honorific: 'Mr.', terminator: '.', said: 'Thank you, Mr. Chairman.' }],
    ['    Chairman SMITH. The committee will come to order.', { name: 'Chairman SMITH', label: 'Chairman SMITH.', terminator: '.', said: 'The committee will come to order.' }],
    ['The Chairman. Without objection.', { name: 'The Chairman', label: 'The Chairman.', terminator: '.', said: 'Without objection.' }],
    ['Ms. Van Horn. I yield back.', { name: 'Ms. Van Horn', label: 'Ms. Van Horn.', honorific: 'Ms.', terminator: '.', said: 'I yield back.' }],
    ['Senator WHITLOCK. Briefly.', { name: 'Senator WHITLOCK', label: 'Senator WHITLOCK.', terminator: '.', said: 'Briefly.' }],
    ['THE CLERK: The roll is called.', { name: 'THE CLERK', label: 'THE CLERK:', said: 'The roll is called.' }],
  ];
  for (const [line, expected] of cases) {
    test(JSON.stringify(line), () => assert.deepEqual(firstLabel(`${line}\n\nMr. Linder. Yes.`, 'hearing'), expected));
  }

  test('the "Present:" preamble and a sentence that starts with a name are not labels', () => {
    const doc = parseTranscript('Present: Representatives Marsh and Linder.\n\nMr. Linder. Thank you.\nMr. Linder said so too.\n', { style: 'hearing' });
    assert.deepEqual(
      doc.turns.map((t) => [t.firstLine, t.lastLine, t.label?.name]),
      [[2, 3, 'Mr. Linder']],
    );
    assert.equal(doc.preamble?.title?.text, 'Present: Representatives Marsh and Linder.');
  });
});

describe('lines that look like labels but are not, in every style', () => {
  const lines = [
    'Note: the audio drops out here.',
    'NOTE: The audio drops out here.',
    'Topic: lighthouse logbooks',
    'Title: Ferry strike',
    'Find us: wherever you get podcasts',
    'First Up: The Vote',
    'Ferry strike: what happens next',
    '6:30: we left the harbour.',
    'At 6:30 we left.',
    'guests: Ada, Kofi',
    'https://example.org/episode',
  ];
  for (const style of STYLES) {
    test(`${style}: no label on any of them`, () => {
      for (const line of lines) assert.equal(scanLabelFor(style, line, 0, line.length), undefined, line);
    });
  }

  test('Music: is a note in broadcast and a pseudo-speaker in a podcast', () => {
    const line = 'Music: the house band';
    assert.equal(scanLabelFor('broadcast', line, 0, line.length), undefined);
    assert.equal(scanLabelFor('podcast', line, 0, line.length)?.pseudo, true);
  });

  test("a podcast's headline with a colon is the title, not a one-off speaker", () => {
    const doc = parseTranscript("Episode 31: The Keepers' Logbooks\n\nPriya Raman: Welcome.\n\nTomas Lindqvist: Hello.\n", { style: 'podcast' });
    assert.equal(doc.preamble?.title?.text, "Episode 31: The Keepers' Logbooks");
    assert.deepEqual(
      doc.turns.map((t) => t.label?.name),
      ['Priya Raman', 'Tomas Lindqvist'],
    );
  });

  test('YAML front matter keys are never labels, whatever their case', () => {
    for (const style of STYLES) {
      const doc = parseTranscript('---\ntitle: "Tides"\nHost: Priya Raman\nTopic: logbooks\nQ: none\n---\n\nPriya Raman (00:00): Welcome.\n', { style });
      assert.deepEqual(
        doc.turns.map((t) => t.firstLine),
        [7],
        style,
      );
      assert.equal(doc.preamble?.title?.text, 'Tides', style);
    }
  });

  test(
    'a segment heading with a colon in the middle of a podcast is text',
    () => {
      const text = 'Priya Raman: Welcome.\n\nPart Two: The Crossing\n\nTomas Lindqvist: So.\n\nPriya Raman: Go on.\n\nSEGMENT 3: Weather\n\nAct IV: Home\n';
      const doc = parseTranscript(text, { style: 'podcast' });
      assert.deepEqual(
        doc.turns.map((t) => [t.label?.name, t.firstLine, t.lastLine]),
        [
          ['Priya Raman', 0, 2],
          ['Tomas Lindqvist', 4, 4],
          ['Priya Raman', 6, 10],
        ],
      );
      // Voices with numbers stay voices.
      const voices = parseTranscript('Speaker 1: Hi.\n\nCaller 3: Hello.\n\nSpeaker 1: Go on.\n', { style: 'podcast' });
      assert.deepEqual(
        voices.turns.map((t) => t.label?.name),
        ['Speaker 1', 'Caller 3', 'Speaker 1'],
      );
    },
  );
});
