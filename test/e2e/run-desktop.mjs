// `npm run test:desktop`: the end-to-end suite (test/e2e/suite, the same tests as
// `npm run test:e2e`) in DESKTOP VS Code, through @vscode/test-electron, when it is installed.
//
// @vscode/test-electron is not a devDependency: it downloads a VS Code build (about 150 MB) from
// update.code.visualstudio.com on first use, which this project's offline CI cannot do, and it
// needs a display (xvfb-run on Linux). Version 3.x requires Node 22; 2.5.2 is the last release
// that runs on Node 20 (`npm i -D @vscode/test-electron@2.5.2`). When it is missing, or when the
// installed version does not run on this Node, this prints why and exits 0.
//
// What it does: builds dist/ (node esbuild.mjs) and out/e2e/suite-desktop.js (suite/desktop.ts),
// copies test/e2e/workspace to a temporary folder (desktop saves write to disk; the fix-all test
// saves a fixture), and runs VS Code on it with this extension and no other.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const skip = (why) => {
  console.log(`test:desktop: SKIPPED: ${why}`);
  console.log('test:desktop: the same suite runs in VS Code for the Web with `npm run test:e2e` (alias `npm run test:web`).');
  process.exit(0);
};

let pkg;
try {
  pkg = require('@vscode/test-electron/package.json');
} catch {
  skip('@vscode/test-electron is not installed. It downloads VS Code desktop at run time (not possible offline); to run this suite in desktop VS Code, `npm i -D @vscode/test-electron@2.5.2` (the last version for Node 20; 3.x needs Node 22) and run it under a display (xvfb-run on Linux).');
}
const wantsMajor = /^>=\s*(\d+)/.exec(pkg.engines?.node ?? '')?.[1];
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (wantsMajor && nodeMajor < Number(wantsMajor)) {
  skip(`@vscode/test-electron ${pkg.version} requires Node ${pkg.engines.node}; this is Node ${process.versions.node}. Use @vscode/test-electron@2.5.2 on Node 20, or Node ${wantsMajor}.`);
}

const { runTests } = require('@vscode/test-electron');
const esbuild = require('esbuild');

execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
const suite = path.join(root, 'out/e2e/suite-desktop.js');
await esbuild.build({
  entryPoints: [path.join(root, 'test/e2e/suite/desktop.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  outfile: suite,
  logLevel: 'warning',
});

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-e2e-'));
fs.cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });
let code = 0;
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('test:desktop: PASSED');
} catch (e) {
  console.error(`test:desktop: FAILED: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
