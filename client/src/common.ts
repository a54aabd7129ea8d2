// What the Node and the browser clients share: client options, the workspace-file requests
// the server may send, and the commands. No transcript parsing happens in the client.

import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions } from 'vscode-languageclient';
import { looksBinary } from '../../server/src/binaryData';
import { FindFilesMethod, ReadFileMethod, type ReadFileParams } from '../../server/src/protocol';

export const clientId = 'transcript';
export const clientName = 'Transcript Tools';

/** Larger files are not read for the workspace index. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

/**
 * If the server dies, restart it and say so once — not a pop-up per crash. After five
 * crashes in three minutes, stop and say how to try again.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private crashes: number[] = [];
  private told = false;

  constructor(private readonly outputChannel: vscode.OutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < 3 * 60_000);
    this.crashes.push(now);
    if (this.crashes.length > 5) {
      void vscode.window.showErrorMessage(
        'The transcript language server stopped five times in three minutes and was not restarted. Run “Transcript: Restart Language Server” to try again.',
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (!this.told) {
      this.told = true;
      this.outputChannel.appendLine(`[${new Date().toISOString()}] The language server stopped unexpectedly; restarting it.`);
      void vscode.window.showInformationMessage('The transcript language server stopped unexpectedly and was restarted.');
    }
    return { action: CloseAction.Restart, handled: true };
  }

  reset(): void {
    this.crashes = [];
  }
}

export function clientOptions(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel, errorHandler?: ErrorHandler): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'transcript' }],
    outputChannel,
    errorHandler,
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
        let text: string;
        if (open) text = open.getText();
        else {
          const stat = await vscode.workspace.fs.stat(u);
          if (stat.size > MAX_INDEX_BYTES) return null;
          text = decoder.decode(await vscode.workspace.fs.readFile(u));
        }
        // Binary data (an image renamed .transcript) is not a transcript: null, as for a file that cannot be read.
        return looksBinary(text) ? null : text;
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
