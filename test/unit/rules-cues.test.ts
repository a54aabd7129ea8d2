// Rules about stage directions, brackets, quotes and timestamps: unclosed-stage-direction,
// unbalanced-bracket, unbalanced-quote, invalid-timestamp, timestamp-order.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, at, lines, of, span } from '../fixtures/rules/support';

const intro = ['Ferry strike ends', '', 'NINA PARK, HOST: Good morning.', '', 'OMAR SALEH, BYLINE: The boats are back.', ''];

describe('unclosed-stage-direction', () => {
  test('an own-line stage direction never closed: range to the end of the line, preferred fix closes it', () => {
    const text = lines(...intro, '(SOUNDBITE OF ARCHIVED RECORDING', '', 'GRETA LINDQVIST: We stood there.');
    const s = span(text, '(SOUNDBITE OF ARCHIVED RECORDING');
    assert.deepEqual(of(text, 'unclosed-stage-direction'), [
      {
        code: 'unclosed-stage-direction',
        text: '(SOUNDBITE OF ARCHIVED RECORDING',
        ...s,
        message: "Stage direction (SOUNDBITE OF ARCHIVED RECORDING is never closed: add ')'.",
        fixes: [{ title: "Close the stage direction with ')'", preferred: true, edits: [{ start: s.end, end: s.end, newText: ')' }] }],
      },
    ]);
    const fixed = applyFix(text, of(text, 'unclosed-stage-direction')[0].fixes[0].edits);
    assert.ok(fixed.includes('\n(SOUNDBITE OF ARCHIVED RECORDING)\n'));
    assert.deepEqual(of(fixed, 'unclosed-stage-direction'), []);
  });

  test('an inline one in brackets, inside a turn', () => {
    const text = lines(...intro, 'PARK: It was [inaudible at the dock.', '', 'SALEH: Yes.');
    const s = span(text, '[inaudible at the dock.');
    assert.deepEqual(of(text, 'unclosed-stage-direction'), [
      {
        code: 'unclosed-stage-direction',
        text: '[inaudible at the dock.',
        ...s,
        message: "Stage direction [inaudible at the dock. is never closed: add ']'.",
        fixes: [{ title: "Close the stage direction with ']'", preferred: true, edits: [{ start: s.end, end: s.end, newText: ']' }] }],
      },
    ]);
  });

  test('closed ones, nested parentheses and (ph): nothing', () => {
    const text = lines(
      ...intro,
      '(SOUNDBITE OF SONG, "LOVE (REMIX)")',
      '',
      'PARK: That was Greta Lindqvist (ph). (Laughter) [crosstalk]',
      '',
      'SALEH: Yes.',
    );
    assert.deepEqual(of(text, 'unclosed-stage-direction'), []);
  });

  test('trailing spaces after an unclosed stage direction: the bracket goes after its last word', () => {
    const text = lines(...intro, '(SOUNDBITE OF MUSIC  ', '', 'PARK: Back.');
    const [p] = of(text, 'unclosed-stage-direction');
    assert.equal(p.text, '(SOUNDBITE OF MUSIC');
    assert.ok(applyFix(text, p.fixes[0].edits).includes('\n(SOUNDBITE OF MUSIC)'));
  });
});

describe('unbalanced-bracket', () => {
  test('a closing bracket with no opening one: the bracket is the range, a fix that is not preferred', () => {
    const text = lines(...intro, 'SALEH: It ran six days) and cost millions].', '', 'PARK: Wow.');
    const paren = at(text, ') and');
    const square = at(text, '].');
    assert.deepEqual(of(text, 'unbalanced-bracket'), [
      {
        code: 'unbalanced-bracket',
        text: ')',
        start: paren,
        end: paren + 1,
        message: "')' closes nothing: there is no '(' before it on this line.",
        fixes: [{ title: "Remove the stray ')'", preferred: false, edits: [{ start: paren, end: paren + 1, newText: '' }] }],
      },
      {
        code: 'unbalanced-bracket',
        text: ']',
        start: square,
        end: square + 1,
        message: "']' closes nothing: there is no '[' before it on this line.",
        fixes: [{ title: "Remove the stray ']'", preferred: false, edits: [{ start: square, end: square + 1, newText: '' }] }],
      },
    ]);
  });

  test('after a closed stage direction on the same line, and in a continuation paragraph', () => {
    const text = lines(...intro, '(SOUNDBITE OF MUSIC)', '', 'It plays (softly) on) for a while.', '', 'PARK: Nice.');
    const stray = at(text, ') for');
    assert.deepEqual(
      of(text, 'unbalanced-bracket').map((p) => [p.start, p.end]),
      [[stray, stray + 1]],
    );
  });

  test('brackets that close stage directions, and the role of an old-style label: nothing', () => {
    const text = lines(
      ...intro,
      'Mr. RICHARD KYLE (Chief Correspondent, Bloomberg News): (Laughter) Yes [inaudible].',
      '',
      'PARK: (SOUNDBITE OF SONG, "LOVE (REMIX)") Indeed.',
    );
    assert.deepEqual(of(text, 'unbalanced-bracket'), []);
  });
});

