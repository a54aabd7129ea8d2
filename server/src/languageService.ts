// The composition root. One language service serves the Node server, the web-worker server
// and the command-line tool; what differs between them (how to list and read the workspace's
// files, where to log) is passed in, in the spirit of vscode-markdown-languageservice.

import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-types';
import { Utils, URI } from 'vscode-uri';
import { analyze, analyzeEdit, type Transcript } from './analysis';
import type { TextEdit as OffsetEdit, TranscriptStyle } from './parser';
import { codeActions, fixAllEdits } from './features/codeActions';
import { toDiagnostics } from './features/diagnostics';
import type { Edit } from './features/rules';
import { checkTranscript, type Problem } from './features/rules';
import { completion } from './features/completion';
import { codeLenses } from './features/codeLens';
import { inlayHints } from './features/inlayHints';
import { statistics, wordCount, type StatisticsResult, type WordCountResult } from './features/statistics';
import { exportTranscript, type ExportFormat, type ExportOptions, type ExportResult } from './export';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { definition, highlights, references } from './features/navigation';
import { offsetAt } from './features/positions';
import { prepareRename, rename, type PrepareRenameResult } from './features/rename';
import { semanticTokens } from './features/semanticTokens';
import { speakersOf, type SpeakersResult } from './features/speakers';
import { formatting } from './features/formatting';
import { documentSymbols } from './features/symbols';
import { summarize, workspaceSymbols, type FileSummary } from './features/workspaceSymbols';
import type { TranscriptSettings } from './settings';

/** LSP's cancellation token, as far as the service reads it. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** The little of a text document the service needs (vscode-languageserver-textdocument's TextDocument fits). */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** How the service sees the workspace beyond the open documents. */
export interface WorkspaceFiles {
  /** URIs of every `.transcript` file in the workspace. */
  findFiles(token?: CancellationToken): Promise<string[]>;
  /** The file's text, or undefined when it cannot be read (gone, binary, too large). */
  readFile(uri: string): Promise<string | undefined>;
}

/** Progress of indexing: files done of total. */
export type IndexProgress = (done: number, total: number) => void;

export interface LanguageServiceOptions {
  workspace: WorkspaceFiles;
  logger?: Logger;
  /** The documents open in the editor: their live text wins over what is on disk. */
  openDocuments?: () => Iterable<TextDocumentLike>;
  /** Where docs/rules.md is (each diagnostic links to its rule's section). */
  rulesDocUri?: string;
  /** The `transcript.style` setting: a style to read every document as, or undefined to detect it. */
  style?: () => TranscriptStyle | undefined;
}

export const defaultRulesDocUri = 'https://github.com/transcript-tools/transcript-tools/blob/main/docs/rules.md';

