// Offsets (UTF-16 code units) <-> LSP positions: positionAt, offsetAt, rangeOf. Checked on
// explicit cases (CRLF, lone CR, BOM, surrogate pairs) and against the reference
// implementation, vscode-languageserver-textdocument's TextDocument.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { offsetAt, positionAt, rangeOf } from '../../server/src/features/positions';
import { computeLineStarts } from '../../server/src/parser';
import { r } from '../helpers/expected';

const p = (line: number, character: number) => ({ line, character });
const at = (text: string, offset: number) => positionAt(computeLineStarts(text), offset);
const off = (text: string, line: number, character: number) => offsetAt(text, computeLineStarts(text), p(line, character));

const samples = [
  '',
  'a',
  'ab\ncd\n',
  'ab\r\ncd\r\n\r\nef',
  'ab\rcd\r\ref',
  'mixed\nline\r\nends\rhere',
  '\uFEFFNINA PARK: Hi.\nPARK: Bye.',
  'a😀b\n😀\n𝐍𝐈𝐍𝐀 PARK: 👋🏽 hi\r\n𠀋',
  '\n\n\n',
];

describe('positionAt', () => {
  test('LF: the line and the UTF-16 column', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((o) => at('ab\ncd\n', o)), [p(0, 0), p(0, 1), p(0, 2), p(1, 0), p(1, 1), p(1, 2), p(2, 0)]);
  });

  test('CRLF: \\r\\n is one line break', () => {
    const text = 'ab\r\ncd';
    assert.deepEqual([0, 2, 4, 5, 6].map((o) => at(text, o)), [p(0, 0), p(0, 2), p(1, 0), p(1, 1), p(1, 2)]);
  });

  test('a lone \\r is a line break', () => {
    assert.deepEqual([2, 3, 4].map((o) => at('ab\rcd', o)), [p(0, 2), p(1, 0), p(1, 1)]);
  });

  test('surrogate pairs count two units; a BOM counts one', () => {
    const text = 'a😀b\n𝐍x';
    assert.deepEqual([0, 1, 3, 4, 5, 7, 8].map((o) => at(text, o)), [p(0, 0), p(0, 1), p(0, 3), p(0, 4), p(1, 0), p(1, 2), p(1, 3)]);
    assert.deepEqual(at('\uFEFFab', 1), p(0, 1));
  });

  test('agrees with TextDocument.positionAt at every offset outside a \\r\\n pair', () => {
    for (const text of samples) {
      const ref = TextDocument.create('file:///x', 'transcript', 1, text);
      const starts = computeLineStarts(text);
      for (let o = 0; o <= text.length; o++) {
        if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n: no real position
        assert.deepEqual(positionAt(starts, o), ref.positionAt(o), `${JSON.stringify(text)} @${o}`);
      }
    }
  });
});

describe('rangeOf', () => {
  test('start and end positions of a span', () => {
    const text = 'Title\r\n\r\nNINA 😀 PARK: Hi.\r\n';
    const start = text.indexOf('NINA');
    const end = text.indexOf(':') + 1;
    assert.deepEqual(rangeOf(computeLineStarts(text), start, end), r(2, 0, 2, 13));
  });

  test('a span across lines, and an empty span', () => {
    const starts = computeLineStarts('ab\ncd\nef');
    assert.deepEqual(rangeOf(starts, 1, 7), r(0, 1, 2, 1));
    assert.deepEqual(rangeOf(starts, 4, 4), r(1, 1, 1, 1));
  });
});

describe('offsetAt', () => {
  test('positions inside a line map to offsets, surrogate pairs counting two', () => {
    assert.equal(off('ab\ncd', 1, 1), 4);
    assert.equal(off('a😀b\ncd', 0, 3), 3);
    assert.equal(off('a😀b\ncd', 1, 0), 5);
    assert.equal(off('ab\r\ncd', 1, 2), 6);
    assert.equal(off('ab\rcd', 1, 1), 4);
  });

  test('clamped into the text: before the start, after the last line, negative characters', () => {
    assert.equal(off('ab\ncd', -1, 5), 0);
    assert.equal(off('ab\ncd', 9, 0), 5);
    assert.equal(off('ab\ncd', 1, 99), 5);
    assert.equal(off('ab\ncd', 1, -3), 3);
    assert.equal(off('', 0, 4), 0);
  });

  test(
    'a character past the end of a line goes to the end of that line, before its line break',
    () => {
      assert.equal(off('ab\ncd', 0, 99), 2);
      assert.equal(off('ab\r\ncd', 0, 3), 2);
      assert.equal(off('ab\r\ncd', 0, 99), 2);
      assert.equal(off('ab\rcd', 0, 99), 2);
    },
  );

  test('agrees with TextDocument.offsetAt for every position within a line', () => {
    for (const text of samples) {
      const ref = TextDocument.create('file:///x', 'transcript', 1, text);
      const starts = computeLineStarts(text);
      for (let line = 0; line < starts.length; line++) {
        const lineEnd = ref.offsetAt(p(line, Number.MAX_SAFE_INTEGER));
        for (let c = 0; c <= lineEnd - starts[line]; c++) {
          assert.equal(offsetAt(text, starts, p(line, c)), ref.offsetAt(p(line, c)), `${JSON.stringify(text)} ${line}:${c}`);
        }
      }
    }
  });

  test('offsetAt undoes positionAt', () => {
    for (const text of samples) {
      const starts = computeLineStarts(text);
      for (let o = 0; o <= text.length; o++) {
        if (text[o - 1] === '\r' && text[o] === '\n') continue;
        assert.equal(offsetAt(text, starts, positionAt(starts, o)), o, `${JSON.stringify(text)} @${o}`);
      }
    }
  });
});
