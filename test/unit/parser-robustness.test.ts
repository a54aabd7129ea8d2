// The parser is total: any string gives a document, every offset lies inside the text, and big
// or hostile inputs finish quickly. Line endings (CRLF, CR), a BOM, tabs, astral characters,
// lone surrogates, NUL bytes, half-typed turns.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeSpeakers } from '../../server/src/analysis';
import { lineAt, parseTranscript, spanIndexAt, type Span, type TranscriptDocument } from '../../server/src/parser';

const load = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
const FIXTURES = [
  'broadcast-basic.transcript',
  'older-style.transcript',
  'names.transcript',
  'timestamps.transcript',
  'podcast.transcript',
  'no-preamble.transcript',
  'no-trailer.transcript',
  'front-matter.transcript',
  'markdown-heading.transcript',
];

/**
 * Generous bound, in CPU milliseconds, for "no quadratic behaviour": each of these inputs takes
 * tens to a few hundred; a quadratic scan of them takes many seconds.
 */
const QUICK_MS = 1000;

/** Every structural promise of TranscriptDocument; returns the doc for chaining. */
function check(text: string, doc: TranscriptDocument = parseTranscript(text)): TranscriptDocument {
  const n = text.length;
  assert.equal(doc.text, text);
  assert.equal(doc.parseError, undefined, 'the parser fell back after an internal error');
  assert.equal(doc.bom, text.charCodeAt(0) === 0xfeff);
  const ls = doc.lineStarts;
  assert.equal(ls[0], 0);
  for (let i = 1; i < ls.length; i++) assert.ok(ls[i - 1] < ls[i] && ls[i] <= n, `lineStarts[${i}]`);
  const lines = ls.length;
  const span = (s: Span | undefined, what: string) => {
    if (!s) return;
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= n, `${what}: [${s.start}, ${s.end}) outside [0, ${n}]`);
  };
  const within = (inner: Span | undefined, outer: Span, what: string) => {
    if (!inner) return;
    assert.ok(outer.start <= inner.start && inner.end <= outer.end, `${what}: [${inner.start}, ${inner.end}) not in [${outer.start}, ${outer.end})`);
  };
  const lineOk = (l: number, what: string) => assert.ok(Number.isInteger(l) && l >= 0 && l < lines, `${what}: line ${l}`);

  if (doc.preamble) {
    const p = doc.preamble;
    span(p, 'preamble');
    lineOk(p.firstLine, 'preamble.firstLine');
    lineOk(p.lastLine, 'preamble.lastLine');
    assert.ok(p.firstLine <= p.lastLine);
    if (p.title) {
      span(p.title, 'title');
      lineOk(p.title.line, 'title.line');
      assert.equal(text.slice(p.title.start, p.title.end), p.title.text);
      assert.ok(p.title.text.length > 0);
    }
    span(p.summary, 'summary');
  }

  let prev = -1;
  let turnIndex = 0;
  for (const node of doc.body) {
    span(node, node.type);
    assert.ok(node.start >= prev, 'body in document order');
    prev = node.start;
    if (doc.preamble) assert.ok(node.start > doc.preamble.end || doc.preamble.end === doc.preamble.start, 'body after the preamble');
    if (node.type === 'stage') {
      assert.deepEqual([node.start, node.end], [node.cue.start, node.cue.end]);
      lineOk(node.line, 'stage.line');
      assert.equal(lineAt(ls, node.start), node.line);
      assert.ok(text[node.cue.start] === node.cue.bracket);
      continue;
    }
    assert.equal(doc.turns[turnIndex++], node, 'turns are the body turns, in order');
    lineOk(node.firstLine, 'turn.firstLine');
    lineOk(node.lastLine, 'turn.lastLine');
    assert.ok(node.firstLine <= node.lastLine);
    assert.equal(lineAt(ls, node.start), node.firstLine);
    assert.equal(spanIndexAt(doc.turns, node.start), turnIndex - 1, 'the turn search finds the turn at its start');
    assert.equal(spanIndexAt(doc.turns, node.start - 1), turnIndex - 2, 'and the one before just before it');
    assert.ok(node.start <= node.textStart && node.textStart <= n, 'textStart');
    assert.ok(node.paragraphs >= (node.label ? 0 : 1));
    for (const c of node.cues) {
      span(c, 'cue');
      within(c, node, 'cue in its turn');
      assert.equal(text[c.start], c.bracket);
      if (c.closed) assert.equal(text[c.end - 1], c.bracket === '(' ? ')' : ']');
    }
    if (node.label) {
      const l = node.label;
      assert.equal(node.start, l.start);
      span(l, 'label');
      within(l.nameSpan, l, 'name in label');
      within(l.roleSpan, l, 'role in label');
      within(l.timestamp, l, 'time in label');
      assert.equal(text.slice(l.nameSpan.start, l.nameSpan.end), l.name);
      if (l.role !== undefined) assert.equal(text.slice(l.roleSpan!.start, l.roleSpan!.end), l.role);
      assert.equal(text[l.colon], ':');
      assert.equal(l.end, l.colon + 1);
      assert.ok(l.end <= node.end || node.paragraphs === 0);
    } else {
      assert.ok(node.continues === undefined || (node.continues >= 0 && node.continues < turnIndex - 1 && doc.turns[node.continues].label));
    }
  }
  assert.equal(turnIndex, doc.turns.length);

  if (doc.trailer) {
    const t = doc.trailer;
    span(t, 'trailer');
    span(t.credit, 'credit');
    within(t.credit, t, 'credit in trailer');
    lineOk(t.firstLine, 'trailer.firstLine');
    lineOk(t.lastLine, 'trailer.lastLine');
    for (const l of t.lines) {
      span(l, 'trailer line');
      within(l, t, 'trailer line');
      lineOk(l.line, 'trailer line');
    }
    assert.ok(prev <= t.start, 'trailer after the body');
  }
  return doc;
}

