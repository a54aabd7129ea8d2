// extensionTestsPath of the end-to-end suite for DESKTOP VS Code (the Node extension host, run
// by @vscode/test-electron through test/e2e/run-desktop.mjs, `npm run test:desktop`). The same
// suites as the web entry (index.ts); mocha's Node build instead of its browser build, which
// needs `location`. Bundled by run-desktop.mjs into out/e2e/suite-desktop.js with `vscode` and
// `mocha` left external (mocha is resolved from node_modules at run time).

import { registerAllTests } from './all';

interface NodeMocha {
  suite: { emit(event: 'pre-require', context: object, file: string, mocha: NodeMocha): void };
  run(done: (failures: number) => void): E2EMochaRunner;
}

export function run(): Promise<void> {
  const Mocha = require('mocha') as new (options: object) => NodeMocha;
  const m = new Mocha({ ui: 'tdd', timeout: 60000, color: false });
  // What `mocha.setup` does in the browser build: suite(), test(), ... become globals.
  m.suite.emit('pre-require', globalThis, 'e2e', m);
  registerAllTests();
  return new Promise((resolve, reject) => {
    let runner: E2EMochaRunner | undefined;
    try {
      runner = m.run((failures) => {
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
