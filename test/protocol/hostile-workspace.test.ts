// A hostile workspace, over real stdio: the built server runs with a hook (loaded with
// NODE_OPTIONS=--require before the bundle) on every way Node has to run a program, open a
// socket, resolve a host name, evaluate code or load a module — and on loading any file from
// the workspace folder. The workspace holds scripts, a package.json with install scripts,
// node_modules, VS Code settings and transcripts whose text looks like code. The server indexes
// it, answers every request on it, and the hook must never fire (it writes to stderr, which
// TestClient.finish() requires to be empty). Then virtual workspaces: folders and documents
// with URIs that are not `file:` (vscode-vfs, untitled) degrade cleanly.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { observe } from '../helpers/arbitraries';
import { fileUri, TestClient } from '../helpers/lspClient';

const HOOK = String.raw`
const fs = require('fs');
if (process.env.TRANSCRIPT_HOOK_LOADED) fs.writeFileSync(process.env.TRANSCRIPT_HOOK_LOADED, String(process.pid));
const report = (what) => { try { fs.writeSync(2, 'FORBIDDEN: ' + what + '\n'); } catch {} };
const wrap = (name, obj, keys) => {
  for (const k of keys) {
    const original = obj[k];
    if (typeof original !== 'function') continue;
    obj[k] = function (...args) { report(name + '.' + k + '(' + String(args[0]).slice(0, 80) + ')'); return original.apply(this, args); };
  }
};
wrap('child_process', require('child_process'), ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
wrap('net', require('net'), ['connect', 'createConnection', 'createServer']);
wrap('tls', require('tls'), ['connect']);
wrap('http', require('http'), ['request', 'get', 'createServer']);
wrap('https', require('https'), ['request', 'get']);
wrap('dns', require('dns'), ['lookup', 'resolve']);
wrap('dgram', require('dgram'), ['createSocket']);
wrap('vm', require('vm'), ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']);
wrap('worker_threads', { Worker: require('worker_threads').Worker }, []);
if (typeof globalThis.fetch === 'function') { const f = globalThis.fetch; globalThis.fetch = (...a) => { report('fetch(' + String(a[0]) + ')'); return f(...a); }; }
const Module = require('module');
const load = Module._load;
const workspace = process.env.TRANSCRIPT_HOSTILE_WORKSPACE;
Module._load = function (request, parent, ...rest) {
  try {
    const file = Module._resolveFilename(request, parent, ...rest);
    if (workspace && typeof file === 'string' && file.startsWith(workspace)) report('require(' + file + ')');
  } catch {}
  return load.call(this, request, parent, ...rest);
};
`;

const MARKER = 'ran-workspace-code';

function hostileWorkspace(root: string): void {
  const w = (p: string, text: string) => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  };
  const touch = `require('fs').writeFileSync(${JSON.stringify(join(root, MARKER))}, 'x');`;
  w('evil.js', touch);
  w('index.js', touch);
  w('package.json', JSON.stringify({ name: 'w', main: 'evil.js', scripts: { preinstall: 'node evil.js', postinstall: 'node evil.js', test: 'node evil.js' } }));
  w('node_modules/compromise/index.js', touch);
  w('node_modules/vscode-uri/index.js', touch);
  w('node_modules/hidden/in.transcript', 'NINA PARK, HOST: skipped folder.\n');
  w('.vscode/settings.json', JSON.stringify({ 'transcript.maxFileSize': 0.000001, 'terminal.integrated.shell.linux': './evil.js' }));
  w('.transcript/evil.transcript', 'SKIPPED, DOT FOLDER: x\n');
  w('interview.transcript', "require('./evil.js')\n\nNINA PARK, HOST: ${process.exit(1)} `rm -rf /` $(touch x) <script>alert(1)</script>\n\nOMAR SALEH, BYLINE: import('./evil.js'); eval(\"x\")\n\nPARK: [x](command:workbench.action.terminal.new) file:///etc/passwd\n");
  w('nested/deeper/talk.transcript', 'Talk\n\nGRETA LINDQVIST, DECKHAND: Hello.\n\nLINDQVIST: Bye.\n');
  w('evil.transcript.js', touch);
}

