// `transcript`: the command-line tool, on the same language service as the editor.
//   transcript outline FILE... [--json] [--group-by-speaker]
//   transcript check FILE... [--fix] [--format json]
//   transcript export --to FORMAT FILE [--out FILE] [--estimate-times] [--speaker-style voice|prefix]
//   transcript import FILE.vtt|FILE.srt [--out FILE] [--title TITLE]

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { applyEdits } from './features/edits';
import { EXPORT_FORMATS, importSubtitles, parseExportFormat, type ExportFormat } from './export';
import { createLanguageService, type TextDocumentLike } from './languageService';
import { NodeWorkspace } from './node/nodeWorkspace';
import { defaultSettings, type TranscriptSettings } from './settings';

const VERSION = '0.1.0';
const USAGE = `Usage: transcript <command> [options] FILE...

Commands:
  outline FILE...        print each transcript's speakers and turns
  check FILE...          report malformed turns as file:line:col severity message [code]
  export --to FORMAT FILE
                         write the transcript as markdown, html, json, vtt (WebVTT) or srt
  import FILE            turn a WebVTT (.vtt) or SRT (.srt) file into a transcript

Options:
  --json, --format json  machine-readable output
  --group-by-speaker     outline: speaker -> turns (like transcript.outline.groupBySpeaker)
  --fix                  check: apply every automatic fix to the files, then report what is left
  --to FORMAT            export: markdown (md), html, json, vtt (webvtt) or srt
  --out FILE             export, import: write to FILE instead of standard output
  --estimate-times       export to vtt/srt: estimate times of turns without a timestamp
                         from their words (the file says the times are estimated)
  --speaker-style STYLE  export to vtt/srt: voice (<v Name>, the default) or prefix (Name: )
  --words-per-minute N   speaking rate for estimated times and durations (default 150)
  --from vtt|srt         import: the file's format (default: from its extension)
  --title TITLE          import: the transcript's title line (default: the WebVTT header or file name)
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 when all is well, 1 when a file cannot be read or check finds errors, 2 on a usage error.
`;

/** Files larger than this are refused with a message rather than read into memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Options that take a value (`--to md` or `--to=md`). */
const VALUE_OPTIONS = new Set(['--to', '--out', '--speaker-style', '--words-per-minute', '--from', '--title']);

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Options {
  json: boolean;
  groupBySpeaker: boolean;
  fix: boolean;
  to?: ExportFormat;
  out?: string;
  estimateTimes: boolean;
  speakerStyle?: 'voice' | 'prefix';
  wordsPerMinute?: number;
  from?: 'vtt' | 'srt';
  title?: string;
}

export function main(argv: string[], io: Io): number | Promise<number> {
  const opts: Options = { json: false, groupBySpeaker: false, fix: false, estimateTimes: false };
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
    else if (a === '--estimate-times') opts.estimateTimes = true;
    else if (VALUE_OPTIONS.has(a.split('=')[0])) {
      const name = a.split('=')[0];
      const value = a.includes('=') ? a.slice(name.length + 1) : argv[++i];
      if (value === undefined || value === '') return usage(io, `${name} needs a value`);
      if (name === '--to') {
        const f = parseExportFormat(value);
        if (!f) return usage(io, `--to takes markdown, html, json, vtt or srt, not ${value}`);
        opts.to = f;
      } else if (name === '--out') opts.out = value;
      else if (name === '--title') opts.title = value;
      else if (name === '--speaker-style') {
        if (value !== 'voice' && value !== 'prefix') return usage(io, `--speaker-style takes voice or prefix, not ${value}`);
        opts.speakerStyle = value;
      } else if (name === '--from') {
        const f = value.toLowerCase().replace(/^webvtt$/, 'vtt');
        if (f !== 'vtt' && f !== 'srt') return usage(io, `--from takes vtt or srt, not ${value}`);
        opts.from = f;
      } else {
        const n = Number(value);
        if (!Number.isFinite(n) || n < 30 || n > 400) return usage(io, `--words-per-minute takes a number from 30 to 400, not ${value}`);
        opts.wordsPerMinute = n;
      }
    }
    else if (a.startsWith('-') && a !== '-') return usage(io, `unknown option ${a}`);
    else args.push(a);
  }
  if (args.length === 0) return usage(io, 'no command given');
  const [command, ...files] = args;
  if (!['outline', 'check', 'export', 'import'].includes(command)) return usage(io, `unknown command '${command}'`);
  if (files.length === 0) return usage(io, `${command} needs at least one FILE`);
  const settings: TranscriptSettings = { ...defaultSettings, outline: { groupBySpeaker: opts.groupBySpeaker }, wordsPerMinute: opts.wordsPerMinute ?? defaultSettings.wordsPerMinute };
  if (command === 'export' || command === 'import') {
    if (files.length > 1) return usage(io, `${command} takes one FILE`);
    if (command === 'export') {
      if (!opts.to) return usage(io, 'export needs --to FORMAT (markdown, html, json, vtt or srt)');
      return exportFile(files[0], opts.to, settings, opts, io);
    }
    return importFile(files[0], opts, io);
  }
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

/** Writes to --out, or to standard output. */
function emit(content: string, opts: Options, io: Io): boolean {
  if (!opts.out || opts.out === '-') {
    io.out(content);
    return true;
  }
  try {
    writeFileSync(opts.out, content);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`transcript: ${opts.out}: cannot write (${code ?? String(e)})\n`);
    return false;
  }
}

function exportFile(file: string, format: ExportFormat, settings: TranscriptSettings, opts: Options, io: Io): number {
  const read = readTranscript(file);
  if ('error' in read) {
    io.err(`transcript: ${file}: ${read.error}\n`);
    return 1;
  }
  const service = createLanguageService({ workspace: new NodeWorkspace(() => []) });
  const document: TextDocumentLike = { uri: URI.file(path.resolve(file)).toString(), version: 1, getText: () => read.text };
  const r = service.exportDocument(document, format, { wordsPerMinute: settings.wordsPerMinute, estimateTimes: opts.estimateTimes, speakerStyle: opts.speakerStyle });
  if ('error' in r) {
    const hint = /ask for estimated times/.test(r.error) ? ' (--estimate-times)' : '';
    io.err(`transcript: ${file}: cannot export to ${EXPORT_FORMATS[format].label}: ${r.error}${hint}\n`);
    return 1;
  }
  if (r.estimated) io.err(`transcript: ${file}: times are estimated from word counts at ${settings.wordsPerMinute} words a minute, not taken from the recording\n`);
  return emit(r.content, opts, io) ? 0 : 1;
}

async function importFile(file: string, opts: Options, io: Io): Promise<number> {
  const ext = path.extname(file).toLowerCase();
  const format = opts.from ?? (ext === '.vtt' ? 'vtt' : ext === '.srt' ? 'srt' : undefined);
  if (!format) return usage(io, `cannot tell the format of ${file} from its name: use --from vtt or --from srt`);
  const read = readTranscript(file);
  if ('error' in read) {
    io.err(`transcript: ${file}: ${read.error}\n`);
    return 1;
  }
  const r = await importSubtitles(read.text, format, { title: opts.title, fileName: path.basename(file) });
  for (const w of r.warnings) io.err(`transcript: ${file}: ${w}\n`);
  if (r.cues === 0) {
    io.err(`transcript: ${file}: no cues found in this ${format === 'vtt' ? 'WebVTT' : 'SRT'} file\n`);
    return 1;
  }
  return emit(r.text, opts, io) ? 0 : 1;
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
  void Promise.resolve(main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) })).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`transcript: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
