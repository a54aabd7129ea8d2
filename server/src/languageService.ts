// The composition root. One language service serves the Node server, the web-worker server
// and the command-line tool; what differs between them (how to list and read the workspace's
// files, where to log) is passed in, in the spirit of vscode-markdown-languageservice.

import type { DocumentSymbol, FoldingRange, WorkspaceSymbol } from 'vscode-languageserver-types';
import { Utils, URI } from 'vscode-uri';
import { analyze, type Transcript } from './analysis';
import { foldingRanges } from './features/folding';
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

export interface LanguageServiceOptions {
  workspace: WorkspaceFiles;
  logger?: Logger;
  /** The documents open in the editor: their live text wins over what is on disk. */
  openDocuments?: () => Iterable<TextDocumentLike>;
}

export interface TranscriptLanguageService {
  /** The parsed and analysed document, cached per URI and version. */
  getTranscript(document: TextDocumentLike): Transcript;
  getDocumentSymbols(document: TextDocumentLike, settings: TranscriptSettings): DocumentSymbol[];
  getFoldingRanges(document: TextDocumentLike): FoldingRange[];
  getWorkspaceSymbols(query: string, token?: CancellationToken): Promise<WorkspaceSymbol[]>;
  /** A workspace file was created, changed or deleted on disk. */
  onFileChanged(uri: string, deleted: boolean): void;
  /** The workspace folders changed: index everything again. */
  onWorkspaceChanged(): void;
  /** The editor closed the document: forget its parse (the file index keeps its summary). */
  onDocumentClosed(uri: string): void;
}

const noLogger: Logger = { info() {}, error() {} };

export function createLanguageService(options: LanguageServiceOptions): TranscriptLanguageService {
  const logger = options.logger ?? noLogger;
  const cache = new Map<string, Transcript>();
  /** Summaries of workspace files as read from disk; undefined until the first workspace query. */
  let index: Map<string, FileSummary> | undefined;
  let indexing: Promise<Map<string, FileSummary>> | undefined;
  const stale = new Set<string>();

  const getTranscript = (document: TextDocumentLike): Transcript => {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const t = analyze(document.uri, document.version, document.getText());
    cache.set(document.uri, t);
    return t;
  };

  const readSummary = async (uri: string): Promise<FileSummary | undefined> => {
    try {
      const text = await options.workspace.readFile(uri);
      return text === undefined ? undefined : summarize(analyze(uri, -1, text));
    } catch (e) {
      logger.error(`Could not read ${uri}: ${String(e)}`);
      return undefined;
    }
  };

  const buildIndex = async (token?: CancellationToken): Promise<Map<string, FileSummary>> => {
    const started = Date.now();
    const uris = await options.workspace.findFiles(token);
    const map = new Map<string, FileSummary>();
    for (const uri of uris) {
      const s = await readSummary(uri);
      if (s) map.set(uri, s);
    }
    logger.info(`Indexed ${map.size} transcript(s) in ${Date.now() - started} ms`);
    return map;
  };

  const ensureIndex = async (token?: CancellationToken): Promise<Map<string, FileSummary>> => {
    if (!index) {
      indexing ??= buildIndex(token).then(
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

  return {
    getTranscript,
    getDocumentSymbols: (document, settings) => documentSymbols(getTranscript(document), settings),
    getFoldingRanges: (document) => foldingRanges(getTranscript(document)),

    async getWorkspaceSymbols(query, token) {
      const files = new Map(await ensureIndex(token));
      // Open documents: their unsaved text is what the user sees.
      for (const d of options.openDocuments?.() ?? []) files.set(d.uri, summarize(getTranscript(d)));
      return workspaceSymbols(files.values(), query, fileLabel);
    },

    onFileChanged(uri, deleted) {
      if (!index) return;
      if (deleted) {
        index.delete(uri);
        stale.delete(uri);
      } else stale.add(uri);
    },

    onWorkspaceChanged() {
      index = undefined;
      stale.clear();
    },

    onDocumentClosed(uri) {
      cache.delete(uri);
      // What is on disk may differ from the buffer that was closed unsaved.
      if (index) stale.add(uri);
    },
  };
}

/** `interview.transcript` for a URI: what a user recognises in a list of symbols. */
export function fileLabel(uri: string): string {
  try {
    return Utils.basename(URI.parse(uri));
  } catch {
    return uri;
  }
}
