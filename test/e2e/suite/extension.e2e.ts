// The extension as the web workbench sees it: the language id, activation of the browser
// entry, and the language configuration's word pattern.

import * as vscode from 'vscode';
import { EXTENSION_ID, Fixtures, activateExtension, assert, assertEqual, openFixture, pollEqual, rangeText } from './helpers';

export function registerExtensionTests(): void {
  suite('Extension in the web workbench', () => {
    let doc: vscode.TextDocument;

    suiteSetup(async () => {
      doc = await openFixture(Fixtures.library);
    });

    test('a .transcript file gets the language id `transcript`', () => {
      assertEqual(doc.languageId, 'transcript', 'languageId');
    });

    test('the extension activates, and it is the browser entry that runs (the main entry on desktop)', async () => {
      const ext = await activateExtension();
      assertEqual(ext.id, EXTENSION_ID, 'extension id');
      assertEqual(ext.isActive, true, 'isActive');
      const pkg = ext.packageJSON as { browser?: string; main?: string };
      assertEqual(pkg.browser, './dist/web/client.js', 'packageJSON.browser');
      assertEqual(pkg.main, './dist/client.js', 'packageJSON.main');
      const g = globalThis as { importScripts?: unknown; window?: unknown; process?: { versions?: { node?: string } } };
      if (vscode.env.uiKind === vscode.UIKind.Web) {
        // The web workbench runs extensions in a web worker extension host, where only `browser`
        // entries can load: a UI kind of Web and a worker global scope prove which entry ran.
        assert(typeof g.importScripts === 'function', 'the extension host is not a web worker (no importScripts)');
        assertEqual(typeof g.window, 'undefined', 'typeof window in the extension host');
      } else {
        // Desktop (npm run test:desktop): the Node extension host, which loads `main`.
        assert(typeof g.process?.versions?.node === 'string', 'the desktop extension host is not Node');
      }
    });

    test('the word pattern keeps O\u2019Brien-like and hyphenated names whole', async () => {
      // [line, character] -> the word VS Code picks there (double-click, word navigation, search).
      const cases: [number, number, string, string][] = [
        [2, 153, "O'Brien", '2:151-2:158'], // "WQRT's Siobhan O'Brien reports"
        [2, 137, "WQRT's", '2:136-2:142'],
        [12, 3, "O'BRIEN", '12:0-12:7'], // the label `O'BRIEN:` without its colon
        [18, 42, 'Delgado-Finch', '18:34-18:47'],
        [20, 10, 'DELGADO-FINCH', '20:5-20:18'], // `ROSA DELGADO-FINCH:`
        [29, 8, "O'Brien", '29:8-29:15'], // a bio line, at the word's first character
      ];
      const words = () =>
        cases.map(([line, character]) => {
          const r = doc.getWordRangeAtPosition(new vscode.Position(line, character));
          return r ? `${doc.getText(r)} @ ${rangeText(r)}` : 'no word';
        });
      // The language configuration reaches the extension host asynchronously: poll.
      await pollEqual('word ranges', words, cases.map(([, , word, range]) => `${word} @ ${range}`));
    });
  });
}
