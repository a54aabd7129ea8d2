// Every feature of the language service on arbitrary text never throws, and every range it
// returns lies inside the document, runs forwards and starts and ends on UTF-16 boundaries
// (never between the halves of a surrogate pair, never between \r and \n). The inputs are
// random Unicode (astral characters, combining marks, right-to-left text, NUL and control
// characters, lone surrogates, CR-only and mixed line endings, Markdown) and transcript-like
// documents full of it; then the big ones: 1 MB single lines and 100,000 empty lines.
//
// Property cases: see test/helpers/arbitraries.ts (`npm test` runs a fixed seed; `npm run fuzz`
// many more; FUZZ_RUNS and FUZZ_SEED override).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, DocumentSymbol, Position, Range, SemanticTokens, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { semanticTokensLegend } from '../../server/src/features/semanticTokens';
import { createLanguageService, type TextDocumentLike, type TranscriptLanguageService } from '../../server/src/languageService';
import { defaultSettings, type TranscriptSettings } from '../../server/src/settings';
import {
  anyDocument,
  assertPosition,
  assertRange,
  cpuTimed,
  describeRuns,
  lineEndOf,
  lineStartsOf,
  runs,
  show,
  splitsPair,
  validPosition,
  wellFormed,
  wildPosition,
} from '../helpers/arbitraries';

const URI = 'file:///robust/hostile.transcript';
const grouped: TranscriptSettings = { ...defaultSettings, outline: { groupBySpeaker: true } };
const whole = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };

const makeService = (open: TextDocumentLike[] = []) =>
  createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined }, openDocuments: () => open });

let version = 0;
const docOf = (text: string, uri = URI): TextDocumentLike => {
  const v = ++version;
  return { uri, version: v, getText: () => text };
};

/** Edits do not overlap (two insertions at one offset are allowed only in a defined order: none here). */
function assertEdits(text: string, starts: readonly number[], edits: readonly TextEdit[], what: string): void {
  const spans = edits.map((e, i) => {
    assert.equal(typeof e.newText, 'string', `${what} #${i}: newText`);
    return assertRange(text, starts, e.range, `${what} #${i}`);
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end, `${what}: edits overlap at ${spans[i].start}`);
}

function assertWorkspaceEdit(text: string, starts: readonly number[], edit: WorkspaceEdit | undefined, what: string): void {
  assert.ok(edit?.changes, `${what}: no changes`);
  for (const [uri, edits] of Object.entries(edit.changes)) {
    assert.equal(uri, URI, `${what}: edits another document`);
    assertEdits(text, starts, edits, what);
  }
}

function assertSymbols(text: string, starts: readonly number[], symbols: DocumentSymbol[], what: string, parent?: { start: number; end: number }, whole = wellFormed(text)): void {
  for (const s of symbols) {
    // VS Code rejects the whole outline when a name is empty or a selection lies outside its range.
    assert.ok(typeof s.name === 'string' && s.name.length > 0, `${what}: empty symbol name`);
    // Names are cut to a length: never between the halves of a pair the document has whole.
    if (whole) assert.ok(wellFormed(s.name), `${what}: name splits a surrogate pair: ${show(s.name)}`);
    const r = assertRange(text, starts, s.range, `${what} "${s.name}" range`);
    const sel = assertRange(text, starts, s.selectionRange, `${what} "${s.name}" selectionRange`);
    assert.ok(r.start <= sel.start && sel.end <= r.end, `${what} "${s.name}": selectionRange outside range`);
    if (parent) assert.ok(parent.start <= r.start && r.end <= parent.end, `${what} "${s.name}": outside its parent`);
    if (s.children) assertSymbols(text, starts, s.children, what, r, whole);
  }
}

/** Decodes semantic tokens and checks each lies on one line, inside it, on UTF-16 boundaries. */
function assertTokens(text: string, starts: readonly number[], tokens: SemanticTokens, what: string): void {
  const d = tokens.data;
  assert.equal(d.length % 5, 0, `${what}: data length`);
  let line = 0;
  let char = 0;
  for (let i = 0; i < d.length; i += 5) {
    const [dl, dc, len, type, mods] = d.slice(i, i + 5);
    assert.ok(dl >= 0 && len > 0, `${what}: token ${i / 5} (deltaLine ${dl}, length ${len})`);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    assert.ok(dc >= 0 || dl > 0, `${what}: tokens out of order`);
    assertRange(text, starts, { start: { line, character: char }, end: { line, character: char + len } }, `${what} token ${i / 5}`);
    assert.ok(type < semanticTokensLegend.tokenTypes.length, `${what}: token type ${type}`);
    assert.ok(mods < 1 << semanticTokensLegend.tokenModifiers.length, `${what}: modifiers ${mods}`);
  }
}

/** Every Range-shaped object anywhere in `value` lies inside the document (for features whose result shape varies). */
function assertRangesDeep(text: string, starts: readonly number[], value: unknown, what: string, depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 8) return;
  const v = value as Record<string, unknown>;
  const isPos = (p: unknown) => !!p && typeof p === 'object' && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
  if (isPos(v.start) && isPos(v.end)) {
    assertRange(text, starts, v as unknown as Range, what);
    return;
  }
  if (Array.isArray(value)) {
    for (const x of value) assertRangesDeep(text, starts, x, what, depth + 1);
    return;
  }
  for (const [k, x] of Object.entries(v)) assertRangesDeep(text, starts, x, `${what}.${k}`, depth + 1);
}

