// `transcript`: the command-line tool, on the same language service as the editor.
//   transcript outline FILE... [--json] [--group-by-speaker]

import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { createLanguageService, type TextDocumentLike } from './languageService';
import { NodeWorkspace } from './node/nodeWorkspace';
import { defaultSettings, type TranscriptSettings } from './settings';

const VERSION = '0.1.0';
const USAGE = `Usage: transcript <command> [options] FILE...

Commands:
  outline FILE...        print each transcript's speakers and turns

Options:
  --json                 machine-readable output (the same outline the editor shows)
  --group-by-speaker     outline as speaker -> turns (like transcript.outline.groupBySpeaker)
  -h, --help             show this help
  -v, --version          show the version
`;

/** Files larger than this are refused with a message rather than read into memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function main(argv: string[], io: Io): number {
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  const args = argv.filter((a) => !a.startsWith('-'));
  if (flags.has('-v') || flags.has('--version')) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (flags.has('-h') || flags.has('--help') || args.length === 0) {
    (args.length === 0 && !flags.has('-h') && !flags.has('--help') ? io.err : io.out)(USAGE);
    return args.length === 0 && !flags.has('-h') && !flags.has('--help') ? 2 : 0;
  }
  const known = new Set(['--json', '--group-by-speaker', '-h', '--help', '-v', '--version']);
  const unknown = [...flags].filter((f) => !known.has(f));
  if (unknown.length > 0) {
    io.err(`transcript: unknown option ${unknown[0]}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...files] = args;
  if (command !== 'outline') {
    io.err(`transcript: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    io.err(`transcript: outline needs at least one FILE\n\n${USAGE}`);
    return 2;
  }
  const settings: TranscriptSettings = { ...defaultSettings, outline: { groupBySpeaker: flags.has('--group-by-speaker') } };
  return outline(files, settings, flags.has('--json'), io);
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
      io.out(`  ${s.name.padEnd(nameWidth)}  ${String(s.turns).padStart(4)} turn${s.turns === 1 ? ' ' : 's'}${extra ? `  ${extra}` : ''}\n`);
    }
    io.out(`\nOutline\n`);
    printSymbols(symbols, 1, io);
  });
  if (json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
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
