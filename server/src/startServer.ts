// Connection wiring shared by the Node server (server.ts) and the web-worker server
// (browser/server.ts): keeps the documents in sync, fetches settings, and routes each
// request to the language service. No transcript logic lives here.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  FileChangeType,
  MessageType,
  ShowMessageRequest,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FixAllKind } from './features/codeActions';
import { semanticTokensLegend } from './features/semanticTokens';
import { createLanguageService, fileLabel, mergeEdits, type TranscriptLanguageService, type WorkspaceFiles } from './languageService';
import type { TextEdit as OffsetEdit } from './parser';
import { SpeakersMethod, type SpeakersParams } from './protocol';
import {
  ExportMethod,
  ImportMethod,
  StatisticsMethod,
  WordCountMethod,
  type ExportParams,
  type ExportResponse,
  type ImportParams,
  type ImportResponse,
  type StatisticsParams,
  type WordCountParams,
} from './protocol';
import { importSubtitles, parseExportFormat } from './export';
import { looksBinary } from './binaryData';
import { defaultSettings, toSettings, type TranscriptSettings } from './settings';

export const serverName = 'Transcript Tools language server';

/**
 * Why a document is not worked on, or undefined when it is fine: larger than the limit, or
 * binary (NUL bytes, or mostly control characters, in its first 64 KB).
 */
export function declineReason(text: string, maxFileSize: number): string | undefined {
  const mb = text.length / (1024 * 1024);
  if (mb > maxFileSize) return `is ${sizeAbove(mb, maxFileSize)} MB, more than transcript.maxFileSize (${maxFileSize} MB)`;
  if (looksBinary(text)) return 'does not look like a transcript (it holds binary data)';
  return undefined;
}

/**
 * A size in MB (`mb`, more than `limit`) with as few decimals as it takes to read as more than
 * the limit: 50 MB is "50", 32.3 MB over 32 is "32.3" (not "32"), 32.04 MB "32.04".
 */
function sizeAbove(mb: number, limit: number): string {
  for (let digits = 0; digits <= 6; digits++) {
    const shown = mb.toFixed(digits);
    if (Number(shown) > limit) return shown;
  }
  return String(mb);
}

const selector = [{ language: 'transcript' }];
/**
 * A check that took less than this runs right after each change (a 10 MB transcript re-checks
 * in 10–40 ms thanks to incremental parsing, and in up to ~150 ms for the first few keystrokes
 * while V8 optimises the incremental path): fresh diagnostics beat saved work. Slower checks wait
 * as long as they take, so a burst of keystrokes costs one check, not one each.
 */
const CHECK_IMMEDIATELY_BELOW_MS = 200;
/** Documents from this size on warm the typing path up once opened (a 300 KB sample: ~50 ms, once per server). */
const WARM_UP_FROM_CHARS = 1_000_000;
const WARM_UP_SAMPLE_CHARS = 300_000;
const MAX_CHECK_DELAY_MS = 250;

