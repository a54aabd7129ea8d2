// Dynamic registration: with a client that can register documentSymbol dynamically, the server
// registers it after `initialized`, and registers it anew (dropping the old registration) when
// the configuration changes, which is what makes VS Code refresh the Outline.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { K, r } from '../helpers/expected';
import { delay, TestClient, type RegistrationEvent } from '../helpers/lspClient';

const symbolMethod = 'textDocument/documentSymbol';
const symbolOptions = { documentSelector: [{ language: 'transcript' }], label: 'Transcript' };

const onlySymbols = (log: RegistrationEvent[]) => log.filter((e) => e.method === symbolMethod);

describe('dynamic registration of documentSymbol', () => {
  let client: TestClient;
  let group = false;
  const uri = 'untitled:Untitled-1';
  before(async () => {
    client = await TestClient.start({ configuration: () => ({ outline: { groupBySpeaker: group } }) });
    await client.initialize(); // VS Code-like: documentSymbol.dynamicRegistration = true
    await client.open(uri, 'NINA PARK, HOST: Hi.\n');
  });
  // The server must have survived the whole suite and must end cleanly.
  after(() => client.finish());

  test('after initialized: one registration of documentSymbol for transcript documents', async () => {
    await client.waitFor(() => onlySymbols(client.registrationLog).length >= 1, 'the documentSymbol registration');
    const log = onlySymbols(client.registrationLog);
    assert.equal(log.length, 1);
    assert.equal(log[0].kind, 'register');
    assert.deepEqual(log[0].registerOptions, symbolOptions);
    assert.match(log[0].id, /\S/);
  });

  test('after initialized: workspace/didChangeConfiguration registered for the transcript section', async () => {
    await client.waitFor(() => client.registrationLog.some((e) => e.method === 'workspace/didChangeConfiguration'), 'the configuration registration');
    assert.deepEqual(
      client.registrationLog.filter((e) => e.method === 'workspace/didChangeConfiguration').map((e) => [e.kind, e.registerOptions]),
      [['register', { section: 'transcript' }]],
    );
  });

  test('didChangeConfiguration: registers anew, then unregisters the old registration', async () => {
    const first = onlySymbols(client.registrationLog)[0].id;
    group = true;
    await client.changeConfiguration(null);
    await client.waitFor(() => onlySymbols(client.registrationLog).length >= 3, 'a new registration and the unregistration of the old one');
    const log = onlySymbols(client.registrationLog);
    assert.equal(log.length, 3);
    assert.deepEqual(
      log.map((e) => [e.kind, e.id === first ? 'old' : 'new']),
      [
        ['register', 'old'],
        ['register', 'new'],
        ['unregister', 'old'],
      ],
    );
    assert.deepEqual(log[1].registerOptions, symbolOptions);
    // Exactly one documentSymbol registration remains in force: the new one.
    assert.deepEqual(
      [...client.registrations.values()].filter((x) => x.method === symbolMethod).map((x) => x.id),
      [log[1].id],
    );
    // And the refreshed outline follows the new setting.
    assert.deepEqual(await client.documentSymbols(uri), [
      {
        name: 'Nina Park',
        detail: 'NINA PARK · HOST · 1 turn',
        kind: K.Class,
        range: r(0, 0, 0, 20),
        selectionRange: r(0, 0, 0, 16),
        children: [{ name: 'NINA PARK', detail: 'Hi.', kind: K.Event, range: r(0, 0, 0, 20), selectionRange: r(0, 0, 0, 16) }],
      },
    ]);
  });

  test('three quick changes in a row still leave exactly one registration in force', async () => {
    for (let i = 0; i < 3; i++) await client.changeConfiguration(null);
    await client.waitFor(() => onlySymbols(client.registrationLog).length >= 9, 'three more register/unregister pairs');
    await delay(100); // nothing further should arrive
    const log = onlySymbols(client.registrationLog);
    assert.equal(log.filter((e) => e.kind === 'register').length, 5);
    assert.equal(log.filter((e) => e.kind === 'unregister').length, 4);
    const live = [...client.registrations.values()].filter((x) => x.method === symbolMethod);
    assert.equal(live.length, 1);
    // Every registration but the last was unregistered.
    const registered = log.filter((e) => e.kind === 'register').map((e) => e.id);
    assert.deepEqual(new Set(log.filter((e) => e.kind === 'unregister').map((e) => e.id)), new Set(registered.slice(0, -1)));
    assert.equal(live[0].id, registered[registered.length - 1]);
  });
});

describe('no dynamic registration when the client does not offer it', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.initialize({ capabilities: { workspace: { workspaceFolders: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
  });
  // The server must have survived the whole suite and must end cleanly.
  after(() => client.finish());

  test('nothing is registered, before or after a configuration change', async () => {
    await client.workspaceSymbols(''); // a round trip: `initialized` has been handled
    await client.changeConfiguration({ transcript: { outline: { groupBySpeaker: true } } });
    await client.workspaceSymbols('');
    assert.deepEqual(client.registrationLog, []);
  });
});

describe('clients that refuse registrations', () => {
  const clients: TestClient[] = [];
  after(() => clients.forEach((c) => c.kill()));

  test(
    'a client that answers client/registerCapability with an error does not bring the server down',
    async () => {
      const client = await TestClient.start({ registration: 'reject' });
      clients.push(client);
      await client.initialize();
      await client.waitFor(() => client.registrationLog.length >= 1, 'a registration attempt');
      await delay(300);
      assert.equal(client.exitCode, undefined, `server exited:\n${client.stderr.slice(-600)}`);
      await client.open('untitled:a', 'NINA PARK: Hi.\n');
      assert.equal(((await client.documentSymbols('untitled:a')) ?? []).length, 1);
    },
  );

  test(
    'workspace/didChangeConfiguration is registered only when the client declares didChangeConfiguration.dynamicRegistration',
    async () => {
      const client = await TestClient.start({ configuration: () => ({}) });
      clients.push(client);
      await client.initialize({ capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
      await client.workspaceSymbols(''); // a round trip: `initialized` has been handled
      await delay(100);
      assert.deepEqual(client.registrationLog, []);
    },
  );

  test(
    'a client with workspace/configuration but no dynamic registration is not asked to register didChangeConfiguration, and the server lives',
    async () => {
      const client = await TestClient.start({ registration: 'unhandled', configuration: () => ({}) });
      clients.push(client);
      await client.initialize({ capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
      await delay(300);
      assert.equal(client.exitCode, undefined, `server exited:\n${client.stderr.slice(-600)}`);
      await client.open('untitled:b', 'NINA PARK: Hi.\n');
      assert.equal(((await client.documentSymbols('untitled:b')) ?? []).length, 1);
    },
  );
});
