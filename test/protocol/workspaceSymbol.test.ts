// workspace/symbol: speakers and titles of every transcript in the workspace folders, read from
// disk by the server itself (files never opened), with open documents' unsaved text winning,
// and the index kept up to date by didChangeWatchedFiles and didChangeWorkspaceFolders.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, type SymbolInformation, type WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { K, r, workspaceSymbolsByFile } from '../helpers/expected';
import { fileUri, fixtureWorkspace, TestClient } from '../helpers/lspClient';

/** A fresh copy of the fixture workspace, plus folders the server must never search. */
function makeWorkspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'transcript-ws-'));
  cpSync(fixtureWorkspace, root, { recursive: true });
  // Created here, not in the repository: .gitignore ignores node_modules/, dist/ and out/ anywhere.
  const skipped: Record<string, string> = {
    'node_modules/some-package/readme.transcript': 'Module readme title\n\nMODULE AUTHOR: In node_modules.\n',
    'interviews/node_modules/deep/deep.transcript': 'Nested module title\n\nNESTED MODULE: In a nested node_modules.\n',
    'dist/copy.transcript': 'Build copy title\n\nBUILD COPY: In dist.\n',
    'out/copy.transcript': 'Out copy title\n\nOUT COPY: In out.\n',
    '.git/copy.transcript': 'Git copy title\n\nGIT COPY: In .git.\n',
  };
  for (const [rel, text] of Object.entries(skipped)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

type Found = WorkspaceSymbol | SymbolInformation;

/**
 * The server's answer grouped by file (relative to `root`), keeping the order within each file.
 * The order of the files themselves is the file system's (readdir order), so it is not compared.
 */
function byFile(symbols: Found[] | null, root: string): Record<string, Found[]> {
  assert.ok(Array.isArray(symbols), `expected an array, got ${JSON.stringify(symbols)}`);
  const prefix = `${fileUri(root)}/`;
  const out: Record<string, Found[]> = {};
  for (const s of symbols) {
    const uri = s.location.uri;
    assert.ok(uri.startsWith(prefix), `${uri} is outside ${prefix}`);
    (out[uri.slice(prefix.length)] ??= []).push(s);
  }
  return out;
}

/** The full expected symbols (with their location URIs) for some fixture files. */
function expected(root: string, files: string[] = Object.keys(workspaceSymbolsByFile)): Record<string, Found[]> {
  const out: Record<string, Found[]> = {};
  for (const f of files) {
    out[f] = workspaceSymbolsByFile[f].map((s) => ({ name: s.name, kind: s.kind, containerName: s.containerName, location: { uri: `${fileUri(root)}/${f}`, range: s.range } }));
  }
  return out;
}

const pick = (root: string, rel: string, names: string[]): Found[] => expected(root, [rel])[rel].filter((s) => names.includes(s.name));

describe('workspace/symbol over files never opened', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = makeWorkspace();
    client = await TestClient.start();
    await client.initialize({ workspaceFolders: [{ uri: fileUri(root), name: 'fixtures' }] });
  });
  after(async () => {
    rmSync(root, { recursive: true, force: true });
    await client.finish();
  });

  test('an empty query lists every title and speaker, subfolders included, skipped folders and other files excluded', async () => {
    assert.deepEqual(byFile(await client.workspaceSymbols(''), root), expected(root));
  });

  test('a query matches speaker names (case-insensitive subsequence)', async () => {
    assert.deepEqual(await client.workspaceSymbols('quint'), pick(root, 'morning-edition.transcript', ['Ada Quint']));
    assert.deepEqual(await client.workspaceSymbols('ADA q'), pick(root, 'morning-edition.transcript', ['Ada Quint']));
  });

  test('a query matches titles', async () => {
    assert.deepEqual(await client.workspaceSymbols('tide'), pick(root, 'podcast/2024/episode-12.transcript', ['Episode 12: Tide tables']));
  });

  test('a query matches a speaker by label or role', async () => {
    assert.deepEqual(await client.workspaceSymbols('byline'), pick(root, 'interviews/council-vote.transcript', ['Dana Whitlock']));
    assert.deepEqual(await client.workspaceSymbols('host'), pick(root, 'morning-edition.transcript', ['Rafael Moreno']));
  });

  test('a query that matches nothing gives an empty list', async () => {
    assert.deepEqual(await client.workspaceSymbols('zzz'), []);
    assert.deepEqual(await client.workspaceSymbols('module'), []);
  });

  test("an open document's unsaved text wins over what is on disk", async () => {
    const uri = `${fileUri(root)}/morning-edition.transcript`;
    await client.open(uri, 'Unsaved headline\n\nBEA NOVAK, HOST: Not saved yet.\n');
    const all = byFile(await client.workspaceSymbols(''), root);
    assert.deepEqual(all['morning-edition.transcript'], [
      { name: 'Unsaved headline', kind: K.File, containerName: 'morning-edition.transcript', location: { uri, range: r(0, 0, 0, 16) } },
      { name: 'Bea Novak', kind: K.Class, containerName: 'BEA NOVAK · HOST — Unsaved headline', location: { uri, range: r(2, 0, 2, 16) } },
    ]);
    assert.deepEqual(await client.workspaceSymbols('quint'), []);
    // Edits to the open document show at once.
    await client.change(uri, 2, [{ range: r(2, 0, 2, 9), text: 'BEA NOVAKOVA' }]);
    assert.deepEqual(await client.workspaceSymbols('novakova'), [
      { name: 'Bea Novakova', kind: K.Class, containerName: 'BEA NOVAKOVA · HOST — Unsaved headline', location: { uri, range: r(2, 0, 2, 19) } },
    ]);
    // Closed unsaved: the file on disk counts again.
    await client.close(uri);
    assert.deepEqual(byFile(await client.workspaceSymbols(''), root), expected(root));
  });
});