describe('unbalanced-quote', () => {
  test('an odd number of straight quotes: the last one is the range, no fix', () => {
    const text = lines(...intro, 'SALEH: She said, "We lost." Then "We lost a third of our takings.', '', 'PARK: Oh.');
    const last = at(text, '"We lost a third');
    assert.deepEqual(of(text, 'unbalanced-quote'), [
      {
        code: 'unbalanced-quote',
        text: '"',
        start: last,
        end: last + 1,
        message: `Unbalanced double quote: this turn has 3 " marks, an odd number, so a quotation is never closed.`,
        fixes: [],
      },
    ]);
  });

  test('a curly quote never closed', () => {
    const text = lines(...intro, 'SALEH: “One “two” three.', '', 'PARK: Oh.');
    const open = at(text, '“One');
    assert.deepEqual(of(text, 'unbalanced-quote'), [
      { code: 'unbalanced-quote', text: '“', start: open, end: open + 1, message: 'This “ is never closed with ”.', fixes: [] },
    ]);
  });

  test('quotes that close, across paragraphs of one turn: nothing', () => {
    const text = lines(...intro, 'SALEH: She said, "We lost', '', 'a third," and “left.”', '', 'PARK: Oh.');
    assert.deepEqual(of(text, 'unbalanced-quote'), []);
  });
});

describe('invalid-timestamp and timestamp-order', () => {
  const text = lines(
    'T',
    '',
    '[00:01:00] NINA PARK, HOST: Hi.',
    '',
    '[00:00:30] OMAR SALEH, BYLINE: a.',
    '',
    '[00:61:00] PARK: b.',
    '',
    '[00:02:00]',
    '',
    'SALEH: x',
    '',
    '[01:30]',
    '',
    'PARK: y',
    '',
    '[1:75]',
  );

  test('out-of-range minutes or seconds: an error without fix, on labels and on own-line clocks', () => {
    const bad = span(text, '[00:61:00]');
    const short = span(text, '[1:75]');
    assert.deepEqual(of(text, 'invalid-timestamp'), [
      { code: 'invalid-timestamp', text: '[00:61:00]', ...bad, message: 'Invalid timestamp 00:61:00: minutes and seconds run from 00 to 59.', fixes: [] },
      { code: 'invalid-timestamp', text: '[1:75]', ...short, message: 'Invalid timestamp 1:75: minutes and seconds run from 00 to 59.', fixes: [] },
    ]);
  });

  test('a time earlier than the one before it: related earlier timestamp, an invalid one skipped', () => {
    const early = span(text, '[00:00:30]');
    const clock = span(text, '[01:30]');
    assert.deepEqual(of(text, 'timestamp-order'), [
      {
        code: 'timestamp-order',
        text: '[00:00:30]',
        ...early,
        message: 'Timestamp 00:00:30 is earlier than the one before it (line 3).',
        related: [{ ...span(text, '[00:01:00]'), message: 'The earlier timestamp' }],
        fixes: [],
      },
      {
        // mm:ss 01:30 is 90 s, before 00:02:00 (120 s) on line 9.
        code: 'timestamp-order',
        text: '[01:30]',
        ...clock,
        message: 'Timestamp 01:30 is earlier than the one before it (line 9).',
        related: [{ ...span(text, '[00:02:00]'), message: 'The earlier timestamp' }],
        fixes: [],
      },
    ]);
  });

  test('times in order, fractions and a time after the name: nothing', () => {
    const ok = lines('T', '', '[00:00:05] NINA PARK, HOST: Hi.', '', '[00:00:05.5] OMAR SALEH, BYLINE: a.', '', 'James Cridland (01:00): b.', '', '[01:02:03]', '', 'PARK: c');
    assert.deepEqual([...of(ok, 'invalid-timestamp'), ...of(ok, 'timestamp-order')], []);
  });
});
