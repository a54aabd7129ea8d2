// Protocol abuse over real stdio: the BUILT server (`node dist/server.js --stdio`) keeps serving
// after requests for documents never opened, positions past the end, didChange with a stale
// version or a range outside the document, malformed JSON-RPC, unknown methods, a request
// cancelled mid-way, a flood of 10,000 didChange notifications, and a 50 MB document (declined
// with one message under transcript.maxFileSize, handled above it, without running out of
// memory). After each, a normal request still gets the right answer: the outline of a
// reference document, and the outline of the abused document equal to that of a fresh copy of
// its text. The server must end the suite alive, exit 0 on shutdown and write nothing to stderr.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { memoryOf, observe, repoRoot, until, type Observed } from '../helpers/arbitraries';
import { delay, TestClient } from '../helpers/lspClient';

const REF = 'file:///abuse/reference.transcript';
const REF_TEXT = readFileSync(join(repoRoot, 'examples', 'harbour-strike.transcript'), 'utf8');
const SMALL = 'Title\n\nNINA PARK, HOST: Hi.\n\nOMAR SALEH, BYLINE: Yes.\n\nPARK: One.\n\nSALEH: Two.\n';

const names = (symbols: unknown) => (symbols as DocumentSymbol[] | null)?.map((s) => s.name);

