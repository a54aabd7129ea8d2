// What the Node and the browser clients share: client options, the workspace-file requests
// the server may send, and the commands. No transcript parsing happens in the client.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { FindFilesMethod, ReadFileMethod, type ReadFileParams } from '../../server/src/protocol';

export const clientId = 'transcript';
export const clientName = 'Transcript Tools';

/** Larger files are not read for the workspace index. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

export function clientOptions(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'transcript' }],
    outputChannel,
    // Each diagnostic links to its rule in the copy of docs/rules.md shipped with the extension.
    initializationOptions: { rulesDocUri: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md').toString() },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.transcript'),
    },
  };
}

/** Answers the server's requests for workspace files through the VS Code file-system API (works on virtual file systems). */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  const decoder = new TextDecoder('utf-8');
  return [
    client.onRequest(FindFilesMethod, async () => {
      const uris = await vscode.workspace.findFiles('**/*.transcript', '**/node_modules/**');
      return uris.map((u) => u.toString());
    }),
    client.onRequest(ReadFileMethod, async ({ uri }: ReadFileParams) => {
      try {
        const u = vscode.Uri.parse(uri);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        if (open) return open.getText();
        const stat = await vscode.workspace.fs.stat(u);
        if (stat.size > MAX_INDEX_BYTES) return null;
        return decoder.decode(await vscode.workspace.fs.readFile(u));
      } catch {
        return null;
      }
    }),
  ];
}

export function registerCommands(context: vscode.ExtensionContext, client: BaseLanguageClient, outputChannel: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('transcript.restartServer', async () => {
      await client.stop();
      await client.start();
      vscode.window.setStatusBarMessage('Transcript language server restarted', 3000);
    }),
    vscode.commands.registerCommand('transcript.showOutput', () => outputChannel.show(true)),
  );
}