export function startServer(connection: Connection, makeWorkspace: (folders: () => string[]) => WorkspaceFiles): void {
  // The documents, kept in sync; each incremental change is also told to the service as an
  // offset edit, so that it re-parses only around it.
  let onEdit: (uri: string, from: number, to: number, edit: OffsetEdit | undefined) => void = () => {};
  const documents = new TextDocuments<TextDocument>({
    // A client may send nonsense: a text that is not a string (null, a number, none) opens an
    // empty document rather than one whose every feature throws.
    create(uri, languageId, version, content) {
      if (typeof content !== 'string') connection.console.error(`${String(uri)} was opened without a text (${content === null ? 'null' : typeof content}): read as empty.`);
      return TextDocument.create(uri, languageId, version, typeof content === 'string' ? content : '');
    },
    update(doc, changes, version) {
      // Changes that are not changes (no text, a range that is not one) are left out.
      const valid = Array.isArray(changes) ? changes.filter(isContentChange) : [];
      if (valid.length !== (Array.isArray(changes) ? changes.length : 1)) connection.console.error(`A change to ${doc.uri} that is not a text change was ignored.`);
      if (valid.length === 0) return doc;
      const from = doc.version;
      let edit: OffsetEdit | undefined;
      let described = true;
      for (const change of valid) {
        if (!('range' in change)) {
          described = false;
          TextDocument.update(doc, [change], version);
          continue;
        }
        const start = doc.offsetAt(change.range.start);
        const end = doc.offsetAt(change.range.end);
        const next: OffsetEdit = { start, end, newLength: change.text.length };
        edit = edit ? mergeEdits(edit, next) : next;
        TextDocument.update(doc, [change], version);
      }
      onEdit(doc.uri, from, version, described ? edit : undefined);
      return doc;
    },
  });
  let folders: string[] = [];
  let pullConfiguration = false;
  let dynamicSymbols = false;
  let workDoneProgress = false;
  let dynamicConfiguration = false;
  let folderEvents = false;
  let inlayHintRefresh = false;
  let codeLensRefresh = false;
  let symbolRegistration: Promise<Disposable> | undefined;
  const settingsCache = new Map<string, Promise<TranscriptSettings>>();
  let pushedSettings: TranscriptSettings = defaultSettings;

  let service: TranscriptLanguageService;
  const makeService = (rulesDocUri: string | undefined) =>
    createLanguageService({
      rulesDocUri,
      workspace: makeWorkspace(() => folders),
      logger: {
        info: (m) => connection.console.info(m),
        error: (m) => connection.console.error(m),
      },
      // Declined documents (binary, too large) are no more listed than read.
      openDocuments: () => documents.all().filter((d) => !declined.has(d.uri)),
      style: () => (style === 'auto' ? undefined : style),
    });

  // Documents the server declines: too large (transcript.maxFileSize) or not text at all.
  // The user is told once per document; every feature then answers nothing for it.
  const declined = new Map<string, string>();
  let maxFileSize = defaultSettings.maxFileSize;
  const usable = (uri: string) => (declined.has(uri) ? undefined : documents.get(uri));
  const checkUsable = (doc: TextDocument, typed = false): boolean => {
    // While the user types in a document that was fine, only its size can change what we say:
    // reading its start again (for binary data) would copy a large text on every keystroke.
    if (typed && !declined.has(doc.uri)) {
      const mb = doc.getText().length / (1024 * 1024);
      if (mb <= maxFileSize) return true;
    }
    const reason = declineReason(doc.getText(), maxFileSize);
    if (!reason) {
      declined.delete(doc.uri);
      return true;
    }
    if (!declined.has(doc.uri)) {
      declined.set(doc.uri, reason);
      // window/showMessageRequest (what connection.window.showWarningMessage sends, though typed
      // as returning nothing) is answered when the user dismisses it, or with an error by a client
      // without it (or VS Code closing): the error is logged, and must not end the server.
      const message = `“${fileLabel(doc.uri)}” ${reason}: outline, checks and other transcript features are off for it.`;
      connection
        .sendRequest(ShowMessageRequest.type, { type: MessageType.Warning, message })
        .catch((e) => connection.console.error(`Could not show that ${String(doc.uri)} is declined: ${String(e)}`));
      connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    }
    return false;
  };

  /** transcript.maxFileSize and transcript.style are window settings: read once, and again when settings change. */
  let style: TranscriptSettings['style'] = 'auto';
  const refreshMaxFileSize = async () => {
    const raw = pullConfiguration ? await connection.workspace.getConfiguration('transcript').catch(() => undefined) : undefined;
    const settings = raw === undefined ? pushedSettings : toSettings(raw);
    maxFileSize = settings.maxFileSize;
    if (settings.style !== style) {
      style = settings.style;
      service?.onParseSettingsChanged();
    }
  };

  const settingsFor = (uri: string): Promise<TranscriptSettings> => {
    if (!pullConfiguration) return Promise.resolve(pushedSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'transcript' }).then(toSettings, () => defaultSettings);
      settingsCache.set(uri, s);
    }
    return s;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullConfiguration = !!caps.workspace?.configuration;
    dynamicSymbols = !!caps.textDocument?.documentSymbol?.dynamicRegistration;
    workDoneProgress = !!caps.window?.workDoneProgress;
    dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    folderEvents = !!caps.workspace?.workspaceFolders;
    inlayHintRefresh = !!caps.workspace?.inlayHint?.refreshSupport;
    codeLensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const init = (params.initializationOptions ?? {}) as { rulesDocUri?: unknown };
    service = makeService(typeof init.rulesDocUri === 'string' ? init.rulesDocUri : undefined);
    onEdit = (uri, from, to, edit) => service.onDocumentEdited(uri, from, to, edit);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        // Registered after initialization when the client allows it, so that a change of
        // `transcript.outline.groupBySpeaker` can re-register it and make the Outline refresh.
        documentSymbolProvider: dynamicSymbols ? undefined : { label: 'Transcript' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FixAllKind] },
        documentFormattingProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: serverName, version: '0.1.0' },
    };
  });

  /** Index the workspace's transcripts after start-up, with a progress notification in the client. */
  const indexInBackground = async () => {
    const reporter = workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    reporter?.begin('Indexing transcripts', 0, undefined, true);
    try {
      let last = 0;
      const n = await service.indexWorkspace((done, total) => {
        const pct = Math.floor((done / Math.max(1, total)) * 100);
        if (pct !== last) reporter?.report(pct, `${done} of ${total}`);
        last = pct;
      }, reporter?.token);
      connection.console.info(`Transcript index ready: ${n} file(s)`);
    } catch (e) {
      connection.console.error(`Indexing the workspace failed: ${String(e)}`);
    } finally {
      reporter?.done();
    }
  };

  // A client may refuse a registration: log it, never let the rejection end the server.
  const registerSymbols = async () => {
    const previous = symbolRegistration;
    symbolRegistration = connection.client.register(DocumentSymbolRequest.type, { documentSelector: selector, label: 'Transcript' });
    symbolRegistration.catch((e) => connection.console.error(`Could not register the outline provider: ${String(e)}`));
    (await previous?.catch(() => undefined))?.dispose();
  };

  connection.onInitialized(() => {
    if (dynamicSymbols) void registerSymbols();
    void refreshMaxFileSize();
    void indexInBackground();
    if (dynamicConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'transcript' })
        .catch((e) => connection.console.error(`Could not register for settings changes: ${String(e)}`));
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => f.uri));
        service.onWorkspaceChanged();
      });
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    settingsCache.clear();
    const raw = (change.settings as { transcript?: unknown } | null)?.transcript;
    if (raw !== undefined) pushedSettings = toSettings(raw);
    await refreshMaxFileSize();
    for (const d of documents.all()) checkUsable(d);
    // The Outline has no refresh request; a new registration makes VS Code ask again.
    if (dynamicSymbols) void registerSymbols();
    for (const d of documents.all()) void validate(d.uri);
    // Elapsed times and lens titles depend on transcript.inlayHints.elapsedTime and wordsPerMinute.
    if (inlayHintRefresh) connection.languages.inlayHint.refresh().catch(() => undefined);
    if (codeLensRefresh) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  });

  // Diagnostics are pushed: the server decides when (on open, on type after a short pause,
  // or on save) and the client shows them without having to ask.
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastCheckMs = new Map<string, number>();
  /** Opened and not checked yet: the first check parses the whole file and says nothing of how long a re-check takes. */
  const unchecked = new Set<string>();
  let warmedUp = false;
  const validate = async (uri: string) => {
    timers.delete(uri);
    const doc = usable(uri);
    if (!doc) return;
    const settings = await settingsFor(uri);
    const current = usable(uri);
    if (!current) return;
    try {
      const started = Date.now();
      const diagnostics = service.getDiagnostics(current, settings);
      const opened = unchecked.delete(uri);
      if (!opened) lastCheckMs.set(uri, Date.now() - started);
      connection.sendDiagnostics({ uri, version: current.version, diagnostics });
      if (opened && !warmedUp && current.getText().length >= WARM_UP_FROM_CHARS) {
        // Once per server, off the path of these diagnostics: see warmUp.
        warmedUp = true;
        const sample = current.getText().slice(0, WARM_UP_SAMPLE_CHARS);
        setTimeout(() => {
          try {
            service.warmUp(sample, settings);
          } catch (e) {
            connection.console.error(`Warming up failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
          }
        }, 0);
      }
    } catch (e) {
      connection.console.error(`Checking ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  };
  const schedule = (uri: string, delay: number) => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => void validate(uri), delay));
  };
  documents.onDidOpen((e) => {
    unchecked.add(e.document.uri);
    if (checkUsable(e.document)) schedule(e.document.uri, 0);
  });
  const onContentChanged = async (doc: TextDocument) => {
    if (!checkUsable(doc, true)) return;
    if ((await settingsFor(doc.uri)).diagnostics.run !== 'onType') return;
    const last = lastCheckMs.get(doc.uri) ?? 0;
    schedule(doc.uri, last < CHECK_IMMEDIATELY_BELOW_MS ? 0 : Math.min(MAX_CHECK_DELAY_MS, last));
  };
  // The library does not wait for a notification's handler: a rejection here would be unhandled.
  documents.onDidChangeContent((e) => {
    onContentChanged(e.document).catch((err) => connection.console.error(`Taking in a change to ${String(e.document.uri)} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));
  });
  documents.onDidSave((e) => schedule(e.document.uri, 0));

  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    lastCheckMs.delete(e.document.uri);
    unchecked.delete(e.document.uri);
    declined.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    service.onDocumentClosed(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const doc = usable(textDocument.uri);
    if (!doc) return null;
    const settings = await settingsFor(doc.uri);
    return service.getCodeActions(usable(textDocument.uri) ?? doc, range, context, settings);
  });

  connection.onDocumentFormatting(({ textDocument }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getFormattingEdits(doc) : null;
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) service.onFileChanged(c.uri, c.type === FileChangeType.Deleted);
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const doc = usable(textDocument.uri);
    if (!doc) return null;
    const settings = await settingsFor(doc.uri);
    // The document may have changed while the settings were fetched: use the newest text.
    return service.getDocumentSymbols(usable(textDocument.uri) ?? doc, settings);
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getFoldingRanges(doc) : null;
  });

  connection.onHover(async ({ textDocument, position }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getHover(doc, position, await settingsFor(doc.uri)) : null;
  });
  connection.onDefinition(({ textDocument, position }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getDefinition(doc, position) : null;
  });
  connection.onReferences(({ textDocument, position, context }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getReferences(doc, position, context.includeDeclaration) : null;
  });
  connection.onDocumentHighlight(({ textDocument, position }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getDocumentHighlights(doc, position) : null;
  });
  connection.onPrepareRename(({ textDocument, position }) => {
    const doc = usable(textDocument.uri);
    if (!doc) return null;
    const r = service.prepareRename(doc, position);
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return { range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) }, placeholder: r.placeholder };
  });
  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const doc = usable(textDocument.uri);
    if (!doc) return null;
    const r = service.getRenameEdits(doc, position, newName);
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return r;
  });
  connection.onCompletion(({ textDocument, position }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getCompletions(doc, position) : null;
  });
  connection.onRequest(SpeakersMethod, async (params: SpeakersParams) => {
    const doc = params && typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
    return doc ? service.getSpeakers(doc, await settingsFor(doc.uri)) : null;
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const doc = usable(textDocument.uri);
    if (!doc) return null;
    const settings = await settingsFor(doc.uri);
    return service.getCodeLenses(usable(textDocument.uri) ?? doc, settings);
  });
  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    const doc = usable(textDocument.uri);
    if (!doc) return null;
    const settings = await settingsFor(doc.uri);
    return service.getInlayHints(usable(textDocument.uri) ?? doc, range, settings);
  });
  connection.onRequest(StatisticsMethod, async (params: StatisticsParams) => {
    const doc = params && typeof params.uri === 'string' ? usable(params.uri) : undefined;
    if (!doc) return null;
    const settings = await settingsFor(doc.uri);
    return service.getStatistics(usable(params.uri) ?? doc, settings);
  });
  connection.onRequest(WordCountMethod, async (params: WordCountParams) => {
    const doc = params && typeof params.uri === 'string' ? usable(params.uri) : undefined;
    if (!doc) return null;
    const settings = await settingsFor(doc.uri);
    const ranges = Array.isArray(params.ranges) ? params.ranges.filter(isRange) : undefined;
    return service.getWordCount(usable(params.uri) ?? doc, ranges, settings);
  });
  connection.onRequest(ExportMethod, async (params: ExportParams): Promise<ExportResponse> => {
    const doc = params && typeof params.uri === 'string' ? usable(params.uri) : undefined;
    if (!doc) return { error: 'The transcript is not open (or is too large to work on).' };
    const format = typeof params.format === 'string' ? parseExportFormat(params.format) : undefined;
    if (!format) return { error: `Unknown export format: ${String(params.format)}` };
    const settings = await settingsFor(doc.uri);
    return service.exportDocument(usable(params.uri) ?? doc, format, { wordsPerMinute: settings.wordsPerMinute, estimateTimes: params.estimateTimes === true });
  });
  connection.onRequest(ImportMethod, async (params: ImportParams): Promise<ImportResponse> => {
    if (!params || typeof params.text !== 'string' || (params.format !== 'vtt' && params.format !== 'srt')) return { error: 'Import needs the text of a WebVTT (vtt) or SRT (srt) file.' };
    try {
      const r = await importSubtitles(params.text, params.format, { fileName: typeof params.fileName === 'string' ? params.fileName : undefined });
      return { text: r.text, warnings: r.warnings, turns: r.turns, speakers: r.speakers };
    } catch (e) {
      return { error: `Could not read the subtitles: ${e instanceof Error ? e.message : String(e)}` };
    }
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getSemanticTokens(doc) : { data: [] };
  });
  connection.languages.semanticTokens.onRange(({ textDocument, range }) => {
    const doc = usable(textDocument.uri);
    return doc ? service.getSemanticTokens(doc, range) : { data: [] };
  });

  connection.onWorkspaceSymbol(({ query }, token) => service.getWorkspaceSymbols(query, token));

  documents.listen(connection);
  connection.listen();
}

/** A text change as LSP defines it: a string, replacing the whole text or a range. */
function isContentChange(c: unknown): c is { text: string } | { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  if (!c || typeof c !== 'object' || typeof (c as { text?: unknown }).text !== 'string') return false;
  return !('range' in c) || isRange((c as { range: unknown }).range);
}

function isRange(r: unknown): r is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const p = (x: unknown) => !!x && typeof (x as { line?: unknown }).line === 'number' && typeof (x as { character?: unknown }).character === 'number';
  return !!r && p((r as { start?: unknown }).start) && p((r as { end?: unknown }).end);
}
