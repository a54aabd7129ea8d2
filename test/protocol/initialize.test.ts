// The handshake of the built server (`node dist/server.js --stdio`): what it announces, and
// how it ends.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { delay, repoRoot, TestClient } from '../helpers/lspClient';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('initialize', () => {
  const clients: TestClient[] = [];
  const start = async (...args: Parameters<typeof TestClient.start>) => {
    const c = await TestClient.start(...args);
    clients.push(c);
    return c;
  };
  after(() => clients.forEach((c) => c.kill()));

  // Other features (hover, rename, code actions, …) add their own capabilities and have their
  // own tests; these are, exactly, the ones the outline, folding and workspace symbols rely on.
  const owned = ['textDocumentSync', 'documentSymbolProvider', 'foldingRangeProvider', 'workspaceSymbolProvider', 'workspace'] as const;
  const ownedOf = (result: InitializeResult) => Object.fromEntries(owned.filter((k) => k in result.capabilities).map((k) => [k, result.capabilities[k]]));
  const sync = { openClose: true, change: 2 /* Incremental */, save: { includeText: false } };

  test('a client without dynamic registration gets a static documentSymbolProvider', async () => {
    const client = await start();
    const result = await client.initialize({ capabilities: {} });
    assert.deepEqual(ownedOf(result), {
      textDocumentSync: sync,
      documentSymbolProvider: { label: 'Transcript' },
      foldingRangeProvider: true,
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
    assert.deepEqual(result.serverInfo, { name: 'Transcript Tools language server', version: pkg.version });
    assert.deepEqual(Object.keys(result).sort(), ['capabilities', 'serverInfo']);
    for (const [k, v] of Object.entries(result.capabilities)) assert.ok(v !== null && v !== false, `capability ${k} is ${String(v)}`);
    assert.equal(await client.shutdown(), 0);
  });

  test('a client that registers documentSymbol dynamically gets no static provider', async () => {
    const client = await start();
    const result = await client.initialize(); // VS Code-like capabilities
    assert.deepEqual(ownedOf(result), {
      textDocumentSync: sync,
      foldingRangeProvider: true,
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
    assert.equal('documentSymbolProvider' in result.capabilities, false);
    assert.deepEqual(result.serverInfo, { name: 'Transcript Tools language server', version: pkg.version });
    assert.equal(await client.shutdown(), 0);
  });

  test('shutdown then exit ends the process with code 0, and nothing on stderr', async () => {
    const client = await start();
    await client.initialize();
    assert.equal(await client.request('shutdown', undefined), null);
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 0);
    assert.equal(client.stderr, '');
  });

  test('exit without shutdown ends the process with code 1 (as the protocol says)', async () => {
    const client = await start();
    await client.initialize();
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 1);
  });

  test('the server ends when its stdin closes (the editor went away)', async () => {
    const client = await start();
    await client.initialize();
    client.child.stdin.end();
    const code = await Promise.race([client.exited, delay(5_000).then(() => 'still running')]);
    assert.notEqual(code, 'still running');
  });

  test(
    'a client that cannot send workspace-folder changes gets no error logged on initialized',
    async () => {
      const client = await start();
      await client.initialize({ capabilities: { workspace: { configuration: false } } });
      // A round trip after `initialized`, so that its handler has run.
      await client.workspaceSymbols('');
      assert.ok(client.alive);
      assert.deepEqual(
        client.logMessages.filter((m) => m.type === 1 /* Error */),
        [],
      );
    },
  );
});
