// The Speakers view (Explorer) and "Transcript: Go to Speaker…". The data comes from the
// server's transcript/speakers request; the client only shows it.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { SpeakerInfo, SpeakersResult, SpeakerTurnInfo } from '../../server/src/features/speakers';
import { SpeakersMethod, type SpeakersParams } from '../../server/src/protocol';

type Node = { kind: 'speaker'; speaker: SpeakerInfo; uri: string } | { kind: 'turn'; turn: SpeakerTurnInfo; uri: string; speaker: SpeakerInfo };

const REFRESH_DELAY_MS = 300;

function isTranscript(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return !!editor && editor.document.languageId === 'transcript';
}

async function fetchSpeakers(client: BaseLanguageClient, document: vscode.TextDocument): Promise<SpeakersResult | null> {
  const params: SpeakersParams = { uri: document.uri.toString() };
  try {
    return await client.sendRequest<SpeakersResult | null>(SpeakersMethod, params);
  } catch {
    return null; // the server is restarting; the next change refreshes
  }
}

function turnsLabel(n: number): string {
  return `${n} turn${n === 1 ? '' : 's'}`;
}

class SpeakersProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private data: SpeakersResult | null = null;

  constructor(private readonly client: BaseLanguageClient) {}

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    this.data = isTranscript(editor) ? await fetchSpeakers(this.client, editor.document) : null;
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const s = node.speaker;
      const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = [s.role, turnsLabel(s.turns), `${s.words.toLocaleString()} words`, s.duration].filter(Boolean).join(' · ');
      item.tooltip = `${s.fullName ?? s.name}${s.role ? `, ${s.role}` : ''}\nLabels: ${s.labels.join(', ')}\n${Math.round(s.share * 100)}% of the words spoken`;
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = 'speaker';
      return item;
    }
    const t = node.turn;
    const item = new vscode.TreeItem(t.text || '(no text)', vscode.TreeItemCollapsibleState.None);
    item.description = `line ${t.line + 1}`;
    item.tooltip = `${node.speaker.name}, line ${t.line + 1}: ${t.words} words`;
    item.command = { command: 'transcript.revealRange', title: 'Go to turn', arguments: [node.uri, t.selection] };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!this.data) return [];
    const uri = this.data.uri;
    if (!node) return this.data.speakers.map((speaker) => ({ kind: 'speaker', speaker, uri }));
    if (node.kind === 'speaker') return node.speaker.turnList.map((turn) => ({ kind: 'turn', turn, uri, speaker: node.speaker }));
    return [];
  }
}

async function reveal(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerSpeakers(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const provider = new SpeakersProvider(client);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void provider.refresh(), delay);
  };
  context.subscriptions.push(
    vscode.window.createTreeView('transcript.speakers', { treeDataProvider: provider, showCollapseAll: true }),
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document && e.document.languageId === 'transcript') schedule(REFRESH_DELAY_MS);
    }),
    vscode.commands.registerCommand('transcript.revealRange', reveal),
    vscode.commands.registerCommand('transcript.goToSpeaker', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!isTranscript(editor)) {
        void vscode.window.showInformationMessage('Open a transcript to go to one of its speakers.');
        return;
      }
      const data = await fetchSpeakers(client, editor.document);
      if (!data || data.speakers.length === 0) {
        void vscode.window.showInformationMessage('This transcript has no speaker labels yet.');
        return;
      }
      const speaker = await vscode.window.showQuickPick(
        data.speakers.map((s) => ({ label: s.name, description: s.role ?? '', detail: `${turnsLabel(s.turns)} · ${s.words.toLocaleString()} words · ${s.duration}`, s })),
        { placeHolder: 'Go to a speaker', matchOnDescription: true },
      );
      if (!speaker) return;
      const turn = await vscode.window.showQuickPick(
        speaker.s.turnList.map((t) => ({ label: `$(comment) line ${t.line + 1}`, description: t.text, t })),
        { placeHolder: `Turns of ${speaker.s.name}`, matchOnDescription: true },
      );
      if (turn) await reveal(data.uri, turn.t.selection);
    }),
  );
  // The server may restart; refresh when it is back.
  context.subscriptions.push(client.onDidChangeState(() => schedule(0)));
  schedule(0);
}
