// The parse after any sequence of incremental edits equals the parse of the final text from
// scratch — on hostile documents and with hostile edits (line breaks that split or join a
// \r\n, halves of surrogate pairs, BOMs, front matter, labels typed and deleted). Extends
// parser-incremental.test.ts (fixtures, plain pieces) and incremental-service.test.ts (one
// document, three features): here every feature of the service must agree with a fresh one.
//
// Property cases: see test/helpers/arbitraries.ts.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createLanguageService, mergeEdits, type TextDocumentLike } from '../../server/src/languageService';
import { parseTranscript, reparse, type TextEdit, type TranscriptDocument } from '../../server/src/parser';
import { defaultSettings } from '../../server/src/settings';
import { anyDocument, applySpec, describeRuns, editSpec, opensFrontMatter, repoRoot, runs, show, type EditSpec } from '../helpers/arbitraries';

const fixtures = join(repoRoot, 'test', 'fixtures');
const FIXTURES = readdirSync(fixtures)
  .filter((f) => f.endsWith('.transcript'))
  .map((f) => readFileSync(join(fixtures, f), 'utf8'))
  .concat(['harbour-strike.transcript', 'draft-with-slips.transcript'].map((f) => readFileSync(join(repoRoot, 'examples', f), 'utf8')));

/** Starting documents: real transcripts (the incremental path needs a body), CRLF and CR copies, and hostile text. */
const base = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...FIXTURES) },
  { weight: 1, arbitrary: fc.constantFrom(...FIXTURES).map((t) => t.replace(/\n/g, '\r\n')) },
  { weight: 1, arbitrary: fc.constantFrom(...FIXTURES).map((t) => t.replace(/\n/g, '\r')) },
  { weight: 2, arbitrary: anyDocument },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FIXTURES), anyDocument).map(([a, b]) => a + b) },
);

/** The tree as plain data, without the text (compared separately). */
const plain = (d: TranscriptDocument): unknown => JSON.parse(JSON.stringify({ ...d, text: undefined }));

const noFiles = { findFiles: async () => [], readFile: async () => undefined };

const URI = 'file:///fuzz/incremental.transcript';