describe('workspace/symbol follows didChangeWatchedFiles', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = makeWorkspace();
    client = await TestClient.start();
    await client.initialize({ workspaceFolders: [{ uri: fileUri(root), name: 'fixtures' }] });
    // A first query builds the index; the notifications below must update it.
    assert.deepEqual(byFile(await client.workspaceSymbols(''), root), expected(root));
  });
  after(async () => {
    rmSync(root, { recursive: true, force: true });
    await client.finish();
  });

  const file = () => path.join(root, 'evening', 'bulletin.transcript');
  const uri = () => fileUri(file());

  test('a created file is found once the client reports it', async () => {
    mkdirSync(path.dirname(file()), { recursive: true });
    writeFileSync(file(), 'Evening bulletin\n\nLENA FORD, HOST: Good evening.\n');
    await client.changeWatchedFiles([{ uri: uri(), type: 1 /* Created */ }]);
    assert.deepEqual(await client.workspaceSymbols('ford'), [
      { name: 'Lena Ford', kind: K.Class, containerName: 'LENA FORD · HOST — Evening bulletin', location: { uri: uri(), range: r(2, 0, 2, 16) } },
    ]);
    const all = byFile(await client.workspaceSymbols(''), root);
    assert.deepEqual(all, {
      ...expected(root),
      'evening/bulletin.transcript': [
        { name: 'Evening bulletin', kind: K.File, containerName: 'bulletin.transcript', location: { uri: uri(), range: r(0, 0, 0, 16) } },
        { name: 'Lena Ford', kind: K.Class, containerName: 'LENA FORD · HOST — Evening bulletin', location: { uri: uri(), range: r(2, 0, 2, 16) } },
      ],
    });
  });

  test('a changed file is read again', async () => {
    writeFileSync(file(), 'Late bulletin\n\nLENA FORDHAM, HOST: Good night.\n');
    await client.changeWatchedFiles([{ uri: uri(), type: 2 /* Changed */ }]);
    assert.deepEqual(await client.workspaceSymbols('ford'), [
      { name: 'Lena Fordham', kind: K.Class, containerName: 'LENA FORDHAM · HOST — Late bulletin', location: { uri: uri(), range: r(2, 0, 2, 19) } },
    ]);
    assert.deepEqual(await client.workspaceSymbols('evening'), []);
  });

  test('a deleted file is gone', async () => {
    unlinkSync(file());
    await client.changeWatchedFiles([{ uri: uri(), type: 3 /* Deleted */ }]);
    assert.deepEqual(await client.workspaceSymbols('ford'), []);
    assert.deepEqual(byFile(await client.workspaceSymbols(''), root), expected(root));
  });

  test('a Changed event for a file that has vanished drops it without harm', async () => {
    const gone = path.join(root, 'interviews', 'council-vote.transcript');
    unlinkSync(gone);
    await client.changeWatchedFiles([{ uri: fileUri(gone), type: 2 /* Changed */ }]);
    const rest = Object.keys(workspaceSymbolsByFile).filter((f) => f !== 'interviews/council-vote.transcript');
    assert.deepEqual(byFile(await client.workspaceSymbols(''), root), expected(root, rest));
    assert.ok(client.alive);
  });

  test(
    'a file created in node_modules stays out of the index, as the first scan left it out',
    async () => {
      const nm = path.join(root, 'node_modules', 'late', 'late.transcript');
      mkdirSync(path.dirname(nm), { recursive: true });
      writeFileSync(nm, 'Late module\n\nLATE MODULE: Hi.\n');
      await client.changeWatchedFiles([{ uri: fileUri(nm), type: 1 }]);
      assert.deepEqual(await client.workspaceSymbols('late module'), []);
    },
  );

  test(
    'a document outside every workspace folder is forgotten once closed',
    async () => {
      const outside = mkdtempSync(path.join(tmpdir(), 'transcript-outside-'));
      try {
        const p = path.join(outside, 'elsewhere.transcript');
        writeFileSync(p, 'Elsewhere\n\nOTTO ELSEWHERE: Outside the workspace.\n');
        await client.open(fileUri(p), 'Elsewhere\n\nOTTO ELSEWHERE: Outside the workspace.\n');
        const hits = async () => ((await client.workspaceSymbols('')) ?? []).filter((s) => s.location.uri === fileUri(p)).map((s) => s.name);
        assert.deepEqual(await hits(), ['Elsewhere', 'Otto Elsewhere'], 'listed while open');
        await client.close(fileUri(p));
        assert.deepEqual(await hits(), []);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    },
  );
});

