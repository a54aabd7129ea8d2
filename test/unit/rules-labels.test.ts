// Rules about how a label is written: missing-colon, label-case, label-terminator, label-spacing. Expected
// offsets come from distinctive substrings of each test text; messages are written out.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { after, applyFix, at, lines, of, problems, span } from '../fixtures/rules/support';

const intro = ['Ferry strike ends', '', 'NINA PARK, HOST: Good morning.', '', 'OMAR SALEH, BYLINE: The boats are back.', ''];

describe('missing-colon', () => {
  const text = lines(
    ...intro,
    'PARK: Where were you?',
    '',
    'SALEH: At the gate.',
    'PARK Where were you when the boats stopped?',
    '  NINA PARK "Good," she said.',
    'PARK SERVICE rangers came.',
    'PARK, what now?',
    'PARKING was full.',
    'PARK 2 boats left.',
    '',
    '(SOUNDBITE OF FOGHORN)',
    '',
    'SALEH Then it ended.',
  );

  test('an upper-case label at the start of a line, without its colon', () => {
    const p = span(text, 'PARK Where');
    const nina = span(text, 'NINA PARK "Good');
    const saleh = span(text, 'SALEH Then');
    assert.deepEqual(of(text, 'missing-colon'), [
      {
        code: 'missing-colon',
        text: 'PARK',
        start: p.start,
        end: p.start + 4,
        message: 'PARK starts a line like a speaker label but has no colon: write PARK:',
        fixes: [{ title: 'Add the colon: PARK:', preferred: true, edits: [{ start: p.start + 4, end: p.start + 4, newText: ':' }] }],
      },
      {
        // Two words, indented: the range starts at the first letter.
        code: 'missing-colon',
        text: 'NINA PARK',
        start: nina.start,
        end: nina.start + 9,
        message: 'NINA PARK starts a line like a speaker label but has no colon: write NINA PARK:',
        fixes: [{ title: 'Add the colon: NINA PARK:', preferred: true, edits: [{ start: nina.start + 9, end: nina.start + 9, newText: ':' }] }],
      },
      {
        // Unlabelled text after an own-line stage direction is checked too.
        code: 'missing-colon',
        text: 'SALEH',
        start: saleh.start,
        end: saleh.start + 5,
        message: 'SALEH starts a line like a speaker label but has no colon: write SALEH:',
        fixes: [{ title: 'Add the colon: SALEH:', preferred: true, edits: [{ start: saleh.start + 5, end: saleh.start + 5, newText: ':' }] }],
      },
    ]);
  });

  test('the fix turns the line into a turn', () => {
    const [first] = of(text, 'missing-colon');
    const fixed = applyFix(text, first.fixes[0].edits);
    assert.ok(fixed.includes('\nPARK: Where were you when the boats stopped?\n'));
    assert.deepEqual(of(fixed, 'missing-colon').map((p) => p.text), ['NINA PARK', 'SALEH']);
  });

  test('not for a label-like word that is not a known label, nor prose in capitals', () => {
    const clean = lines(
      ...intro,
      'PARK: Where were you?',
      '',
      'SALEH: At the gate.',
      'NPR said last week that talks had stalled.',
      'U.S. officials had offered to mediate.',
      'PARK SERVICE rangers came.',
      'PARK, what now?',
      'PARKING was full.',
      'OMAR said nothing.',
      'Park was closed.',
    );
    assert.deepEqual(of(clean, 'missing-colon'), []);
  });

  test('not on the label line itself, nor for a label used only by another form', () => {
    // `SALEH` is never used as a label here (only OMAR SALEH), so a line starting SALEH is prose.
    const t = lines('T', '', 'OMAR SALEH, BYLINE: The boats are back.', 'SALEH Then it ended.');
    assert.deepEqual(of(t, 'missing-colon'), []);
  });
});

