// Property tests for the checker, its fixes and the formatter, on transcripts built from
// labels of known speakers with random slips, stage directions, blank lines, CRLF and
// arbitrary Unicode. Fixed seeds: a failure prints the seed and the shrunk counterexample.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, Range } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/analysis';
import { checkTranscript, type Problem } from '../../server/src/features/rules';
import { defaultSettings } from '../../server/src/settings';
import { actionEdits, applyFix, applyTextEdits, doc, offsetOf, service, URI, wholeDocument } from '../fixtures/rules/support';

// PROPERTY_SEED and PROPERTY_RUNS explore other inputs locally; the suite runs with the fixed defaults.
const RUNS = { seed: Number(process.env.PROPERTY_SEED ?? 42), numRuns: Number(process.env.PROPERTY_RUNS ?? 200) };

// ---------------------------------------------------------------------------------------------
// Building blocks

const SPEAKERS = [
  { full: 'NINA PARK', role: 'HOST', short: 'PARK' },
  { full: 'OMAR SALEH', role: 'BYLINE', short: 'SALEH' },
  { full: 'GRETA LINDQVIST', role: 'DECKHAND', short: 'LINDQVIST' },
  { full: 'SARAH KANE', role: 'COUNCIL MEMBER', short: 'S. KANE' },
  { full: 'MILES KANE', role: 'RESIDENT', short: 'M. KANE' },
];

const SLIPS = [
  'none',
  'missing-colon',
  'lower',
  'mixed',
  'typo',
  'space-before',
  'no-space-after',
  'double-space',
  'trailing',
  'empty',
  'duplicate',
  'timestamp',
  'bad-timestamp',
] as const;
type Slip = (typeof SLIPS)[number];

/** Spoken words: MARK becomes a unique, numbered marker word when the text is rendered. */
const MARK = '\u0000MARK\u0000';
const VOCABULARY = [
  'the', 'boats', 'stopped', 'Park', 'PARK', 'SALEH', 'KANE', 'NPR', 'U.S.', 'said', '"', '“', '”', '(Laughter)', '(ph)',
  '(inaudible', ')', ']', '[crosstalk]', '😀', 'é', 'Zoë', '—', '...', '6:10', '(SOUNDBITE OF MUSIC)', "'", 'x',
];

/** Arbitrary text; in safe mode without line breaks or colons (which could make new labels of spoken words). */
const freeText = (wild: boolean) =>
  wild
    ? fc.string({ unit: 'binary', maxLength: 12 })
    : fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replace(/[\r\n:\u0000]/g, ' '));

const words = (wild: boolean) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(MARK) }, { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) }, { weight: 1, arbitrary: freeText(wild) }), {
    maxLength: 10,
  });

const typo = fc.record({ at: fc.nat(), op: fc.constantFrom('swap', 'drop', 'double', 'replace') });

interface Options {
  wild: boolean;
  /** Mistyped labels at all. */
  typos: boolean;
  /** Typos in full-name labels too (once the JOHN SMITH / JOAN SMITH swap). */
  fullNameTypos: boolean;
}

const turn = ({ wild, typos }: Options) =>
  fc.record({
    kind: fc.constant('turn' as const),
    speaker: fc.nat(SPEAKERS.length - 1),
    form: fc.constantFrom('intro', 'full', 'short', 'short'),
    slip: fc.oneof({ weight: 8, arbitrary: fc.constant<Slip>('none') }, { weight: 12, arbitrary: fc.constantFrom(...SLIPS.filter((x) => typos || x !== 'typo')) }),
    typo,
    alone: fc.boolean(),
    text: words(wild),
    /** What the duplicated label says. */
    again: words(wild),
  });

const block = (o: Options) => {
  const { wild } = o;
  return fc.oneof(
    { weight: 8, arbitrary: turn(o) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('stage' as const), closed: fc.boolean(), cue: fc.constantFrom('SOUNDBITE OF MUSIC', 'LAUGHTER', 'SOUNDBITE OF ARCHIVED RECORDING', '00:01:00', '61:99') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), text: words(wild) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('blank' as const), n: fc.integer({ min: 1, max: 3 }), spaces: fc.constantFrom('', ' ', '\t ') }) },
    { weight: wild ? 1 : 0, arbitrary: fc.record({ kind: fc.constant('wild' as const), text: fc.string({ unit: 'binary', maxLength: 30 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('credit' as const) }) },
  );
};

const transcript = (o: Options) =>
  fc.record({
    options: fc.constant(o),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    summary: fc.boolean(),
    blocks: fc.array(block(o), { maxLength: 14 }),
    gaps: fc.array(fc.constantFrom('', '', '', 'blank'), { maxLength: 14 }),
    trailer: fc.boolean(),
    bom: fc.boolean(),
  });

