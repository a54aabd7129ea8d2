// Builds every bundle into dist/: the Node client, server and CLI; the web client and the
// web-worker server; with --e2e also the in-workbench test suite (out/e2e, never packaged).
//   node esbuild.mjs [--watch] [--e2e]
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const e2e = process.argv.includes('--e2e');

const common = { bundle: true, minify: true, sourcemap: true, target: 'es2022', logLevel: 'warning', legalComments: 'none' };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    entryPoints: ['client/src/browser/extension.ts'],
    outfile: 'dist/web/client.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
  },
  { ...common, entryPoints: ['server/src/browser/server.ts'], outfile: 'dist/web/server.js', platform: 'browser', format: 'iife', mainFields: ['browser', 'module', 'main'] },
];
if (e2e) {
  builds.push({
    ...common,
    minify: false,
    entryPoints: ['test/e2e/suite/index.ts'],
    outfile: 'out/e2e/suite.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"test"', global: 'globalThis' },
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('dist/cli.js', 0o755);
}
