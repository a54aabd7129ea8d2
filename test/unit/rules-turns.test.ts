// Rules about turns: empty-turn, split-turn, turn-after-credits.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, at, lines, of, problems, span } from '../fixtures/rules/support';

const intro = ['Ferry strike ends', '', 'NINA PARK, HOST: Good morning.', '', 'OMAR SALEH, BYLINE: The boats are back.', ''];

describe('empty-turn', () => {
  test('a label with nothing after it: range on the label, unnecessary, fix removes its line and the blank lines after', () => {
    const text = lines(...intro, 'PARK:', '', '', 'SALEH: Thank you.');
    const label = span(text, 'PARK:');
    const lineStart = label.start;
    const next = at(text, 'SALEH: Thank');
    assert.deepEqual(of(text, 'empty-turn'), [
      {
        code: 'empty-turn',
        text: 'PARK:',
        ...label,
        message: 'PARK says nothing: the label has no text before the next turn.',
        fixes: [{ title: 'Remove the empty turn PARK:', preferred: true, edits: [{ start: lineStart, end: next, newText: '' }] }],
        unnecessary: true,
      },
    ]);
    const fixed = applyFix(text, of(text, 'empty-turn')[0].fixes[0].edits);
    assert.equal(fixed, lines(...intro, 'SALEH: Thank you.'));
  });

  test('an indented empty label: the fix takes the whole line, indentation included', () => {
    const text = lines(...intro, '  PARK:', 'SALEH: Thank you.');
    const [p] = of(text, 'empty-turn');
    assert.equal(p.text, 'PARK:');
    assert.deepEqual(p.fixes[0].edits, [{ start: at(text, '  PARK:'), end: at(text, 'SALEH: Thank'), newText: '' }]);
  });

  test('an empty label at the very end, and before a stage direction', () => {
    const text = lines(...intro, 'PARK:', '', '(SOUNDBITE OF MUSIC)', '', 'SALEH: Bye.', '', 'PARK:');
    const found = of(text, 'empty-turn');
    assert.deepEqual(
      found.map((p) => [p.start, p.end]),
      [
        [at(text, 'PARK:'), at(text, 'PARK:') + 5],
        [at(text, 'PARK:', 1), at(text, 'PARK:', 1) + 5],
      ],
    );
    assert.deepEqual(found[0].fixes[0].edits, [{ start: at(text, 'PARK:'), end: at(text, '(SOUNDBITE'), newText: '' }]);
    assert.deepEqual(found[1].fixes[0].edits, [{ start: at(text, 'PARK:', 1), end: text.length, newText: '' }]);
  });

  test('a label alone on its line, then a stage direction, then the same speaker: not empty', () => {
    const text = lines(...intro, 'PARK:', '', '(SOUNDBITE OF MUSIC)', '', 'The music plays on.', '', 'SALEH: Bye.');
    assert.deepEqual(of(text, 'empty-turn'), []);
  });

  test('a label alone on its line with the text below: not empty', () => {
    const text = lines(...intro, 'PARK:', '', 'Where were you?');
    assert.deepEqual(of(text, 'empty-turn'), []);
  });
});

