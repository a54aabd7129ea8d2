// The editor features both clients (desktop and web) register once the language client runs:
// the Statistics view, the word-count status bar item, export and import, and the command
// behind the speaker code lenses.

import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerExportCommands } from './exportCommands';
import { registerStatistics } from './statisticsView';
import { registerStatusBar } from './statusBar';

export function registerTranscriptFeatures(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  registerStatistics(context, client);
  registerStatusBar(context, client);
  registerExportCommands(context, client);
}
