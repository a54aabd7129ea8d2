// Shared by the robustness and fuzz tests (test/unit/robust-*, test/unit/fuzz-*, test/protocol/
// abuse*, test/protocol/hostile*): fast-check generators of hostile text, of transcript-like
// documents laced with it, of positions and of edit sequences; how many cases to run; and the
// oracles every result must satisfy (ranges inside the document, on UTF-16 boundaries).
//
// How many cases run:
//   npm test        the `ci` count of each property, with a fixed seed (the same inputs every run)
//   npm run fuzz    the `fuzz` count (default 25x), with a fresh random seed printed at the start
//   FUZZ_RUNS=n     exactly n cases per property, either way
//   FUZZ_SEED=s     that seed (reproduce a failure: fast-check prints the seed and the path)
//   FUZZ=1          fuzz mode outside npm (e.g. node --import tsx --test <file>)

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import type { Position, Range } from 'vscode-languageserver-types';
import { repoRoot } from './lspClient';

// ---------------------------------------------------------------------------------------------
// How many cases

/** True under `npm run fuzz` (npm names the script it runs in npm_lifecycle_event). */
export const fuzzing = process.env.npm_lifecycle_event === 'fuzz' || process.env.FUZZ === '1';

const envNumber = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name}=${raw} is not a number`);
  return n;
};

/** The seed of every property in this process: FUZZ_SEED, or a fixed one in `npm test`, or a fresh one when fuzzing. */
export const seed = envNumber('FUZZ_SEED') ?? (fuzzing ? (Date.now() ^ (process.pid << 8)) | 0 : 20261127);

/**
 * fast-check parameters for one property: `ci` cases in `npm test`, `fuzz` cases (25x by
 * default) in `npm run fuzz`, FUZZ_RUNS cases when set. The seed is printed on failure (and
 * with `verbose`, the counterexample's path), so any failure can be replayed with FUZZ_SEED.
 */
export function runs(ci: number, fuzz = ci * 25): { seed: number; numRuns: number } {
  return { seed, numRuns: envNumber('FUZZ_RUNS') ?? (fuzzing ? fuzz : ci) };
}

/** A line for the test log saying how the properties of this file run. */
export function describeRuns(): string {
  return `fast-check seed ${seed}${fuzzing ? ' (fuzz mode)' : ''}; replay with FUZZ_SEED=${seed}${process.env.FUZZ_RUNS ? ` FUZZ_RUNS=${process.env.FUZZ_RUNS}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Hostile pieces of text

export const ASTRAL = ['😀', '🎉', '👋🏽', '👩‍👩‍👧', '🇳🇴', '𝐒𝐮𝐦', '𠮷', '𝄞', '🏳️‍🌈'];
export const COMBINING = ['e\u0301', 'A\u030a', 'Z\u0351\u0352\u0353\u0354\u0355', '\u0301', '\u20dd', 'n\u0303\u0303\u0303'];
export const RTL = ['שלום', 'مرحبا', '\u200f', '\u200e', '\u202e', '\u202d', '\u2067', '\u2069', 'ABC\u202eCBA', 'עמית: ', 'محمد، مضيف: '];
export const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\ufffe', '\uffff', '\ufffd'];
export const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', '\udc00\ud800'];
export const LINE_ENDS = ['\n', '\r\n', '\r', '\n\r', '\r\r\n', '\u2028', '\u2029'];
export const SPACES = [' ', '  ', '\t', '\u00a0', '\u3000', '\u2003', '\u200b', '\ufeff', '\u180e'];
/** Markdown and HTML that must not come out of a hover as links, images, commands or markup. */
export const MARKDOWN = [
  '[x](command:workbench.action.quit)',
  '[click](https://evil.example/)',
  '![img](https://evil.example/a.png)',
  '<a href="command:x">a</a>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '`code`',
  '**b**',
  '_i_',
  '# H',
  '> q',
  '| t |',
  '\\',
  '&lt;',
  '&#91;x&#93;(command:y)',
  '[ref]: command:z',
  '<https://evil.example>',
  'https://evil.example/path',
  'www.evil.example',
  'mail@evil.example',
];
/** Pieces of real transcripts: labels, cues, credits, front matter, timestamps. */
export const TRANSCRIPT_PIECES = [
  'NINA PARK, HOST: ',
  'PARK: ',
  'OMAR SALEH, BYLINE: ',
  'SALEH: ',
  'SALEH',
  'Mr. RICHARD KYLE (Chief Correspondent, News): ',
  'Unidentified Man #2: ',
  'Speaker 1: ',
  'James Cridland (00:00): ',
  '[00:01:23] PARK: ',
  '[00:61:00] ',
  '>> PARK: ',
  'park: ',
  'PARK : ',
  'PARK:No',
  '(SOUNDBITE OF MUSIC)',
  '(SOUNDBITE OF ',
  '(LAUGHTER)',
  '[crosstalk]',
  '(ph)',
  ')',
  ']',
  '"',
  '“',
  '”',
  'Transcript provided by KBRT, Copyright KBRT.',
  'Copyright 2026',
  '---',
  'title: Hostile',
  'Nina Park is the host.',
  "KBRT's Omar Saleh reports.",
  'Omar Saleh',
  'NOTE: ',
  '00:00 00:00',
  'U.S.',
  '6:30',
];
const PROSE = ['the', 'boats', 'stopped', 'and', 'said', 'Park', 'Saleh', 'Paris', 'Maria Lopez', 'University of Oslo', '.', ',', '?', 'x'];

/** One hostile piece: a mixture of everything above, and random code units and code points. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PROSE) },
  { weight: 6, arbitrary: fc.constantFrom(...TRANSCRIPT_PIECES) },
  { weight: 3, arbitrary: fc.constantFrom(...LINE_ENDS.slice(0, 3)) },
  { weight: 1, arbitrary: fc.constantFrom(...LINE_ENDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 1, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 1, arbitrary: fc.constantFrom(...COMBINING) },
  { weight: 1, arbitrary: fc.constantFrom(...RTL) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 1, arbitrary: fc.constantFrom(...SURROGATES) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  // Raw UTF-16 code units: lone surrogates, noncharacters, anything.
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 6 }).map((cs) => String.fromCharCode(...cs)) },
);

/** Arbitrary hostile text of up to `maxPieces` pieces (a few hundred characters). */
export const hostileText = (maxPieces = 60): fc.Arbitrary<string> => fc.array(hostilePiece, { maxLength: maxPieces }).map((ps) => ps.join(''));

/**
 * Transcript-like documents with hostile text in every place: a headline and summary, lines
 * made of label + hostile words, own-line cues, blank lines, credits and bios, joined by one
 * line ending or a random mixture (CR only, CRLF, LF), with or without a BOM.
 */
export const transcriptLike: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
    mix: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }),
    lines: fc.array(
      fc.oneof(
        { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...TRANSCRIPT_PIECES.slice(0, 14)), hostileText(8)).map(([l, t]) => l + t) },
        { weight: 3, arbitrary: hostileText(10) },
        { weight: 2, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.constantFrom(...TRANSCRIPT_PIECES) },
      ),
      { maxLength: 24 },
    ),
  })
  .map(({ bom, eol, mix, lines }) => {
    let out = bom ? '\ufeff' : '';
    lines.forEach((l, i) => {
      if (i > 0) out += eol === 'mixed' ? mix[i % mix.length] : eol;
      out += l;
    });
    return out;
  });

/** Any document: pure hostile text, or transcript-like text with hostile parts. */
export const anyDocument: fc.Arbitrary<string> = fc.oneof({ weight: 1, arbitrary: hostileText() }, { weight: 2, arbitrary: transcriptLike });

// ---------------------------------------------------------------------------------------------
// Files the user did not mean as transcripts

/** Bytes a user might rename to `.transcript`, and how the editor would decode them (UTF-8). */
export function hostileFiles(): Record<string, Buffer> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(4096, 0x7f), Buffer.from(Array.from({ length: 60_000 }, (_, i) => (i * 7919) % 256))]);
  const prose = 'NÚÑEZ, HOST: Buenos días. ¿Qué tal?\n\nGARCÍA: Muy bien, señora Núñez.\n';
  return {
    'binary (PNG header, NULs)': png,
    'binary without NULs (high bytes and controls)': Buffer.from(Array.from({ length: 60_000 }, (_, i) => [0x01, 0x02, 0x1b, 0x7f, 0x80, 0xff, 0xfe, 0x8f][i % 8])),
    'UTF-16LE with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(prose.repeat(50), 'utf16le')]),
    'Latin-1 (Windows-1252)': Buffer.from(prose.repeat(50), 'latin1'),
    'Shift-JIS-like double bytes': Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 0x82 : 0xa0 + (i % 50)))),
    'empty': Buffer.alloc(0),
    'all one line (1 MB of prose)': Buffer.from('and the crews said nothing, '.repeat(40_000)),
    'all one line (1 MB of capitals and colons)': Buffer.from('PARK: SALEH: '.repeat(80_000)),
  };
}

// ---------------------------------------------------------------------------------------------
// Lines, positions, edits (computed independently of the server's own helpers)

/** Offsets at which lines start: \n, \r\n and a lone \r end a line, as in LSP (the tests' own oracle, shared with the rule fixtures). */
export { lineStarts as lineStartsOf } from '../fixtures/rules/support';

/** Offset just past the last character of a line, before its line ending. */
export function lineEndOf(text: string, starts: readonly number[], line: number): number {
  let e = line + 1 < starts.length ? starts[line + 1] : text.length;
  if (e > starts[line] && text.charCodeAt(e - 1) === 10) e--;
  if (e > starts[line] && text.charCodeAt(e - 1) === 13) e--;
  return e;
}

/** True when the offset falls between the two halves of a surrogate pair (or of a \r\n). */
export function splitsPair(text: string, o: number): boolean {
  const a = text.charCodeAt(o - 1);
  const b = text.charCodeAt(o);
  return (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) || (a === 13 && b === 10);
}

/** True when the string has no lone surrogate (String.prototype.isWellFormed, before ES2024). */
export function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false;
    const d = s.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
    i++;
  }
  return true;
}

/**
 * A position picked by `seed` in the text: on a real line, at most at its end, never inside a
 * surrogate pair (where an editor's cursor can be).
 */
export function validPosition(text: string, starts: readonly number[], seedA: number, seedB: number): Position {
  const line = seedA % starts.length;
  const s = starts[line];
  const e = lineEndOf(text, starts, line);
  let o = s + (seedB % (e - s + 1));
  if (splitsPair(text, o)) o--;
  return { line, character: o - s };
}

/** Positions a misbehaving client may send: past the end of a line, of the document, huge, negative. */
export const wildPosition: fc.Arbitrary<Position> = fc.record({
  line: fc.oneof(fc.nat(50), fc.constantFrom(1e6, 2 ** 31 - 1, -1), fc.nat()),
  character: fc.oneof(fc.nat(300), fc.constantFrom(1e6, 2 ** 31 - 1, -1), fc.nat()),
});

/** One edit as [start, end) of the current text (picked by seeds) replaced by `insert`. */
export interface EditSpec {
  at: number;
  len: number;
  insert: string;
}

/** Inserted text for edit sequences: typing, deleting, pasting labels, line breaks, halves of pairs. */
export const insertion: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', 'x', ' ', ':', '\n', '\r', '\r\n', '\n\n', 'PARK', 'PARK: ', '\nSALEH: Yes.\n', '\n(SOUNDBITE OF MUSIC)\n', '(', ')', 'Transcript provided by KBRT.', '---\n', '\ufeff') },
  { weight: 2, arbitrary: hostileText(6) },
  { weight: 1, arbitrary: fc.constantFrom(...SURROGATES, ...ASTRAL) },
);

export const editSpec: fc.Arbitrary<EditSpec> = fc.record({ at: fc.nat({ max: 1_000_000 }), len: fc.oneof(fc.nat(3), fc.nat(60)), insert: insertion });

/**
 * The text starts with a `---` line (YAML front matter, closed or not). Incremental parsing gets
 * those wrong when a `---` line is typed later (a known bug with a todo test in
 * fuzz-incremental.test.ts); the other edit properties leave them out so as to find new bugs.
 */
export const opensFrontMatter = (text: string): boolean => /^\ufeff?---[ \t]*(?:\r\n|\r|\n|$)/.test(text);

/** Applies an edit spec to the text: the offsets it resolved to and the new text. */
export function applySpec(text: string, e: EditSpec): { start: number; end: number; text: string } {
  const start = e.at % (text.length + 1);
  const end = Math.min(text.length, start + e.len);
  return { start, end, text: text.slice(0, start) + e.insert + text.slice(end) };
}

// ---------------------------------------------------------------------------------------------
// Oracles

/** Fails unless `p` is a position inside the text (line exists, character at most the line's length) and not inside a surrogate pair. */
export function assertPosition(text: string, starts: readonly number[], p: Position, what: string): number {
  assert.ok(p && Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: position ${JSON.stringify(p)} is not two integers`);
  assert.ok(p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} outside the document (${starts.length} lines)`);
  const s = starts[p.line];
  const e = lineEndOf(text, starts, p.line);
  assert.ok(p.character >= 0 && s + p.character <= e, `${what}: character ${p.character} outside line ${p.line} (length ${e - s})`);
  const o = s + p.character;
  assert.ok(!splitsPair(text, o), `${what}: ${p.line}:${p.character} splits a surrogate pair`);
  return o;
}

/** Fails unless the range lies inside the text, runs forwards and starts and ends on UTF-16 boundaries. */
export function assertRange(text: string, starts: readonly number[], r: Range, what: string): { start: number; end: number } {
  assert.ok(r && r.start && r.end, `${what}: not a range: ${JSON.stringify(r)}`);
  const start = assertPosition(text, starts, r.start, `${what} start`);
  const end = assertPosition(text, starts, r.end, `${what} end`);
  assert.ok(start <= end, `${what}: range runs backwards (${JSON.stringify(r)})`);
  return { start, end };
}

/** Short description of a string for assertion messages. */
export function show(text: string, max = 300): string {
  return text.length <= max ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, max))}… (${text.length} chars)`;
}

