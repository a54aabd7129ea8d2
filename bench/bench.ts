// The benchmark: `npm run bench` (full: 100 KB, 1 MB, 10 MB) or `npm run bench:quick`
// (`--quick` or BENCH_QUICK=1: 100 KB and 1 MB, fewer runs). Prints a report on stdout and
// progress on stderr. Missing a target is reported (✗), not a failure; a crash or a timeout
// is: the process then exits non-zero (every wait is bounded, every child is killed).
//
// Measures, per size, on synthetic transcripts from bench/generate.ts:
//   - in process: parse + analysis (analyze(), speakers, statistics, checkTranscript) against a
//     floor (split into lines + one regex test per line), each repetition on a transcript of its
//     own (another seed: a cast the rules' caches have not seen), with a yardstick beside them
//     (one loop reading every character);
//   - the BUILT server (dist/server.js --stdio) over real JSON-RPC, each open a transcript of
//     its own: didOpen -> first diagnostics, documentSymbol, foldingRange, semanticTokens/full, hover, 50 one-character
//     edits -> diagnostics, resident memory;
//   - the same content as Markdown through vscode-markdown-languageservice (symbols, folding);
// and once: a workspace of 2,000 transcripts (~100 MB, written once to the temporary folder)
// indexed in the background while an open file is hovered and outlined, the server's cold
// start, the bundle sizes and the .vsix size.
//
//   node --expose-gc --import tsx bench/bench.ts [--quick] [--size 100KB|1MB|10MB] [--no-lsp] [--no-markdown] [--no-vsix]
//        [--workspace | --no-workspace | --workspace-only] [--seed N]
//   BENCH_SERVER=path/to/server.js measures another build.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import {
  CancellationToken,
  createProtocolConnection,
  Emitter,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createLanguageService as createMdLanguageService,
  githubSlugifier,
  LogLevel,
  type ILogger,
  type IMdLanguageService,
  type ITextDocument,
  type IWorkspace,
} from 'vscode-markdown-languageservice';
import type { URI } from 'vscode-uri';
import { analyze } from '../server/src/analysis';
import { computeStatistics } from '../server/src/analysis/statistics';
import { toDiagnostics } from '../server/src/features/diagnostics';
import { checkTranscript } from '../server/src/features/rules';
import { createLanguageService, defaultRulesDocUri } from '../server/src/languageService';
import { defaultSettings } from '../server/src/settings';
import { messageReader } from '../test/helpers/lspClient';
import { generateTranscript, writeWorkspace } from './generate';

const repoRoot = path.resolve(__dirname, '..');
/** The built server; BENCH_SERVER=path measures another build. */
const serverPath = process.env.BENCH_SERVER ? path.resolve(process.env.BENCH_SERVER) : path.join(repoRoot, 'dist', 'server.js');

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const quick = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const skipLsp = argv.includes('--no-lsp');
const skipMarkdown = argv.includes('--no-markdown');
const skipVsix = argv.includes('--no-vsix');
/** The 2,000-file workspace index: on in a full run, off in a quick one unless asked for. */
const workspaceOnly = argv.includes('--workspace-only');
const runWorkspace = workspaceOnly || argv.includes('--workspace') || (!quick && !argv.includes('--no-workspace') && !skipLsp);
const sizeArg = argv.indexOf('--size');
/** `--size 10MB`: run one size only (labels without spaces: 100KB, 1MB, 10MB). */
const onlySize = sizeArg >= 0 ? argv[sizeArg + 1]?.toUpperCase() : undefined;
const seedArg = argv.indexOf('--seed');
const seed = seedArg >= 0 ? Number(argv[seedArg + 1]) : 20240611;

interface SizeConfig {
  label: string;
  bytes: number;
  /** In-process runs (parse + analysis, floor). */
  inproc: number;
  /** Runs of each Markdown / our symbols+folding measurement. */
  md: number;
  /** Server runs: each opens the document afresh (didOpen -> diagnostics, then the requests). */
  lsp: number;
  /** Each request is repeated this many times per server run. */
  reqReps: number;
  edits: number;
}

const FULL: SizeConfig[] = [
  { label: '100 KB', bytes: 100_000, inproc: 30, md: 10, lsp: 5, reqReps: 3, edits: 50 },
  { label: '1 MB', bytes: 1_000_000, inproc: 15, md: 5, lsp: 5, reqReps: 3, edits: 50 },
  { label: '10 MB', bytes: 10_000_000, inproc: 3, md: 3, lsp: 3, reqReps: 1, edits: 50 },
];
const QUICK: SizeConfig[] = [
  { label: '100 KB', bytes: 100_000, inproc: 10, md: 3, lsp: 2, reqReps: 2, edits: 20 },
  { label: '1 MB', bytes: 1_000_000, inproc: 5, md: 2, lsp: 2, reqReps: 2, edits: 20 },
];
const COLD_STARTS = quick ? 5 : 10;
/** The whole benchmark is killed after this long. */
const WATCHDOG_MS = 20 * 60_000;

/** Upper bound for one wait on the server, by document size. */
function timeoutFor(bytes: number): number {
  return 15_000 + (bytes / 1e6) * 6_000;
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

function summarize(xs: readonly number[]): Summary {
  if (xs.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN };
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { n: s.length, median, min: s[0], max: s[s.length - 1] };
}

function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x < 0.1) return `${Math.round(x * 1000)} µs`;
  if (x < 1) return `${x.toFixed(2)} ms`;
  if (x < 100) return `${x.toFixed(1)} ms`;
  return `${Math.round(x).toLocaleString('en-US')} ms`;
}

function spread(s: Summary): string {
  if (s.n === 0) return '';
  return `${ms(s.min).replace(' ms', '')}–${ms(s.max)}`;
}

function mb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

function int(n: number): string {
  return n.toLocaleString('en-US');
}

function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
}