describe('label-case', () => {
  const text = lines(
    ...intro,
    'PARK: Where were you?',
    '',
    'SALEH: At the gate.',
    '',
    'park: And the vendors?',
    '',
    'SALEH: Relieved.',
    '',
    'Park : Really?',
    '',
    'SALEH: Really.',
    'Omar Saleh: I checked.',
  );

  test('a known label in lower or mixed case, colon included in the range', () => {
    const lower = at(text, 'park: And');
    const mixed = at(text, 'Park : Really');
    const two = at(text, 'Omar Saleh:');
    assert.deepEqual(of(text, 'label-case'), [
      {
        code: 'label-case',
        text: 'park:',
        start: lower,
        end: lower + 5,
        message: "Label park is not in upper case like the transcript's other labels: write PARK:",
        fixes: [{ title: 'Upper-case the label: PARK:', preferred: true, edits: [{ start: lower, end: lower + 4, newText: 'PARK' }] }],
      },
      {
        code: 'label-case',
        text: 'Park :',
        start: mixed,
        end: mixed + 6,
        message: "Label Park is not in upper case like the transcript's other labels: write PARK:",
        fixes: [{ title: 'Upper-case the label: PARK:', preferred: true, edits: [{ start: mixed, end: mixed + 4, newText: 'PARK' }] }],
      },
      {
        code: 'label-case',
        text: 'Omar Saleh:',
        start: two,
        end: two + 11,
        message: "Label Omar Saleh is not in upper case like the transcript's other labels: write OMAR SALEH:",
        fixes: [{ title: 'Upper-case the label: OMAR SALEH:', preferred: true, edits: [{ start: two, end: two + 10, newText: 'OMAR SALEH' }] }],
      },
    ]);
  });

  test('the fix makes it a label of the known speaker', () => {
    const [first] = of(text, 'label-case');
    const fixed = applyFix(text, first.fixes[0].edits);
    assert.ok(fixed.includes('\nPARK: And the vendors?\n'));
    assert.deepEqual(of(fixed, 'label-case').map((p) => p.text), ['Park :', 'Omar Saleh:']);
  });

  test('not for ordinary words that happen to match a label, nor without a colon', () => {
    const clean = lines(
      ...intro,
      'PARK: Where were you?',
      '',
      'SALEH: At the gate.',
      'park rangers: they came at dawn.',
      'Park said: no.',
      'park was closed.',
    );
    assert.deepEqual(of(clean, 'label-case'), []);
  });
});

describe('label-terminator', () => {
  // A congressional hearing ends its labels with a period; `Mr. Linder:` is not one of its labels,
  // so the line is read as text of the turn before it.
  const hearing = ['transcript-style: hearing', '', 'The Chairwoman. The committee will come to order.', '', 'Mr. Linder. Thank you, Madam Chair.', ''];
  const text = lines(
    ...hearing,
    'Senator FOLEY. How deep is the channel?',
    'Mr. Linder: Thirty-one feet.',
    '',
    'The Chairwoman. Senator Foley?',
    '    Senator FOLEY : Forty, for the new ships.',
    '',
    'Mr. Linder. Yes.',
    '',
    'Senator FOLEY. Thank you.',
    'The Chairwoman:',
  );

  test('a known hearing label ended with a colon: the label and its colon, fix to the period', () => {
    const linder = at(text, 'Mr. Linder: Thirty');
    const foley = at(text, 'Senator FOLEY : Forty');
    const chair = at(text, 'The Chairwoman:');
    assert.deepEqual(of(text, 'label-terminator'), [
      {
        code: 'label-terminator',
        text: 'Mr. Linder:',
        start: linder,
        end: linder + 11,
        message: "Mr. Linder: ends with a colon, but a hearing's labels end with a period, so the line is read as part of the turn before it: write Mr. Linder.",
        fixes: [{ title: 'End the label with a period: Mr. Linder.', preferred: true, edits: [{ start: linder + 10, end: linder + 11, newText: '.' }] }],
      },
      {
        // Indented, with a space before the colon: the range starts at the first letter, the fix drops the space too.
        code: 'label-terminator',
        text: 'Senator FOLEY :',
        start: foley,
        end: foley + 15,
        message: "Senator FOLEY : ends with a colon, but a hearing's labels end with a period, so the line is read as part of the turn before it: write Senator FOLEY.",
        fixes: [{ title: 'End the label with a period: Senator FOLEY.', preferred: true, edits: [{ start: foley + 13, end: foley + 15, newText: '.' }] }],
      },
      {
        // A label alone on the last line, nothing after its colon.
        code: 'label-terminator',
        text: 'The Chairwoman:',
        start: chair,
        end: chair + 15,
        message: "The Chairwoman: ends with a colon, but a hearing's labels end with a period, so the line is read as part of the turn before it: write The Chairwoman.",
        fixes: [{ title: 'End the label with a period: The Chairwoman.', preferred: true, edits: [{ start: chair + 14, end: chair + 15, newText: '.' }] }],
      },
    ]);
  });

  test('nothing else is reported: a hidden label is no text of the turn it hides in', () => {
    assert.deepEqual(
      problems(text).map((p) => p.code),
      ['label-terminator', 'label-terminator', 'label-terminator'],
    );
  });

  test('the fix turns the line into a turn of the known speaker', () => {
    const [first] = of(text, 'label-terminator');
    const fixed = applyFix(text, first.fixes[0].edits);
    assert.ok(fixed.includes('\nMr. Linder. Thirty-one feet.\n'));
    const t = analyze('file:///fixed.transcript', 1, fixed);
    const turn = t.doc.turns.findIndex((x) => x.label && x.start === at(fixed, 'Mr. Linder. Thirty'));
    assert.ok(turn >= 0, 'a turn');
    assert.equal(t.speakers.speakers[t.speakers.byTurn[turn]!].labels[0], 'Mr. Linder');
    assert.deepEqual(of(fixed, 'label-terminator').map((p) => p.text), ['Senator FOLEY :', 'The Chairwoman:']);
  });

  test('not for prose, an unknown name, a time, a name in lower case, nor outside a hearing', () => {
    const clean = lines(
      ...hearing,
      'Senator FOLEY. How deep is the channel?',
      'Mr. Linder said: thirty-one feet.',
      'Mr. Okafor: a witness who never speaks here.',
      'Mr. Linder:30 was the time.',
      'Mr. linder: lower case.',
      'The Chairwoman asked: why?',
    );
    assert.deepEqual(of(clean, 'label-terminator'), []);
    for (const style of ['broadcast', 'podcast', 'court']) {
      const other = text.replace('transcript-style: hearing', `transcript-style: ${style}`);
      assert.deepEqual(of(other, 'label-terminator'), [], style);
    }
  });
});

