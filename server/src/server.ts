// Node entry: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it).
// Connection wiring only: everything else is in startServer and the language service.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { NodeWorkspace } from './node/nodeWorkspace';
import { startServer } from './startServer';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, (folders) => new NodeWorkspace(folders));
