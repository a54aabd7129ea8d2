// Rules of the parser that look at the whole document (where the front matter ends, a podcast's
// headline) and the front-matter title: an incremental re-parse must come out as a full parse,
// and take the incremental path when the rule cannot have changed.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTranscript, reparseWithChange, type TranscriptDocument } from '../../server/src/parser';

const plain = (d: TranscriptDocument): unknown => JSON.parse(JSON.stringify({ ...d, text: undefined }));

/** Replaces [start, end) of `v1` by `insert`: the incremental parse, and whether it stayed incremental. */
function edit(v1: string, start: number, end: number, insert: string): { incremental: boolean; v2: string } {
  const v2 = v1.slice(0, start) + insert + v1.slice(end);
  const { doc, change } = reparseWithChange(parseTranscript(v1), v2, { start, end, newLength: insert.length });
  assert.deepEqual(plain(doc), plain(parseTranscript(v2)), `after replacing ${JSON.stringify(v1.slice(start, end))} by ${JSON.stringify(insert)}`);
  return { incremental: change !== undefined, v2 };
}

describe('front-matter title', () => {
  const title = (line: string) => {
    const text = `---\n${line}\n---\n\nPARK: x\n`;
    const t = parseTranscript(text).preamble?.title;
    if (t) assert.equal(text.slice(t.start, t.end), t.text, 'the span holds the text');
    return t?.line === 1 ? t.text : undefined;
  };

  test('the value, without white space around it or one pair of matching quotes', () => {
    assert.equal(title('title: Night market'), 'Night market');
    assert.equal(title('Title:Night market  \t'), 'Night market');
    assert.equal(title('title: "Night market"'), 'Night market');
    assert.equal(title("title: 'Night market'  "), 'Night market');
    assert.equal(title('title: "Night market\''), '"Night market\'');
    assert.equal(title('title: "Night "market""'), 'Night "market"');
    assert.equal(title('title: ""'), '""');
    assert.equal(title('title: "'), '"');
    assert.equal(title('title:\u3000Night market\u3000'), 'Night market');
  });

  test('no title when the value is empty or not one line', () => {
    assert.equal(title('title:'), undefined);
    assert.equal(title('title:    '), undefined);
    assert.equal(title('title: a\u2028b'), undefined);
    assert.equal(title('subtitle: Night market'), undefined);
  });

  test('the span is the value, also when the key reads the same', () => {
    const text = '---\ntitle: title\n---\n\nPARK: x\n';
    const t = parseTranscript(text).preamble?.title;
    assert.deepEqual(t && { start: t.start, end: t.end }, { start: text.indexOf('title: title') + 7, end: text.indexOf('title: title') + 12 });
  });

  test('a run of spaces in the title is linear', () => {
    const spaces = ' '.repeat(200_000);
    const started = performance.now();
    assert.equal(title(`title: a${spaces}b`), `a${spaces}b`);
    assert.equal(title(`title:${spaces}`), undefined);
    assert.ok(performance.now() - started < 1_000);
  });
});

describe('where the front matter ends, after an edit', () => {
  const turns = (n: number) => Array.from({ length: n }, (_, i) => `${i % 2 ? 'SALEH' : 'PARK'}: Turn ${i}.\n\n`).join('');
  const open = `---\ntitle: Night market\n\n${turns(10)}`;

  test('typing "---" in the body of a document whose front matter is open closes it there', () => {
    const at = open.indexOf('PARK: Turn 6.');
    assert.equal(parseTranscript(`${open.slice(0, at)}---\n${open.slice(at)}`).turns.length, 4);
    edit(open, at, at, '---\n');
    edit(open, at, at, '...\n');
    edit(open, at, at, '  ---  \n');
    // Typed one character at a time: the last one closes it.
    edit(`${open.slice(0, at)}--\n${open.slice(at)}`, at + 2, at + 2, '-');
  });

  test('deleting "---" from the body, or turning it into text, opens the front matter again', () => {
    const at = open.indexOf('PARK: Turn 6.');
    const closed = `${open.slice(0, at)}---\n${open.slice(at)}`;
    edit(closed, at, at + 4, '');
    edit(closed, at + 1, at + 2, 'x');
  });

  test('deleting lines brings a "---" into the first 200 lines', () => {
    const v1 = `${open}${turns(100)}${'x\n'.repeat(100)}---\n${turns(4)}`;
    assert.ok(v1.split('\n').indexOf('---', 1) >= 200);
    const at = v1.indexOf('PARK: Turn 6.');
    edit(v1, at, v1.indexOf('PARK: Turn 60.'), '');
  });

  test('edits that leave the front matter as it was stay incremental', () => {
    const closed = `---\ntitle: Night market\n---\n\n${turns(10)}`;
    const at = closed.indexOf('Turn 6.');
    assert.equal(edit(closed, at, at, '---\n').incremental, true);
    assert.equal(edit(open, at, at, 'Well, ').incremental, true);
    assert.equal(edit(`${open}${turns(200)}`, at, at, 'x\n').incremental, true);
  });
});

describe("a podcast's headline, after an edit", () => {
  const v1 = 'Episode 42\n\nMarisol Reyes (host):\nWelcome back.\n\nDev Pillai (00:09):\nHi.\n\nSpeaker 3 (04:50):\nCan I jump in here?\n\nMarisol Reyes (04:52):\nOf course.\n\nDev Pillai (05:12):\nYes.\n';

  test('the first name no longer speaks again: its label is the headline', () => {
    const at = v1.indexOf('Marisol Reyes (04:52)');
    for (const { v2 } of [edit(v1, at, at + 'Marisol Reyes (04:52):\n'.length, ''), edit(v1, at, at + 1, 'K')]) {
      const doc = parseTranscript(v2);
      assert.deepEqual(doc.podcastHeadline, { line: 2, name: 'Marisol Reyes' });
      assert.equal(doc.turns[0].label?.name, 'Dev Pillai');
    }
  });

  test('the headline name speaks later: its line is a turn again', () => {
    const at = v1.indexOf('Marisol Reyes (04:52)');
    const headlined = `${v1.slice(0, at)}Karisol${v1.slice(at + 'Marisol'.length)}`;
    const doc = parseTranscript(headlined);
    assert.deepEqual(doc.podcastHeadline, { line: 2, name: 'Marisol Reyes' });
    assert.equal(doc.turns[0].label?.name, 'Dev Pillai');
    edit(headlined, at, at + 1, 'M');
    const end = headlined.indexOf('Yes.');
    edit(headlined, end, end, 'Marisol Reyes (host):\n');
  });

  test('edits that leave the rule as it was stay incremental', () => {
    const at = v1.indexOf('Of course');
    assert.equal(edit(v1, at, at, 'Yes. ').incremental, true);
    // Another label of the first name remains.
    const twice = `${v1}\nMarisol Reyes (06:00):\nBye.\n`;
    const label = twice.indexOf('Marisol Reyes (04:52)');
    assert.equal(edit(twice, label, label + 1, 'K').incremental, true);
    // A headline: edits that add no label of its name.
    const headlined = `${v1.slice(0, label)}K${v1.slice(label + 1)}`;
    assert.equal(edit(headlined, headlined.indexOf('Yes.'), headlined.indexOf('Yes.'), 'Dev Pillai (05:20):\n').incremental, true);
  });
});