/** Code lenses, inlay hints, statistics, word counts and export: their ranges checked wherever they are. */
function checkOptionalFeatures(svc: TranscriptLanguageService, d: TextDocumentLike, text: string, starts: readonly number[], big = false): void {
  const settings = { ...defaultSettings, inlayHints: { elapsedTime: true } };
  const whole = { start: { line: 0, character: 0 }, end: { line: starts.length - 1, character: lineEndOf(text, starts, starts.length - 1) - starts[starts.length - 1] } };
  assertRangesDeep(text, starts, svc.getCodeLenses(d, settings), 'getCodeLenses');
  assertRangesDeep(text, starts, svc.getInlayHints(d, undefined, settings), 'getInlayHints');
  assertRangesDeep(text, starts, svc.getInlayHints(d, whole, settings), 'getInlayHints');
  assertRangesDeep(text, starts, svc.getWordCount(d, undefined, settings), 'getWordCount');
  assertRangesDeep(text, starts, svc.getWordCount(d, [whole], settings), 'getWordCount');
  // (On big documents the Statistics view's entity count is a freeze of its own: robust-complexity.test.ts.)
  if (!big) assertRangesDeep(text, starts, svc.getStatistics(d, settings, 0), 'getStatistics');
  // (JSON export lists entities: on big documents the same freeze as the Statistics view.)
  for (const format of big ? (['markdown', 'html', 'vtt', 'srt'] as const) : (['markdown', 'html', 'json', 'vtt', 'srt'] as const)) {
    for (const estimateTimes of [false, true]) {
      const r = svc.exportDocument(d, format, { wordsPerMinute: 150, estimateTimes }) as { content?: unknown; error?: unknown };
      assert.ok(typeof r?.content === 'string' || typeof r?.error === 'string', `export to ${format}: ${JSON.stringify(r)?.slice(0, 200)}`);
    }
  }
}