/**
 * Runs `f` and measures the CPU time this process spent on it (user + system, all threads), not
 * the wall clock: on a busy machine other processes stretch the wall clock, not our CPU time.
 */
function timed<T>(f: () => T): { value: T; ms: number } {
  const u0 = process.cpuUsage();
  const value = f();
  const u = process.cpuUsage(u0);
  return { value, ms: (u.user + u.system) / 1000 };
}

/** The body as rows, with every offset, for comparing two parses. */
function rows(doc: TranscriptDocument) {
  return doc.body.map((n) =>
    n.type === 'stage'
      ? { type: 'stage', start: n.start, end: n.end, line: n.line, text: n.cue.text, kind: n.cue.kind }
      : {
          type: 'turn',
          label: n.label?.name,
          role: n.label?.role,
          start: n.start,
          end: n.end,
          textStart: n.textStart,
          colon: n.label?.colon,
          firstLine: n.firstLine,
          lastLine: n.lastLine,
          paragraphs: n.paragraphs,
          continues: n.continues,
          cues: n.cues.map((c) => [c.start, c.end, c.kind, c.closed]),
        },
  );
}

describe('every fixture satisfies the structural invariants', () => {
  for (const name of FIXTURES) {
    test(name, () => {
      check(load(name));
    });
  }
});

