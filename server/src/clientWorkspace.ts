// The workspace as the client sees it, through its file-system API: used where the server
// has no disk of its own (the web worker on vscode.dev, virtual file systems).

import type { Connection } from 'vscode-languageserver';
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
    return typeof text === 'string' ? text : undefined;
  }
}