export interface TranscriptLanguageService {
  /** The parsed and analysed document, cached per URI and version. */
  getTranscript(document: TextDocumentLike): Transcript;
  /**
   * The editor changed a document from one version to the next by replacing [start, end) of
   * the old text (`edit`), or in a way not described by one edit (undefined). Lets the next
   * getTranscript re-parse only around the edit.
   */
  onDocumentEdited(uri: string, fromVersion: number, toVersion: number, edit: OffsetEdit | undefined): void;
  getDocumentSymbols(document: TextDocumentLike, settings: TranscriptSettings): DocumentSymbol[];
  getFoldingRanges(document: TextDocumentLike): FoldingRange[];
  /** Every rule's findings, on offsets (cached per version). */
  getProblems(document: TextDocumentLike): readonly Problem[];
  getDiagnostics(document: TextDocumentLike, settings: TranscriptSettings): Diagnostic[];
  getCodeActions(document: TextDocumentLike, range: Range, context: { diagnostics: Diagnostic[]; only?: string[] }, settings: TranscriptSettings): CodeAction[];
  /** The edits of fix-all, on offsets (the CLI's --fix). */
  getFixAllEdits(document: TextDocumentLike, settings: TranscriptSettings): Edit[];
  getFormattingEdits(document: TextDocumentLike): TextEdit[];
  getHover(document: TextDocumentLike, position: Position, settings: TranscriptSettings): Hover | null;
  getDefinition(document: TextDocumentLike, position: Position): Location | null;
  getReferences(document: TextDocumentLike, position: Position, includeDeclaration: boolean): Location[] | null;
  getDocumentHighlights(document: TextDocumentLike, position: Position): DocumentHighlight[] | null;
  /** Where a rename may happen (offsets) and the name to start from, or why not. */
  prepareRename(document: TextDocumentLike, position: Position): PrepareRenameResult;
  getRenameEdits(document: TextDocumentLike, position: Position, newName: string): WorkspaceEdit | { error: string };
  getCompletions(document: TextDocumentLike, position: Position): CompletionList;
  getSpeakers(document: TextDocumentLike, settings: TranscriptSettings): SpeakersResult;
  getSemanticTokens(document: TextDocumentLike, range?: Range): SemanticTokens;
  /** A lens above each speaker's introduction: turns, words, estimated time. */
  getCodeLenses(document: TextDocumentLike, settings: TranscriptSettings): CodeLens[];
  /** Elapsed-time hints before turns (none unless `inlayHints.elapsedTime`). */
  getInlayHints(document: TextDocumentLike, range: Range | undefined, settings: TranscriptSettings): InlayHint[];
  /** The Statistics view's data; entities are counted within `entityBudgetMs` per call. */
  getStatistics(document: TextDocumentLike, settings: TranscriptSettings, entityBudgetMs?: number): StatisticsResult;
  /** Words and estimated time of the transcript, or of the ranges. */
  getWordCount(document: TextDocumentLike, ranges: Range[] | undefined, settings: TranscriptSettings): WordCountResult;
  exportDocument(document: TextDocumentLike, format: ExportFormat, options: ExportOptions): ExportResult | { error: string };
  getWorkspaceSymbols(query: string, token?: CancellationToken): Promise<WorkspaceSymbol[]>;
  /** Builds the workspace index now (in the background, after start-up), reporting progress. */
  indexWorkspace(progress?: IndexProgress, token?: CancellationToken): Promise<number>;
  /** A workspace file was created, changed or deleted on disk. */
  onFileChanged(uri: string, deleted: boolean): void;
  /** Settings that change how documents are read (`transcript.style`) changed: parse again. */
  onParseSettingsChanged(): void;
  /** The workspace folders changed: index everything again. */
  onWorkspaceChanged(): void;
  /** The editor closed the document: forget its parse (the file index keeps its summary). */
  onDocumentClosed(uri: string): void;
  /**
   * Runs the typing path (incremental re-parse, speakers, checks, diagnostics) over a few edits
   * of a scratch copy of `sample`, kept nowhere: V8 then has it optimised before the user's
   * first keystroke in a big document, which would otherwise take several times longer.
   */
  warmUp(sample: string, settings: TranscriptSettings): void;
}

const noLogger: Logger = { info() {}, error() {} };

/** Folders never searched for transcripts: dependencies, build output, version control, dot folders. */
export const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', '.git', '.hg', '.svn', '.vscode-test', '.vscode-test-web']);

/** Whether a workspace file belongs in the index: a `.transcript` outside skipped and dot folders. */
export function isIndexable(uri: string): boolean {
  let path: string;
  try {
    path = URI.parse(uri).path;
  } catch {
    return false;
  }
  if (!path.endsWith('.transcript')) return false;
  const folders = path.split('/').slice(0, -1);
  return !folders.some((f) => SKIPPED_FOLDERS.has(f) || f.startsWith('.'));
}

