// Random incremental edits over real stdio, as an editor sends them — several changes in one
// didChange, many didChange notifications before the next request, ranges past the end of a
// line or of the document, ranges written backwards, halves of surrogate pairs and of \r\n —
// and then every answer about the document equals the answer about a fresh copy of its final
// text. This covers what the unit tests cannot: the server's own conversion of LSP ranges to
// offset edits and their merging (startServer.ts), on the built bundle.
//
// Property cases: see test/helpers/arbitraries.ts.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { declineReason } from '../../server/src/startServer';
import { describeRuns, insertion, observe, opensFrontMatter, repoRoot, runs, show } from '../helpers/arbitraries';
import { TestClient } from '../helpers/lspClient';

const BASES = ['harbour-strike.transcript', 'draft-with-slips.transcript'].map((f) => readFileSync(join(repoRoot, 'examples', f), 'utf8'));

/** A range picked by seeds; sometimes past a line's end or the document's, sometimes backwards. */
const rangeSeed = fc.record({
  line: fc.nat(200),
  character: fc.oneof(fc.nat(80), fc.constant(10_000)),
  lines: fc.oneof(fc.constant(0), fc.nat(3)),
  length: fc.nat(40),
  backwards: fc.boolean(),
});

const changeArb = fc.record({ range: rangeSeed, text: insertion });

describe('random didChange sequences over stdio', () => {
  let client: TestClient;
  let n = 0;
  before(async () => {
    client = await TestClient.start({ configuration: () => ({}) });
    observe(client.connection); // answers window/showMessageRequest (an edit may make a document look binary)
    await client.initialize();
  });
  after(() => client.finish());

  test('the outline, folding, semantic tokens, code actions and formatting then equal those of a fresh copy', async (t) => {
    t.diagnostic(describeRuns());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BASES),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.array(changeArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (base0, eol, notifications) => {
          const base = base0.replace(/\n/g, eol);
          const uri = `file:///abuse/edits-${++n}.transcript`;
          let doc = TextDocument.create(uri, 'transcript', 1, base);
          await client.open(uri, base, 1);
          await client.documentSymbols(uri); // a parse to edit incrementally
          let version = 1;
          for (const changes of notifications) {
            const lsp: TextDocumentContentChangeEvent[] = changes.map(({ range: r, text }) => {
              const start = { line: r.line, character: r.character };
              const end = { line: r.line + r.lines, character: r.lines ? r.length : r.character + r.length };
              return { range: r.backwards ? { start: end, end: start } : { start, end }, text };
            });
            doc = TextDocument.update(doc, lsp, ++version);
            await client.change(uri, version, lsp);
          }
          const text = doc.getText();
          // Text that became binary by an edit may be declined on open but not while typing: not this test's concern;
          // front matter opened by an edit is a known bug of incremental parsing (fuzz-incremental.test.ts).
          if (declineReason(text, 32) !== undefined || opensFrontMatter(text)) {
            await client.close(uri);
            fc.pre(false);
          }
          const copy = `file:///abuse/edits-${n}-fresh.transcript`;
          await client.open(copy, text, 1);
          const what = `after ${JSON.stringify(notifications)} on ${show(base, 60)}: ${show(text)}`;
          const ask = async (method: string, params: Record<string, unknown>) => {
            const a = await client.request(method, { textDocument: { uri }, ...params });
            const b = await client.request(method, { textDocument: { uri: copy }, ...params });
            assert.deepEqual(JSON.parse(JSON.stringify(a).split(uri).join(copy)), b, `${method} ${what}`);
          };
          const whole = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
          await ask('textDocument/documentSymbol', {});
          await ask('textDocument/foldingRange', {});
          await ask('textDocument/semanticTokens/full', {});
          await ask('textDocument/formatting', { options: { tabSize: 2, insertSpaces: true } });
          await ask('textDocument/codeAction', { range: whole, context: { diagnostics: [], only: ['source.fixAll.transcript'] } });
          await client.close(uri);
          await client.close(copy);
        },
      ),
      runs(25, 400),
    );
  });
});