describe('protocol abuse', () => {
  let client: TestClient;
  let seen: Observed;
  let expected: unknown;
  let fresh = 0;

  before(async () => {
    client = await TestClient.start({ configuration: () => ({}), requestTimeout: 60_000 });
    seen = observe(client.connection);
    await client.initialize();
    await client.open(REF, REF_TEXT);
    expected = await client.documentSymbols(REF);
    assert.ok(Array.isArray(expected) && expected.length > 5, 'the reference outline');
  });
  after(() => client.finish());

  /** The server is alive and right: the reference outline is unchanged, a hover answers. */
  async function healthy(what: string): Promise<void> {
    assert.ok(client.alive, `the server died after ${what}: ${client.stderr}`);
    assert.deepEqual(await client.documentSymbols(REF), expected, `the reference outline after ${what}`);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: REF }, position: { line: REF_TEXT.split('\n').findIndex((l) => l.startsWith('SALEH:')), character: 1 } });
    assert.match(hover?.contents.value ?? '', /Saleh/, `a hover after ${what}`);
  }

  /** The outline of `uri` equals that of a document freshly opened with `text`. */
  async function sameAsFresh(uri: string, text: string, what: string): Promise<void> {
    const copy = `file:///abuse/fresh-${++fresh}.transcript`;
    await client.open(copy, text);
    assert.deepEqual(await client.documentSymbols(uri), await client.documentSymbols(copy), `${what}: the outline must be that of the text as it now is`);
    await client.close(copy);
  }

  test('requests for documents that were never opened get an empty answer or an error, never a crash', async () => {
    const textDocument = { uri: 'file:///abuse/never-opened.transcript' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    const requests: [string, unknown][] = [
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/documentHighlight', { textDocument, position }],
      ['textDocument/prepareRename', { textDocument, position }],
      ['textDocument/rename', { textDocument, position, newName: 'Ana Lima' }],
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/semanticTokens/full', { textDocument }],
      ['textDocument/semanticTokens/range', { textDocument, range }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
      ['textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/codeLens', { textDocument }],
      ['textDocument/inlayHint', { textDocument, range }],
      ['transcript/speakers', { uri: textDocument.uri }],
      ['transcript/speakers', null],
    ];
    for (const [method, params] of requests) {
      const r = await client.request<unknown>(method, params).catch((e: { code?: number }) => ({ error: e.code }));
      const empty = r === null || (Array.isArray(r) && r.length === 0) || (typeof r === 'object' && r !== null && ('error' in r || ('data' in r && (r as { data: unknown[] }).data.length === 0)));
      assert.ok(empty, `${method}: ${JSON.stringify(r)}`);
    }
    // Notifications for it: change, save, close.
    await client.change(textDocument.uri, 2, [{ text: 'PARK: Hi.' }]);
    await client.connection.sendNotification('textDocument/didSave', { textDocument });
    await client.close(textDocument.uri);
    await healthy('requests for a document never opened');
  });

  test('positions past the end of a line or the document, negative, fractional or missing', async () => {
    const uri = 'file:///abuse/positions.transcript';
    await client.open(uri, SMALL);
    const positions: unknown[] = [
      { line: 2, character: 10_000 },
      { line: 10_000, character: 0 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: -1, character: -1 },
      { line: 2.5, character: 1.5 },
      { line: '2', character: '1' },
      null,
      undefined,
      {},
    ];
    for (const position of positions) {
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/documentHighlight', 'textDocument/prepareRename', 'textDocument/completion']) {
        await client.request(method, { textDocument: { uri }, position }).catch(() => undefined);
      }
      await client.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }).catch(() => undefined);
      await client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'Ana Lima' }).catch(() => undefined);
      await client.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: position, end: position } }).catch(() => undefined);
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }).catch(() => undefined);
    }
    await sameAsFresh(uri, SMALL, 'after positions outside the document');
    await client.close(uri);
    await healthy('positions outside the document');
  });

  test(
    'a didChange with a stale version (the version it already has)',
    async () => {
      const uri = 'file:///abuse/stale-same.transcript';
      await client.open(uri, SMALL, 5);
      await client.documentSymbols(uri);
      const next = SMALL.replace('PARK: One.', 'PARK: One.\n\nMARCUS OYELARAN: Three.');
      await client.change(uri, 5, [{ text: next }]);
      await sameAsFresh(uri, next, 'after a change that repeats the version');
      await client.close(uri);
    },
  );

  test('a didChange with an older version, and the edits after it', async () => {
    const uri = 'file:///abuse/stale-older.transcript';
    let doc = TextDocument.create(uri, 'transcript', 5, SMALL);
    await client.open(uri, SMALL, 5);
    await client.documentSymbols(uri);
    const edits: [number, TextDocumentContentChangeEvent[]][] = [
      [3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'Headline' }]],
      [4, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'MARCUS OYELARAN: Three.\n\n' }]],
      [1, [{ range: { start: { line: 2, character: 17 }, end: { line: 2, character: 20 } }, text: 'Welcome back.' }]],
    ];
    for (const [version, changes] of edits) {
      doc = TextDocument.update(doc, changes, version);
      await client.change(uri, version, changes);
      await sameAsFresh(uri, doc.getText(), `after a change to older version ${version}`);
    }
    await client.close(uri);
    await healthy('changes with older versions');
  });

  test('a didChange with ranges outside the document, backwards, or fractional', async () => {
    const uri = 'file:///abuse/ranges.transcript';
    let doc = TextDocument.create(uri, 'transcript', 1, SMALL);
    await client.open(uri, SMALL, 1);
    await client.documentSymbols(uri);
    const p = (line: number, character: number): Position => ({ line, character });
    const steps: TextDocumentContentChangeEvent[][] = [
      [{ range: { start: p(1000, 5), end: p(2000, 0) }, text: '\n\nNEW PERSON: Hi.' }],
      [{ range: { start: p(2, 500), end: p(2, 900) }, text: ' More.' }],
      [{ range: { start: p(6, 5), end: p(6, 0) }, text: 'DEE KOWALCZYK:' }],
      [
        { range: { start: p(4, 3), end: p(4, 1) }, text: 'X' },
        { range: { start: p(0, 0), end: p(0, 0) }, text: 'Y' },
      ],
      [{ range: { start: p(-3, -3), end: p(0, 1) }, text: '' }],
    ];
    let version = 1;
    for (const changes of steps) {
      doc = TextDocument.update(doc, changes, ++version);
      await client.change(uri, version, changes);
      await sameAsFresh(uri, doc.getText(), `after ${JSON.stringify(changes)}`);
    }
    await client.close(uri);
    await healthy('ranges outside the document');
  });

  test('malformed JSON-RPC messages: invalid JSON, wrong shapes, wrong types, batches, bad UTF-8', async () => {
    const raw = (body: Buffer | string) => {
      const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      client.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]));
    };
    const bodies: (Buffer | string)[] = [
      '{"jsonrpc":"2.0","id":1,"method":"textDocument/hover",', // truncated JSON
      'not json at all',
      '',
      'null',
      '42',
      '[]',
      '[{"jsonrpc":"2.0","method":"initialized","params":{}}]', // a batch
      '{}',
      '{"jsonrpc":"1.0","id":7,"method":"shutdown"}',
      '{"jsonrpc":"2.0","id":{},"method":"textDocument/hover","params":{}}',
      '{"jsonrpc":"2.0","id":8,"method":42}',
      '{"jsonrpc":"2.0","id":9,"method":"textDocument/hover","params":"a string"}',
      '{"jsonrpc":"2.0","id":10,"method":"textDocument/documentSymbol","params":{"textDocument":null}}',
      '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///abuse/bad.transcript","languageId":"transcript","version":"x","text":"PARK: x"}}}',
      '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":42,"languageId":"transcript","version":1,"text":"PARK: x"}}}',
      '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}}',
      '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///abuse/bad.transcript","version":2},"contentChanges":"nope"}}',
      '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///abuse/bad.transcript","version":3},"contentChanges":[{"range":{"start":null,"end":5},"text":7}]}}',
      '{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"transcript":{"maxFileSize":"huge","diagnostics":{"rules":[1,2]}}}}}',
      '{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":null,"type":9}]}}',
      '{"jsonrpc":"2.0","id":11,"result":{"unexpected":"response"}}',
      '{"jsonrpc":"2.0","id":"unknown","error":{"code":1,"message":"a response to nothing"}}',
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), // invalid UTF-8
    ];
    for (const b of bodies) raw(b);
    await delay(200);
    await healthy('malformed messages');
    await client.close('file:///abuse/bad.transcript');
  });

  test('unknown methods: a request gets MethodNotFound, a notification is ignored', async () => {
    await assert.rejects(client.request('transcript/doesNotExist', {}), (e: { code?: number }) => e.code === -32601);
    await assert.rejects(client.request('$/unknownRequest', {}), (e: { code?: number }) => e.code === -32601);
    await client.connection.sendNotification('transcript/doesNotExist', { x: 1 });
    await client.connection.sendNotification('$/unknownNotification', {});
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
    await client.connection.sendNotification('$/setTrace', { value: 'off' });
    await healthy('unknown methods');
  });

  test('requests cancelled mid-way are still answered (a result or RequestCancelled), and the server goes on', async () => {
    const uri = 'file:///abuse/cancel.transcript';
    const text = `${REF_TEXT}\n${'SALEH: Maria Lopez went to Oslo and said so. '.repeat(200)}\n`;
    await client.open(uri, text);
    const id = 9_000_001;
    const answers: unknown[] = [];
    client.connection.onNotification('$/progress', () => {});
    // Raw requests with ids of our own, so that we can cancel them by id.
    const pending = new Promise<void>((resolve) => {
      const child = client.child;
      let buffer = '';
      const onData = (d: Buffer) => {
        buffer += d.toString('utf8');
        for (const n of [id, id + 1, id + 2, id + 3]) if (buffer.includes(`"id":${n}`) && !answers.includes(n)) answers.push(n);
        if (answers.length === 4) {
          child.stdout.off('data', onData);
          resolve();
        }
      };
      child.stdout.on('data', onData);
    });
    const send = (o: unknown) => {
      const b = Buffer.from(JSON.stringify(o), 'utf8');
      client.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]));
    };
    const lastLine = text.split('\n').length - 2;
    send({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: lastLine, character: 10 } } });
    send({ jsonrpc: '2.0', id: id + 1, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    send({ jsonrpc: '2.0', id: id + 2, method: 'workspace/symbol', params: { query: 'a' } });
    send({ jsonrpc: '2.0', id: id + 3, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.transcript'] } } });
    for (let k = 0; k < 4; k++) send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: id + k } });
    // Cancelling what does not exist, and with nonsense.
    send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 123_456 } });
    send({ jsonrpc: '2.0', method: '$/cancelRequest', params: null });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([pending, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
    clearTimeout(timer);
    assert.deepEqual([...answers].sort(), [id, id + 1, id + 2, id + 3], 'every request, cancelled or not, gets its response');
    await client.close(uri);
    await healthy('cancelled requests');
  });

  test('a flood of 10,000 didChange notifications: the answers then are those of the final text', async () => {
    const uri = 'file:///abuse/flood.transcript';
    let doc = TextDocument.create(uri, 'transcript', 1, REF_TEXT);
    await client.open(uri, REF_TEXT, 1);
    const lines = REF_TEXT.split('\n').length;
    const sends: Promise<void>[] = [];
    const started = Date.now();
    for (let v = 2; v <= 10_001; v++) {
      // Typing, deleting and breaking lines all over the document.
      const line = (v * 7919) % lines;
      const change: TextDocumentContentChangeEvent =
        v % 5 === 0
          ? { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' }
          : { range: { start: { line, character: v % 13 }, end: { line, character: v % 13 } }, text: v % 97 === 0 ? '\n' : v % 31 === 0 ? 'PARK: ' : 'x' };
      doc = TextDocument.update(doc, [change], v);
      sends.push(client.change(uri, v, [change]));
    }
    await Promise.all(sends);
    await sameAsFresh(uri, doc.getText(), 'after 10,000 changes');
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 60, `10,000 changes took ${seconds} s to be taken in`);
    // The diagnostics pushed last are for the last version.
    await until(() => seen.diagnostics.some((d) => d.uri === uri && d.version === 10_001), 'diagnostics for the final version', 20_000);
    await client.close(uri);
    await healthy('a flood of changes');
    const mem = memoryOf(client.child.pid);
    if (mem) assert.ok(mem.rss < 1_000, `the server holds ${Math.round(mem.rss)} MB after the flood`);
  });

  describe('a 50 MB document', () => {
    const uri = 'file:///abuse/fifty-megabytes.transcript';
    // A day of hearings: 50 MB in 2,000 long turns of hard-wrapped prose.
    const paragraph = 'The committee heard that the ferries had not sailed for six days, and that the crews would not return until the roster changed. '.repeat(4).replace(/(.{70}) /g, '$1\n');
    const turn = (i: number) => `${i % 2 ? 'PARK' : 'SALEH'}: ${paragraph.repeat(Math.ceil((50 * 1024 * 1024) / 2_000 / paragraph.length))}\n`;
    const big = `Fifty megabytes\n\nNINA PARK, HOST: Good morning.\n\nOMAR SALEH, BYLINE: Morning.\n\n${Array.from({ length: 2_000 }, (_, i) => turn(i)).join('\n')}`;

    test('declined under transcript.maxFileSize (32 MB): one clear message, no diagnostics, empty answers', async () => {
      const before = seen.messages.length;
      await client.open(uri, big, 1);
      await until(() => seen.messages.length > before, 'a message for the user', 30_000);
      const msg = seen.messages.slice(before);
      assert.equal(msg.length, 1, JSON.stringify(msg));
      assert.match(msg[0].message, /fifty-megabytes\.transcript/);
      assert.match(msg[0].message, /\d+ MB, more than transcript\.maxFileSize \(32 MB\)/);
      assert.equal(msg[0].type, 2, 'a warning');
      assert.equal(await client.documentSymbols(uri), null);
      assert.equal(await client.foldingRanges(uri), null);
      // Typing in it: still declined, and nothing more said.
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }]);
      await delay(300);
      assert.equal(seen.messages.length, before + 1, 'told once');
      assert.ok(!seen.diagnostics.some((d) => d.uri === uri && d.count > 0), 'no diagnostics for a declined document');
      await healthy('a declined 50 MB document');
      const mem = memoryOf(client.child.pid);
      if (mem) assert.ok(mem.peak < 1_500, `peak memory ${Math.round(mem.peak)} MB`);
    });

    test('handled when transcript.maxFileSize allows it, without running out of memory', async (t) => {
      client.configuration = (item) => (item.section === 'transcript' ? { maxFileSize: 64 } : null);
      const from = seen.diagnostics.length;
      await client.changeConfiguration({ transcript: { maxFileSize: 64 } });
      // Accepted now: the server checks it and pushes its diagnostics.
      await until(() => seen.diagnostics.slice(from).some((d) => d.uri === uri), 'diagnostics for the big document', 60_000);
      const symbols = (await client.documentSymbols(uri)) as DocumentSymbol[] | null;
      assert.ok(symbols && symbols.length > 2_000, `an outline of ${symbols?.length ?? 'no'} symbols`);
      assert.equal(names(symbols)?.[0], 'Fifty megabytes');
      await healthy('a 50 MB document');
      const mem = memoryOf(client.child.pid);
      if (mem) {
        t.diagnostic(`server memory: ${Math.round(mem.rss)} MB now, ${Math.round(mem.peak)} MB at most`);
        assert.ok(mem.peak < 2_500, `peak memory ${Math.round(mem.peak)} MB`);
      }
      await client.close(uri);
      client.configuration = () => ({});
      await client.changeConfiguration({ transcript: {} });
    });
  });
});