describe('line endings, BOM, tabs', () => {
  test('CRLF: the same structure, every offset shifted by the number of line breaks before it', () => {
    const lf = load('broadcast-basic.transcript');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = check(lf);
    const b = check(crlf);
    assert.equal(b.lineStarts.length, a.lineStarts.length);
    // On line k, an offset moves by k (one \r per earlier line).
    const shift = (o: number) => o + lineAt(a.lineStarts, o);
    const shifted = rows(a).map((r) =>
      r.type === 'stage'
        ? { ...r, start: shift(r.start), end: shift(r.end) }
        : {
            ...r,
            start: shift(r.start),
            end: shift(r.end),
            textStart: shift(r.textStart!),
            colon: r.colon === undefined ? undefined : shift(r.colon),
            cues: r.cues!.map(([s, e, k, c]) => [shift(s as number), shift(e as number), k, c]),
          },
    );
    assert.deepEqual(rows(b), shifted);
    assert.deepEqual(
      { title: b.preamble!.title!.start, credit: b.trailer!.credit!.start, lines: b.trailer!.lines.map((l) => l.start) },
      { title: shift(a.preamble!.title!.start), credit: shift(a.trailer!.credit!.start), lines: a.trailer!.lines.map((l) => shift(l.start)) },
    );
    // No line or span takes in the \r.
    for (const t of b.turns) assert.notEqual(crlf[t.end - 1], '\r');
    for (const l of b.trailer!.lines) assert.ok(!crlf.slice(l.start, l.end).includes('\r'));
  });

  test('CR only (old Mac): the same offsets as LF, since both are one character', () => {
    for (const name of ['broadcast-basic.transcript', 'older-style.transcript', 'podcast.transcript']) {
      const lf = load(name);
      const cr = lf.replace(/\n/g, '\r');
      const a = check(lf);
      const b = check(cr);
      assert.deepEqual(b.lineStarts, a.lineStarts, name);
      assert.deepEqual(rows(b), rows(a), name);
      assert.deepEqual(b.preamble, a.preamble, name);
      assert.deepEqual(b.trailer, a.trailer, name);
    }
  });

  test('mixed line endings in one file', () => {
    const text = 'Title\r\n\r\nDETROW: One.\rMAYNES: Two.\nDETROW: Three.\r\n';
    const doc = check(text);
    assert.deepEqual(doc.lineStarts, [0, 7, 9, 22, 35, 51]);
    assert.deepEqual(
      doc.turns.map((t) => [t.label!.name, t.firstLine, text.slice(t.textStart, t.end)]),
      [
        ['DETROW', 2, 'One.'],
        ['MAYNES', 3, 'Two.'],
        ['DETROW', 4, 'Three.'],
      ],
    );
  });

  test('a BOM: flagged, counted in offsets, never part of a label or title', () => {
    const lf = load('broadcast-basic.transcript');
    const a = check(lf);
    const b = check(`\uFEFF${lf}`);
    assert.equal(b.bom, true);
    assert.deepEqual(
      rows(b),
      rows(a).map((r) =>
        r.type === 'stage'
          ? { ...r, start: r.start + 1, end: r.end + 1 }
          : {
              ...r,
              start: r.start + 1,
              end: r.end + 1,
              textStart: r.textStart! + 1,
              colon: r.colon! + 1,
              cues: r.cues!.map(([s, e, k, c]) => [(s as number) + 1, (e as number) + 1, k, c]),
            },
      ),
    );
    assert.equal(b.preamble!.start, 1);
    assert.equal(b.preamble!.title!.text, a.preamble!.title!.text);

    const direct = check('\uFEFFDETROW: Hi.');
    assert.deepEqual([direct.turns[0].label!.start, direct.turns[0].label!.name], [1, 'DETROW']);
    const fm = check('\uFEFF---\ntitle: With a BOM\n---\n\nDETROW: Hi.\n');
    assert.equal(fm.preamble!.title!.text, 'With a BOM');
  });

  test('tabs around labels, cues and text', () => {
    const text = 'Title\n\n\tNINA PARK,\tHOST:\tHello there.\t\n\n\t(SOUNDBITE OF MUSIC)\t\n\nPARK:\t\tAnd back.\n';
    const doc = check(text);
    assert.deepEqual(
      rows(doc).map((r) => (r.type === 'turn' ? [r.label ?? null, r.role ?? null, text.slice(r.textStart!, r.end)] : [r.text])),
      [['NINA PARK', 'HOST', 'Hello there.'], ['SOUNDBITE OF MUSIC'], ['PARK', null, 'And back.']],
    );
    assert.equal(doc.turns[0].label!.start, text.indexOf('NINA'));
  });
});