/** Prints rows as aligned columns (numbers right-aligned when the cell starts with a digit). */
function table(header: string[], rows: string[][]): void {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    '  ' +
    r
      .map((cell, c) => {
        const v = cell ?? '';
        return c > 0 && /^[\d<≤(n]/.test(v) && c < r.length - 1 ? v.padStart(widths[c]) : v.padEnd(widths[c]);
      })
      .join('  ')
      .trimEnd();
  out(line(header));
  out('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out(line(r));
}

function out(s = ''): void {
  process.stdout.write(s + '\n');
}

function progress(s: string): void {
  process.stderr.write(`… ${s}\n`);
}

interface Target {
  what: string;
  value: string;
  limit: string;
  ok: boolean | undefined;
}
const targets: Target[] = [];

/** Records a target and returns the cell for the table: `< 50 ms ✓`. */
function target(what: string, value: number, limit: number, show: (x: number) => string, op: '<' | '≤' = '<'): string {
  const ok = Number.isFinite(value) ? (op === '<' ? value < limit : value <= limit) : undefined;
  // Limits are round numbers: `< 50 ms`, `≤ 4×`, `< 2 MB`.
  const limitText = show(limit).replace(/(\d+)\.0+(?=\D|$)/, '$1');
  targets.push({ what, value: show(value), limit: `${op} ${limitText}`, ok });
  return `${op} ${limitText} ${mark(ok)}`;
}

function mark(ok: boolean | undefined): string {
  return ok === undefined ? '?' : ok ? '✓' : '✗';
}

const gc = (globalThis as { gc?: () => void }).gc;
function collect(): void {
  gc?.();
}

function time<R>(f: () => R): [R, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

async function timeAsync<R>(f: () => Promise<R>): Promise<[R, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

// ---------------------------------------------------------------------------------------------
// In process: parse + analysis against the floor

const FLOOR_LABEL = /^[A-Z][A-Z .'-]*:/;

/** The least any parser must do: find the lines, look at each once. */
function floor(text: string): number {
  const lines = text.split('\n');
  let n = 0;
  for (const l of lines) if (FLOOR_LABEL.test(l)) n++;
  return n;
}

/**
 * Not in the sum, a yardstick: the cheapest loop that reads every character once. Anything that
 * must look at each character (word counts do) costs at least this; the floor, whose split runs
 * in native code and whose regex stops at the first letter of most lines, costs less.
 */
function characterPass(text: string): number {
  let x = 0;
  for (let k = 0; k < text.length; k++) x += text.charCodeAt(k);
  return x;
}

interface InProcessResult {
  floor: Summary;
  characterPass: Summary;
  parse: Summary;
  speakers: Summary;
  statistics: Summary;
  check: Summary;
  total: Summary;
  toDiagnostics: Summary;
  /** Repetitions averaged into each sample. */
  inner: number;
  turns: number;
  speakerCount: number;
  problems: number;
}

function benchInProcess(cfg: SizeConfig, text: string): InProcessResult {
  // Warm-up on (at most) the first MB, about 5 MB in all: the JIT has optimised every path
  // before timing starts.
  const warm = text.slice(0, 1_000_000);
  const warmReps = Math.max(2, Math.ceil(5e6 / warm.length));
  for (let k = 0; k < warmReps; k++) {
    floor(warm);
    characterPass(warm);
    const t = analyze('bench:warm', k, warm);
    computeStatistics(t.doc, t.speakers);
    toDiagnostics(t, checkTranscript(t), defaultSettings, defaultRulesDocUri);
  }
  // Small documents: each sample is the mean of enough repetitions to cover ~1 MB, so that
  // sub-millisecond phases are not lost in timer and scheduling noise.
  const inner = Math.max(1, Math.round(1e6 / text.length));
  const f: number[] = [];
  const cp: number[] = [];
  const p: number[] = [];
  const sp: number[] = [];
  const st: number[] = [];
  const ch: number[] = [];
  const tot: number[] = [];
  const td: number[] = [];
  let version = 0;
  // Every repetition reads a transcript of its own (same size and style, another seed, so
  // another cast): the rules keep what they worked out for a cast (known labels, likely typos)
  // from one version to the next, as they should while someone types, and analysing one text
  // over and over would time those caches instead of a file being opened.
  let variant = 0;
  const nextText = () => {
    const t = generateTranscript({ seed: seed + 1 + variant++, targetBytes: cfg.bytes }).transcript;
    // The generator joins its parts: V8 holds the result as a tree of pieces until something
    // reads a character, and then copies it into one string (~12 ms at 10 MB). Done here, so that
    // whichever phase comes first (the floor) is not charged for it. A file read from disk or
    // received over JSON-RPC is one string from the start.
    t.charCodeAt(0);
    return t;
  };
  for (let run = 0; run < cfg.inproc; run++) {
    let tf = 0;
    let tcp = 0;
    let tp = 0;
    let ts = 0;
    let tst = 0;
    let tc = 0;
    let tdiag = 0;
    for (let k = 0; k < inner; k++) {
      const doc = nextText();
      collect();
      tf += time(() => floor(doc))[1];
      tcp += time(() => characterPass(doc))[1];
      const [t, a] = time(() => analyze('bench:doc', version++, doc));
      const [table, b] = time(() => t.speakers);
      const [, c] = time(() => computeStatistics(t.doc, table));
      const [found, d] = time(() => checkTranscript(t));
      const [, e] = time(() => toDiagnostics(t, found, defaultSettings, defaultRulesDocUri));
      tp += a;
      ts += b;
      tst += c;
      tc += d;
      tdiag += e;
    }
    f.push(tf / inner);
    cp.push(tcp / inner);
    p.push(tp / inner);
    sp.push(ts / inner);
    st.push(tst / inner);
    ch.push(tc / inner);
    tot.push((tp + ts + tst + tc) / inner);
    td.push(tdiag / inner);
  }
  // What the header reports: the size's own transcript.
  const t = analyze('bench:doc', version++, text);
  const turns = t.doc.turns.length;
  const speakerCount = t.speakers.speakers.length;
  const problems = checkTranscript(t).length;
  return {
    floor: summarize(f),
    characterPass: summarize(cp),
    parse: summarize(p),
    speakers: summarize(sp),
    statistics: summarize(st),
    check: summarize(ch),
    total: summarize(tot),
    toDiagnostics: summarize(td),
    inner,
    turns,
    speakerCount,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// In process: what each server request costs once the document is parsed (the service's cache)

interface FeatureResult {
  symbols: Summary;
  folding: Summary;
  semanticTokens: Summary;
  hover: Summary;
  diagnostics: Summary;
  inner: number;
}

function benchFeatures(cfg: SizeConfig, text: string): FeatureResult {
  const service = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  const doc = TextDocument.create('file:///bench/features.transcript', 'transcript', 1, text);
  const hoverAt = hoverPosition(text.split('\n'));
  service.getDiagnostics(doc, defaultSettings); // parse, speakers, rules: cached from here on
  const inner = Math.max(1, Math.round(1e6 / text.length));
  const runs = Math.max(3, cfg.md);
  const r = { symbols: [] as number[], folding: [] as number[], semanticTokens: [] as number[], hover: [] as number[], diagnostics: [] as number[] };
  const measure = (into: number[], f: () => unknown) => {
    f(); // warm
    for (let run = 0; run < runs; run++) {
      collect();
      let t = 0;
      for (let k = 0; k < inner; k++) t += time(f)[1];
      into.push(t / inner);
    }
  };
  measure(r.symbols, () => service.getDocumentSymbols(doc, defaultSettings));
  measure(r.folding, () => service.getFoldingRanges(doc));
  measure(r.semanticTokens, () => service.getSemanticTokens(doc));
  measure(r.hover, () => service.getHover(doc, hoverAt, defaultSettings));
  measure(r.diagnostics, () => service.getDiagnostics(doc, defaultSettings));
  service.onDocumentClosed(doc.uri);
  return {
    symbols: summarize(r.symbols),
    folding: summarize(r.folding),
    semanticTokens: summarize(r.semanticTokens),
    hover: summarize(r.hover),
    diagnostics: summarize(r.diagnostics),
    inner,
  };
}

// ---------------------------------------------------------------------------------------------
// Outline and folding: ours in process vs vscode-markdown-languageservice on the Markdown

interface CompareResult {
  oursSymbolsCold: Summary;
  oursSymbolsWarm: Summary;
  oursFoldingCold: Summary;
  oursFoldingWarm: Summary;
  theirSymbolsCold: Summary;
  theirSymbolsWarm: Summary;
  theirFoldingCold: Summary;
  theirFoldingWarm: Summary;
  ourSymbols: number;
  ourFolds: number;
  theirSymbols: number;
  theirFolds: number;
}

function countSymbols(xs: readonly { children?: unknown[] }[]): number {
  let n = 0;
  for (const x of xs) n += 1 + (x.children ? countSymbols(x.children as { children?: unknown[] }[]) : 0);
  return n;
}

const mdLogger: ILogger = { level: LogLevel.Off, log() {} };

function mdWorkspace(docs: Map<string, ITextDocument>): IWorkspace {
  const changed = new Emitter<ITextDocument>();
  const created = new Emitter<ITextDocument>();
  const deleted = new Emitter<URI>();
  return {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: changed.event,
    onDidCreateMarkdownDocument: created.event,
    onDidDeleteMarkdownDocument: deleted.event,
    getAllMarkdownDocuments: async () => docs.values(),
    hasMarkdownDocument: (resource) => docs.has(resource.toString()),
    openMarkdownDocument: async (resource) => docs.get(resource.toString()),
    stat: async (resource) => (docs.has(resource.toString()) ? { isDirectory: false } : undefined),
    readDirectory: async () => [],
  };
}

function mdService(doc: ITextDocument): IMdLanguageService {
  const md = new MarkdownIt({ html: true });
  return createMdLanguageService({
    workspace: mdWorkspace(new Map([[doc.uri, doc]])),
    parser: { slugifier: githubSlugifier, tokenize: async (d) => md.parse(d.getText(), {}) },
    logger: mdLogger,
  });
}

async function benchCompare(cfg: SizeConfig, text: string, markdown: string): Promise<CompareResult> {
  const ours = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  let version = 1;
  const oursDoc = () => TextDocument.create('file:///bench/compare.transcript', 'transcript', version++, text);
  const r = {
    oursSymbolsCold: [] as number[],
    oursSymbolsWarm: [] as number[],
    oursFoldingCold: [] as number[],
    oursFoldingWarm: [] as number[],
    theirSymbolsCold: [] as number[],
    theirSymbolsWarm: [] as number[],
    theirFoldingCold: [] as number[],
    theirFoldingWarm: [] as number[],
  };
  let ourSymbols = 0;
  let ourFolds = 0;
  let theirSymbols = 0;
  let theirFolds = 0;
  // Warm-up for both, on a slice.
  {
    const d = TextDocument.create('file:///bench/warm.md', 'markdown', 1, markdown.slice(0, 200_000));
    const s = mdService(d);
    await s.getDocumentSymbols(d, {}, CancellationToken.None);
    await s.getFoldingRanges(d, CancellationToken.None);
    s.dispose();
    const w = TextDocument.create('file:///bench/warm.transcript', 'transcript', 1, text.slice(0, 200_000));
    ours.getDocumentSymbols(w, defaultSettings);
    ours.getFoldingRanges(w);
    ours.onDocumentClosed(w.uri);
  }
  for (let run = 0; run < cfg.md; run++) {
    // Ours. Cold: a new version, so the request parses (and resolves speakers) first; warm: cached parse.
    collect();
    let d = oursDoc();
    const [sym, t1] = time(() => ours.getDocumentSymbols(d, defaultSettings));
    r.oursSymbolsCold.push(t1);
    r.oursSymbolsWarm.push(time(() => ours.getDocumentSymbols(d, defaultSettings))[1]);
    ourSymbols = countSymbols(sym);
    collect();
    d = oursDoc();
    const [folds, t2] = time(() => ours.getFoldingRanges(d));
    r.oursFoldingCold.push(t2);
    r.oursFoldingWarm.push(time(() => ours.getFoldingRanges(d))[1]);
    ourFolds = folds.length;

    // Theirs. Cold: a fresh service (no token cache); warm: the same document again.
    collect();
    let md = TextDocument.create(`file:///bench/compare-${run}.md`, 'markdown', 1, markdown);
    let s = mdService(md);
    const [tsym, t3] = await timeAsync(() => s.getDocumentSymbols(md, {}, CancellationToken.None));
    r.theirSymbolsCold.push(t3);
    r.theirSymbolsWarm.push((await timeAsync(() => s.getDocumentSymbols(md, {}, CancellationToken.None)))[1]);
    theirSymbols = countSymbols(tsym);
    s.dispose();
    collect();
    md = TextDocument.create(`file:///bench/compare-f${run}.md`, 'markdown', 1, markdown);
    s = mdService(md);
    const [tfold, t4] = await timeAsync(() => s.getFoldingRanges(md, CancellationToken.None));
    r.theirFoldingCold.push(t4);
    r.theirFoldingWarm.push((await timeAsync(() => s.getFoldingRanges(md, CancellationToken.None)))[1]);
    theirFolds = tfold.length;
    s.dispose();
  }
  return {
    oursSymbolsCold: summarize(r.oursSymbolsCold),
    oursSymbolsWarm: summarize(r.oursSymbolsWarm),
    oursFoldingCold: summarize(r.oursFoldingCold),
    oursFoldingWarm: summarize(r.oursFoldingWarm),
    theirSymbolsCold: summarize(r.theirSymbolsCold),
    theirSymbolsWarm: summarize(r.theirSymbolsWarm),
    theirFoldingCold: summarize(r.theirFoldingCold),
    theirFoldingWarm: summarize(r.theirFoldingWarm),
    ourSymbols,
    ourFolds,
    theirSymbols,
    theirFolds,
  };
}

// ---------------------------------------------------------------------------------------------
// The built server over stdio

const live = new Set<Server>();

const clientCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
    foldingRange: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    semanticTokens: {
      requests: { full: true, range: true },
      tokenTypes: ['class', 'macro', 'variable'],
      tokenModifiers: ['declaration', 'readonly'],
      formats: ['relative'],
    },
  },
};

interface Memory {
  rssMb: number;
  hwmMb: number;
}

class Server {
  readonly child: ChildProcess;
  readonly conn: ProtocolConnection;
  private readonly failed: Promise<never>;
  private readonly exited: Promise<void>;
  private closing = false;
  private hasExited = false;
  private stderr = '';
  private readonly waiters = new Map<string, (at: number, count: number, json: number) => void>();
  readonly errors: string[] = [];
  readonly logListeners: ((message: string) => void)[] = [];
  /** `begin`, `report`, `end` of every work-done progress the server reported. */
  readonly progressKinds: string[] = [];

  constructor() {
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(this);
    this.child.stderr!.on('data', (b: Buffer) => {
      this.stderr = (this.stderr + b.toString()).slice(-4000);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.failed = new Promise<never>((_, reject) => {
      this.child.once('error', (e) => reject(new Error(`could not start the server: ${e.message}`)));
      this.child.once('exit', (code, signal) => {
        this.hasExited = true;
        live.delete(this);
        if (!this.closing) reject(new Error(`the server exited unexpectedly (code ${code}, signal ${signal})\n${this.stderr}`));
      });
    });
    this.failed.catch(() => {});
    this.conn = createProtocolConnection(messageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? [{}]).map(() => ({})));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.errors.push(p.message);
      for (const l of this.logListeners) l(p.message);
    });
    this.conn.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      if (p.value?.kind) this.progressKinds.push(p.value.kind);
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const at = performance.now();
      const key = `${p.uri}#${p.version}`;
      const w = this.waiters.get(key);
      if (w) {
        this.waiters.delete(key);
        w(at, p.diagnostics.length, JSON.stringify(p.diagnostics).length);
      }
    });
    this.conn.onError(() => {});
    this.conn.onClose(() => {});
    this.conn.listen();
  }

  /** Resolves with what `p` gives, or rejects when the server dies or `ms` pass first. */
  async within<R>(p: Promise<R>, ms: number, what: string): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    });
    try {
      return await Promise.race([p, this.failed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Registers interest in the diagnostics of (uri, version) now; await the result later. */
  expectDiagnostics(uri: string, version: number): Promise<{ at: number; count: number; json: number }> {
    return new Promise((resolve) => this.waiters.set(`${uri}#${version}`, (at, count, json) => resolve({ at, count, json })));
  }

  request<R>(method: string, params: unknown, ms: number): Promise<R> {
    return this.within(this.conn.sendRequest<R>(method, params), ms, method);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** Time from now to the `initialize` answer. */
  async initialize(ms: number, folder?: string): Promise<number> {
    const uri = folder === undefined ? null : pathToFileURL(folder).href;
    const params: InitializeParams = {
      processId: process.pid,
      clientInfo: { name: 'transcript-bench' },
      rootUri: uri,
      workspaceFolders: uri === null ? null : [{ uri, name: path.basename(folder!) }],
      capabilities: folder === undefined ? clientCapabilities : { ...clientCapabilities, window: { workDoneProgress: true } },
    };
    await this.request('initialize', params, ms);
    const at = performance.now();
    await this.notify('initialized', {});
    return at;
  }

  memory(): Memory | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.hasExited) return;
    this.closing = true;
    try {
      await this.within(this.conn.sendRequest('shutdown'), 5_000, 'shutdown');
      await this.notify('exit', undefined);
    } catch {
      // killed below
    }
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 3_000).unref())]);
    if (!this.hasExited) this.child.kill('SIGKILL');
    this.conn.dispose();
    live.delete(this);
  }

  kill(): void {
    this.closing = true;
    if (!this.hasExited) this.child.kill('SIGKILL');
  }
}

