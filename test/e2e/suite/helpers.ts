// Shared by the end-to-end tests: the fixture files, polling (the language server starts
// asynchronously in its web worker, so results are polled for, never waited for with fixed
// sleeps), exact comparison with a readable diff, and plain forms of VS Code's results.

import * as vscode from 'vscode';

export const EXTENSION_ID = 'transcript-tools.transcript-tools';

/** Fixture files in test/e2e/workspace (served by the workbench as vscode-test-web://mount/). */
export const Fixtures = {
  /** Opened by the runner (`--open`) and by the suite. */
  library: 'library-sundays.transcript',
  /** NEVER opened: its speakers reach the server only through the client's file-system requests. */
  nightMarket: 'night-market.transcript',
  /** Opened and edited by the edit test. */
  schoolBuses: 'school-buses.transcript',
  /** One slip of each common kind: the diagnostics test reads it; the quick-fix test edits an untitled copy. */
  ferrySlips: 'ferry-slips.transcript',
  /** Saved by the fix-all-on-save test, which puts its text back (and saves again) afterwards. */
  tramFixAll: 'tram-fixall.transcript',
} as const;

/** Every fixture's title, as Go to Symbol in Workspace lists them (`title | file | range`). */
export const FIXTURE_TITLES = [
  'A night market returns to the old rail yard after a three-year pause | night-market.transcript | 0:0-0:68',
  'Eastmoor asks voters to pay for Sunday library hours | library-sundays.transcript | 0:0-0:52',
  'Late trams return to Harrow Hill on Saturday nights | tram-fixall.transcript | 0:0-0:51',
  'Night ferries return to Gull Point after a winter off | ferry-slips.transcript | 0:0-0:53',
  'Parents in Eastmoor push back on earlier school bus times | school-buses.transcript | 0:0-0:57',
];

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the workbench has no workspace folder: run with test/e2e/workspace as the workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** A fixture's text as stored in the workbench's (in-memory) file system. */
export async function readFixture(name: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
}

/**
 * An untitled transcript with a fixture's text, shown in an editor: tests that edit work on it,
 * so the fixture stays as it is for the other tests. Close it with `closeUntitled`.
 */
export async function openUntitledCopy(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'transcript', content: await readFixture(name) });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Reverts and closes an untitled document (no save prompt), so that the server sees it closed. */
export async function closeUntitled(doc: vscode.TextDocument): Promise<void> {
  if (doc.isClosed) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Replaces a document's whole text (in the editor; not saved). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end), text);
  assert(await vscode.workspace.applyEdit(edit), `applyEdit (replace the whole text of ${doc.uri.toString()}) was refused`);
}

/** Activates the extension (idempotent); awaiting it avoids racing the activation. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in the workbench`);
  await ext.activate();
  return ext;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Default time a poll waits for the language server. */
export const POLL_TIMEOUT_MS = 15000;

/** Calls `get` until `done` accepts its value; fails with the last value (or error) after `timeoutMs`. */
export async function poll<T>(what: string, get: () => Thenable<T> | T, done: (value: T) => boolean, timeoutMs = POLL_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let interval = 50;
  for (;;) {
    let last: T | undefined;
    let error: unknown;
    try {
      last = await get();
      if (done(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() >= deadline) {
      const detail = error !== undefined ? `last error: ${String(error)}` : `last value: ${JSON.stringify(last, null, 1)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${detail}`);
    }
    await sleep(interval);
    interval = Math.min(interval * 2, 400);
  }
}

/** Polls until `get` gives exactly `expected`; on timeout fails with a diff of the last value. */
export async function pollEqual<T>(what: string, get: () => Thenable<T> | T, expected: T, timeoutMs = POLL_TIMEOUT_MS): Promise<T> {
  const want = stable(expected);
  let last: T | undefined;
  try {
    return await poll(what, async () => (last = await get()), (v) => stable(v) === want, timeoutMs);
  } catch (e) {
    if (last === undefined) throw e;
    assertEqual(last, expected, `${what} (after ${timeoutMs} ms)`);
    throw e;
  }
}

/** Deep equality through a canonical JSON form; the error shows the first differing lines. */
export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = stable(actual);
  const b = stable(expected);
  if (a === b) return;
  const al = a.split('\n');
  const bl = b.split('\n');
  let i = 0;
  while (i < al.length && i < bl.length && al[i] === bl[i]) i++;
  const from = Math.max(0, i - 4);
  const show = (lines: string[]) => lines.slice(from, i + 4).map((l, k) => `${from + k === i ? '>' : ' '} ${l}`).join('\n');
  throw new Error(`${what}: not as expected (first difference at line ${i + 1} of the JSON)\n--- expected\n${show(bl)}\n--- actual\n${show(al)}\n--- actual (whole)\n${a}`);
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => p.localeCompare(q))) : x), 1);
}

