// VS Code for the Web (vscode.dev, github.dev): the same server in a web worker (dist/web/server.js).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { registerSpeakers } from '../speakersView';
import { registerTranscriptFeatures } from '../transcriptFeatures';
import { clientId, clientName, clientOptions, registerCommands, RestartingErrorHandler, serveWorkspaceFiles } from '../common';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(serverMain.toString(true));
  const outputChannel = vscode.window.createOutputChannel(clientName);
  context.subscriptions.push(outputChannel);
  client = new LanguageClient(clientId, clientName, clientOptions(context, outputChannel, new RestartingErrorHandler(outputChannel)), worker);
  registerCommands(context, client, outputChannel);
  context.subscriptions.push(...serveWorkspaceFiles(client));
  await client.start();
  registerSpeakers(context, client);
  registerTranscriptFeatures(context, client);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