interface LspResult {
  firstDiagnostics: Summary;
  diagnosticsCount: number;
  documentSymbol: Summary;
  foldingRange: Summary;
  semanticTokens: Summary;
  hover: Summary;
  symbolAfterEdit: Summary;
  editToDiagnostics: Summary;
  symbols: number;
  folds: number;
  tokens: number;
  hoverFound: boolean;
  /** Size of each response as JSON (what crossed the pipe, give or take the envelope). */
  json: { diagnostics: number; documentSymbol: number; foldingRange: number; semanticTokens: number };
  baseline?: Memory;
  afterOpen?: Memory;
  end?: Memory;
  serverErrors: string[];
}

/** A short label (`PARK:`) at or after the middle of the document: where to hover. */
function hoverPosition(lines: string[]): { line: number; character: number } {
  const mid = lines.length >> 1;
  for (let k = 0; k < lines.length; k++) {
    const i = (mid + k) % lines.length;
    if (/^[A-Z][A-Z'-]+: \S/.test(lines[i])) return { line: i, character: 2 };
  }
  return { line: mid, character: 0 };
}

/** A character inside a word of running text near the middle: where the edits go. */
function editPosition(lines: string[]): { line: number; character: number } {
  const mid = lines.length >> 1;
  for (let k = 0; k < lines.length; k++) {
    const i = (mid + k) % lines.length;
    const l = lines[i];
    if (l.length < 80 || l.startsWith('(')) continue;
    for (let c = 40; c < l.length - 1; c++) {
      if (/[a-z]/.test(l[c - 1]) && /[a-z]/.test(l[c]) && /[a-z]/.test(l[c + 1])) return { line: i, character: c };
    }
  }
  return { line: mid, character: 0 };
}

async function benchLsp(cfg: SizeConfig, text: string): Promise<LspResult> {
  const to = timeoutFor(cfg.bytes);
  const lines = text.split('\n');
  const editAt = editPosition(lines);
  const server = new Server();
  const first: number[] = [];
  const reqs = { documentSymbol: [] as number[], foldingRange: [] as number[], semanticTokens: [] as number[], hover: [] as number[] };
  const edits: number[] = [];
  const symbolAfterEdit: number[] = [];
  const res: Partial<LspResult> = {};
  const json = { diagnostics: 0, documentSymbol: 0, foldingRange: 0, semanticTokens: 0 };
  try {
    await server.initialize(to);
    await new Promise((r) => setTimeout(r, 200)); // let the registrations settle
    res.baseline = server.memory();
    for (let run = 0; run < cfg.lsp; run++) {
      progress(`${cfg.label}: server run ${run + 1}/${cfg.lsp}`);
      const uri = `file:///bench/${cfg.label.replace(/\s+/g, '')}-run${run}.transcript`;
      const textDocument = { uri };
      // Each open is a transcript of its own (another seed, another cast), as when a user opens
      // one file after another: the server keeps what it worked out for a cast (known labels,
      // likely typos) while the labels stay the same. The last one is the size's own transcript,
      // the one the edits go to.
      const runText = run === cfg.lsp - 1 ? text : generateTranscript({ seed: seed + 1000 + run, targetBytes: cfg.bytes }).transcript;
      const hoverAt = hoverPosition(runText.split('\n'));
      const diag = server.expectDiagnostics(uri, 1);
      const t0 = performance.now();
      await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text: runText } });
      const d = await server.within(diag, to, `first diagnostics of ${uri}`);
      first.push(d.at - t0);
      res.diagnosticsCount = d.count;
      json.diagnostics = d.json;
      if (run === 0) res.afterOpen = server.memory();

      for (let rep = 0; rep < cfg.reqReps; rep++) {
        const [sym, a] = await timeAsync(() => server.request<{ children?: unknown[] }[] | null>('textDocument/documentSymbol', { textDocument }, to));
        reqs.documentSymbol.push(a);
        res.symbols = countSymbols(sym ?? []);
        if (rep === 0) json.documentSymbol = JSON.stringify(sym).length;
        const [folds, b] = await timeAsync(() => server.request<unknown[] | null>('textDocument/foldingRange', { textDocument }, to));
        reqs.foldingRange.push(b);
        res.folds = folds?.length ?? 0;
        if (rep === 0) json.foldingRange = JSON.stringify(folds).length;
        const [tokens, c] = await timeAsync(() => server.request<{ data: number[] } | null>('textDocument/semanticTokens/full', { textDocument }, to));
        reqs.semanticTokens.push(c);
        res.tokens = (tokens?.data.length ?? 0) / 5;
        if (rep === 0) json.semanticTokens = JSON.stringify(tokens).length;
        const [hover, h] = await timeAsync(() => server.request<unknown>('textDocument/hover', { textDocument, position: hoverAt }, to));
        reqs.hover.push(h);
        res.hoverFound = hover !== null;
      }

      if (run === cfg.lsp - 1) {
        progress(`${cfg.label}: ${cfg.edits} edits`);
        let version = 1;
        const change = (k: number) =>
          k % 2 === 0
            ? { range: { start: editAt, end: editAt }, text: 'x' }
            : { range: { start: editAt, end: { line: editAt.line, character: editAt.character + 1 } }, text: '' };
        for (let k = 0; k < cfg.edits; k++) {
          version++;
          const wait = server.expectDiagnostics(uri, version);
          const t1 = performance.now();
          await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change(k)] });
          const e = await server.within(wait, to, `diagnostics of version ${version}`);
          edits.push(e.at - t1);
        }
        // The Outline asks again right after a keystroke: that request parses the new version.
        for (let k = 0; k < 4; k++) {
          version++;
          const wait = server.expectDiagnostics(uri, version);
          await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change(cfg.edits + k)] });
          symbolAfterEdit.push((await timeAsync(() => server.request('textDocument/documentSymbol', { textDocument }, to)))[1]);
          await server.within(wait, to, `diagnostics of version ${version}`);
        }
        res.end = server.memory();
      }
      await server.notify('textDocument/didClose', { textDocument });
    }
    res.serverErrors = server.errors;
  } finally {
    await server.stop();
  }
  return {
    firstDiagnostics: summarize(first),
    diagnosticsCount: res.diagnosticsCount ?? 0,
    documentSymbol: summarize(reqs.documentSymbol),
    foldingRange: summarize(reqs.foldingRange),
    semanticTokens: summarize(reqs.semanticTokens),
    hover: summarize(reqs.hover),
    symbolAfterEdit: summarize(symbolAfterEdit),
    editToDiagnostics: summarize(edits),
    symbols: res.symbols ?? 0,
    folds: res.folds ?? 0,
    tokens: res.tokens ?? 0,
    hoverFound: res.hoverFound ?? false,
    json,
    baseline: res.baseline,
    afterOpen: res.afterOpen,
    end: res.end,
    serverErrors: res.serverErrors ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Workspace scale: 2,000 transcripts (~100 MB) indexed in the background

const WORKSPACE_FILES = 2_000;
const WORKSPACE_BYTES = 100_000_000;

interface WorkspaceBench {
  files: number;
  bytes: number;
  generateSeconds: number | undefined;
  indexMs: number;
  indexedFiles: number;
  progress: string[];
  /** Hover and outline of an open document, asked every 50 ms while the index was built. */
  duringIndex: Summary;
  workspaceSymbol: Summary;
  workspaceSymbolCount: number;
  baseline?: Memory;
  afterIndex?: Memory;
}

/** The generated workspace, kept in the temporary folder between runs (it takes a while to write). */
function workspaceFolder(): { dir: string; files: number; bytes: number; generateSeconds: number | undefined } {
  const dir = path.join(os.tmpdir(), `transcript-bench-workspace-${seed}-${WORKSPACE_FILES}`);
  const marker = path.join(dir, '.complete.json');
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as { files: number; bytes: number };
    return { dir, ...m, generateSeconds: undefined };
  }
  rmSync(dir, { recursive: true, force: true });
  progress(`workspace: writing ${WORKSPACE_FILES} transcripts to ${dir}`);
  const t0 = performance.now();
  const r = writeWorkspace(dir, WORKSPACE_FILES, WORKSPACE_BYTES, seed);
  writeFileSync(marker, JSON.stringify(r));
  return { dir, ...r, generateSeconds: (performance.now() - t0) / 1000 };
}