type Spec = ReturnType<typeof transcript> extends fc.Arbitrary<infer T> ? T : never;
type TurnSpec = Extract<Spec['blocks'][number], { kind: 'turn' }>;

function mistype(label: string, t: { at: number; op: string }): string {
  // Not an initial (`S.`): doubling it makes another full name (`SS. KANE`), not a typo.
  const letters = [...label].map((c, i) => [c, i] as const).filter(([c, i]) => /[A-Z]/.test(c) && label[i + 1] !== '.');
  const [c, i] = letters[t.at % letters.length];
  switch (t.op) {
    case 'swap':
      return i + 1 < label.length ? label.slice(0, i) + label[i + 1] + c + label.slice(i + 2) : label.slice(0, i) + 'X';
    case 'drop':
      return label.slice(0, i) + label.slice(i + 1);
    case 'double':
      return label.slice(0, i) + c + label.slice(i);
    default:
      return label.slice(0, i) + (c === 'Q' ? 'W' : 'Q') + label.slice(i + 1);
  }
}

/** Renders a spec: the text and the markers of spoken words in order. */
function render(spec: Spec): { text: string; markers: string[]; spec: Spec } {
  let n = 0;
  const markers: string[] = [];
  const say = (ws: string[]) =>
    ws
      .map((w) => {
        if (w !== MARK) return w;
        const m = `zqx${n++}x`;
        markers.push(m);
        return m;
      })
      .join(' ');
  const out: string[] = ['Ferry crews return to work', ''];
  if (spec.summary) out.push("After six days, NPR's Omar Saleh and Nina Park report.", '');
  const introduced = new Set<number>();
  spec.blocks.forEach((b, i) => {
    if (spec.gaps[i] === 'blank') out.push('');
    switch (b.kind) {
      case 'turn':
        out.push(...renderTurn(b, introduced, say, spec.options.fullNameTypos));
        break;
      case 'stage':
        out.push(b.closed ? `(${b.cue})` : `(${b.cue}`);
        break;
      case 'text':
        out.push(say(b.text));
        break;
      case 'blank':
        for (let k = 0; k < b.n; k++) out.push(b.spaces);
        break;
      case 'wild':
        out.push(b.text);
        break;
      case 'credit':
        out.push('Transcript provided by NPR, Copyright NPR.');
        break;
    }
  });
  if (spec.trailer) out.push('', '(SOUNDBITE OF MUSIC)', '', 'Transcript provided by NPR, Copyright NPR.', '', 'Nina Park is the host of Morning Edition.');
  return { text: (spec.bom ? '\ufeff' : '') + out.join(spec.eol), markers, spec };
}

