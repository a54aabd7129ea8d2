// Diagnostics over the wire: the BUILT server (`node dist/server.js --stdio`) with a small
// client of this file's own. Pushed diagnostics, quick fixes and fix-all applied as
// incremental edits, formatting, settings pulled with workspace/configuration, run onSave,
// didClose.

import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentFormattingRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageWriter,
  UnregistrationRequest,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { applyTextEdits, lines, rng, span } from '../fixtures/rules/support';
import { messageReader } from '../helpers/lspClient';

const root = join(__dirname, '..', '..');
const serverPath = join(root, 'dist', 'server.js');
const slips = readFileSync(join(root, 'test', 'fixtures', 'rules', 'slips.transcript'), 'utf8');

// ---------------------------------------------------------------------------------------------
// A small client

class Client {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  /** Settings for workspace/configuration, by scope URI (section `transcript`). */
  readonly settings = new Map<string, unknown>();
  stderr = '';
  private waiters = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (this.stderr += d));
    child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(messageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onError(() => {});
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'transcript' ? (this.settings.get(i.scopeUri ?? '') ?? null) : null)));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(UnregistrationRequest.type, () => undefined);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      for (const w of [...this.waiters]) w();
    });
    this.connection.listen();
  }

  static async start(): Promise<Client> {
    assert.ok(existsSync(serverPath), `${serverPath} is missing: run \`npm run build\` first`);
    const client = new Client(spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] }));
    return client;
  }

  async initialize(): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>(InitializeRequest.method, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          formatting: { dynamicRegistration: false },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async request<R>(method: string, params: unknown, ms = 10_000): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${method}: no answer in ${ms} ms. stderr: ${this.stderr}`)), ms)));
    try {
      return await Promise.race([this.connection.sendRequest(method, params) as Promise<R>, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The first diagnostics published for `uri` (after the `from`-th publication) that satisfy `ok`. */
  nextDiagnostics(uri: string, ok: (p: PublishDiagnosticsParams) => boolean, from = 0, ms = 5_000): Promise<PublishDiagnosticsParams> {
    const find = () => this.published.slice(from).find((p) => p.uri === uri && ok(p));
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const f = find();
        if (!f) return;
        cleanup();
        resolve(f);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no diagnostics for ${uri} in ${ms} ms; got ${JSON.stringify(this.published.slice(from).map((p) => [p.uri, p.version, p.diagnostics.length]))}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** Diagnostics of `uri` at `version`, published after the `from`-th publication. */
  diagnosticsAt(uri: string, version: number, from = 0): Promise<Diagnostic[]> {
    return this.nextDiagnostics(uri, (p) => p.version === version, from).then((p) => p.diagnostics);
  }

  open(uri: string, text: string, version = 1) {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'transcript', version, text } });
  }

  /** Sends TextEdits (on the current text) as incremental changes, last first so that each range still holds. */
  applyEdits(uri: string, version: number, edits: TextEdit[]) {
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  replaceAll(uri: string, version: number, text: string) {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  save(uri: string) {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string) {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  formatting(uri: string): Promise<TextEdit[] | null> {
    return this.request(DocumentFormattingRequest.method, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  }

  async finish(): Promise<void> {
    try {
      await this.request(ShutdownRequest.method, undefined, 3_000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // killed below
    }
    const code = await Promise.race([this.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 3_000))]);
    if (code === 'hung') this.child.kill('SIGKILL');
    this.connection.dispose();
    assert.equal(code, 0, `server exit code; stderr: ${this.stderr}`);
    assert.equal(this.stderr, '', 'the server wrote to stderr');
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const editsOf = (a: CodeAction, uri: string): TextEdit[] => {
  assert.ok(a.edit?.changes?.[uri], `action "${a.title}" edits ${uri}`);
  assert.deepEqual(Object.keys(a.edit.changes), [uri]);
  return a.edit.changes[uri];
};

const hrefBase = 'https://github.com/transcript-tools/transcript-tools/blob/main/docs/rules.md';

// ---------------------------------------------------------------------------------------------

describe('diagnostics over the protocol', () => {
  let client: Client;
  let init: InitializeResult;
  before(async () => {
    client = await Client.start();
    init = await client.initialize();
  });
  after(() => client.finish());

  test('the server declares save sync, quick fixes, fix-all and formatting', () => {
    const caps = init.capabilities;
    const sync = caps.textDocumentSync as { openClose?: boolean; change?: number; save?: unknown };
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, 2);
    assert.ok(sync.save, 'save notifications wanted');
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.transcript'] });
    assert.equal(caps.documentFormattingProvider, true);
  });

  test('a broken document: codes, ranges, severities, links, related information, tags', async () => {
    const uri = 'file:///virtual/slips.transcript';
    await client.open(uri, slips, 1);
    const ds = await client.diagnosticsAt(uri, 1);
    const r = (sub: string, length = sub.length) => {
      const s = span(slips, sub).start;
      return rng(slips, s, s + length);
    };
    assert.deepEqual(
      ds.map((d) => [d.code, d.range, d.severity, d.source, d.codeDescription?.href]),
      (
        [
          ['unknown-speaker', r('WHITFEILD'), 2],
          ['missing-colon', r('VANCE Mostly', 5), 1],
          ['unclosed-stage-direction', r('(SOUNDBITE OF ARCHIVED RECORDING'), 1],
          ['split-turn', r('VANCE: Vendors', 6), 2],
          ['label-case', r('whitfield:'), 2],
          ['label-spacing', r(' : Relieved', 2), 2],
          ['empty-turn', r('WHITFIELD:\n', 10), 2],
          ['unbalanced-quote', r('"We would', 1), 2],
          ['label-spacing', r(':Teo', 1), 2],
        ] as const
      ).map(([code, range, severity]) => [code, range, severity, 'transcript', `${hrefBase}#${code}`]),
    );
    for (const d of ds) assert.ok(d.codeDescription!.href.endsWith(`#${d.code}`));
    const unknown = ds[0];
    assert.equal(unknown.message, 'Unknown speaker WHITFEILD — did you mean WHITFIELD (Dana Whitfield)?');
    assert.deepEqual(unknown.relatedInformation, [{ location: { uri, range: r('DANA WHITFIELD, HOST:') }, message: 'Dana Whitfield is introduced here' }]);
    assert.deepEqual(ds.find((d) => d.code === 'empty-turn')!.tags, [1]);
    await client.close(uri);
  });

  test('quick fix by quick fix, as incremental edits: the fixed problems go away', async () => {
    const uri = 'file:///virtual/quick.transcript';
    let text = slips;
    let version = 1;
    await client.open(uri, text, version);
    let ds = await client.diagnosticsAt(uri, version);
    const fixedCodes: string[] = [];
    for (let round = 0; round < 20; round++) {
      let applied = false;
      for (const d of ds) {
        const actions = await client.codeActions(uri, d.range, [d]);
        const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
        if (!fix) continue;
        assert.deepEqual(fix.diagnostics, [d], `${fix.title} names its diagnostic`);
        const edits = editsOf(fix, uri);
        text = applyTextEdits(text, edits);
        const from = client.published.length;
        await client.applyEdits(uri, ++version, edits);
        const after = await client.diagnosticsAt(uri, version, from);
        const same = (x: Diagnostic) => x.code === d.code && x.message === d.message && x.range.start.line === d.range.start.line;
        assert.ok(!after.some(same), `${d.code} "${d.message}" still there after "${fix.title}"`);
        fixedCodes.push(d.code as string);
        ds = after;
        applied = true;
        break;
      }
      if (!applied) break;
    }
    assert.deepEqual(ds.map((d) => d.code), ['unbalanced-quote']);
    assert.deepEqual([...new Set(fixedCodes)].sort(), ['empty-turn', 'label-case', 'label-spacing', 'missing-colon', 'split-turn', 'unclosed-stage-direction', 'unknown-speaker']);
    // The server's copy and ours agree: formatting edits computed on it apply to ours.
    const edits = (await client.formatting(uri)) ?? [];
    assert.equal(applyTextEdits(text, edits), text, 'nothing left to format');
    await client.close(uri);
  });

  test('"Fix all 2" for one code, and source.fixAll.transcript only when context.only asks', async () => {
    const uri = 'file:///virtual/fixall.transcript';
    await client.open(uri, slips, 1);
    const ds = await client.diagnosticsAt(uri, 1);
    const spacing = ds.find((d) => d.code === 'label-spacing')!;
    const quick = await client.codeActions(uri, spacing.range, [spacing]);
    assert.deepEqual(
      quick.map((a) => [a.title, a.kind, a.isPreferred ?? null]),
      [
        ['Remove the space before the colon', 'quickfix', true],
        ["Fix all 2 problems of this kind in this file", 'quickfix', null],
      ],
    );
    assert.equal(applyTextEdits(slips, editsOf(quick[1], uri)), slips.replace('VANCE : Relieved', 'VANCE: Relieved').replace('WHITFIELD:Teo', 'WHITFIELD: Teo'));

    const all = rng(slips, 0, slips.length);
    const noOnly = await client.codeActions(uri, all, ds);
    assert.ok(noOnly.length > 0 && noOnly.every((a) => a.kind === 'quickfix'), 'without only: quick fixes, no source action');
    const [fixAll, ...rest] = await client.codeActions(uri, all, ds, ['source.fixAll.transcript']);
    assert.deepEqual(rest, []);
    assert.equal(fixAll.kind, 'source.fixAll.transcript');
    assert.equal(fixAll.title, 'Fix all auto-fixable transcript problems');
    const fixed = applyTextEdits(slips, editsOf(fixAll, uri));
    const from = client.published.length;
    await client.applyEdits(uri, 2, editsOf(fixAll, uri));
    assert.deepEqual((await client.diagnosticsAt(uri, 2, from)).map((d) => d.code), ['unbalanced-quote']);
    assert.ok(fixed.includes('VANCE: Mostly') && fixed.includes('(SOUNDBITE OF ARCHIVED RECORDING)\n') && !fixed.includes('WHITFEILD'));
    // The server agrees with the text we computed: no more fix-all.
    assert.deepEqual(await client.codeActions(uri, rng(fixed, 0, fixed.length), [], ['source.fixAll']), []);
    await client.close(uri);
  });

  test('textDocument/formatting', async () => {
    const uri = 'file:///virtual/format.transcript';
    const text = lines('Harbour update  ', '', 'NINA PARK, HOST:   Hi.', 'OMAR  SALEH, BYLINE :x', '', '', '', 'PARK: Bye. ');
    await client.open(uri, text, 1);
    const edits = (await client.formatting(uri)) ?? [];
    assert.equal(applyTextEdits(text, edits), lines('Harbour update', '', 'NINA PARK, HOST: Hi.', '', 'OMAR SALEH, BYLINE: x', '', 'PARK: Bye.'));
    await client.close(uri);
  });

  test('didClose clears the diagnostics', async () => {
    const uri = 'file:///virtual/closing.transcript';
    await client.open(uri, slips, 1);
    assert.ok((await client.diagnosticsAt(uri, 1)).length > 0);
    const from = client.published.length;
    await client.close(uri);
    // What didClose sends has no version (a late check of version 1 would have one).
    const cleared = await client.nextDiagnostics(uri, (p) => p.version === undefined || p.version === null, from);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('settings from workspace/configuration', () => {
  let client: Client;
  before(async () => {
    client = await Client.start();
    await client.initialize();
  });
  after(() => client.finish());

  test('a rule set to off is not reported; another gets its severity', async () => {
    const uri = 'file:///virtual/rules.transcript';
    client.settings.set(uri, { diagnostics: { rules: { 'label-spacing': 'off', 'unbalanced-quote': 'error' } } });
    await client.open(uri, slips, 1);
    const ds = await client.diagnosticsAt(uri, 1);
    assert.ok(!ds.some((d) => d.code === 'label-spacing'));
    assert.equal(ds.length, 7);
    assert.equal(ds.find((d) => d.code === 'unbalanced-quote')!.severity, 1);
    // Its quick fixes go too.
    const actions = await client.codeActions(uri, rng(slips, 0, slips.length), ds);
    assert.ok(!actions.some((a) => /space|Fix all/.test(a.title)), actions.map((a) => a.title).join(', '));
    await client.close(uri);
  });

  test('diagnostics.enable false: empty diagnostics', async () => {
    const uri = 'file:///virtual/disabled.transcript';
    client.settings.set(uri, { diagnostics: { enable: false } });
    await client.open(uri, slips, 1);
    assert.deepEqual(await client.diagnosticsAt(uri, 1), []);
    await client.close(uri);
  });

  test("run 'onSave': didChange does not republish, didSave does", async () => {
    const uri = 'file:///virtual/onsave.transcript';
    client.settings.set(uri, { diagnostics: { run: 'onSave' } });
    await client.open(uri, slips, 1);
    const first = await client.diagnosticsAt(uri, 1);
    assert.equal(first.length, 9);
    const from = client.published.length;
    const fixed = slips.replace('VANCE Mostly', 'VANCE: Mostly');
    await client.replaceAll(uri, 2, fixed);
    await delay(400); // more than ten times the 30 ms debounce
    assert.deepEqual(client.published.slice(from).filter((p) => p.uri === uri), [], 'nothing published on change');
    await client.save(uri);
    const saved = await client.diagnosticsAt(uri, 2, from);
    assert.equal(saved.length, 8);
    assert.ok(!saved.some((d) => d.code === 'missing-colon'));
    await client.close(uri);
  });

  test("run 'onType' (the default): didChange republishes after the debounce", async () => {
    const uri = 'file:///virtual/ontype.transcript';
    await client.open(uri, slips, 1);
    assert.equal((await client.diagnosticsAt(uri, 1)).length, 9);
    const from = client.published.length;
    await client.replaceAll(uri, 2, slips.replace('VANCE Mostly', 'VANCE: Mostly'));
    assert.equal((await client.diagnosticsAt(uri, 2, from)).length, 8);
    await client.close(uri);
  });

  test('typing fast: the last version is checked, and no diagnostics of a later text come with an earlier version', async () => {
    const uri = 'file:///virtual/typing.transcript';
    const base = lines('Typing', '', 'NINA PARK, HOST: Hi.', '', 'OMAR SALEH, BYLINE: Hello.', '');
    await client.open(uri, base, 1);
    await client.diagnosticsAt(uri, 1);
    const from = client.published.length;
    // Each keystroke adds a line with a stray ')': version n has n - 1 of them.
    let text = base;
    for (let v = 2; v <= 6; v++) {
      text += `PARK: And) then.\n`;
      await client.replaceAll(uri, v, text);
    }
    const last = await client.diagnosticsAt(uri, 6, from);
    assert.equal(last.filter((d) => d.code === 'unbalanced-bracket').length, 5);
    for (const p of client.published.slice(from).filter((x) => x.uri === uri)) {
      assert.equal(p.diagnostics.filter((d) => d.code === 'unbalanced-bracket').length, (p.version ?? 0) - 1, `version ${p.version}`);
    }
    await client.close(uri);
  });

  test('workspace/didChangeConfiguration: open documents are checked again with the new settings', async () => {
    const uri = 'file:///virtual/reconfigured.transcript';
    client.settings.set(uri, {});
    await client.open(uri, slips, 1);
    assert.equal((await client.diagnosticsAt(uri, 1)).length, 9);
    client.settings.set(uri, { diagnostics: { rules: { 'unknown-speaker': 'off', 'split-turn': 'off' } } });
    const from = client.published.length;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const again = await client.nextDiagnostics(uri, (p) => p.diagnostics.length !== 9, from);
    assert.deepEqual(
      again.diagnostics.map((d) => d.code),
      ['missing-colon', 'unclosed-stage-direction', 'label-case', 'label-spacing', 'empty-turn', 'unbalanced-quote', 'label-spacing'],
    );
    await client.close(uri);
  });
});