describe('split-turn', () => {
  test('two turns in a row by one speaker: range on the second label, related first, fix removes the label', () => {
    const text = lines(...intro, 'SALEH: The boats are tied up.', '', 'SALEH: Crews stand at the gate.', '', 'PARK: Thanks.');
    const first = span(text, 'SALEH: The boats');
    const second = span(text, 'SALEH: Crews');
    assert.deepEqual(of(text, 'split-turn'), [
      {
        // The first SALEH: turn continues OMAR SALEH's introduction: it is split too.
        code: 'split-turn',
        text: 'SALEH:',
        start: first.start,
        end: first.start + 6,
        message: 'Omar Saleh speaks twice in a row (line 5 and here): probably one turn split by mistake.',
        related: [{ ...span(text, 'OMAR SALEH, BYLINE:'), message: 'The turn this one continues' }],
        fixes: [{ title: 'Merge into the previous turn of OMAR SALEH', preferred: true, edits: [{ start: first.start, end: first.start + 7, newText: '' }] }],
      },
      {
        code: 'split-turn',
        text: 'SALEH:',
        start: second.start,
        end: second.start + 6,
        message: 'Omar Saleh speaks twice in a row (line 7 and here): probably one turn split by mistake.',
        related: [{ start: first.start, end: first.start + 6, message: 'The turn this one continues' }],
        fixes: [{ title: 'Merge into the previous turn of OMAR SALEH', preferred: true, edits: [{ start: second.start, end: second.start + 7, newText: '' }] }],
      },
    ]);
    const fixed = applyFix(text, of(text, 'split-turn').flatMap((p) => p.fixes[0].edits));
    assert.equal(fixed, lines(...intro.slice(0, 4), 'OMAR SALEH, BYLINE: The boats are back.', '', 'The boats are tied up.', '', 'Crews stand at the gate.', '', 'PARK: Thanks.'));
    assert.deepEqual(problems(fixed), []);
  });

  test('a label alone on its line: the fix removes the whole label line', () => {
    const text = lines(...intro, 'PARK: Hi.', '', 'PARK:', 'Where were you?', '', 'SALEH: Here.');
    const [p] = of(text, 'split-turn');
    assert.equal(p.text, 'PARK:');
    assert.deepEqual(p.fixes[0].edits, [{ start: at(text, 'PARK:\n'), end: at(text, 'Where were'), newText: '' }]);
  });

  test('not across a stage direction, not for an empty turn, not for different speakers', () => {
    const text = lines(...intro, 'PARK: Hi.', '', '(SOUNDBITE OF MUSIC)', '', 'PARK: Back again.', '', 'SALEH: Here.', '', 'PARK: And?');
    assert.deepEqual(of(text, 'split-turn'), []);
    const empty = lines(...intro, 'PARK: Hi.', '', 'PARK:', '', 'SALEH: Here.');
    assert.deepEqual(of(empty, 'split-turn'), []);
    assert.deepEqual(of(empty, 'empty-turn').length, 1);
  });

  test('a turn hiding a mistyped label is really two turns: no split', () => {
    const text = lines(...intro, 'PARK: Hi.', '', 'SALEH: Here.', 'park: And then?', '', 'SALEH: Then nothing.');
    assert.deepEqual(of(text, 'split-turn'), []);
    assert.deepEqual(of(text, 'label-case').length, 1);
  });
});

describe('turn-after-credits', () => {
  const text = lines(
    ...intro,
    'PARK: Thanks.',
    '',
    '(SOUNDBITE OF MUSIC) Transcript provided by KBRT, Copyright KBRT.',
    '',
    'SALEH: One more thing.',
    '',
    'PARK: And another.',
    '',
    'Copyright 2024 KBRT.',
  );

  test('the first turn after a credit line inside the body: range on its label, related credit line, no fix', () => {
    const label = span(text, 'SALEH: One');
    assert.deepEqual(of(text, 'turn-after-credits'), [
      {
        code: 'turn-after-credits',
        text: 'SALEH:',
        start: label.start,
        end: label.start + 6,
        message: 'SALEH speaks after the credit line (line 9): credits and bios belong at the end of the transcript.',
        // The whole line, the stage direction before the credit included.
        related: [{ ...span(text, '(SOUNDBITE OF MUSIC) Transcript provided by KBRT, Copyright KBRT.'), message: 'The credit line' }],
        fixes: [],
      },
    ]);
  });

  test('a plain credit line, and none at all', () => {
    const plain = lines(...intro, 'PARK: Thanks.', 'Transcript provided by NPR, Copyright NPR.', '', 'SALEH: Wait.');
    assert.deepEqual(
      of(plain, 'turn-after-credits').map((p) => [p.text, p.message]),
      [['SALEH:', 'SALEH speaks after the credit line (line 8): credits and bios belong at the end of the transcript.']],
    );
    const normal = lines(...intro, 'PARK: Thanks.', '', 'Transcript provided by NPR, Copyright NPR.', '', 'Nina Park is the host.');
    assert.deepEqual(of(normal, 'turn-after-credits'), []);
  });
});
