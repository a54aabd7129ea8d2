// "Transcript: Export…" and "Transcript: Import Subtitles (WebVTT, SRT)…". The server does the
// work (transcript/export, transcript/import, the same code as `transcript export|import`);
// the client picks the format and writes the result next to the file through
// vscode.workspace.fs, so that it works on virtual file systems and on the web too.
// Also the code lens command: Find All References for a speaker.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ExportMethod, ImportMethod, type ExportParams, type ExportResponse, type ImportParams, type ImportResponse } from '../../server/src/protocol';

interface FormatPick extends vscode.QuickPickItem {
  format: string;
  estimateTimes?: boolean;
}

const FORMATS: FormatPick[] = [
  { label: 'Markdown', description: '.md', detail: 'Speakers in bold, stage directions in italics', format: 'markdown' },
  { label: 'HTML', description: '.html', detail: 'A clean, printable page with a speaker legend', format: 'html' },
  { label: 'JSON', description: '.json', detail: 'Speakers, turns with lines and times, stage directions, entities (docs/export-json.md)', format: 'json' },
  { label: 'WebVTT', description: '.vtt', detail: 'Subtitles with <v Speaker> voice tags, timed by the transcript’s timestamps', format: 'vtt' },
  { label: 'SRT', description: '.srt', detail: 'Subtitles with <v Speaker> voice tags, timed by the transcript’s timestamps', format: 'srt' },
  { label: 'WebVTT, estimated times', description: '.estimated.vtt', detail: 'Times of turns without a timestamp estimated from their words', format: 'vtt', estimateTimes: true },
  { label: 'SRT, estimated times', description: '.estimated.srt', detail: 'Times of turns without a timestamp estimated from their words', format: 'srt', estimateTimes: true },
];

/** The folder of a URI and a file name in it (any scheme). */
function sibling(uri: vscode.Uri, name: string): vscode.Uri {
  return uri.with({ path: uri.path.replace(/[^/]*$/, name) });
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes the file, asking first when one is there already. False when the user declined. */
async function writeNew(uri: vscode.Uri, content: string): Promise<boolean> {
  if (await exists(uri)) {
    const replace = await vscode.window.showWarningMessage(`${baseName(uri)} already exists. Replace it?`, { modal: true }, 'Replace');
    if (replace !== 'Replace') return false;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return true;
}

function transcriptUri(resource: unknown): vscode.Uri | undefined {
  if (resource instanceof vscode.Uri) return resource;
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'transcript' ? editor.document.uri : undefined;
}

export function registerExportCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const exportCommand = async (resource?: unknown, format?: string, estimateTimes?: boolean) => {
    const uri = transcriptUri(resource);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a transcript to export it.');
      return;
    }
    let pick: FormatPick | undefined = format ? { label: format, format, estimateTimes } : undefined;
    pick ??= await vscode.window.showQuickPick(FORMATS, { placeHolder: `Export ${baseName(uri)} as…`, matchOnDetail: true });
    if (!pick) return;
    // The server works on open documents: opening it (without showing it) syncs it.
    await vscode.workspace.openTextDocument(uri);
    const params: ExportParams = { uri: uri.toString(), format: pick.format, estimateTimes: pick.estimateTimes };
    let r = await client.sendRequest<ExportResponse>(ExportMethod, params);
    if ('error' in r && /estimated times/.test(r.error) && !pick.estimateTimes) {
      const choice = await vscode.window.showWarningMessage(`Cannot export ${baseName(uri)} with real times: ${r.error}.`, 'Estimate Times');
      if (choice !== 'Estimate Times') return;
      r = await client.sendRequest<ExportResponse>(ExportMethod, { ...params, estimateTimes: true });
    }
    if ('error' in r) {
      void vscode.window.showErrorMessage(`Cannot export ${baseName(uri)}: ${r.error}`);
      return;
    }
    const stem = baseName(uri).replace(/\.transcript$/i, '');
    const target = sibling(uri, `${stem}${r.estimated ? '.estimated' : ''}.${r.extension}`);
    if (!(await writeNew(target, r.content))) return;
    const note = r.estimated ? ' Times are estimated from word counts.' : '';
    // Not awaited: the command is done once the file is written (callers of executeCommand must not wait for a click).
    void vscode.window.showInformationMessage(`Exported to ${baseName(target)}.${note}`, 'Open').then(async (open) => {
      if (open === 'Open') await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
    });
    return target;
  };

  const importCommand = async (resource?: unknown) => {
    let uri = resource instanceof vscode.Uri ? resource : undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    if (!uri && active && /\.(vtt|srt)$/i.test(active.path)) uri = active;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Import', filters: { Subtitles: ['vtt', 'srt'] } });
      uri = picked?.[0];
    }
    if (!uri) return;
    const format = /\.srt$/i.test(uri.path) ? 'srt' : 'vtt';
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    const params: ImportParams = { text, format, fileName: baseName(uri) };
    const r = await client.sendRequest<ImportResponse>(ImportMethod, params);
    if ('error' in r) {
      void vscode.window.showErrorMessage(`Cannot import ${baseName(uri)}: ${r.error}`);
      return;
    }
    if (r.turns === 0) {
      void vscode.window.showWarningMessage(`${baseName(uri)} holds no cues to import.`);
      return;
    }
    const target = sibling(uri, `${baseName(uri).replace(/\.(vtt|srt)$/i, '')}.transcript`);
    if (!(await writeNew(target, r.text))) return;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
    const summary = `Imported ${r.turns} turn${r.turns === 1 ? '' : 's'} by ${r.speakers.length} speaker${r.speakers.length === 1 ? '' : 's'} into ${baseName(target)}.`;
    void vscode.window.showInformationMessage(r.warnings.length ? `${summary} ${r.warnings.slice(0, 3).join(' ')}` : summary);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('transcript.export', exportCommand),
    vscode.commands.registerCommand('transcript.importSubtitles', importCommand),
    // The code lens above a speaker's introduction: the server sends the URI and an LSP
    // position as plain JSON; VS Code's commands want a Uri and a Position.
    vscode.commands.registerCommand('transcript.showReferences', async (uri: string, position: { line: number; character: number }) => {
      const u = vscode.Uri.parse(uri);
      const pos = client.protocol2CodeConverter.asPosition(position);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', u, pos);
      await vscode.commands.executeCommand('editor.action.showReferences', u, pos, locations ?? []);
    }),
  );
}