async function benchWorkspace(): Promise<WorkspaceBench> {
  const ws = workspaceFolder();
  progress(`workspace: indexing ${ws.files} files`);
  const server = new Server();
  try {
    let readyAt = 0;
    let indexedFiles = 0;
    const ready = new Promise<void>((resolve) =>
      server.logListeners.push((m) => {
        const found = /Transcript index ready: (\d+)/.exec(m);
        if (found) {
          readyAt = performance.now();
          indexedFiles = Number(found[1]);
          resolve();
        }
      }),
    );
    await server.initialize(30_000, ws.dir);
    const t0 = performance.now();
    const baseline = server.memory();
    // A user opens a file and works in it while the index is built: the answers must not wait for it.
    const text = generateTranscript({ targetBytes: 100_000, seed: seed + 1 }).transcript;
    const uri = pathToFileURL(path.join(ws.dir, 'open.transcript')).href;
    const textDocument = { uri };
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
    const hoverAt = hoverPosition(text.split('\n'));
    const during: number[] = [];
    let indexed = false;
    void ready.then(() => (indexed = true));
    while (!indexed) {
      during.push((await timeAsync(() => server.request('textDocument/hover', { textDocument, position: hoverAt }, 30_000)))[1]);
      during.push((await timeAsync(() => server.request('textDocument/documentSymbol', { textDocument }, 30_000)))[1]);
      await Promise.race([ready, new Promise((r) => setTimeout(r, 50))]);
    }
    await server.within(ready, 10 * 60_000, 'the workspace index');
    const afterIndex = server.memory();
    const symbolTimes: number[] = [];
    let count = 0;
    for (const query of ['park', 'host', 'zz']) {
      const [found, t] = await timeAsync(() => server.request<unknown[] | null>('workspace/symbol', { query }, 60_000));
      symbolTimes.push(t);
      count = Math.max(count, found?.length ?? 0);
    }
    return {
      files: ws.files,
      bytes: ws.bytes,
      generateSeconds: ws.generateSeconds,
      indexMs: readyAt - t0,
      indexedFiles,
      progress: server.progressKinds,
      duringIndex: summarize(during),
      workspaceSymbol: summarize(symbolTimes),
      workspaceSymbolCount: count,
      baseline,
      afterIndex,
    };
  } finally {
    await server.stop();
  }
}