describe('a hostile workspace: no code runs, nothing is fetched', () => {
  let dir: string;
  let client: TestClient;
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, TRANSCRIPT_HOSTILE_WORKSPACE: process.env.TRANSCRIPT_HOSTILE_WORKSPACE, TRANSCRIPT_HOOK_LOADED: process.env.TRANSCRIPT_HOOK_LOADED };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'transcript-hostile-workspace-'));
    hostileWorkspace(join(dir, 'ws'));
    const hook = join(dir, 'no-exec-hook.cjs');
    writeFileSync(hook, HOOK);
    process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --require ${JSON.stringify(hook)}`.trim();
    process.env.TRANSCRIPT_HOSTILE_WORKSPACE = join(dir, 'ws');
    process.env.TRANSCRIPT_HOOK_LOADED = join(dir, 'hook-loaded');
    try {
      client = await TestClient.start({ configuration: () => ({}) });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    observe(client.connection);
    await client.initialize({ workspaceFolders: [{ uri: fileUri(join(dir, 'ws')), name: 'ws' }], rootUri: fileUri(join(dir, 'ws')) });
  });
  after(async () => {
    try {
      await client.finish(); // fails on anything the hook wrote to stderr
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the hook is in place (sanity: the server loaded it, and it reports what it sees)', async () => {
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(join(dir, 'hook-loaded'), 'utf8'), String(client.child.pid), 'the server process loaded the hook');
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--require', join(dir, 'no-exec-hook.cjs'), '-e', "require('child_process').execSync('true')"], { encoding: 'utf8' });
    assert.match(r.stderr, /FORBIDDEN: child_process\.execSync\(true\)/);
  });

  test('the workspace is indexed: its transcripts, not its skipped folders, not its scripts', async () => {
    const symbols = ((await client.workspaceSymbols('')) ?? []) as WorkspaceSymbol[];
    const files = new Set(symbols.map((s) => s.location.uri.split('/ws/')[1]));
    assert.deepEqual([...files].sort(), ['interview.transcript', 'nested/deeper/talk.transcript']);
  });

  test('every request on a transcript whose text looks like code', async () => {
    const uri = fileUri(join(dir, 'ws', 'interview.transcript'));
    const text = "require('./evil.js')\n\nNINA PARK, HOST: ${process.exit(1)} `rm -rf /` $(touch x) <script>alert(1)</script>\n\nOMAR SALEH, BYLINE: import('./evil.js'); eval(\"x\")\n\nPARK: [x](command:workbench.action.terminal.new) file:///etc/passwd\n";
    await client.open(uri, text);
    const position = { line: 2, character: 2 };
    const range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
    for (const [method, params] of [
      ['textDocument/documentSymbol', {}],
      ['textDocument/foldingRange', {}],
      ['textDocument/hover', { position }],
      ['textDocument/hover', { position: { line: 4, character: 25 } }],
      ['textDocument/definition', { position }],
      ['textDocument/references', { position, context: { includeDeclaration: true } }],
      ['textDocument/rename', { position, newName: 'Ana Lima' }],
      ['textDocument/completion', { position: { line: 7, character: 0 } }],
      ['textDocument/semanticTokens/full', {}],
      ['textDocument/codeAction', { range, context: { diagnostics: [] } }],
      ['textDocument/formatting', { options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/codeLens', {}],
      ['textDocument/inlayHint', { range }],
    ] as [string, Record<string, unknown>][]) {
      await client.request(method, { textDocument: { uri }, ...params }).catch(() => undefined);
    }
    await client.request('transcript/speakers', { uri });
    await client.changeWatchedFiles([{ uri: fileUri(join(dir, 'ws', 'evil.js')), type: 2 }, { uri, type: 2 }]);
    await client.workspaceSymbols('PARK');
    await client.close(uri);
    assert.ok(!existsSync(join(dir, 'ws', MARKER)), 'code from the workspace ran');
    assert.ok(!existsSync(join(dir, 'ws', 'x')), 'a command from a transcript ran');
  });
});

describe('virtual workspaces: folders and documents that are not on disk', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ configuration: () => ({}) });
    observe(client.connection);
    await client.initialize({
      rootUri: 'vscode-vfs://github/transcript-tools/examples',
      workspaceFolders: [
        { uri: 'vscode-vfs://github/transcript-tools/examples', name: 'examples' },
        { uri: 'memfs:/sample', name: 'memfs' },
      ],
    });
  });
  after(() => client.finish());

  const text = 'Harbour update\n\nNINA PARK, HOST: Good morning.\n\nOMAR SALEH, BYLINE: Morning.\n\nPARK: Thanks.\n';

  test('documents with vscode-vfs:, untitled: and memfs: URIs get every feature', async () => {
    for (const uri of ['vscode-vfs://github/transcript-tools/examples/a.transcript', 'untitled:Untitled-1', 'memfs:/sample/b.transcript']) {
      await client.open(uri, text);
      const symbols = (await client.documentSymbols(uri)) as { name: string }[];
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['Harbour update', 'NINA PARK', 'OMAR SALEH', 'PARK (Nina Park)'],
        uri,
      );
      const edit = await client.request<{ changes: Record<string, unknown[]> }>('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 6 }, newName: 'Ana Lima' });
      assert.deepEqual(Object.keys(edit.changes), [uri]);
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
      assert.match(hover.contents.value, /Nina Park/);
      await client.close(uri);
    }
  });

  test('Go to Symbol in Workspace: the open documents, nothing read from the virtual folders, no error', async () => {
    const uri = 'vscode-vfs://github/transcript-tools/examples/open.transcript';
    await client.open(uri, text);
    const symbols = ((await client.workspaceSymbols('')) ?? []) as WorkspaceSymbol[];
    assert.ok(symbols.length > 0 && symbols.every((s) => s.location.uri === uri), JSON.stringify(symbols.map((s) => s.location.uri)));
    await client.changeWatchedFiles([{ uri: 'vscode-vfs://github/transcript-tools/examples/other.transcript', type: 1 }]);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'vscode-vfs://github/x/y', name: 'y' }], removed: [{ uri: 'memfs:/sample', name: 'memfs' }] } });
    assert.ok(((await client.workspaceSymbols('Nina')) as WorkspaceSymbol[]).length > 0);
    await client.close(uri);
  });
});