/** Runs every feature of `svc` on `text` at `positions`; fails on any exception or bad range. */
function checkEveryFeature(svc: TranscriptLanguageService, text: string, positions: Position[], hostilePositions: Position[] = []): void {
  const starts = lineStartsOf(text);
  const d = docOf(text);
  const t = svc.getTranscript(d);
  assert.equal(t.doc.parseError, undefined, 'the parser fell back after an internal error');

  assertSymbols(text, starts, svc.getDocumentSymbols(d, defaultSettings), 'symbols');
  assertSymbols(text, starts, svc.getDocumentSymbols(d, grouped), 'grouped symbols');

  for (const f of svc.getFoldingRanges(d)) {
    assert.ok(Number.isInteger(f.startLine) && f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < starts.length, `folding ${JSON.stringify(f)}`);
  }

  const diagnostics = svc.getDiagnostics(d, defaultSettings);
  for (const g of diagnostics) {
    assertRange(text, starts, g.range, `diagnostic ${g.code}`);
    assert.ok(g.message.length > 0, `diagnostic ${g.code}: empty message`);
    for (const r of g.relatedInformation ?? []) assertRange(text, starts, r.location.range, `diagnostic ${g.code} related`);
  }

  const actionRanges = [whole, ...positions.map((p) => ({ start: p, end: p }))];
  for (const range of actionRanges) {
    for (const only of [undefined, ['quickfix'], ['source.fixAll.transcript'], ['source']]) {
      for (const a of svc.getCodeActions(d, range, { diagnostics, only }, defaultSettings) as CodeAction[]) {
        assertWorkspaceEdit(text, starts, a.edit, `action "${a.title}"`);
      }
    }
  }

  assertEdits(text, starts, svc.getFormattingEdits(d), 'formatting');

  for (const p of positions) {
    const at = `${p.line}:${p.character}`;
    const h = svc.getHover(d, p, defaultSettings);
    if (h) {
      if (h.range) assertRange(text, starts, h.range, `hover at ${at}`);
      assert.ok(typeof h.contents === 'object' && 'value' in h.contents && typeof h.contents.value === 'string', `hover at ${at}: contents`);
    }
    const def = svc.getDefinition(d, p);
    if (def) assertRange(text, starts, def.range, `definition at ${at}`);
    for (const include of [true, false]) for (const l of svc.getReferences(d, p, include) ?? []) assertRange(text, starts, l.range, `references at ${at}`);
    for (const hl of svc.getDocumentHighlights(d, p) ?? []) assertRange(text, starts, hl.range, `highlight at ${at}`);
    const prep = svc.prepareRename(d, p);
    if (!('error' in prep)) {
      assert.ok(0 <= prep.start && prep.start <= prep.end && prep.end <= text.length, `prepareRename at ${at}`);
      assert.ok(!splitsPair(text, prep.start) && !splitsPair(text, prep.end), `prepareRename at ${at}: splits a pair`);
      for (const name of ['Ana Lima', 'Zoë', 'O’Neil-Ünal Jr.']) {
        const r = svc.getRenameEdits(d, p, name);
        if (!('error' in r)) assertWorkspaceEdit(text, starts, r, `rename to ${name} at ${at}`);
      }
    }
    for (const name of ['', ' ', 'a:b', '\u0000', '\ud800', 'x'.repeat(10_000)]) {
      const r = svc.getRenameEdits(d, p, name);
      assert.ok('error' in r || r.changes, `rename to ${show(name, 20)} at ${at}`);
    }
    const c = svc.getCompletions(d, p);
    for (const item of c.items) {
      assert.ok(item.label.length > 0, `completion at ${at}: empty label`);
      const e = item.textEdit;
      if (e && 'range' in e) assertRange(text, starts, e.range, `completion "${item.label}" at ${at}`);
    }
    assertTokens(text, starts, svc.getSemanticTokens(d, { start: { line: p.line, character: 0 }, end: p }), `semantic tokens to ${at}`);
  }
  // Positions a client should never send: the service must clamp them, not throw.
  for (const p of hostilePositions) {
    svc.getHover(d, p, defaultSettings);
    svc.getDefinition(d, p);
    svc.getReferences(d, p, true);
    svc.getDocumentHighlights(d, p);
    svc.prepareRename(d, p);
    svc.getRenameEdits(d, p, 'Ana Lima');
    svc.getCompletions(d, p);
    svc.getSemanticTokens(d, { start: p, end: p });
    svc.getCodeActions(d, { start: p, end: p }, { diagnostics }, defaultSettings);
  }

  assertTokens(text, starts, svc.getSemanticTokens(d), 'semantic tokens');
  checkOptionalFeatures(svc, d, text, starts);
  const speakers = svc.getSpeakers(d, defaultSettings);
  for (const s of speakers.speakers) {
    for (const turn of s.turnList) {
      assertRange(text, starts, turn.selection, `speaker ${s.name} turn`);
      assert.ok(turn.line >= 0 && turn.line < starts.length);
    }
  }
}

const positionSeeds = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 });

