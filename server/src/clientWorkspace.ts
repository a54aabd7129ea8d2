// The workspace as the client sees it, through its file-system API: used where the server
// has no disk of its own (the web worker on vscode.dev, virtual file systems).

import type { Connection } from 'vscode-languageserver';
import { looksBinary } from './binaryData';
import type { WorkspaceFiles } from './languageService';
import { FindFilesMethod, ReadFileMethod, type ReadFileParams } from './protocol';

export class ClientWorkspace implements WorkspaceFiles {
  constructor(private readonly connection: Connection) {}

  async findFiles(): Promise<string[]> {
    const r: unknown = await this.connection.sendRequest(FindFilesMethod);
    return Array.isArray(r) ? r.filter((u): u is string => typeof u === 'string') : [];
  }

  async readFile(uri: string): Promise<string | undefined> {
    const params: ReadFileParams = { uri };
    const text: unknown = await this.connection.sendRequest(ReadFileMethod, params);
    // This extension's client leaves binary files out itself; another client may not.
    return typeof text === 'string' && !looksBinary(text) ? text : undefined;
  }
}