describe('incremental parsing and analysis', () => {
  test('reparse after any edit sequence equals a full parse of the final text', (t) => {
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(base, fc.array(editSpec, { minLength: 1, maxLength: 12 }), (text0, edits) => {
        let text = text0;
        let doc = parseTranscript(text);
        for (const [i, e] of edits.entries()) {
          const r = applySpec(text, e);
          doc = reparse(doc, r.text, { start: r.start, end: r.end, newLength: e.insert.length });
          text = r.text;
          assert.equal(doc.text, text);
          assert.equal(doc.parseError, undefined);
          const full = parseTranscript(text);
          assert.deepEqual(plain(doc), plain(full), `after edit ${i}: ${JSON.stringify(e)} on ${show(text)}`);
        }
      }),
      runs(150),
    );
  });

  test('several edits merged into one (as the server does between two requests) give the same parse', (t) => {
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(base, fc.array(editSpec, { minLength: 2, maxLength: 6 }), (text0, edits) => {
        let text = text0;
        let merged: TextEdit | undefined;
        for (const e of edits) {
          const r = applySpec(text, e);
          const next = { start: r.start, end: r.end, newLength: e.insert.length };
          merged = merged ? mergeEdits(merged, next) : next;
          text = r.text;
        }
        // The merged edit describes the whole change: the text outside it is untouched.
        const m = merged!;
        assert.equal(text0.length - (m.end - m.start) + m.newLength, text.length, 'lengths');
        assert.equal(text.slice(0, m.start), text0.slice(0, m.start), 'text before the merged edit');
        assert.equal(text.slice(m.start + m.newLength), text0.slice(m.end), 'text after the merged edit');
        assert.deepEqual(plain(reparse(parseTranscript(text0), text, m)), plain(parseTranscript(text)));
      }),
      runs(150),
    );
  });

  test('a podcast whose first speaker stops speaking again after an edit', () => {
    const v1 = 'Episode 42\n\nMarisol Reyes (host):\nWelcome back.\n\nDev Pillai (00:09):\nHi.\n\nSpeaker 3 (04:50):\nCan I jump in here?\n\nMarisol Reyes (04:52):\nOf course.\n\nDev Pillai (05:12):\nYes.\n';
    const cut = v1.indexOf('here?\n\n') + 5;
    const v2 = `${v1.slice(0, cut)} ${v1.slice(cut + 2)}`;
    assert.deepEqual(plain(reparse(parseTranscript(v1), v2, { start: cut, end: cut + 2, newLength: 1 })), plain(parseTranscript(v2)));
  });

  test('a "---" line typed in the body of a document whose front matter is not closed', (t) => {
    const v1 = '---\ntitle: Night market\n\nPARK: One.\n\nSALEH: Two.\n\nPARK: Three.\n\nSALEH: Four.\n';
    const at = v1.indexOf('SALEH: Four.');
    const v2 = `${v1.slice(0, at)}---\n${v1.slice(at)}`;
    assert.deepEqual(plain(reparse(parseTranscript(v1), v2, { start: at, end: at + 0, newLength: 4 })), plain(parseTranscript(v2)));
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES.filter(opensFrontMatter)), fc.array(editSpec, { minLength: 1, maxLength: 8 }), (text0, edits) => {
        let text = text0;
        let doc = parseTranscript(text);
        for (const e of edits) {
          const r = applySpec(text, e);
          doc = reparse(doc, r.text, { start: r.start, end: r.end, newLength: e.insert.length });
          text = r.text;
          assert.deepEqual(plain(doc), plain(parseTranscript(text)), `after ${JSON.stringify(e)}: ${show(text)}`);
        }
      }),
      runs(150),
    );
  });

  const grouped = { ...defaultSettings, outline: { groupBySpeaker: true } };
  const whole = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };

  /** Feeds the edits to one service and compares every feature with a fresh service wherever `ask` says (and at the end). */
  const editedEqualsFresh = () =>
    fc.property(base, fc.array(fc.tuple(editSpec, fc.boolean()), { minLength: 1, maxLength: 8 }), (text0, steps) => {
      const svc = createLanguageService({ workspace: noFiles });
      let text = text0;
      let version = 1;
      const doc = (): TextDocumentLike => {
        const snapshot = text;
        return { uri: URI, version, getText: () => snapshot };
      };
      svc.getDiagnostics(doc(), defaultSettings);
      steps.forEach(([e, ask]: [EditSpec, boolean], i) => {
        const r = applySpec(text, e);
        text = r.text;
        svc.onDocumentEdited(URI, version, version + 1, { start: r.start, end: r.end, newLength: e.insert.length });
        version++;
        if (!ask && i < steps.length - 1) return;
        const fresh = createLanguageService({ workspace: noFiles });
        const d = doc();
        const what = `after edit ${i} (${JSON.stringify(e)}) of ${show(text)}`;
        const diagnostics = (x: typeof svc) => x.getDiagnostics(d, defaultSettings);
        assert.deepEqual(diagnostics(svc), diagnostics(fresh), `diagnostics ${what}`);
        assert.deepEqual(svc.getDocumentSymbols(d, defaultSettings), fresh.getDocumentSymbols(d, defaultSettings), `symbols ${what}`);
        assert.deepEqual(svc.getDocumentSymbols(d, grouped), fresh.getDocumentSymbols(d, grouped), `grouped symbols ${what}`);
        assert.deepEqual(svc.getFoldingRanges(d), fresh.getFoldingRanges(d), `folding ${what}`);
        assert.deepEqual(svc.getSemanticTokens(d), fresh.getSemanticTokens(d), `semantic tokens ${what}`);
        assert.deepEqual(svc.getFormattingEdits(d), fresh.getFormattingEdits(d), `formatting ${what}`);
        assert.deepEqual(svc.getSpeakers(d, defaultSettings), fresh.getSpeakers(d, defaultSettings), `speakers ${what}`);
        const only = { diagnostics: [], only: ['source.fixAll.transcript'] };
        assert.deepEqual(svc.getCodeActions(d, whole, only, defaultSettings), fresh.getCodeActions(d, whole, only, defaultSettings), `fix-all ${what}`);
      });
    });

  test('every feature of a service fed edits (one at a time or merged) equals a fresh service on the final text', (t) => {
    t.diagnostic(describeRuns());
    fc.assert(editedEqualsFresh(), runs(60));
  });

  test('turn-after-credits after typing above the turn that holds the credit line', () => {
    const v1 = 'Title\n\nNINA PARK, HOST: One.\n\nOMAR SALEH, BYLINE: Two.\n\nPARK: Three.\n\nSALEH: Four.\n\nPARK: Five.\nTranscript provided by KBRT.\n\nSALEH: Six.\n';
    const at = v1.indexOf('Three');
    const v2 = `${v1.slice(0, at)}Well.\n${v1.slice(at)}`;
    const svc = createLanguageService({ workspace: noFiles });
    svc.getDiagnostics({ uri: URI, version: 1, getText: () => v1 }, defaultSettings);
    svc.onDocumentEdited(URI, 1, 2, { start: at, end: at, newLength: 6 });
    const d = { uri: URI, version: 2, getText: () => v2 };
    const [credit] = svc.getDiagnostics(d, defaultSettings).filter((x) => x.code === 'turn-after-credits');
    assert.match(credit.message, /\(line 13\)/);
    assert.deepEqual(credit.relatedInformation?.[0].location.range, { start: { line: 12, character: 0 }, end: { line: 12, character: 28 } });
  });

  test('an edit report that does not match the text (a stale or wrong edit) is never trusted blindly', (t) => {
    // The server computes the edit from the change's range; if a client's range and text
    // disagree, or an edit is reported for versions the service never saw, the next request
    // must still see the document as it is.
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(base, editSpec, fc.record({ start: fc.integer({ min: -5, max: 2_000_000 }), end: fc.integer({ min: -5, max: 2_000_000 }), newLength: fc.integer({ min: -5, max: 500 }) }), (text0, e, wrong) => {
        const svc = createLanguageService({ workspace: noFiles });
        svc.getDocumentSymbols({ uri: URI, version: 1, getText: () => text0 }, defaultSettings);
        const r = applySpec(text0, e);
        // A lying edit for the right versions: reparse checks what it can (lengths, bounds).
        svc.onDocumentEdited(URI, 1, 2, wrong);
        const d = { uri: URI, version: 2, getText: () => r.text };
        const fresh = createLanguageService({ workspace: noFiles });
        const got = svc.getTranscript(d).doc;
        assert.equal(got.text, r.text);
        if (wrong.start < 0 || wrong.end > text0.length || wrong.start > wrong.end || text0.length - (wrong.end - wrong.start) + wrong.newLength !== r.text.length) {
          // Impossible edits: the service must parse the text afresh.
          assert.deepEqual(plain(got), plain(fresh.getTranscript(d).doc));
        }
      }),
      runs(150),
    );
  });
});
