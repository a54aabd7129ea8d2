// A small LSP client for protocol tests: spawns the BUILT server (`node dist/server.js --stdio`)
// and speaks real JSON-RPC to it over the child's stdio. It answers the requests a server
// sends to its client (workspace/configuration, client/registerCapability and
// client/unregisterCapability), records them, and shuts the server down (or kills it) at the end.
//
//   const client = await TestClient.start({ configuration: () => ({ outline: { groupBySpeaker: true } }) });
//   await client.initialize({ workspaceFolders: [...] });
//   client.open(uri, text);
//   const symbols = await client.documentSymbols(uri);
//   await client.shutdown();

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DefinitionRequest,
  DocumentHighlightRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PrepareRenameRequest,
  ReferencesRequest,
  RegistrationRequest,
  RenameRequest,
  ResponseError,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkspaceSymbolRequest,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type ConfigurationItem,
  type Definition,
  type DocumentHighlight,
  type DocumentSymbol,
  type FileEvent,
  type FoldingRange,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type LocationLink,
  type LogMessageParams,
  type Position,
  type PrepareRenameResult,
  type ProtocolConnection,
  type Range,
  type Registration,
  type SemanticTokens,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
  type Unregistration,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');
export const fixturesRoot = path.join(repoRoot, 'test', 'fixtures');
export const fixtureWorkspace = path.join(fixturesRoot, 'workspace');

/** `file:///…` URI of a local path, as VS Code writes it. */
export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Capabilities of a client like VS Code: pull configuration, dynamic registration, folders. */
export const fullCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    symbol: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
    foldingRange: { dynamicRegistration: false },
  },
};

export interface RegistrationEvent {
  kind: 'register' | 'unregister';
  id: string;
  method: string;
  registerOptions?: unknown;
}

export interface TestClientOptions {
  /** The value for each item of a workspace/configuration request (default: null, like an unset section). */
  configuration?: (item: ConfigurationItem) => unknown;
  /** How client/registerCapability is answered: accepted (default), refused with an error, or left unhandled (MethodNotFound). */
  registration?: 'accept' | 'reject' | 'unhandled';
  /** Arguments after the server script (default `--stdio`). */
  args?: string[];
  /** Milliseconds a request may take before the test fails (default 10 s). */
  requestTimeout?: number;
}

const live = new Set<TestClient>();
process.on('exit', () => {
  for (const c of live) c.kill();
});

/**
 * A reader of the server's output with no partial-message timer. vscode-jsonrpc arms one while a
 * message is half read and re-arms it every 10 s for as long as the rest does not come, and
 * disposing the connection does not stop it: a server killed in the middle of writing (the
 * abuse tests kill servers) left that timer running, and the test file never exited.
 */