describe('Unicode and garbage', () => {
  test('emoji and astral characters in text, title and names: offsets in UTF-16 code units', () => {
    const text = 'Ferry 🚢 strike 🎉\n\n𝐒𝐮𝐦𝐦𝐚𝐫𝐲 with math letters 𝔘.\n\nNINA PARK, HOST: Hello 👋🏽 everyone (Laughter 😂) 𝄞.\n\nJOHN 𠮷ANG: Yes 🎉.\n';
    const doc = check(text);
    assert.equal(doc.preamble!.title!.text, 'Ferry 🚢 strike 🎉');
    assert.equal(doc.preamble!.title!.end, 'Ferry 🚢 strike 🎉'.length);
    const [a, b] = doc.turns;
    assert.equal(a.cues[0].start, text.indexOf('(Laughter 😂)'));
    assert.equal(a.cues[0].end, text.indexOf('(Laughter 😂)') + '(Laughter 😂)'.length);
    assert.equal(a.cues[0].kind, 'reaction');
    assert.equal(a.end, text.indexOf('𝄞.') + 3);
    assert.deepEqual([b.label!.name, b.label!.nameSpan.end - b.label!.nameSpan.start], ['JOHN 𠮷ANG', 10]);
  });

  test('an emoji where a name would start is not a label', () => {
    const doc = check('NINA PARK: Hi.\n🎉 PARK: not a label.\n');
    assert.equal(doc.turns.length, 1);
    assert.equal(doc.turns[0].lastLine, 1);
  });

  test('lone surrogates anywhere', () => {
    const text = '\uD800Title\uDC00\n\nDETROW: a \uD83D b \uDE00 c\n\uDC00MAYNES: not a label\nMAYNES: \uD800\n(\uDBFF\n[\uDC00]\n';
    const doc = check(text);
    assert.deepEqual(
      doc.body.map((n) => (n.type === 'turn' ? n.label?.name : `(${n.cue.text})`)),
      ['DETROW', 'MAYNES', '(\uDBFF)', '(\uDC00)'],
    );
    assert.equal(doc.turns[0].lastLine, 3);
  });

  test('NUL bytes and control characters', () => {
    // A NUL or control character where a name starts or right after the colon: not a label.
    const text = 'T\0itle\n\nDETROW: a\0b\n\0DETROW: x\nDETROW:\0\n\x01\x02\x1b[31mMAYNES: x\n\vMAYNES: y\f\nMAYNES: z\n';
    const doc = check(text);
    assert.deepEqual(
      doc.turns.map((t) => [t.label?.name, t.firstLine, t.lastLine]),
      [
        ['DETROW', 2, 6],
        ['MAYNES', 7, 7],
      ],
    );
    assert.equal(doc.preamble!.title!.text, 'T\0itle');
  });

  test('random garbage (seeded): never an error, every invariant holds', () => {
    // A small linear congruential generator: the same inputs on every run.
    let seed = 0x2545f491;
    const rand = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    const alphabet = ['\n', '\r', '\r\n', ' ', '\t', ':', ',', '(', ')', '[', ']', '#', '.', "'", '"', '0', '1', ':00', 'A', 'B', 'Z', 'É', 'a', 'x', 'Mr.', 'DETROW', 'SCOTT', 'HOST', 'Transcript provided by', 'Copyright', '(SOUNDBITE OF', '---', 'title: x', '\0', '\uFEFF', '\uD800', '\uDC00', '🎉', '>>', 'Unidentified', 'Speaker'];
    for (let i = 0; i < 400; i++) {
      const parts: string[] = [];
      const len = rand(80);
      for (let k = 0; k < len; k++) parts.push(alphabet[rand(alphabet.length)]);
      const text = parts.join('');
      try {
        const doc = check(text);
        analyzeSpeakers(doc);
      } catch (e) {
        assert.fail(`input ${JSON.stringify(text)}: ${(e as Error).message}`);
      }
    }
    // And raw code units, including every control character.
    for (let i = 0; i < 200; i++) {
      const len = rand(300);
      let text = '';
      for (let k = 0; k < len; k++) text += String.fromCharCode(rand(4) === 0 ? rand(0x10000) : rand(128));
      check(text);
    }
  });

  test('non-string input from JavaScript callers gives an empty document, not an exception', () => {
    for (const v of [undefined, null]) {
      const doc = parseTranscript(v as unknown as string);
      assert.deepEqual([doc.text, doc.body, doc.turns, doc.lineStarts], ['', [], [], [0]]);
    }
    assert.equal(parseTranscript(42 as unknown as string).text, '42');
  });
});

