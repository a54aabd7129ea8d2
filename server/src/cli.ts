// `transcript`: the command-line tool, on the same language service as the editor.
//   transcript outline FILE... [--json] [--group-by-speaker]
//   transcript check FILE... [--fix] [--format json]

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { applyEdits } from './features/edits';
import { createLanguageService, type TextDocumentLike } from './languageService';
import { NodeWorkspace } from './node/nodeWorkspace';
import { defaultSettings, type TranscriptSettings } from './settings';

const VERSION = '0.1.0';
const USAGE = `Usage: transcript <command> [options] FILE...

Commands:
  outline FILE...        print each transcript's speakers and turns
  check FILE...          report malformed turns as file:line:col severity message [code]

Options:
  --json, --format json  machine-readable output
  --group-by-speaker     outline: speaker -> turns (like transcript.outline.groupBySpeaker)
  --fix                  check: apply every automatic fix to the files, then report what is left
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 when all is well, 1 when a file cannot be read or check finds errors, 2 on a usage error.
`;

/** Files larger than this are refused with a message rather than read into memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Options {
  json: boolean;
  groupBySpeaker: boolean;
  fix: boolean;
}

export function main(argv: string[], io: Io): number {
  const opts: Options = { json: false, groupBySpeaker: false, fix: false };
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-v' || a === '--version') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (a === '-h' || a === '--help') {
      io.out(USAGE);
      return 0;
    }
    if (a === '--json') opts.json = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const value = a === '--format' ? argv[++i] : a.slice('--format='.length);
      if (value !== 'json' && value !== 'text') return usage(io, `--format takes json or text, not ${value ?? 'nothing'}`);
      opts.json = value === 'json';
    } else if (a === '--group-by-speaker') opts.groupBySpeaker = true;
    else if (a === '--fix') opts.fix = true;
    else if (a.startsWith('-') && a !== '-') return usage(io, `unknown option ${a}`);
    else args.push(a);
  }
  if (args.length === 0) return usage(io, 'no command given');
  const [command, ...files] = args;
  if (command !== 'outline' && command !== 'check') return usage(io, `unknown command '${command}'`);
  if (files.length === 0) return usage(io, `${command} needs at least one FILE`);
  const settings: TranscriptSettings = { ...defaultSettings, outline: { groupBySpeaker: opts.groupBySpeaker } };
  return command === 'outline' ? outline(files, settings, opts.json, io) : check(files, settings, opts, io);
}

function usage(io: Io, message: string): number {
  io.err(`transcript: ${message}\n\n${USAGE}`);
  return 2;
}

function readTranscript(file: string): { text: string } | { error: string } {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { error: 'is a folder, not a transcript' };
    if (stat.size > MAX_FILE_BYTES) return { error: `is ${Math.round(stat.size / 1048576)} MB, larger than the ${MAX_FILE_BYTES / 1048576} MB this tool reads` };
    const buf = readFileSync(file);
    if (buf.subarray(0, 8192).includes(0)) return { error: 'is not a text file (it holds NUL bytes)' };
    return { text: buf.toString('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(e) };
  }
}

function outline(files: string[], settings: TranscriptSettings, json: boolean, io: Io): number {
  const service = createLanguageService({ workspace: new NodeWorkspace(() => []) });
  const results: unknown[] = [];
  let failed = 0;
  files.forEach((file, n) => {
    const read = readTranscript(file);
    if ('error' in read) {
      io.err(`transcript: ${file}: ${read.error}\n`);
      failed++;
      return;
    }
    const document: TextDocumentLike = { uri: URI.file(path.resolve(file)).toString(), version: 1, getText: () => read.text };
    const t = service.getTranscript(document);
    const symbols = service.getDocumentSymbols(document, settings);
    const speakers = t.speakers.speakers.map((s) => ({
      name: s.name,
      labels: s.labels,
      role: s.role ?? null,
      turns: s.turns.length,
      firstLine: t.doc.turns[s.turns[0]] ? t.doc.turns[s.turns[0]].firstLine + 1 : null,
    }));
    if (json) {
      results.push({ file, title: t.doc.preamble?.title?.text ?? null, speakers, outline: symbols });
      return;
    }
    if (n > 0) io.out('\n');
    const title = t.doc.preamble?.title?.text;
    io.out(`${file}${title ? ` — ${title}` : ''}\n`);
    io.out(`\nSpeakers (${speakers.length})\n`);
    const nameWidth = Math.min(32, Math.max(0, ...speakers.map((s) => s.name.length)));
    for (const s of speakers) {
      const also = s.labels.filter((l) => l.toUpperCase() !== s.name.toUpperCase());
      const extra = [also.length ? also.join(', ') : '', s.role ?? ''].filter(Boolean).join(' · ');
      const turns = `${String(s.turns).padStart(4)} turn${s.turns === 1 ? '' : 's'}`;
      io.out(`  ${s.name.padEnd(nameWidth)}  ${extra ? `${turns.padEnd(10)}  ${extra}` : turns}\n`);
    }
    io.out(`\nOutline\n`);
    printSymbols(symbols, 1, io);
  });
  if (json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;

function check(files: string[], settings: TranscriptSettings, opts: Options, io: Io): number {
  const service = createLanguageService({ workspace: new NodeWorkspace(() => []) });
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let unreadable = 0;
  let fixedFiles = 0;
  const report: unknown[] = [];
  for (const file of files) {
    const read = readTranscript(file);
    if ('error' in read) {
      io.err(`transcript: ${file}: ${read.error}\n`);
      unreadable++;
      continue;
    }
    const uri = URI.file(path.resolve(file)).toString();
    let document: TextDocumentLike = { uri, version: 1, getText: () => read.text };
    let fixes = 0;
    if (opts.fix) {
      const edits = service.getFixAllEdits(document, settings);
      const before = service.getDiagnostics(document, settings).length;
      if (edits.length > 0) {
        const fixed = applyEdits(read.text, edits);
        try {
          writeFileSync(file, fixed);
        } catch (e) {
          io.err(`transcript: ${file}: could not write the fixes: ${String(e)}\n`);
          unreadable++;
          continue;
        }
        fixedFiles++;
        document = { uri, version: 2, getText: () => fixed };
        fixes = Math.max(0, before - service.getDiagnostics(document, settings).length);
      }
    }
    const diagnostics = service.getDiagnostics(document, settings);
    for (const d of diagnostics) counts[SEVERITY_NAMES[d.severity ?? 1] as keyof typeof counts]++;
    if (opts.json) {
      report.push({ file, fixed: fixes, diagnostics });
      continue;
    }
    if (fixes > 0) io.out(`${file}: fixed ${fixes} problem${fixes === 1 ? '' : 's'}\n`);
    for (const d of diagnostics) {
      const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      io.out(`${where} ${SEVERITY_NAMES[d.severity ?? 1]} ${d.message} [${d.code}]\n`);
    }
  }
  if (opts.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const total = counts.error + counts.warning + counts.info + counts.hint;
    const parts = (['error', 'warning', 'info', 'hint'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}${counts[k] === 1 || k === 'info' ? '' : 's'}`);
    const checked = files.length - unreadable;
    io.out(`${total === 0 ? 'No problems' : parts.join(', ')} in ${checked} file${checked === 1 ? '' : 's'}${fixedFiles ? ` (fixed ${fixedFiles})` : ''}.\n`);
  }
  return unreadable > 0 || counts.error > 0 ? 1 : 0;
}

function printSymbols(symbols: DocumentSymbol[], depth: number, io: Io): void {
  for (const s of symbols) {
    const line = `L${s.selectionRange.start.line + 1}`;
    const detail = s.detail ? `  ${s.detail}` : '';
    io.out(`${line.padStart(6)}  ${'  '.repeat(depth - 1)}${s.name}${detail}\n`);
    if (s.children) printSymbols(s.children, depth + 1, io);
  }
}

// Run when executed (the bundle's entry), not when imported by tests.
if (typeof require !== 'undefined' && require.main === module) {
  process.stdout.on('error', () => process.exit(0)); // `transcript outline big | head` must not crash
  process.exitCode = main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
}