describe('workspace folders', () => {
  const roots: string[] = [];
  const clients: TestClient[] = [];
  after(() => {
    clients.forEach((c) => c.kill());
    roots.forEach((r) => rmSync(r, { recursive: true, force: true }));
  });

  const second = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'transcript-ws2-'));
    roots.push(root);
    writeFileSync(path.join(root, 'second.transcript'), 'Second folder\n\nSIRI VOSS, HOST: Hello.\n');
    return root;
  };

  test('rootUri is used when the client sends no workspaceFolders', async () => {
    const root = makeWorkspace();
    roots.push(root);
    const client = await TestClient.start();
    clients.push(client);
    await client.initialize({ rootUri: fileUri(root), workspaceFolders: null });
    assert.deepEqual(byFile(await client.workspaceSymbols(''), root), expected(root));
  });

  test('no folder at all: an empty list (and open documents still count)', async () => {
    const client = await TestClient.start();
    clients.push(client);
    await client.initialize({ rootUri: null, workspaceFolders: null });
    assert.deepEqual(await client.workspaceSymbols(''), []);
    await client.open('untitled:Untitled-1', 'Draft\n\nWREN HALE: Hello.\n');
    assert.deepEqual(await client.workspaceSymbols('wren'), [
      { name: 'Wren Hale', kind: K.Class, containerName: 'WREN HALE — Draft', location: { uri: 'untitled:Untitled-1', range: r(2, 0, 2, 10) } },
    ]);
  });

  test('didChangeWorkspaceFolders: an added folder is searched, a removed one no longer', async () => {
    const root = makeWorkspace();
    roots.push(root);
    const other = second();
    const client = await TestClient.start();
    clients.push(client);
    await client.initialize({ workspaceFolders: [{ uri: fileUri(root), name: 'a' }] });
    assert.deepEqual(await client.workspaceSymbols('siri voss'), []);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(other), name: 'b' }], removed: [] } });
    const siri = [
      {
        name: 'Siri Voss',
        kind: K.Class,
        containerName: 'SIRI VOSS · HOST — Second folder',
        location: { uri: fileUri(path.join(other, 'second.transcript')), range: r(2, 0, 2, 16) },
      },
    ];
    assert.deepEqual(await client.workspaceSymbols('siri voss'), siri);
    assert.deepEqual(await client.workspaceSymbols('quint'), pick(root, 'morning-edition.transcript', ['Ada Quint']));
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(root), name: 'a' }] } });
    assert.deepEqual(await client.workspaceSymbols('quint'), []);
    assert.deepEqual(await client.workspaceSymbols('siri voss'), siri);
  });

  test(
    'a cancelled first query does not leave a partial index behind',
    async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'transcript-deep-'));
      roots.push(root);
      let dir = root;
      for (let i = 0; i < 200; i++) {
        dir = path.join(dir, `d${i}`);
        mkdirSync(dir);
      }
      writeFileSync(path.join(dir, 'deep.transcript'), 'Deep title\n\nDEEP DIVER: Down here.\n');
      const client = await TestClient.start();
      clients.push(client);
      await client.initialize({ workspaceFolders: [{ uri: fileUri(root), name: 'deep' }] });
      const source = new CancellationTokenSource();
      const first = client.connection.sendRequest('workspace/symbol', { query: '' }, source.token);
      source.cancel();
      await first.catch(() => undefined);
      const found = (await client.workspaceSymbols('')) ?? [];
      assert.deepEqual(
        found.map((s) => s.name),
        ['Deep title', 'Deep Diver'],
      );
    },
  );
});
