// textDocument/documentSymbol and textDocument/foldingRange over real JSON-RPC, with the
// settings pulled through workspace/configuration or pushed through didChangeConfiguration.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { morningFlat, morningFolding, morningGrouped } from '../helpers/expected';
import { fileUri, fixtureWorkspace, TestClient } from '../helpers/lspClient';

const morningPath = path.join(fixtureWorkspace, 'morning-edition.transcript');
const morningText = readFileSync(morningPath, 'utf8');
const morningUri = fileUri(morningPath);

describe('documentSymbol and foldingRange (settings pulled from the client)', () => {
  let client: TestClient;
  let groupBySpeaker: unknown = false;
  before(async () => {
    client = await TestClient.start({
      configuration: (item) => (item.section === 'transcript' ? { outline: { groupBySpeaker }, trace: { server: 'off' } } : null),
    });
    await client.initialize({ workspaceFolders: [{ uri: fileUri(fixtureWorkspace), name: 'workspace' }] });
    await client.open(morningUri, morningText);
  });
  // The server must have survived the whole suite and must end cleanly.
  after(() => client.finish());

  test('the outline of an opened fixture, in document order', async () => {
    assert.deepEqual(await client.documentSymbols(morningUri), morningFlat);
  });

  test('the settings were asked for with the document as scope', () => {
    assert.ok(
      client.configurationRequests.some((items) => items.some((i) => i.section === 'transcript' && i.scopeUri === morningUri)),
      JSON.stringify(client.configurationRequests),
    );
  });

  test('folding ranges: preamble, multi-line turns, trailer', async () => {
    assert.deepEqual(await client.foldingRanges(morningUri), morningFolding);
  });

  test('groupBySpeaker = true after a configuration change: speaker -> turns', async () => {
    groupBySpeaker = true;
    await client.changeConfiguration(null); // pull model: the notification carries no settings
    assert.deepEqual(await client.documentSymbols(morningUri), morningGrouped);
  });

  test('a wrong value for groupBySpeaker falls back to the default (document order)', async () => {
    groupBySpeaker = 'yes';
    await client.changeConfiguration(null);
    assert.deepEqual(await client.documentSymbols(morningUri), morningFlat);
  });

  test('the settings are cached per document until the configuration changes', async () => {
    const asked = () => client.configurationRequests.filter((items) => items.some((i) => i.section === 'transcript' && i.scopeUri === morningUri)).length;
    const before = asked();
    groupBySpeaker = true;
    await client.changeConfiguration(null);
    assert.deepEqual(await client.documentSymbols(morningUri), morningGrouped);
    const n = asked();
    assert.ok(n > before, 'asked again after the change');
    assert.deepEqual(await client.documentSymbols(morningUri), morningGrouped);
    assert.deepEqual(await client.foldingRanges(morningUri), morningFolding);
    assert.deepEqual(await client.documentSymbols(morningUri), morningGrouped);
    assert.equal(asked(), n, 'no new request while nothing changed');
  });

  test('requests for a document never opened answer null, and the server lives on', async () => {
    const never = fileUri(path.join(fixtureWorkspace, 'interviews', 'council-vote.transcript'));
    assert.equal(await client.documentSymbols(never), null);
    assert.equal(await client.foldingRanges(never), null);
    assert.equal(await client.documentSymbols('untitled:Untitled-9'), null);
    assert.ok(client.alive);
    assert.deepEqual(await client.documentSymbols(morningUri), morningGrouped);
  });

  test('after didClose the document is unknown again (null), and reopening works', async () => {
    await client.close(morningUri);
    assert.equal(await client.documentSymbols(morningUri), null);
    assert.equal(await client.foldingRanges(morningUri), null);
    groupBySpeaker = false;
    await client.open(morningUri, morningText, 7);
    assert.deepEqual(await client.documentSymbols(morningUri), morningFlat);
    assert.deepEqual(await client.foldingRanges(morningUri), morningFolding);
  });

  test('an empty document has no symbols and no folding ranges', async () => {
    const uri = 'untitled:empty.transcript';
    await client.open(uri, '');
    assert.deepEqual(await client.documentSymbols(uri), []);
    assert.deepEqual(await client.foldingRanges(uri), []);
  });
});

describe('documentSymbol with settings pushed in didChangeConfiguration (no workspace/configuration)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
    await client.initialize({ capabilities: { workspace: { workspaceFolders: true } } });
    await client.open(morningUri, morningText);
  });
  // The server must have survived the whole suite and must end cleanly.
  after(() => client.finish());

  test('defaults before any settings arrive: document order, and no configuration request', async () => {
    assert.deepEqual(await client.documentSymbols(morningUri), morningFlat);
    assert.deepEqual(client.configurationRequests, []);
  });

  test('transcript.outline.groupBySpeaker = true pushed by the client', async () => {
    await client.changeConfiguration({ transcript: { outline: { groupBySpeaker: true } } });
    assert.deepEqual(await client.documentSymbols(morningUri), morningGrouped);
  });

  test('a notification about another section keeps the transcript settings', async () => {
    await client.changeConfiguration({ editor: { tabSize: 4 } });
    assert.deepEqual(await client.documentSymbols(morningUri), morningGrouped);
  });

  test('garbage settings fall back to the defaults', async () => {
    await client.changeConfiguration({ transcript: 'nonsense' });
    assert.deepEqual(await client.documentSymbols(morningUri), morningFlat);
    await client.changeConfiguration({ transcript: { outline: { groupBySpeaker: true } } });
    await client.changeConfiguration({ transcript: { outline: null } });
    assert.deepEqual(await client.documentSymbols(morningUri), morningFlat);
  });

  test('the server never registered anything (the client cannot register dynamically)', () => {
    assert.deepEqual(client.registrationLog, []);
    assert.ok(client.alive);
  });
});