/** CPU milliseconds (user + system) spent by this process in `f`: robust against a busy machine. */
export function cpuTimed<T>(f: () => T): { value: T; ms: number } {
  const u0 = process.cpuUsage();
  const value = f();
  const u = process.cpuUsage(u0);
  return { value, ms: (u.user + u.system) / 1000 };
}

export { repoRoot };

/**
 * Runs `job(modules, input)` in a worker thread (with tsx, so `modules` may be the server's
 * TypeScript sources, as paths from the repository root) and resolves with the milliseconds
 * the job took, or with undefined when it had not finished `deadlineMs` after the modules were
 * loaded: the worker is then terminated, so that a quadratic (or frozen) case costs a test its
 * deadline, not minutes. `job` is sent as source text: it must not use anything from the
 * scope it was written in.
 */
export function timeInWorker<I>(
  modules: string[],
  job: (modules: any[], input: I) => unknown,
  input: I,
  deadlineMs: number,
  /** Packages loaded before the clock starts (the entity recognizer's NLP library: loading it is not what is timed). */
  preload: string[] = [],
): Promise<number | undefined> {
  const tsx = createRequire(join(repoRoot, 'package.json')).resolve('tsx/cjs');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    require(workerData.tsx);
    const __name = (f) => f; // esbuild's keepNames helper, should the job's source use it
    const modules = workerData.modules.map((m) => require(m));
    for (const p of workerData.preload) require(p);
    const job = eval('(' + workerData.job + ')');
    parentPort.postMessage({ ready: true });
    const t0 = performance.now();
    job(modules, workerData.input);
    parentPort.postMessage({ ms: performance.now() - t0 });
  `;
  const worker = new Worker(code, {
    eval: true,
    execArgv: [],
    workerData: { tsx, modules: modules.map((m) => join(repoRoot, m)), job: job.toString(), input, preload: preload.map((p) => createRequire(join(repoRoot, 'package.json')).resolve(p)) },
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const end = (value: number | undefined) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(value);
    };
    worker.on('message', (m: { ready?: boolean; ms?: number }) => {
      if (m.ready) timer = setTimeout(() => end(undefined), deadlineMs);
      else end(m.ms);
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Protocol tests: what the server told the client, and its memory

/** What a server sent to its client besides answers: pushed diagnostics and messages for the user. */
export interface Observed {
  diagnostics: { uri: string; version?: number; count: number }[];
  /** window/showMessage notifications and window/showMessageRequest requests. */
  messages: { type: number; message: string }[];
}

/**
 * Records pushed diagnostics and user messages of a protocol connection, and answers
 * window/showMessageRequest as a user who dismisses it (null). `connection` is TestClient's.
 */
export function observe(connection: {
  onNotification(method: string, handler: (params: any) => void): unknown;
  onRequest(method: string, handler: (params: any) => unknown): unknown;
}): Observed {
  const o: Observed = { diagnostics: [], messages: [] };
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) =>
    o.diagnostics.push({ uri: p.uri, version: p.version, count: p.diagnostics.length }),
  );
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => o.messages.push({ type: p.type, message: p.message }));
  connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    o.messages.push({ type: p.type, message: p.message });
    return null;
  });
  return o;
}

/** Resident and peak resident memory of a process, in MB (Linux /proc; undefined elsewhere). */
export function memoryOf(pid: number | undefined): { rss: number; peak: number } | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const status: string = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Resolves once `predicate` holds (polled every 20 ms), or fails after `ms`. */
export async function until(predicate: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
