// Node entry: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it).
// Connection wiring only: everything else is in startServer and the language service.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { NodeWorkspace } from './node/nodeWorkspace';
import { startServer } from './startServer';

const connection = createConnection(ProposedFeatures.all);
// Node ends the process on a promise rejection nobody handles. Every handler catches what it
// expects; anything missed is a bug to log in the output channel, not a reason to drop every
// open document's state and make the client restart the server.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
});
startServer(connection, (folders) => new NodeWorkspace(folders));
