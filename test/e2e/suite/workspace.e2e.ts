// Go to Symbol in Workspace through the web worker server: files that are not open are listed
// and read by the client (`transcript/findFiles`, `transcript/readFile`) through
// vscode.workspace.fs, on the web's virtual file system (vscode-test-web://mount/).

import * as vscode from 'vscode';
import { FIXTURE_TITLES, Fixtures, activateExtension, assert, fixtureUri, kindName, openFixture, pollEqual, rangeText } from './helpers';

interface PlainWorkspaceSymbol {
  name: string;
  kind: string;
  containerName: string;
  uri: string;
  range: string;
}

async function workspaceSymbols(query: string): Promise<PlainWorkspaceSymbol[]> {
  const r = await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', query);
  return (r ?? []).map((s) => ({ name: s.name, kind: kindName(s.kind), containerName: s.containerName, uri: s.location.uri.toString(), range: rangeText(s.location.range) }));
}

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

export function registerWorkspaceTests(): void {
  suite('Workspace symbols', () => {
    suiteSetup(async () => {
      await activateExtension();
      await openFixture(Fixtures.library);
    });

    test('finds a speaker who appears only in a file that was never opened', async () => {
      const unopened = fixtureUri(Fixtures.nightMarket);
      if (vscode.env.uiKind === vscode.UIKind.Web) assert(unopened.scheme !== 'file', `expected the web's virtual file system, got ${unopened.toString()}`);
      assert(!isOpen(unopened), `${Fixtures.nightMarket} must not be open, or its text would not come through the file-system path`);
      await pollEqual('workspace symbols for "Kirkbride"', () => workspaceSymbols('Kirkbride'), [
        {
          name: 'Tomasz Kirkbride',
          kind: 'Class',
          containerName: 'TOMASZ KIRKBRIDE, KIRKBRIDE \u00b7 BYLINE \u2014 A night market returns to the old rail yard after a three-year pause',
          uri: unopened.toString(),
          range: '8:0-8:25',
        },
      ]);
      assert(!isOpen(unopened), `${Fixtures.nightMarket} was opened as a document while answering the query`);
    });

    test('finds a speaker of the open document, and the titles of every fixture', async () => {
      await pollEqual('workspace symbols for "Delgado-Finch"', () => workspaceSymbols('Delgado-Finch'), [
        {
          name: 'Rosa Delgado-Finch',
          kind: 'Class',
          containerName: 'ROSA DELGADO-FINCH \u2014 Eastmoor asks voters to pay for Sunday library hours',
          uri: fixtureUri(Fixtures.library).toString(),
          range: '20:0-20:19',
        },
      ]);
      const titles = async () => (await workspaceSymbols('')).filter((s) => s.kind === 'File').map((s) => `${s.name} | ${s.containerName} | ${s.range}`).sort();
      await pollEqual('titles of every transcript (query "")', titles, FIXTURE_TITLES);
    });
  });
}
