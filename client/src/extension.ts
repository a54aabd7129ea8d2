// Desktop VS Code: starts the Node language server (dist/server.js) over IPC.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { registerSpeakers } from './speakersView';
import { registerTranscriptFeatures } from './transcriptFeatures';
import { clientId, clientName, clientOptions, registerCommands, RestartingErrorHandler, serveWorkspaceFiles } from './common';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel(clientName);
  context.subscriptions.push(outputChannel);
  client = new LanguageClient(clientId, clientName, serverOptions, clientOptions(context, outputChannel, new RestartingErrorHandler(outputChannel)));
  registerCommands(context, client, outputChannel);
  context.subscriptions.push(...serveWorkspaceFiles(client));
  await client.start();
  registerSpeakers(context, client);
  registerTranscriptFeatures(context, client);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
