// Runs the BUILT command-line tool (`node dist/cli.js …`) as a child process.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './lspClient';

export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `node dist/cli.js ...args` in the repository root, to completion. */
export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the tool and closes the read end of its stdout after the first chunk, as `| head -1`
 * does: returns the exit status and whatever reached stderr.
 */
export function runCliClosingStdout(args: string[]): Promise<CliResult & { firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let firstChunk = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the tool did not exit within 30 s after its stdout was closed'));
    }, 30_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.stdout.once('data', (d: Buffer) => {
      firstChunk = d.toString('utf8');
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: '', stderr, firstChunk });
    });
  });
}