describe('degenerate and half-typed documents', () => {
  test('the empty string', () => {
    const doc = check('');
    assert.deepEqual(doc, { text: '', lineStarts: [0], bom: false, style: 'broadcast', styleSource: 'detected', preamble: undefined, body: [], turns: [], trailer: undefined, podcastHeadline: undefined });
  });

  test('only blank lines and spaces', () => {
    const doc = check('\n \n\t\n\r\n   ');
    assert.deepEqual([doc.preamble, doc.body, doc.trailer, doc.lineStarts.length], [undefined, [], undefined, 5]);
  });

  test('text with no labels at all is all preamble', () => {
    const text = 'A headline\n\nA first paragraph of prose.\nIt goes on.\n\nA second paragraph.\n';
    const doc = check(text);
    assert.deepEqual(doc.body, []);
    assert.deepEqual(doc.preamble, {
      start: 0,
      end: text.indexOf('A second paragraph.') + 'A second paragraph.'.length,
      firstLine: 0,
      lastLine: 5,
      title: { start: 0, end: 10, line: 0, text: 'A headline' },
      summary: { start: text.indexOf('A first'), end: text.indexOf('It goes on.') + 11 },
    });
  });

  test('a credit line with no turns is preamble, not a trailer', () => {
    const doc = check('A headline\n\nTranscript provided by NPR, Copyright NPR.\n');
    assert.equal(doc.trailer, undefined);
    assert.equal(doc.preamble!.lastLine, 2);
  });

  test('typing a label, letter by letter, at the end of the file', () => {
    const base = 'Title\n\nDETROW: Hello.\n\n';
    const at = (s: string) => {
      const doc = check(base + s);
      return doc.turns.map((t) => [t.label?.name ?? null, t.firstLine, t.lastLine, t.paragraphs]);
    };
    assert.deepEqual(at('D'), [['DETROW', 2, 4, 2]]);
    assert.deepEqual(at('DETR'), [['DETROW', 2, 4, 2]]);
    assert.deepEqual(at('DETROW'), [['DETROW', 2, 4, 2]]);
    assert.deepEqual(at('DETROW:'), [['DETROW', 2, 2, 1], ['DETROW', 4, 4, 0]]);
    assert.deepEqual(at('DETROW: '), [['DETROW', 2, 2, 1], ['DETROW', 4, 4, 0]]);
    assert.deepEqual(at('DETROW: W'), [['DETROW', 2, 2, 1], ['DETROW', 4, 4, 1]]);
    const empty = check(`${base}DETROW:`).turns[1];
    assert.deepEqual([empty.start, empty.end, empty.textStart], [base.length, base.length + 7, base.length + 7]);
  });

  test('an unclosed stage direction runs to the end of its line', () => {
    const base = 'Title\n\nDETROW: Hello.\n\n';
    const own = check(`${base}(SOUNDBITE OF`).body[1];
    assert.equal(own.type, 'stage');
    assert.deepEqual(own.type === 'stage' && [own.cue.text, own.cue.kind, own.cue.closed, own.start, own.end], ['SOUNDBITE OF', 'soundbite', false, base.length, base.length + 13]);
    // Trailing spaces are not part of it.
    const spaced = check(`${base}(SOUNDBITE OF MUSIC   \n`).body[1];
    assert.deepEqual(spaced.type === 'stage' && [spaced.cue.closed, spaced.end], [false, base.length + 19]);
    const inline = check('DETROW: Hello (Laughter and more\nMAYNES: Hi.').turns[0];
    assert.deepEqual(inline.cues.map((c) => [c.text, c.closed, c.end]), [['Laughter and more', false, 32]]);
    assert.equal(inline.end, 32);
  });

  test('a label alone at the end of the file after a stage direction', () => {
    const doc = check('DETROW: Hi.\n(LAUGHTER)\nMAYNES:');
    assert.deepEqual(
      doc.body.map((n) => (n.type === 'turn' ? `${n.label?.name}/${n.paragraphs}` : n.cue.text)),
      ['DETROW/1', 'LAUGHTER', 'MAYNES/0'],
    );
  });
});

