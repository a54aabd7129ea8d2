// Format Document: white space only. Expected texts are written out by hand.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { doc, lines, lsp, service, applyTextEdits } from '../fixtures/rules/support';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'rules', name), 'utf8');
const format = (text: string) => lsp(text).format();
const nonSpace = (s: string) => s.replace(/\s+/g, '');

describe('formatting', () => {
  test('trailing white space, label spacing, blank-line runs in the body, a blank line before each turn and stage direction', () => {
    const text = [
      'Title  ',
      '',
      'Summary here.   ',
      '',
      '',
      '',
      'NINA PARK, HOST:   Hi.  ',
      'OMAR  SALEH, BYLINE:x',
      '(SOUNDBITE OF MUSIC)',
      '',
      '',
      '',
      'PARK\t :  y\t',
      'More from Park,  with  two spaces inside.',
      '',
      '',
      '  ',
      'SALEH:   ',
      '',
      'I was there.',
      '',
      'Transcript provided by NPR.  ',
      '',
      '',
      '',
      'Nina Park is a host.',
      '',
    ].join('\n');
    assert.equal(
      format(text),
      [
        'Title',
        '',
        'Summary here.',
        // Blank lines before the body are the preamble's: emptied, not collapsed.
        '',
        '',
        '',
        'NINA PARK, HOST: Hi.',
        '',
        'OMAR SALEH, BYLINE: x',
        '',
        '(SOUNDBITE OF MUSIC)',
        '',
        'PARK: y',
        'More from Park,  with  two spaces inside.',
        '',
        'SALEH:',
        '',
        'I was there.',
        '',
        'Transcript provided by NPR.',
        // The trailer keeps its blank lines too.
        '',
        '',
        '',
        'Nina Park is a host.',
        '',
      ].join('\n'),
    );
  });

  test('CRLF: inserted blank lines use \\r\\n and removed runs take whole \\r\\n pairs', () => {
    const text = ['T', '', 'NINA PARK, HOST: Hi.  ', 'OMAR SALEH, BYLINE: x', '', '', '', 'PARK : y', ''].join('\r\n');
    assert.equal(format(text), ['T', '', 'NINA PARK, HOST: Hi.', '', 'OMAR SALEH, BYLINE: x', '', 'PARK: y', ''].join('\r\n'));
  });

  test('lone \\r line ends', () => {
    const text = ['T', 'NINA PARK, HOST: Hi.', 'PARK: y', '', '', 'SALEH : z'].join('\r');
    assert.equal(format(text), ['T', 'NINA PARK, HOST: Hi.', '', 'PARK: y', '', 'SALEH: z'].join('\r'));
  });

  test('a clean transcript gets no edit at all', () => {
    assert.deepEqual(service().getFormattingEdits(doc(fixture('clean.transcript'))), []);
  });

  test('the draft with slips: spacing fixed, words untouched, idempotent', () => {
    const slips = fixture('slips.transcript');
    const once = format(slips);
    assert.equal(
      once,
      slips.replace('VANCE : Relieved', 'VANCE: Relieved').replace('WHITFIELD:Teo', 'WHITFIELD: Teo'),
    );
    assert.equal(format(once), once);
  });

  test('unlabelled text after a stage direction stays where it is; text inside turns keeps its own spacing', () => {
    const text = lines('T', '', 'NINA PARK, HOST: Hi.', '(SOUNDBITE OF MUSIC)', 'The  music  plays.', '', 'PARK: Back.');
    assert.equal(format(text), lines('T', '', 'NINA PARK, HOST: Hi.', '', '(SOUNDBITE OF MUSIC)', 'The  music  plays.', '', 'PARK: Back.'));
  });

  test('edits are valid, non-overlapping and only white space changes', () => {
    const inputs = [
      lines('T', '', 'NINA  PARK  :Hi.\t', 'PARK:', 'SALEH :\t x', '', '', ''),
      '\ufeffNINA PARK, HOST: 😀 Hi.  \n\n\nPARK:😀',
      lines('', '', '', 'PARK: a', '', '', 'PARK: b  ', '(LAUGHTER)  ', '[00:01:00]', 'SALEH: c'),
    ];
    for (const text of inputs) {
      const edits = service().getFormattingEdits(doc(text));
      const out = applyTextEdits(text, edits); // checks ranges and overlap
      assert.equal(nonSpace(out), nonSpace(text), JSON.stringify(text));
      assert.equal(format(out), out, `idempotent on ${JSON.stringify(text)}`);
    }
  });

  test(
    'mixed line ends: a blank line inserted after a lone \\r line end is a real blank line (idempotent)',
    () => {
      const text = 'NINA PARK, HOST: a\nOMAR SALEH, BYLINE: b\rPARK: c';
      const once = format(text);
      assert.equal(format(once), once);
      assert.equal(once, 'NINA PARK, HOST: a\n\nOMAR SALEH, BYLINE: b\r\rPARK: c');
    },
  );
});
