// The workspace on a local disk, read by the Node server itself, so workspace symbols work
// in any LSP client (not only VS Code) and without a round trip per file.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { looksBinary } from '../binaryData';
import { SKIPPED_FOLDERS, type WorkspaceFiles } from '../languageService';
/** Beyond this, a folder is not a transcript archive but something else (a home directory). */
const MAX_FILES = 50_000;
/** Larger files are not indexed (the editor still opens them; see transcript.maxFileSize later). */
const MAX_BYTES = 64 * 1024 * 1024;

export class NodeWorkspace implements WorkspaceFiles {
  constructor(private readonly folders: () => string[]) {}

  async findFiles(token?: { isCancellationRequested: boolean }): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      if (found.length >= MAX_FILES || token?.isCancellationRequested) return;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folder: skip it, as VS Code's search does
      }
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith('.')) await walk(path.join(dir, e.name));
        } else if (e.isFile() && e.name.endsWith('.transcript')) {
          found.push(URI.file(path.join(dir, e.name)).toString());
          if (found.length >= MAX_FILES) return;
        }
      }
    };
    for (const folder of this.folders()) {
      const uri = URI.parse(folder);
      if (uri.scheme === 'file') await walk(uri.fsPath);
    }
    return found;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const p = URI.parse(uri);
    if (p.scheme !== 'file') return undefined;
    try {
      const stat = await fs.stat(p.fsPath);
      if (stat.size > MAX_BYTES) return undefined;
      const text = await fs.readFile(p.fsPath, 'utf8');
      // An image or a UTF-16 file named .transcript: not text to index (as the editor declines it).
      return looksBinary(text) ? undefined : text;
    } catch (e) {
      // Gone between the event and the read: not an error worth a log line.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }
}