describe('big inputs finish quickly (no quadratic behaviour)', () => {
  test('a 1 MB single line of prose', () => {
    const text = 'word '.repeat(200_000) + 'end';
    const { value: doc, ms } = timed(() => parseTranscript(text));
    check(text, doc);
    assert.ok(ms < QUICK_MS, `${ms} ms`);
    assert.deepEqual([doc.body.length, doc.preamble!.title, doc.preamble!.firstLine], [0, undefined, 0]);
  });

  test('a 1 MB single turn, with cues', () => {
    const text = `DETROW: ${'so (Laughter) and [crosstalk] then '.repeat(30_000)}`;
    const { value: doc, ms } = timed(() => parseTranscript(text));
    check(text, doc);
    assert.ok(ms < QUICK_MS, `${ms} ms`);
    assert.deepEqual([doc.turns.length, doc.turns[0].cues.length], [1, 60_000]);
  });

  test('a 1 MB line of one character each: letters, capitals, brackets, colons', () => {
    for (const ch of ['x', 'A', '(', '[', ':', ',', ' ', '\uD800']) {
      const text = ch.repeat(1 << 20);
      const { value: doc, ms } = timed(() => parseTranscript(text));
      check(text, doc);
      assert.ok(ms < QUICK_MS, `${JSON.stringify(ch)}: ${ms} ms`);
    }
  });

  test('100,000 empty lines', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = eol.repeat(100_000);
      const { value: doc, ms } = timed(() => parseTranscript(text));
      assert.ok(ms < QUICK_MS, `${JSON.stringify(eol)}: ${ms} ms`);
      assert.equal(doc.lineStarts.length, 100_001);
      assert.deepEqual([doc.preamble, doc.body.length, doc.trailer], [undefined, 0, undefined]);
    }
  });

  test('100,000 lines that start like a label but never finish one', () => {
    // Each of these once sent a search to the end of the document from every line.
    for (const line of ['[x', '(x', 'HELLO, world', 'HELLO (world', 'SCOTT DETROW, HOST', '[00:0', 'Transcript provided']) {
      const text = `${line}\n`.repeat(100_000);
      const { value: doc, ms } = timed(() => parseTranscript(text));
      assert.ok(ms < QUICK_MS, `${line}: ${ms} ms`);
      assert.equal(doc.turns.length, 0, line);
    }
  });

  test('100,000 turns, and the speakers of them', () => {
    const text = 'SCOTT DETROW, HOST: Hi.\n(LAUGHTER)\nMore.\n'.repeat(33_000);
    const { value: doc, ms } = timed(() => parseTranscript(text));
    assert.ok(ms < QUICK_MS, `parse: ${ms} ms`);
    assert.equal(doc.turns.length, 66_000);
    const s = timed(() => analyzeSpeakers(doc));
    assert.ok(s.ms < QUICK_MS, `speakers: ${s.ms} ms`);
    assert.equal(s.value.speakers.length, 1);
  });
});