function printWorkspace(w: WorkspaceBench): void {
  out();
  out(`=== Workspace: ${w.files.toLocaleString('en-US')} transcripts, ${mb(w.bytes)}${w.generateSeconds === undefined ? ' (generated earlier, kept in the temporary folder)' : `, written in ${w.generateSeconds.toFixed(1)} s`} ===`);
  const kinds = ['begin', 'report', 'end'].map((k) => `${w.progress.filter((x) => x === k).length} ${k}`).join(', ');
  table(
    ['', 'measured', 'note'],
    [
      ['background index (initialized → ready)', ms(w.indexMs), `${w.indexedFiles.toLocaleString('en-US')} files; progress: ${kinds}`],
      [`hover + outline on an open file meanwhile (n=${w.duringIndex.n})`, `${ms(w.duringIndex.median)} median`, `worst ${ms(w.duringIndex.max)}`],
      ['Go to Symbol in Workspace, indexed', `${ms(w.workspaceSymbol.median)} median`, `worst ${ms(w.workspaceSymbol.max)}; up to ${w.workspaceSymbolCount} symbols`],
      ['server memory after the index', w.afterIndex ? `${w.afterIndex.rssMb.toFixed(0)} MB RSS` : 'n/a', w.afterIndex ? `peak ${w.afterIndex.hwmMb.toFixed(0)} MB; ${w.baseline ? `${w.baseline.rssMb.toFixed(0)} MB once initialized` : ''}` : ''],
    ],
  );
  target('workspace: requests during indexing (worst)', w.duringIndex.max, 150, ms);
  target('workspace: RSS after indexing 100 MB', w.afterIndex?.rssMb ?? NaN, 200, (x) => `${x.toFixed(0)} MB`);
}