export function messageReader(stream: NodeJS.ReadableStream): StreamMessageReader {
  const reader = new StreamMessageReader(stream);
  reader.partialMessageTimeout = 0;
  return reader;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  /** Registrations in force, by id. */
  readonly registrations = new Map<string, Registration>();
  /** Every register / unregister the server asked for, in order. */
  readonly registrationLog: RegistrationEvent[] = [];
  readonly configurationRequests: ConfigurationItem[][] = [];
  readonly logMessages: LogMessageParams[] = [];
  stderr = '';
  /** Resolves with the exit code (or signal name) when the server process ends. */
  readonly exited: Promise<number | string>;
  exitCode: number | string | undefined;
  configuration: (item: ConfigurationItem) => unknown;
  private readonly requestTimeout: number;
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    options: TestClientOptions,
  ) {
    this.configuration = options.configuration ?? (() => null);
    this.requestTimeout = options.requestTimeout ?? 10_000;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (this.stderr += d));
    // A server that dies mid-write must fail the test, not crash the runner.
    child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitCode = code ?? signal ?? 'unknown';
        live.delete(this);
        resolve(this.exitCode);
        this.notify();
      });
    });
    this.connection = createProtocolConnection(messageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onError(() => {});
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params.items);
      this.notify();
      return params.items.map((item) => this.configuration(item));
    });
    const registration = options.registration ?? 'accept';
    if (registration !== 'unhandled') {
      this.connection.onRequest(RegistrationRequest.type, (params) => {
        for (const r of params.registrations) {
          this.registrationLog.push({ kind: 'register', id: r.id, method: r.method, registerOptions: r.registerOptions });
          if (registration === 'accept') this.registrations.set(r.id, r);
        }
        this.notify();
        if (registration === 'reject') return new ResponseError(-32603, 'registration refused by the test client');
        return undefined;
      });
      this.connection.onRequest(UnregistrationRequest.type, (params) => {
        // The protocol spells the field `unregisterations`.
        for (const u of (params as { unregisterations: Unregistration[] }).unregisterations) {
          this.registrationLog.push({ kind: 'unregister', id: u.id, method: u.method });
          this.registrations.delete(u.id);
        }
        this.notify();
        return undefined;
      });
    }
    this.connection.onNotification(LogMessageNotification.type, (p) => {
      this.logMessages.push(p);
      this.notify();
    });
    this.connection.listen();
  }

  /** Spawns the built server. Fails with a hint when `npm run build` has not been run. */
  static async start(options: TestClientOptions = {}): Promise<TestClient> {
    if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [serverPath, ...(options.args ?? ['--stdio'])], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const client = new TestClient(child, options);
    live.add(client);
    return client;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** Sends `initialize` (merging `params` over a VS Code-like default) and then `initialized`. */
  async initialize(params: Partial<InitializeParams> = {}): Promise<InitializeResult> {
    const full: InitializeParams = {
      processId: process.pid,
      rootUri: null,
      capabilities: fullCapabilities,
      workspaceFolders: null,
      clientInfo: { name: 'transcript-tools protocol tests' },
      ...params,
    };
    const result = await this.request(InitializeRequest.method, full);
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result as InitializeResult;
  }

  /** A request that fails fast when the server dies or does not answer in time. */
  async request<R>(method: string, params: unknown): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method}: no answer in ${this.requestTimeout} ms`)), this.requestTimeout);
    });
    const died = this.exited.then((code) => {
      throw new Error(`${method}: the server exited (${code}) before answering. stderr:\n${this.stderr}`);
    });
    try {
      return await Promise.race([this.connection.sendRequest(method, params) as Promise<R>, timeout, died]);
    } finally {
      clearTimeout(timer);
    }
  }

  open(uri: string, text: string, version = 1, languageId = 'transcript'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeConfiguration(settings: unknown): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.request(DocumentSymbolRequest.method, { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.request(FoldingRangeRequest.method, { textDocument: { uri } });
  }

  workspaceSymbols(query: string): Promise<WorkspaceSymbol[] | SymbolInformation[] | null> {
    return this.request(WorkspaceSymbolRequest.method, { query });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request(HoverRequest.method, { textDocument: { uri }, position });
  }

  definition(uri: string, position: Position): Promise<Definition | LocationLink[] | null> {
    return this.request(DefinitionRequest.method, { textDocument: { uri }, position });
  }

  references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
    return this.request(ReferencesRequest.method, { textDocument: { uri }, position, context: { includeDeclaration } });
  }

  documentHighlights(uri: string, position: Position): Promise<DocumentHighlight[] | null> {
    return this.request(DocumentHighlightRequest.method, { textDocument: { uri }, position });
  }

  prepareRename(uri: string, position: Position): Promise<PrepareRenameResult | null> {
    return this.request(PrepareRenameRequest.method, { textDocument: { uri }, position });
  }

  rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.request(RenameRequest.method, { textDocument: { uri }, position, newName });
  }

  completion(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
    return this.request(CompletionRequest.method, { textDocument: { uri }, position });
  }

  /** The custom request `transcript/speakers` (server/src/protocol.ts). */
  speakers<R = unknown>(uri: string): Promise<R | null> {
    return this.request('transcript/speakers', { uri });
  }

  semanticTokens(uri: string): Promise<SemanticTokens | null> {
    return this.request(SemanticTokensRequest.method, { textDocument: { uri } });
  }

  semanticTokensRange(uri: string, range: Range): Promise<SemanticTokens | null> {
    return this.request(SemanticTokensRangeRequest.method, { textDocument: { uri }, range });
  }

  /** Resolves once `predicate` holds (checked on every message from the server), or fails after `timeout` ms. */
  waitFor(predicate: () => boolean, what: string, timeout = 5_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeout} ms waiting for ${what}`));
      }, timeout);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** Polite end: shutdown, exit, and wait for the process (killed when it does not go within 3 s). */
  async shutdown(): Promise<number | string> {
    if (this.alive) {
      try {
        await this.request(ShutdownRequest.method, undefined);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // Already gone or hung: the kill below deals with it.
      }
    }
    const code = await Promise.race([this.exited, delay(3_000).then(() => undefined)]);
    if (code === undefined) {
      this.kill();
      return this.exited;
    }
    this.connection.dispose();
    return code;
  }

  /**
   * For `after` hooks: shuts the server down and fails (after killing it if need be) unless it
   * was still running, exited with code 0 and wrote nothing to stderr.
   */
  async finish(): Promise<void> {
    const wasAlive = this.alive;
    const code = await this.shutdown();
    if (!wasAlive) throw new Error(`the server had exited (${String(this.exitCode)}) before the end of the suite. stderr:\n${this.stderr}`);
    if (code !== 0) throw new Error(`the server exited with ${String(code)} on shutdown. stderr:\n${this.stderr}`);
    if (this.stderr !== '') throw new Error(`the server wrote to stderr:\n${this.stderr}`);
  }

  /** Ends the process at once (safe to call twice). For `after` hooks. */
  kill(): void {
    if (this.alive) this.child.kill('SIGKILL');
    try {
      this.connection.dispose();
    } catch {
      // disposed already
    }
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** One semantic token with absolute position, as decoded from the relative LSP encoding. */
export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  /** The token type's name in the legend. */
  type: string;
  /** Its modifiers' names in the legend, in legend order. */
  modifiers: string[];
}

/** Decodes `SemanticTokens.data` (five integers per token, positions relative to the previous token) with a legend. */
export function decodeSemanticTokens(data: readonly number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }): DecodedToken[] {
  if (data.length % 5 !== 0) throw new Error(`semantic token data of length ${data.length} is not a multiple of 5`);
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, mods] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const typeName = legend.tokenTypes[type];
    if (typeName === undefined) throw new Error(`token type ${type} is not in the legend`);
    if (mods >> legend.tokenModifiers.length !== 0) throw new Error(`token modifiers ${mods} name bits outside the legend`);
    out.push({ line, character, length, type: typeName, modifiers: legend.tokenModifiers.filter((_, b) => mods & (1 << b)) });
  }
  return out;
}

/** The 0-based position of the `nth` (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`occurrence ${nth} of ${JSON.stringify(needle)} not found`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}
