// extensionTestsPath of the end-to-end suite, for the WEB extension host (VS Code for the Web,
// run by vscode-real in headless Chromium). Bundled by `node esbuild.mjs --e2e` into
// out/e2e/suite.js (CommonJS, `vscode` external). Run it with test/e2e/run-vscode-real.sh.
//
// Output: mocha's spec reporter (one line per passing or failing test, then the failures'
// details) and a last line `N passed, N failed` that the runner script checks.

import { registerAllTests } from './all';

export function run(): Promise<void> {
  require('mocha/mocha'); // mocha's browser build: defines the global `mocha`
  return new Promise((resolve, reject) => {
    // reporter undefined = the spec reporter, on the console (forwarded to the runner's stdout).
    mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 60000, color: false });
    registerAllTests();
    let runner: E2EMochaRunner | undefined;
    try {
      runner = mocha.run((failures) => {
        const passed = runner?.stats?.passes ?? 0;
        console.log(`${passed} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else if (passed === 0) reject(new Error('no tests ran.'));
        else resolve();
      });
    } catch (e) {
      console.error(e);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
