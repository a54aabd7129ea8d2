// The status bar item for a transcript: words said and their estimated speaking time, for the
// whole transcript or for the selection. The server counts (transcript/wordCount): labels and
// stage directions are not words said, and the client never parses.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { WordCountResult } from '../../server/src/features/statistics';
import { WordCountMethod, type WordCountParams } from '../../server/src/protocol';

const SELECTION_DELAY_MS = 150;
const EDIT_DELAY_MS = 300;

export function statusText(r: WordCountResult): string {
  const words = (k: number) => `${k.toLocaleString('en-US')} word${k === 1 ? '' : 's'}`;
  return r.selection ? `$(book) ${r.words.toLocaleString('en-US')} of ${words(r.totalWords)} · ${r.duration}` : `$(book) ${words(r.words)} · ${r.duration}`;
}

export function registerStatusBar(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const item = vscode.window.createStatusBarItem('transcript.wordCount', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Transcript Word Count';
  item.command = 'transcript.showStatistics';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'transcript') {
      item.hide();
      return;
    }
    const mine = ++generation;
    const ranges = editor.selections.filter((s) => !s.isEmpty).map((s) => client.code2ProtocolConverter.asRange(s));
    const params: WordCountParams = { uri: editor.document.uri.toString(), ranges };
    let r: WordCountResult | null = null;
    try {
      r = await client.sendRequest<WordCountResult | null>(WordCountMethod, params);
    } catch {
      r = null;
    }
    if (mine !== generation) return;
    if (!r) {
      item.hide();
      return;
    }
    item.text = statusText(r);
    item.tooltip = r.selection
      ? `Words said in the selection (labels and stage directions not counted): ${r.words.toLocaleString('en-US')}, ${r.duration} at the speaking rate. Click for the transcript's statistics.`
      : `Words said in this transcript (labels and stage directions not counted): ${r.words.toLocaleString('en-US')}, ${r.duration} at the speaking rate. Click for statistics.`;
    item.show();
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), delay);
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) schedule(SELECTION_DELAY_MS);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule(EDIT_DELAY_MS);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('transcript.wordsPerMinute')) schedule(EDIT_DELAY_MS);
    }),
    client.onDidChangeState(() => schedule(EDIT_DELAY_MS)),
    { dispose: () => clearTimeout(timer) },
  );
  schedule(0);
}