export function assertThrows(what: string, e: unknown, expectedMessage: string | RegExp): void {
  const message = e instanceof Error ? e.message : String(e);
  const ok = typeof expectedMessage === 'string' ? message === expectedMessage : expectedMessage.test(message);
  if (!ok) throw new Error(`${what}: expected the error ${String(expectedMessage)}, got ${JSON.stringify(message)}`);
}

/** `4:0-6:166`: a range as 0-based line:character pairs. */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

const KIND_NAMES = new Map<vscode.SymbolKind, string>([
  [vscode.SymbolKind.File, 'File'],
  [vscode.SymbolKind.Class, 'Class'],
  [vscode.SymbolKind.String, 'String'],
  [vscode.SymbolKind.Event, 'Event'],
]);

export function kindName(kind: vscode.SymbolKind): string {
  return KIND_NAMES.get(kind) ?? `SymbolKind(${kind})`;
}

export interface PlainSymbol {
  name: string;
  detail: string;
  kind: string;
  range: string;
  selectionRange: string;
  children?: PlainSymbol[];
}

export function plainSymbol(s: vscode.DocumentSymbol): PlainSymbol {
  const out: PlainSymbol = { name: s.name, detail: s.detail, kind: kindName(s.kind), range: rangeText(s.range), selectionRange: rangeText(s.selectionRange) };
  if (s.children && s.children.length > 0) out.children = s.children.map(plainSymbol);
  return out;
}

/** The document's outline through the public command, as plain objects (empty while the server starts). */
export async function outlineOf(uri: vscode.Uri): Promise<PlainSymbol[]> {
  const r = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return (r ?? []).map(plainSymbol);
}

/** `0-2`, or `0-2 (comment)` with a kind. */
export async function foldingOf(uri: vscode.Uri): Promise<string[]> {
  const r = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', uri);
  return (r ?? []).map((f) => `${f.start}-${f.end}${f.kind === undefined ? '' : ` (${vscode.FoldingRangeKind[f.kind] ?? f.kind})`}`);
}

/** Shorthands for the expected outlines. */
export function turn(name: string, detail: string, range: string, selectionRange: string): PlainSymbol {
  return { name, detail, kind: 'Event', range, selectionRange };
}

export function stage(name: string, range: string): PlainSymbol {
  return { name, detail: '', kind: 'String', range, selectionRange: range };
}

const SEVERITY_NAMES = ['Error', 'Warning', 'Information', 'Hint'] as const;

export interface PlainDiagnostic {
  range: string;
  severity: string;
  code: string;
  message: string;
  source?: string;
  /** `4:0-4:16 Nina Park is introduced here` */
  related?: string[];
  tags?: string[];
}

/**
 * A diagnostic as plain data: the rule code without its link (checked apart), 0-based ranges;
 * related information elsewhere than in `uri` would show its document.
 */
export function plainDiagnostic(d: vscode.Diagnostic, uri: vscode.Uri): PlainDiagnostic {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  const out: PlainDiagnostic = { range: rangeText(d.range), severity: SEVERITY_NAMES[d.severity], code: String(code), message: d.message, source: d.source };
  if (d.relatedInformation?.length) out.related = d.relatedInformation.map((r) => `${r.location.uri.toString() === uri.toString() ? '' : `${r.location.uri.toString()} `}${rangeText(r.location.range)} ${r.message}`);
  if (d.tags?.length) out.tags = d.tags.map((t) => (t === vscode.DiagnosticTag.Unnecessary ? 'Unnecessary' : t === vscode.DiagnosticTag.Deprecated ? 'Deprecated' : String(t)));
  return out;
}

/** The document's diagnostics, in document order. */
export function diagnosticsOf(uri: vscode.Uri): PlainDiagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .slice()
    .sort((a, b) => a.range.start.compareTo(b.range.start) || a.range.end.compareTo(b.range.end))
    .map((d) => plainDiagnostic(d, uri));
}

/** `8:0-8:4 "PARK"`: a text edit. */
export function editText(e: vscode.TextEdit): string {
  return `${rangeText(e.range)} ${JSON.stringify(e.newText)}`;
}

/** The text edits of a workspace edit for one document (fails on edits to other files). */
export function editsFor(edit: vscode.WorkspaceEdit | undefined, uri: vscode.Uri): string[] {
  assert(edit, 'no workspace edit');
  const entries = edit.entries();
  for (const [u] of entries) assert(u.toString() === uri.toString(), `the edit also changes ${u.toString()}`);
  return entries.flatMap(([, edits]) => edits.map(editText));
}