export function createLanguageService(options: LanguageServiceOptions): TranscriptLanguageService {
  const logger = options.logger ?? noLogger;
  const cache = new Map<string, Transcript>();
  /** Per URI: the edit (merged, if several) from the cached version to a newer one. */
  const pendingEdits = new Map<string, { from: number; to: number; edit: OffsetEdit | undefined }>();
  const problemCache = new WeakMap<Transcript, Problem[]>();
  const rulesDocUri = options.rulesDocUri ?? defaultRulesDocUri;
  /** Summaries of workspace files as read from disk; undefined until the first workspace query. */
  let index: Map<string, FileSummary> | undefined;
  let indexing: Promise<Map<string, FileSummary>> | undefined;
  const stale = new Set<string>();

  const getTranscript = (document: TextDocumentLike): Transcript => {
    const cached = cache.get(document.uri);
    const pending = pendingEdits.get(document.uri);
    // A version is what the client says, and a client may repeat one (a bug, a replayed
    // message): a change reported since the parse (onDocumentEdited) makes it stale whatever
    // the versions say.
    if (cached && !pending && cached.version === document.version) return cached;
    pendingEdits.delete(document.uri);
    const text = document.getText();
    const parseOptions = { style: options.style?.() };
    const t =
      cached && pending?.edit && pending.from === cached.version && pending.to === document.version
        ? analyzeEdit(cached, document.version, text, pending.edit, parseOptions)
        : analyze(document.uri, document.version, text, parseOptions);
    cache.set(document.uri, t);
    return t;
  };

  const readSummary = async (uri: string): Promise<FileSummary | undefined> => {
    try {
      const text = await options.workspace.readFile(uri);
      return text === undefined ? undefined : summarize(analyze(uri, -1, text, { style: options.style?.() }));
    } catch (e) {
      logger.error(`Could not read ${uri}: ${String(e)}`);
      return undefined;
    }
  };

  const buildIndex = async (token?: CancellationToken, progress?: IndexProgress): Promise<Map<string, FileSummary>> => {
    const started = Date.now();
    const uris = await options.workspace.findFiles(token);
    const map = new Map<string, FileSummary>();
    for (let i = 0; i < uris.length; i++) {
      // Cancelled (the user dismissed the progress): no half index; the next query builds it whole.
      if (token?.isCancellationRequested) throw new Error('Indexing cancelled');
      const s = await readSummary(uris[i]);
      if (s) map.set(uris[i], s);
      progress?.(i + 1, uris.length);
    }
    logger.info(`Indexed ${map.size} transcript(s) in ${Date.now() - started} ms`);
    return map;
  };

  const ensureIndex = async (token?: CancellationToken, progress?: IndexProgress): Promise<Map<string, FileSummary>> => {
    if (!index) {
      indexing ??= buildIndex(token, progress).then(
        (m) => {
          index = m;
          indexing = undefined;
          return m;
        },
        (e) => {
          indexing = undefined;
          throw e;
        },
      );
      await indexing;
    }
    const map = index!;
    for (const uri of [...stale]) {
      stale.delete(uri);
      const s = await readSummary(uri);
      if (s) map.set(uri, s);
      else map.delete(uri);
    }
    return map;
  };

  /** Mentions of a name in the other indexed files; undefined while the index is not built. */
  const workspaceCount = (name: string, exceptUri: string) => {
    if (!index) return undefined;
    const key = name.toLowerCase();
    let mentions = 0;
    let files = 0;
    for (const [uri, summary] of index) {
      if (uri === exceptUri) continue;
      const n = summary.names.get(key) ?? 0;
      if (n > 0) {
        mentions += n;
        files++;
      }
    }
    return { mentions, files };
  };

  const withOffset = <R>(document: TextDocumentLike, position: Position, f: (t: Transcript, offset: number) => R): R => {
    const t = getTranscript(document);
    return f(t, offsetAt(t.doc.text, t.doc.lineStarts, position));
  };

  /** Per version (a Transcript): the outline in each grouping, and the folding ranges. Callers must not change them. */
  const symbolCache = new WeakMap<Transcript, { flat?: DocumentSymbol[]; grouped?: DocumentSymbol[] }>();
  const foldingCache = new WeakMap<Transcript, FoldingRange[]>();

  const getProblems = (document: TextDocumentLike): Problem[] => {
    const t = getTranscript(document);
    let p = problemCache.get(t);
    if (!p) problemCache.set(t, (p = checkTranscript(t)));
    return p;
  };

  return {
    getTranscript,
    onDocumentEdited(uri, fromVersion, toVersion, edit) {
      const pending = pendingEdits.get(uri);
      if (pending && pending.to === fromVersion) {
        // Several edits before anyone asked: one edit covering them all.
        pendingEdits.set(uri, { from: pending.from, to: toVersion, edit: pending.edit && edit ? mergeEdits(pending.edit, edit) : undefined });
      } else {
        pendingEdits.set(uri, { from: fromVersion, to: toVersion, edit });
      }
    },
    getProblems,
    getDiagnostics: (document, settings) => toDiagnostics(getTranscript(document), getProblems(document), settings, rulesDocUri),
    getCodeActions: (document, range, context, settings) => codeActions(getTranscript(document), getProblems(document), range, context, settings),
    getFixAllEdits: (document, settings) => fixAllEdits(getTranscript(document), getProblems(document), settings),
    getFormattingEdits: (document) => formatting(getTranscript(document)),
    getHover: (document, position, settings) => withOffset(document, position, (t, o) => hover(t, o, settings, workspaceCount)),
    getDefinition: (document, position) => withOffset(document, position, definition),
    getReferences: (document, position, includeDeclaration) => withOffset(document, position, (t, o) => references(t, o, includeDeclaration)),
    getDocumentHighlights: (document, position) => withOffset(document, position, highlights),
    prepareRename: (document, position) => withOffset(document, position, prepareRename),
    getRenameEdits: (document, position, newName) => withOffset(document, position, (t, o) => rename(t, o, newName)),
    getCompletions: (document, position) => completion(getTranscript(document), position),
    getSpeakers: (document, settings) => speakersOf(getTranscript(document), settings),
    getSemanticTokens: (document, range) => semanticTokens(getTranscript(document), range),
    getCodeLenses: (document, settings) => codeLenses(getTranscript(document), settings),
    getInlayHints: (document, range, settings) => inlayHints(getTranscript(document), range, settings),
    getStatistics: (document, settings, entityBudgetMs) => statistics(getTranscript(document), settings, entityBudgetMs),
    getWordCount: (document, ranges, settings) => wordCount(getTranscript(document), ranges, settings),
    exportDocument: (document, format, options) => exportTranscript(getTranscript(document), format, options),
    getDocumentSymbols: (document, settings) => {
      // The Outline, breadcrumbs and sticky scroll each ask for the same version: build once.
      const t = getTranscript(document);
      let byGrouping = symbolCache.get(t);
      if (!byGrouping) symbolCache.set(t, (byGrouping = {}));
      const key = settings.outline.groupBySpeaker ? 'grouped' : 'flat';
      return (byGrouping[key] ??= documentSymbols(t, settings));
    },
    getFoldingRanges: (document) => {
      const t = getTranscript(document);
      let folds = foldingCache.get(t);
      if (!folds) foldingCache.set(t, (folds = foldingRanges(t)));
      return folds;
    },

    // The request's cancellation token is not passed on: VS Code cancels workspace-symbol
    // requests as the user types, and the index they share must still get built.
    async getWorkspaceSymbols(query) {
      let indexed: Map<string, FileSummary>;
      try {
        indexed = await ensureIndex();
      } catch (e) {
        // The workspace cannot be listed (a client without transcript/findFiles, a file system
        // that fails): the open documents are still worth listing. The next query tries again.
        logger.error(`Could not list the workspace's transcripts: ${String(e)}`);
        indexed = new Map();
      }
      const files = new Map(indexed);
      // Open documents: their unsaved text is what the user sees.
      for (const d of options.openDocuments?.() ?? []) files.set(d.uri, summarize(getTranscript(d)));
      return workspaceSymbols(files.values(), query, fileLabel);
    },

    async indexWorkspace(progress, token) {
      return (await ensureIndex(token, progress)).size;
    },

    onFileChanged(uri, deleted) {
      if (!index) return;
      if (!deleted && !isIndexable(uri)) return;
      if (deleted) {
        index.delete(uri);
        stale.delete(uri);
      } else stale.add(uri);
    },

    onParseSettingsChanged() {
      cache.clear();
      pendingEdits.clear();
      index = undefined;
    },

    onWorkspaceChanged() {
      index = undefined;
      stale.clear();
    },

    warmUp(sample, settings) {
      let text = sample;
      let t = analyze('transcript-warm-up:', 0, text, { style: options.style?.() });
      toDiagnostics(t, checkTranscript(t), settings, rulesDocUri);
      let at = 0;
      for (let version = 1; version <= 6; version++) {
        // A letter typed in the middle of a turn, then taken back: what typing does.
        let edit: OffsetEdit;
        if (version % 2) {
          at = text.indexOf(' ', (text.length >> 1) + version * 97) + 1;
          if (at <= 0) return;
          text = `${text.slice(0, at)}x${text.slice(at)}`;
          edit = { start: at, end: at, newLength: 1 };
        } else {
          text = text.slice(0, at) + text.slice(at + 1);
          edit = { start: at, end: at + 1, newLength: 0 };
        }
        t = analyzeEdit(t, version, text, edit, { style: options.style?.() });
        toDiagnostics(t, checkTranscript(t), settings, rulesDocUri);
      }
    },

    onDocumentClosed(uri) {
      cache.delete(uri);
      pendingEdits.delete(uri);
      // What is on disk may differ from the buffer that was closed unsaved; a file from
      // outside the workspace (never indexed) is simply forgotten.
      if (index?.has(uri)) stale.add(uri);
    },
  };
}

/**
 * Two edits in a row as one edit of the original text: `b` is in the coordinates of the text
 * after `a`. The result replaces the smallest range of the original covering both.
 */
export function mergeEdits(a: OffsetEdit, b: OffsetEdit): OffsetEdit {
  const deltaA = a.newLength - (a.end - a.start);
  const deltaB = b.newLength - (b.end - b.start);
  const start = Math.min(a.start, b.start);
  // The end of the dirty region in the middle text, then in the original and the final one.
  const midEnd = Math.max(a.start + a.newLength, b.end);
  const end = midEnd >= a.start + a.newLength ? midEnd - deltaA : midEnd;
  return { start, end, newLength: midEnd + deltaB - start };
}

/** `interview.transcript` for a URI: what a user recognises in a list of symbols. */
export function fileLabel(uri: string): string {
  try {
    return Utils.basename(URI.parse(uri));
  } catch {
    return uri;
  }
}