async function benchColdStart(): Promise<Summary> {
  const times: number[] = [];
  for (let k = 0; k < COLD_STARTS; k++) {
    const t0 = performance.now();
    const server = new Server();
    try {
      const at = await server.initialize(15_000);
      times.push(at - t0);
    } finally {
      await server.stop();
    }
  }
  return summarize(times);
}

// ---------------------------------------------------------------------------------------------
// Package sizes

function bundleSizes(): { file: string; bytes: number }[] {
  const rows: { file: string; bytes: number }[] = [];
  for (const dir of ['dist', 'dist/web']) {
    const abs = path.join(repoRoot, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) {
      if (f.endsWith('.js')) rows.push({ file: `${dir}/${f}`, bytes: statSync(path.join(abs, f)).size });
    }
  }
  return rows;
}

function vsixSize(): { bytes?: number; note?: string; seconds: number } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'transcript-bench-'));
  const vsix = path.join(tmp, 't.vsix');
  const t0 = performance.now();
  const pack = (extra: string[]) =>
    spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', vsix, ...extra], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, CI: '1' },
    });
  const failure = (r: ReturnType<typeof pack>) =>
    r.error || r.status !== 0 || !existsSync(vsix)
      ? (r.error?.message ?? `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ')}`)
      : undefined;
  try {
    let r = pack([]);
    let why = failure(r);
    let note: string | undefined;
    if (why && /repository|baseContentUrl|broken/i.test(why)) {
      // vsce cannot rewrite README's relative links without a GitHub repository URL: give it a
      // placeholder base (the links' text changes, the size hardly).
      note = `plain \`vsce package\` failed (${why.slice(0, 160)}…); packaged with --baseContentUrl/--baseImagesUrl placeholders`;
      r = pack(['--baseContentUrl', 'https://example.invalid/transcript-tools/', '--baseImagesUrl', 'https://example.invalid/transcript-tools/']);
      why = failure(r);
    }
    const seconds = (performance.now() - t0) / 1000;
    if (why) return { note: `vsce package failed, size not measured — ${why}`, seconds };
    return { bytes: statSync(vsix).size, note, seconds };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function printSize(
  cfg: SizeConfig,
  bytes: number,
  gen: ReturnType<typeof generateTranscript>,
  ip: InProcessResult,
  feat: FeatureResult,
  cmp?: CompareResult,
  lsp?: LspResult,
): void {
  const lineCount = gen.transcript.split('\n').length;
  out();
  out(`=== ${cfg.label}: ${mb(bytes)}, ${int(lineCount)} lines, ${int(ip.turns)} turns (parsed), ${int(ip.speakerCount)} speakers, ${gen.stats.segments} segments, ${gen.stats.malformed} planted slips, ${int(ip.problems)} problems found ===`);
  out();
  out(`In process (tsx, same sources as the bundle), n=${ip.total.n}${ip.inner > 1 ? `, each sample the mean of ${ip.inner} repetitions` : ''}, each repetition on a transcript of its own (this size, another seed: a cast the caches have not seen):`);
  const fl = ip.floor.median;
  const row = (name: string, s: Summary, extra = '', tgt = '') => [name, ms(s.median), spread(s), extra, tgt];
  table(
    ['', 'median', 'min–max', 'vs floor', 'target'],
    [
      row(`floor: split + 1 regex/line (n=${ip.floor.n})`, ip.floor),
      row('analyze() = parse', ip.parse, ratio(ip.parse.median, fl)),
      row('speakers (analyzeSpeakers)', ip.speakers, ratio(ip.speakers.median, fl)),
      row('statistics', ip.statistics, ratio(ip.statistics.median, fl)),
      row('checkTranscript', ip.check, ratio(ip.check.median, fl)),
      row('parse + analysis (sum)', ip.total, ratio(ip.total.median, fl), target(`${cfg.label}: (parse+analysis)/floor`, ip.total.median / fl, 4, (x) => `${x.toFixed(2)}×`, '≤')),
      row('(not in sum) toDiagnostics', ip.toDiagnostics, ratio(ip.toDiagnostics.median, fl)),
      row('(yardstick) one pass reading every character', ip.characterPass, ratio(ip.characterPass.median, fl)),
    ],
  );
  out(`  ratios: (parse+analysis)/floor = ${ratio(ip.total.median, fl)}, parse/floor = ${ratio(ip.parse.median, fl)}`);
  out();
  out(`Server features in process on a cached parse (no JSON-RPC), n=${feat.symbols.n}${feat.inner > 1 ? `, each sample the mean of ${feat.inner}` : ''}:`);
  const f = (name: string, x: Summary) => [name, ms(x.median), spread(x)];
  table(
    ['', 'median', 'min–max'],
    [
      f('getDocumentSymbols', feat.symbols),
      f('getFoldingRanges', feat.folding),
      f('getSemanticTokens', feat.semanticTokens),
      f('getHover (speaker label)', feat.hover),
      f('getDiagnostics (cached problems)', feat.diagnostics),
    ],
  );

  if (cmp) {
    out();
    out(`Outline and folding vs vscode-markdown-languageservice 0.5.0 on the same content as Markdown (${mb(Buffer.byteLength(gen.markdown))}), n=${cmp.oursSymbolsCold.n}:`);
    out(`  cold = first request for a new version (ours: parse + speakers + symbols; theirs: markdown-it + TOC); warm = asked again`);
    const r = (name: string, a: Summary, b: Summary) => [name, ms(a.median), spread(a), ms(b.median), spread(b), ratio(a.median, b.median)];
    table(
      ['', 'ours', 'min–max', 'theirs', 'min–max', 'ours/theirs'],
      [
        r('symbols, cold', cmp.oursSymbolsCold, cmp.theirSymbolsCold),
        r('symbols, warm', cmp.oursSymbolsWarm, cmp.theirSymbolsWarm),
        r('folding, cold', cmp.oursFoldingCold, cmp.theirFoldingCold),
        r('folding, warm', cmp.oursFoldingWarm, cmp.theirFoldingWarm),
      ],
    );
    out(`  results: ours ${int(cmp.ourSymbols)} symbols / ${int(cmp.ourFolds)} folds; theirs ${int(cmp.theirSymbols)} symbols / ${int(cmp.theirFolds)} folds`);
  }

  if (lsp) {
    out();
    out(`Language server over stdio (node dist/server.js --stdio), ${lsp.firstDiagnostics.n} opens, requests n=${lsp.documentSymbol.n}:`);
    const big = cfg.bytes >= 10_000_000;
    const mid = cfg.bytes >= 1_000_000 && !big;
    const req = (name: string, s: Summary, what: string, extra: string) => [
      name,
      ms(s.median),
      spread(s),
      extra,
      mid ? target(`${cfg.label}: ${what} (median)`, s.median, 50, ms) : big && what === 'documentSymbol' ? target(`${cfg.label}: documentSymbol (median)`, s.median, 500, ms) : '',
    ];
    table(
      ['', 'median', 'min–max', 'result', 'target'],
      [
        [
          'didOpen → first diagnostics',
          ms(lsp.firstDiagnostics.median),
          spread(lsp.firstDiagnostics),
          `${int(lsp.diagnosticsCount)} diagnostics, ${mb(lsp.json.diagnostics)}`,
          big ? target(`${cfg.label}: didOpen → first diagnostics (median)`, lsp.firstDiagnostics.median, 1000, ms) : '',
        ],
        req('documentSymbol', lsp.documentSymbol, 'documentSymbol', `${int(lsp.symbols)} symbols, ${mb(lsp.json.documentSymbol)}`),
        req('foldingRange', lsp.foldingRange, 'foldingRange', `${int(lsp.folds)} ranges, ${mb(lsp.json.foldingRange)}`),
        req('semanticTokens/full', lsp.semanticTokens, 'semanticTokens/full', `${int(lsp.tokens)} tokens, ${mb(lsp.json.semanticTokens)}`),
        req('hover on a speaker label', lsp.hover, 'hover', lsp.hoverFound ? 'a hover card' : 'null (!)'),
        [
          'documentSymbol right after an edit',
          ms(lsp.symbolAfterEdit.median),
          spread(lsp.symbolAfterEdit),
          're-parses',
          mid ? target(`${cfg.label}: documentSymbol after an edit (median)`, lsp.symbolAfterEdit.median, 50, ms) : '',
        ],
        [
          `didChange → diagnostics (${lsp.editToDiagnostics.n} edits)`,
          ms(lsp.editToDiagnostics.median),
          spread(lsp.editToDiagnostics),
          'push, any delay incl.',
          big ? target(`${cfg.label}: didChange → diagnostics, median`, lsp.editToDiagnostics.median, 50, ms) : '',
        ],
        [
          '  worst edit',
          ms(lsp.editToDiagnostics.max),
          '',
          '',
          big ? target(`${cfg.label}: didChange → diagnostics, worst`, lsp.editToDiagnostics.max, 150, ms) : '',
        ],
      ],
    );
    const m = (x?: Memory) => (x ? `${x.rssMb.toFixed(0)} MB` : 'n/a');
    const rssTarget = big && lsp.afterOpen ? `  target ${target(`${cfg.label}: server RSS with the document open`, lsp.afterOpen.rssMb, 200, (x) => `${x.toFixed(0)} MB`)}` : '';
    out(`  server memory (VmRSS): ${m(lsp.baseline)} after initialize, ${m(lsp.afterOpen)} after the first open + diagnostics${rssTarget}`);
    out(`                         ${m(lsp.end)} after ${lsp.firstDiagnostics.n} opens and ${lsp.editToDiagnostics.n + lsp.symbolAfterEdit.n} edits; peak (VmHWM) ${lsp.end ? `${lsp.end.hwmMb.toFixed(0)} MB` : 'n/a'}`);
    // Where the time goes: the in-process figures for the same work, the rest is the wire.
    // Diagnostics need parse, speakers and the rules (not statistics); the hover card needs
    // statistics and speaker mentions, computed on the first hover of a version.
    const diagPath = ip.parse.median + ip.speakers.median + ip.check.median + ip.toDiagnostics.median;
    const rest = (whole: number, part: number) =>
      whole > part ? `the other ${ms(whole - part)}` : 'nothing left over (the in-process median is the larger: noise between separate runs)';
    out('  where the time goes (medians; in process = the same code without JSON-RPC):');
    out(`    first diagnostics ${ms(lsp.firstDiagnostics.median)}: parse + speakers + checkTranscript + toDiagnostics ${ms(diagPath)} in process; ${rest(lsp.firstDiagnostics.median, diagPath)}`);
    if (lsp.firstDiagnostics.median > diagPath) {
      out(`      is JSON-RPC (${mb(bytes)} of didOpen in, a workspace/configuration round trip, ${mb(lsp.json.diagnostics)} of diagnostics out), TextDocument and GC`);
    }
    out(`    documentSymbol ${ms(lsp.documentSymbol.median)}: building ${int(lsp.symbols)} symbols ${ms(feat.symbols.median)} in process; ${rest(lsp.documentSymbol.median, feat.symbols.median)} is ${mb(lsp.json.documentSymbol)} of JSON`);
    out(`    documentSymbol right after an edit ${ms(lsp.symbolAfterEdit.median)}: parse + speakers ${ms(ip.parse.median + ip.speakers.median)} + symbols ${ms(feat.symbols.median)} + JSON, then the rules run for the diagnostics`);
    out(`    semanticTokens ${ms(lsp.semanticTokens.median)}: ${ms(feat.semanticTokens.median)} in process (speaker mentions + encoding), the rest ${mb(lsp.json.semanticTokens)} of JSON`);
    out(`    hover ${ms(lsp.hover.median)}: the first hover on a version computes statistics (${ms(ip.statistics.median)}) and speaker mentions; once cached ${ms(feat.hover.median)}`);
    out(`    didChange → diagnostics ${ms(lsp.editToDiagnostics.median)}: the server's re-check of the new version (right away while checks stay quick), pushed as JSON`);
    out(`      (a full parse + speakers + check is ${ms(diagPath)} in process; whatever the server reuses from the previous version saves part of it)`);
    if (lsp.serverErrors.length > 0) out(`  server logged ${lsp.serverErrors.length} error(s), first: ${lsp.serverErrors[0].slice(0, 300)}`);
  }
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: watchdog: still running after ${WATCHDOG_MS / 60_000} min, giving up\n`);
    for (const s of live) s.kill();
    process.exit(3);
  }, WATCHDOG_MS);
  watchdog.unref();

  if (!skipLsp && !existsSync(serverPath)) throw new Error(`${path.relative(repoRoot, serverPath)} is missing: run \`npm run build\` first (npm run bench does).`);
  const sizes = (quick ? QUICK : FULL).filter((c) => !onlySize || c.label.replace(/\s+/g, '').toUpperCase() === onlySize);
  if (sizes.length === 0) throw new Error(`--size ${onlySize}: no such size (100KB, 1MB, 10MB)`);
  const started = performance.now();
  out(`Transcript Tools benchmark${quick ? ' (quick)' : ''} — node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim() ?? '?'}), ${os.platform()} ${os.arch()}, seed ${seed}`);
  out(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (anything else running on the machine shows in the figures)`);
  out(`server bundle: ${path.relative(repoRoot, serverPath)}${existsSync(serverPath) ? `, built ${statSync(serverPath).mtime.toISOString()}` : ''}; gc between runs: ${gc ? 'yes' : 'no (run node with --expose-gc)'}`);

  for (const cfg of workspaceOnly ? [] : sizes) {
    progress(`${cfg.label}: generating`);
    const gen = generateTranscript({ targetBytes: cfg.bytes, seed });
    const bytes = Buffer.byteLength(gen.transcript);
    progress(`${cfg.label}: in process (${cfg.inproc} runs)`);
    const ip = benchInProcess(cfg, gen.transcript);
    progress(`${cfg.label}: server features in process`);
    const feat = benchFeatures(cfg, gen.transcript);
    let cmp: CompareResult | undefined;
    if (!skipMarkdown) {
      progress(`${cfg.label}: outline/folding vs vscode-markdown-languageservice (${cfg.md} runs)`);
      cmp = await benchCompare(cfg, gen.transcript, gen.markdown);
    }
    collect();
    let lsp: LspResult | undefined;
    if (!skipLsp) lsp = await benchLsp(cfg, gen.transcript);
    printSize(cfg, bytes, gen, ip, feat, cmp, lsp);
  }

  if (runWorkspace) {
    const ws = await benchWorkspace();
    printWorkspace(ws);
  }

  if (!skipLsp) {
    progress(`cold start (${COLD_STARTS} runs)`);
    const cold = await benchColdStart();
    out();
    out(`=== Cold start: spawn node dist/server.js --stdio → initialize answered, n=${cold.n} ===`);
    out(`  median ${ms(cold.median)}, min–max ${spread(cold)}  target ${target('cold start (median)', cold.median, 200, ms)}`);
  }

  out();
  out('=== Package ===');
  const bundles = bundleSizes();
  table(
    ['bundle', 'size'],
    bundles.map((b) => [b.file, `${(b.bytes / 1024).toFixed(1)} KB`]),
  );
  if (skipVsix) out('  .vsix: skipped (--no-vsix)');
  else {
    progress('vsce package');
    const v = vsixSize();
    if (v.bytes !== undefined) {
      out(`  .vsix (vsce package --no-dependencies, ${v.seconds.toFixed(1)} s): ${(v.bytes / 1024).toFixed(1)} KB  target ${target('.vsix size', v.bytes / 1024 / 1024, 2, (x) => `${x.toFixed(2)} MB`)}`);
      if (v.note) out(`  note: ${v.note}`);
    } else out(`  .vsix: ${v.note}`);
  }

  out();
  out('=== Targets ===');
  if (quick) out('  (quick run: the 10 MB targets are not measured)');
  table(
    ['', 'measured', 'target', ''],
    targets.map((t) => [t.what, t.value, t.limit, mark(t.ok)]),
  );
  const missed = targets.filter((t) => t.ok === false).length;
  out(`  ${targets.length - missed}/${targets.length} met${missed ? `, ${missed} missed (a report, not a failure)` : ''}. Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.`);
}

function cleanup(): void {
  for (const s of live) s.kill();
}

process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

main().then(
  () => {
    cleanup();
    // Nothing should keep the loop alive; exit explicitly in case a stream does.
    process.exit(0);
  },
  (e: unknown) => {
    cleanup();
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  },
);