function renderTurn(b: TurnSpec, introduced: Set<number>, say: (ws: string[]) => string, fullNameTypos: boolean): string[] {
  const s = SPEAKERS[b.speaker];
  let name = b.form === 'short' && introduced.has(b.speaker) ? s.short : s.full;
  let role = b.form === 'intro' || !introduced.has(b.speaker) ? `, ${s.role}` : '';
  introduced.add(b.speaker);
  let colon = ':';
  let after = ' ';
  let before = '';
  let trailing = '';
  let spoken = b.slip === 'empty' ? '' : say(b.text);
  switch (b.slip) {
    case 'missing-colon':
      colon = '';
      role = '';
      break;
    case 'lower':
      name = name.toLowerCase();
      role = '';
      break;
    case 'mixed':
      name = name.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
      role = '';
      break;
    case 'typo':
      if (name === s.short || fullNameTypos) name = mistype(name, b.typo);
      else name = mistype(s.short, b.typo);
      break;
    case 'space-before':
      name += ' ';
      break;
    case 'no-space-after':
      after = '';
      break;
    case 'double-space':
      name = name.replace(' ', '  ');
      break;
    case 'trailing':
      trailing = ' \t';
      break;
    case 'empty':
      spoken = '';
      break;
    case 'timestamp':
      before = '[00:01:00] ';
      break;
    case 'bad-timestamp':
      before = '[00:61:00] ';
      break;
  }
  const label = `${before}${name}${role}${colon}`;
  const lines = !spoken ? [label + trailing] : b.alone ? [label + trailing, '', spoken] : [`${label}${after}${spoken}${trailing}`];
  if (b.slip === 'duplicate') return [...lines, '', `${s.short}: ${say(b.again)}`];
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Checks

const splitsPair = (text: string, o: number) => {
  const a = text.charCodeAt(o - 1);
  const b = text.charCodeAt(o);
  return (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) || (a === 13 && b === 10);
};

function assertOffsets(text: string, start: number, end: number, what: string) {
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length, `${what}: [${start}, ${end}) outside 0..${text.length}`);
  assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${what}: [${start}, ${end}) splits a surrogate pair or \\r\\n`);
}

function assertProblem(text: string, p: Problem) {
  assertOffsets(text, p.start, p.end, p.code);
  for (const r of p.related ?? []) assertOffsets(text, r.start, r.end, `${p.code} related`);
  for (const f of p.fixes) {
    const sorted = [...f.edits].sort((a, b) => a.start - b.start);
    sorted.forEach((e, i) => {
      assertOffsets(text, e.start, e.end, `${p.code} fix "${f.title}"`);
      if (i > 0) assert.ok(e.start >= sorted[i - 1].end, `${p.code} fix "${f.title}": overlapping edits`);
    });
  }
}

function assertRange(text: string, r: Range, what: string) {
  const s = offsetOf(text, r.start);
  const e = offsetOf(text, r.end);
  assert.ok(s <= e, `${what}: range runs backwards`);
  assert.ok(!splitsPair(text, s) && !splitsPair(text, e), `${what}: splits a surrogate pair or \\r\\n`);
}

const preferred = (ps: readonly Problem[]) => ps.filter((p) => p.fixes.some((f) => f.preferred));

/** Text outside labels: markers, in order. */
const markersIn = (text: string) => text.match(/zqx\d+x/g) ?? [];

/** Words, with the spacing around label colons (which formatting and fixes change) normalised. */
const wordsOf = (text: string) =>
  text
    .replace(/[ \t]+:/g, ':')
    .replace(/:(?=\S)/g, ': ')
    .split(/\s+/)
    .filter(Boolean);

function fixAll(text: string): string {
  const svc = service();
  const [a] = svc.getCodeActions(doc(text), wholeDocument, { diagnostics: [], only: ['source.fixAll.transcript'] }, defaultSettings);
  return a ? applyTextEdits(text, actionEdits(a)) : text;
}

function format(text: string): string {
  return applyTextEdits(text, service().getFormattingEdits(doc(text)));
}

const wildDocs = transcript({ wild: true, typos: true, fullNameTypos: true }).map(render);
const safeDocs = transcript({ wild: false, typos: true, fullNameTypos: false }).map(render);
const noTypoDocs = transcript({ wild: false, typos: false, fullNameTypos: false }).map(render);
const safeDocsWithFullNameTypos = transcript({ wild: false, typos: true, fullNameTypos: true }).map(render);

// ---------------------------------------------------------------------------------------------

describe('properties', () => {
  test('the generator makes the slips it is meant to (sanity)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(safeDocs, ({ text }) => {
        for (const p of checkTranscript(analyze(URI, 1, text))) seen.add(p.code);
      }),
      RUNS,
    );
    for (const code of ['missing-colon', 'label-case', 'unknown-speaker', 'label-spacing', 'empty-turn', 'split-turn', 'unclosed-stage-direction', 'duplicate-introduction', 'invalid-timestamp', 'turn-after-credits']) {
      assert.ok(seen.has(code), `generated documents never show ${code}`);
    }
  });

  test('(a) checking, diagnostics, code actions and formatting never throw; every range lies inside the text', () => {
    fc.assert(
      fc.property(wildDocs, fc.nat(), ({ text }, lineSeed) => {
        const svc = service();
        const d = doc(text);
        const problems = svc.getProblems(d);
        for (const p of problems) assertProblem(text, p);
        const diagnostics = svc.getDiagnostics(d, defaultSettings);
        assert.equal(diagnostics.length, problems.length);
        for (const dg of diagnostics) {
          assertRange(text, dg.range, `diagnostic ${dg.code}`);
          for (const r of dg.relatedInformation ?? []) assertRange(text, r.location.range, `${dg.code} related`);
        }
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const line = lineSeed % lineCount;
        const ranges: Range[] = [wholeDocument, { start: { line, character: 0 }, end: { line, character: 3 } }];
        for (const range of ranges) {
          for (const only of [undefined, ['quickfix'], ['source.fixAll.transcript']]) {
            for (const a of svc.getCodeActions(d, range, { diagnostics, only }, defaultSettings)) {
              for (const e of actionEdits(a)) assertRange(text, e.range, `action "${a.title}"`);
            }
          }
        }
        for (const e of svc.getFormattingEdits(d)) assertRange(text, e.range, 'formatting edit');
      }),
      RUNS,
    );
  });

  test('(b) each quick fix changes only the text inside its edits, and a preferred one removes its own problem', () => {
    fc.assert(
      fc.property(wildDocs, ({ text }) => {
        const svc = service();
        const d = doc(text);
        const problems = svc.getProblems(d);
        const actions: CodeAction[] = svc.getCodeActions(d, wholeDocument, { diagnostics: [], only: ['quickfix'] }, defaultSettings);
        for (const a of actions) {
          const edits = actionEdits(a);
          const out = applyTextEdits(text, edits); // fails on ranges outside the text or overlapping
          // Outside the edits: the same characters, in the same places relative to them.
          const spans = edits.map((e) => ({ s: offsetOf(text, e.range.start), e: offsetOf(text, e.range.end), n: e.newText })).sort((x, y) => x.s - y.s);
          let delta = 0;
          let last = 0;
          for (const sp of spans) {
            assert.equal(out.slice(last + delta, sp.s + delta), text.slice(last, sp.s), `"${a.title}" changed text outside its edits`);
            delta += sp.n.length - (sp.e - sp.s);
            last = sp.e;
          }
          assert.equal(out.slice(last + delta), text.slice(last), `"${a.title}" changed the end of the text`);
        }
        // A preferred fix removes its problem (deletions of turns excepted: the next turn moves into its place).
        for (const p of problems) {
          const f = p.fixes.find((x) => x.preferred);
          if (!f || p.code === 'empty-turn' || p.code === 'split-turn') continue;
          const out = applyFix(text, f.edits);
          const again = checkTranscript(analyze(URI, 2, out));
          assert.ok(
            !again.some((q) => q.code === p.code && q.start === p.start && q.message === p.message),
            `"${f.title}" leaves ${p.code} "${p.message}" in place`,
          );
        }
      }),
      RUNS,
    );
  });

  // Seeds 7, 18 and 30 (PROPERTY_RUNS=1000) once found cascades longer than fix-all's rounds,
  // and seeds 2, 13, 14… the mixed line-end formatting bug of (d); both are fixed and tested.
  test('(c) after fix-all, no problem with a preferred fix is left', () => {
    fc.assert(
      fc.property(noTypoDocs, ({ text }) => {
        const fixed = fixAll(text);
        const left = preferred(checkTranscript(analyze(URI, 2, fixed)));
        assert.deepEqual(
          left.map((p) => `${p.code}: ${p.message}`),
          [],
          `fixed text: ${JSON.stringify(fixed)}`,
        );
      }),
      RUNS,
    );
  });

  test('(c) repeated fix-all settles: at most 4 applications reach a text with no preferred fix left', () => {
    fc.assert(
      fc.property(noTypoDocs, ({ text }) => {
        let t = text;
        for (let i = 0; i < 4; i++) {
          const next = fixAll(t);
          if (next === t) break;
          t = next;
        }
        assert.deepEqual(preferred(checkTranscript(analyze(URI, 2, t))).map((p) => `${p.code}: ${p.message}`), [], `text: ${JSON.stringify(t)}`);
      }),
      RUNS,
    );
  });

  test(
    '(c) the same with typos in labels',
    () => {
      fc.assert(
        fc.property(safeDocsWithFullNameTypos, ({ text }) => {
          const left = preferred(checkTranscript(analyze(URI, 2, fixAll(text))));
          assert.deepEqual(left.map((p) => `${p.code}: ${p.message}`), []);
        }),
        RUNS,
      );
    },
  );

  test('(d) formatting is idempotent and changes white space only', () => {
    fc.assert(
      fc.property(wildDocs, ({ text }) => {
        const once = format(text);
        assert.equal(format(once), once, 'format(format(x)) == format(x)');
        assert.equal(once.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'only white space changes');
        assert.deepEqual(wordsOf(once), wordsOf(text), 'the words, label colons aside, keep their sequence');
      }),
      RUNS,
    );
  });

  test('(d) documents without colon slips: formatting keeps text.split(/\\s+/) exactly', () => {
    fc.assert(
      fc.property(safeDocs, ({ text }) => {
        fc.pre(!/[ \t]:|:[^\s]/.test(text));
        const w = (s: string) => s.split(/\s+/).filter(Boolean);
        assert.deepEqual(w(format(text)), w(text));
      }),
      RUNS,
    );
  });

  test('(e) fix-all keeps every spoken word, in order', () => {
    fc.assert(
      fc.property(safeDocs, ({ text, markers }) => {
        assert.deepEqual(markersIn(text), markers, 'generator: markers in the text');
        const fixed = fixAll(text);
        assert.deepEqual(markersIn(fixed), markers, `fixed text: ${JSON.stringify(fixed)}`);
      }),
      RUNS,
    );
  });
});
