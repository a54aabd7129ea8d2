// Web-worker entry (vscode.dev, github.dev): the same server over the worker's message port.
// The worker has no disk; workspace files are listed and read through the client.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { ClientWorkspace } from '../clientWorkspace';
import { startServer } from '../startServer';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
// A rejection nobody handles is a bug: into the output channel with it, as the Node server does.
self.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  const reason: unknown = e.reason;
  connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
});
startServer(connection, () => new ClientWorkspace(connection));