// Each of these used to end the server: they keep a server of their own, so that a regression
// fails them without taking the suite above down with it.
describe('messages that end the server', () => {
  async function survives(what: string, f: (client: TestClient) => Promise<void>): Promise<void> {
    const client = await TestClient.start({ configuration: () => ({ maxFileSize: 1 }) });
    try {
      await client.initialize();
      // A server that dies mid-write can leave a write pending for ever: race it with the exit.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([f(client), client.exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      await delay(500);
      const why = client.stderr.split('\n').filter((l) => /^\s*(?:\w*Error\b|e \[Error\])/.test(l)).slice(0, 2).join(' | ');
      assert.ok(client.alive, `the server died after ${what}: ${why.slice(0, 300)}`);
      await client.open(REF, REF_TEXT);
      assert.ok(((await client.documentSymbols(REF)) as unknown[]).length > 5);
    } finally {
      client.kill();
    }
  }

  test(
    'a didOpen whose text is not a string (null, a number, missing)',
    async () => {
      for (const text of [null, 12, undefined]) {
        await survives(`didOpen with text ${String(text)}`, async (client) => {
          await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///abuse/null.transcript', languageId: 'transcript', version: 1, text } });
        });
      }
    },
  );

  test(
    'a client that answers window/showMessageRequest with an error, while a document is declined',
    async () => {
      // TestClient handles no window/showMessageRequest: it answers MethodNotFound.
      await survives('declining a binary document', async (client) => {
        await client.open('file:///abuse/binary.transcript', '\u0000\u0001PNG'.repeat(1000));
      });
    },
  );
});