describe('every feature on arbitrary text', () => {
  test('never throws; every range is inside the document and on UTF-16 boundaries', (t) => {
    t.diagnostic(describeRuns());
    const svc = makeService();
    fc.assert(
      fc.property(anyDocument, positionSeeds, fc.array(wildPosition, { maxLength: 3 }), (text, seeds, wild) => {
        const starts = lineStartsOf(text);
        checkEveryFeature(
          svc,
          text,
          seeds.map(([a, b]) => validPosition(text, starts, a, b)),
          wild,
        );
      }),
      runs(60),
    );
  });

  test('workspace symbols over open documents of arbitrary text', async (t) => {
    t.diagnostic(describeRuns());
    await fc.assert(
      fc.asyncProperty(fc.array(anyDocument, { minLength: 1, maxLength: 3 }), fc.constantFrom('', 'a', 'PARK', '\ud800', '('), async (texts, query) => {
        const open = texts.map((text, i) => docOf(text, `file:///robust/${i}.transcript`));
        const svc = makeService(open);
        for (const s of await svc.getWorkspaceSymbols(query)) {
          const i = open.findIndex((o) => o.uri === s.location.uri);
          assert.ok(i >= 0, `symbol in an unknown document ${s.location.uri}`);
          assert.ok(s.name.length > 0, 'empty workspace symbol name');
          if ('range' in s.location) assertRange(texts[i], lineStartsOf(texts[i]), s.location.range, `workspace symbol ${s.name}`);
        }
      }),
      runs(25),
    );
  });

  test(
    'positions a client should never send (past a line, past the document, negative): every range returned is still inside the document',
    (t) => {
      t.diagnostic(describeRuns());
      const svc = makeService();
      fc.assert(
        fc.property(anyDocument, wildPosition, (text, p) => {
          const starts = lineStartsOf(text);
          const d = docOf(text);
          const h = svc.getHover(d, p, defaultSettings);
          if (h?.range) assertRange(text, starts, h.range, 'hover');
          for (const l of svc.getReferences(d, p, true) ?? []) assertRange(text, starts, l.range, 'references');
          for (const item of svc.getCompletions(d, p).items) if (item.textEdit && 'range' in item.textEdit) assertRange(text, starts, item.textEdit.range, `completion at ${JSON.stringify(p)}`);
          assertTokens(text, starts, svc.getSemanticTokens(d, { start: p, end: { line: p.line + 1, character: 0 } }), 'semantic tokens');
        }),
        runs(60),
      );
    },
  );

  test('positions on every character of small hostile documents', () => {
    // Exhaustive where the random test samples: every position of each line, end of line included.
    const texts = [
      '\ud83d\ude00PARK: 😀 hi\r\nSALEH:\u0000\rNINA PARK, HOST: שלום e\u0301\n\udc00(SOUNDBITE OF \ud800',
      'T\n\nOMAR SALEH, BYLINE: a\r\n\r\nSALEH: 𠮷 Saleh said\r\r(LAUGHTER\nPARK: [00:61:00] x\u202e\n\nTranscript provided by X.\nOmar Saleh is a reporter.',
      '\ufeff---\ntitle: "x"\n---\n>> PARK : [x](command:y) <img src=x>\n\nPARK:No',
    ];
    const svc = makeService();
    for (const text of texts) {
      const starts = lineStartsOf(text);
      const positions: Position[] = [];
      starts.forEach((s, line) => {
        for (let o = s; o <= lineEndOf(text, starts, line); o++) if (!splitsPair(text, o)) positions.push({ line, character: o - s });
      });
      positions.forEach((p) => assertPosition(text, starts, p, 'generated'));
      checkEveryFeature(svc, text, positions);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Big inputs: every feature on them, each document in well under the time a quadratic
// algorithm would take (seconds to minutes at these sizes). CPU time of this process.

const MB = 1 << 20;
const fill = (unit: string, length = MB) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const BIG_LINES: Record<string, string> = {
  'prose': fill('the boats stopped and the crews said nothing. '),
  'capitals': fill('ABCDEFGHIJKLMNOPQRSTUVWXYZ '),
  'a label and a 1 MB turn': `NINA PARK, HOST: ${fill('and so (LAUGHTER) she said "yes" [crosstalk] ')}`,
  'colons': fill(':'),
  'open brackets': fill('(['),
  'closing brackets and quotes': fill(')]"“'),
  'label-like runs': fill('PARK: '),
  'spaces': fill(' '),
  'tabs and spaces after a label': `PARK:${fill(' \t')}x`,
  'astral characters': fill('😀𠮷'),
  'lone surrogates': fill('\ud800a\udc00'),
  'combining marks': fill('e\u0301\u0302\u0303'),
  'right-to-left text': fill('שלום مرحبا \u202e'),
  'NUL and control characters': fill('\u0000\u0001\u001b\u007f'),
  'Markdown and HTML': fill('[x](command:y) <img> `c` **b** '),
};

const BIG_MANY_LINES: Record<string, string> = {
  '100,000 empty lines (LF)': '\n'.repeat(100_000),
  '100,000 empty lines (CRLF)': '\r\n'.repeat(100_000),
  '100,000 empty lines (CR only)': '\r'.repeat(100_000),
  '100,000 empty lines (mixed)': '\n\r\n\r'.repeat(33_334),
  '100,000 lines of blanks and tabs': ' \t\n'.repeat(100_000),
  // Short labels after one introduction each; the unfixable open quotes make 5,000 diagnostics.
  // (Many *fixable* problems, or a full label on every turn, are slow: robust-complexity.test.ts.)
  '10,000 turns of two speakers, with cues and open quotes': `NINA PARK, HOST: Hi.\n\nOMAR SALEH, BYLINE: Yes.\n${'PARK: Hi (LAUGHTER) "quote.\nSALEH: Yes [crosstalk].\n'.repeat(5_000)}`,
};

/** Generous CPU bound for one big document through every feature except hover-like ones. */
const BIG_MS = 8_000;

function everyFeatureOnce(svc: TranscriptLanguageService, text: string): void {
  const starts = lineStartsOf(text);
  const mid = positionOf(starts, text, Math.floor(text.length / 2));
  const end = { line: starts.length - 1, character: lineEndOf(text, starts, starts.length - 1) - starts[starts.length - 1] };
  const d = docOf(text);
  assert.equal(svc.getTranscript(d).doc.parseError, undefined);
  assertSymbols(text, starts, svc.getDocumentSymbols(d, defaultSettings), 'symbols');
  assertSymbols(text, starts, svc.getDocumentSymbols(d, grouped), 'grouped symbols');
  svc.getFoldingRanges(d);
  const diagnostics = svc.getDiagnostics(d, defaultSettings);
  for (const g of diagnostics) assertRange(text, starts, g.range, `diagnostic ${g.code}`);
  for (const a of svc.getCodeActions(d, whole, { diagnostics, only: ['source.fixAll.transcript'] }, defaultSettings)) assertWorkspaceEdit(text, starts, a.edit, a.title);
  svc.getCodeActions(d, { start: mid, end: mid }, { diagnostics }, defaultSettings);
  assertEdits(text, starts, svc.getFormattingEdits(d), 'formatting');
  for (const p of [{ line: 0, character: 0 }, positionOf(starts, text, Math.min(3, lineEndOf(text, starts, 0))), mid, end]) {
    svc.getDefinition(d, p);
    svc.prepareRename(d, p);
    svc.getRenameEdits(d, p, 'Ana Lima');
    for (const item of svc.getCompletions(d, p).items) if (item.textEdit && 'range' in item.textEdit) assertRange(text, starts, item.textEdit.range, 'completion');
  }
  assertTokens(text, starts, svc.getSemanticTokens(d), 'semantic tokens');
  svc.getSemanticTokens(d, { start: mid, end });
  svc.getSpeakers(d, defaultSettings);
  checkOptionalFeatures(svc, d, text, starts, true);
}

function positionOf(starts: readonly number[], text: string, offset: number): Position {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  let o = offset;
  if (splitsPair(text, o)) o--;
  return { line, character: o - starts[line] };
}

describe('big inputs: every feature, quickly', () => {
  for (const [name, text] of Object.entries({ ...BIG_LINES, ...BIG_MANY_LINES })) {
    test(name, () => {
      const { ms } = cpuTimed(() => everyFeatureOnce(makeService(), text));
      assert.ok(ms < BIG_MS, `${name}: ${Math.round(ms)} ms of CPU`);
    });
  }
});
