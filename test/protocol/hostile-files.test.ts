// Files the user did not mean as transcripts, over real stdio: a binary file renamed
// `.transcript`, text in another encoding (UTF-16, Latin-1, double-byte), an empty file, a file
// that is all one line. Each gets one clear message or a quiet, empty result — never a flood
// of diagnostics, never a freeze — whether opened in the editor or found in the workspace
// (Go to Symbol in Workspace). The files are written to a temporary folder at test time.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../helpers/lspClient';
import { hostileFiles, observe, until, type Observed } from '../helpers/arbitraries';

const BINARY = new Set(['binary (PNG header, NULs)', 'binary without NULs (high bytes and controls)', 'UTF-16LE with BOM']);
const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

describe('files that are not transcripts, opened in the editor', () => {
  let client: TestClient;
  let seen: Observed;
  before(async () => {
    client = await TestClient.start({ configuration: () => ({}), requestTimeout: 20_000 });
    seen = observe(client.connection);
    await client.initialize();
  });
  after(() => client.finish());

  for (const [name, bytes] of Object.entries(hostileFiles())) {
    test(name, async () => {
      const uri = `file:///hostile/${slug(name)}.transcript`;
      const messages = seen.messages.length;
      const text = bytes.toString('utf8'); // what VS Code hands the server for a file it reads as UTF-8
      const started = Date.now();
      await client.open(uri, text);
      const symbols = await client.documentSymbols(uri);
      const folding = await client.foldingRanges(uri);
      const tokens = await client.request<{ data: number[] } | null>('textDocument/semanticTokens/full', { textDocument: { uri } });
      // (A hover in a long paragraph: the test below, in a server of its own.)
      const hover = text.length < 100_000 ? await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }) : null;
      await until(() => seen.diagnostics.some((d) => d.uri === uri) || seen.messages.length > messages, `a verdict on ${name}`, 15_000);
      // Edits do not bring the message back.
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      await client.documentSymbols(uri);
      const ms = Date.now() - started;
      const said = seen.messages.slice(messages);
      const diagnostics = seen.diagnostics.filter((d) => d.uri === uri);
      if (BINARY.has(name)) {
        assert.equal(said.length, 1, `one message: ${JSON.stringify(said)}`);
        assert.match(said[0].message, new RegExp(`${slug(name)}\\.transcript.*does not look like a transcript`));
        assert.equal(symbols, null);
        assert.equal(folding, null);
        assert.deepEqual(tokens?.data ?? [], []);
        assert.equal(hover, null);
        assert.ok(diagnostics.every((d) => d.count === 0), 'no diagnostics for a declined file');
      } else {
        assert.deepEqual(said, [], 'text is not declined');
        assert.ok(diagnostics.every((d) => d.count <= 10), `a flood of diagnostics: ${diagnostics.map((d) => d.count).join(', ')}`);
        assert.ok(Array.isArray(symbols) && symbols.length <= 10, `${Array.isArray(symbols) ? symbols.length : symbols} symbols`);
      }
      assert.ok(ms < 10_000, `${ms} ms`);
      await client.close(uri);
    });
  }
});

describe('a file that is all one line', () => {
  test('a hover in it answers within 2 s', async () => {
    const client = await TestClient.start({ configuration: () => ({}), requestTimeout: 2_000 });
    try {
      observe(client.connection);
      await client.initialize();
      const uri = 'file:///hostile/one-line.transcript';
      await client.open(uri, hostileFiles()['all one line (1 MB of prose)'].toString('utf8'));
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    } finally {
      client.kill();
    }
  });
});

describe('files that are not transcripts, in the workspace', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'transcript-hostile-ws-'));
    for (const [name, bytes] of Object.entries(hostileFiles())) writeFileSync(join(dir, `${slug(name)}.transcript`), bytes);
    writeFileSync(join(dir, 'real.transcript'), 'Harbour update\n\nNINA PARK, HOST: Good morning.\n\nOMAR SALEH, BYLINE: Morning.\n');
    client = await TestClient.start({ configuration: () => ({}), requestTimeout: 20_000 });
    observe(client.connection);
    await client.initialize({ workspaceFolders: [{ uri: fileUri(dir), name: 'hostile' }] });
  });
  after(async () => {
    await client.finish();
    rmSync(dir, { recursive: true, force: true });
  });

  const symbols = async () => ((await client.workspaceSymbols('')) ?? []) as WorkspaceSymbol[];

  test('Go to Symbol in Workspace lists the real transcript, and hardly anything from the rest', async () => {
    const all = await symbols();
    const real = all.filter((s) => s.location.uri.endsWith('real.transcript'));
    assert.ok(real.some((s) => s.name === 'Nina Park'), `the real transcript's speakers: ${JSON.stringify(real.map((s) => s.name))}`);
    const others = all.filter((s) => !s.location.uri.endsWith('real.transcript'));
    assert.ok(others.length <= 20, `${others.length} symbols from files that are not transcripts`);
  });

  test(
    'nothing from binary files',
    async () => {
      const all = await symbols();
      // An index that listed nothing would have nothing from binary files either.
      assert.ok(all.some((s) => s.location.uri.endsWith('real.transcript')), 'the real transcript is indexed');
      const binary = all.filter((s) => [...BINARY].some((b) => s.location.uri.endsWith(`${slug(b)}.transcript`)));
      assert.deepEqual(binary.map((s) => `${s.location.uri.split('/').pop()}: ${JSON.stringify(s.name.slice(0, 40))}`), []);
    },
  );
});