describe('label-spacing', () => {
  test('space before the colon: range from the first space to the colon, fix deletes the spaces', () => {
    const text = lines(...intro, 'SALEH  : Thank you.');
    const s = span(text, '  :');
    assert.deepEqual(of(text, 'label-spacing'), [
      {
        code: 'label-spacing',
        text: '  :',
        start: s.start,
        end: s.end,
        message: 'Space before the colon in the label SALEH: write SALEH:',
        fixes: [{ title: 'Remove the space before the colon', preferred: true, edits: [{ start: s.start, end: s.start + 2, newText: '' }] }],
      },
    ]);
  });

  test('no space after the colon: the colon is the range, fix inserts one space', () => {
    const text = lines(...intro, 'SALEH:Thank you.');
    const colon = at(text, ':Thank');
    assert.deepEqual(of(text, 'label-spacing'), [
      {
        code: 'label-spacing',
        text: ':',
        start: colon,
        end: colon + 1,
        message: 'No space after the colon of SALEH: the words run into the label.',
        fixes: [{ title: 'Add a space after the colon', preferred: true, edits: [{ start: colon + 1, end: colon + 1, newText: ' ' }] }],
      },
    ]);
    assert.equal(applyFix(text, of(text, 'label-spacing')[0].fixes[0].edits).endsWith('\nSALEH: Thank you.'), true);
  });

  test('extra spaces inside the name (a tab counts): message names the label single-spaced', () => {
    const text = lines(...intro, 'PARK: Thanks.', '', 'GRETA \t LINDQVIST, DECKHAND: We stood there.');
    const s = span(text, ' \t ');
    assert.deepEqual(of(text, 'label-spacing'), [
      {
        code: 'label-spacing',
        text: ' \t ',
        start: s.start,
        end: s.end,
        message: 'Extra spaces inside the label GRETA LINDQVIST.',
        fixes: [{ title: 'Use a single space', preferred: true, edits: [{ start: s.start, end: s.end, newText: ' ' }] }],
      },
    ]);
  });

  test('trailing white space on the label line, with text and with a label alone', () => {
    const text = lines(...intro, 'PARK: Thanks. \t', '', 'SALEH:   ', '', 'You are welcome.');
    const first = span(text, ' \t\n');
    const second = after(text, 'SALEH:');
    assert.deepEqual(of(text, 'label-spacing'), [
      {
        code: 'label-spacing',
        text: ' \t',
        start: first.start,
        end: first.start + 2,
        message: 'Trailing white space on the label line.',
        fixes: [{ title: 'Remove trailing white space', preferred: true, edits: [{ start: first.start, end: first.start + 2, newText: '' }] }],
      },
      {
        code: 'label-spacing',
        text: '   ',
        start: second,
        end: second + 3,
        message: 'Trailing white space on the label line.',
        fixes: [{ title: 'Remove trailing white space', preferred: true, edits: [{ start: second, end: second + 3, newText: '' }] }],
      },
    ]);
  });

  test('trailing white space before \\r\\n ends at the \\r', () => {
    const text = ['T', '', 'NINA PARK, HOST: Hi.  ', '', 'OMAR SALEH, BYLINE: Hello.'].join('\r\n');
    const s = span(text, '  \r\n');
    assert.deepEqual(
      of(text, 'label-spacing').map((p) => [p.start, p.end]),
      [[s.start, s.start + 2]],
    );
  });

  test('several slips on one label: each its own problem, fixes that apply together', () => {
    const text = lines(...intro, 'PARK :Hi.  ');
    const found = of(text, 'label-spacing');
    assert.deepEqual(
      found.map((p) => p.message),
      ['Space before the colon in the label PARK: write PARK:', 'No space after the colon of PARK: the words run into the label.', 'Trailing white space on the label line.'],
    );
    const fixed = applyFix(text, found.flatMap((p) => p.fixes[0].edits));
    assert.ok(fixed.endsWith('\nPARK: Hi.'), JSON.stringify(fixed));
    assert.deepEqual(of(fixed, 'label-spacing'), []);
  });

  test('a well-spaced label, a role, a label alone and a timestamp: nothing', () => {
    const text = lines(...intro, 'PARK: Thanks.', '', 'SALEH:', '', 'You are welcome.', '', '[00:01:02] PARK: Bye.');
    assert.deepEqual(of(text, 'label-spacing'), []);
  });
});
