// The commands and the Speakers view, as far as the public API can see them.
//
// What the API can NOT see: the items of another extension's tree view (there is no API to read
// a TreeView you did not create), which views are visible, context keys and `when` clauses, the
// text in the Output panel's channel, and status-bar messages. So the Speakers view is checked
// as (1) its contribution, (2) the focus command the workbench registers for a registered view,
// and (3) the data behind it: "Go to Speaker..." sends the same `transcript/speakers` request
// and is driven here through its quick picks. What the view shows is in docs/images/speakers.png
// (test/e2e/screenshots.sh).

import * as vscode from 'vscode';
import { EXTENSION_ID, Fixtures, activateExtension, assert, assertEqual, closeUntitled, diagnosticsOf, openFixture, outlineOf, poll, pollEqual, rangeText, sleep } from './helpers';
import { SLIPS } from './diagnostics.e2e';

/**
 * Runs a command that shows quick picks and accepts the active (first) item of each, until the
 * command finishes. Accepting when no quick pick is open does nothing, so this polls instead of
 * guessing when each pick appears.
 */
async function runAcceptingFirstItems(command: string, timeoutMs = 15000): Promise<void> {
  let settled = false;
  let failure: unknown;
  const running = vscode.commands.executeCommand(command).then(
    () => (settled = true),
    (e) => {
      failure = e;
      settled = true;
    },
  );
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      throw new Error(`${command} did not finish within ${timeoutMs} ms while its quick picks were accepted`);
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await sleep(150);
  }
  await running;
  if (failure) throw failure;
}

/** The extension's output channel, as the workbench shows it to extensions: a document of scheme `output`. */
const isOurOutput = (uri: vscode.Uri) => uri.scheme === 'output' && decodeURIComponent(uri.toString()).includes('transcript-tools.transcript-tools');
const outputText = () => vscode.workspace.textDocuments.find((d) => isOurOutput(d.uri))?.getText();

const selectionOf = (editor: vscode.TextEditor | undefined) => (editor ? `${editor.document.uri.toString()} ${rangeText(editor.selection)}` : 'no editor');

async function goToFirstSpeakersFirstTurn(doc: vscode.TextDocument): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  await runAcceptingFirstItems('transcript.goToSpeaker');
  // Alan Mercer is the first speaker; his first turn's label is `ALAN MERCER, HOST:`.
  await pollEqual('the selection after Go to Speaker', () => selectionOf(vscode.window.activeTextEditor), `${doc.uri.toString()} 4:0-4:18`);
}

export function registerCommandTests(): void {
  suite('Commands and the Speakers view', () => {
    suiteSetup(async () => {
      await activateExtension();
    });

    test('the commands are registered, and the Speakers view is contributed to the Explorer and registered by the workbench', async () => {
      const all = new Set(await vscode.commands.getCommands(true));
      for (const id of ['transcript.goToSpeaker', 'transcript.restartServer', 'transcript.showOutput', 'transcript.revealRange']) assert(all.has(id), `command ${id} is not registered`);
      const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
        contributes: { views: Record<string, Record<string, unknown>[]>; menus: { commandPalette: Record<string, unknown>[] } };
      };
      assertEqual(
        pkg.contributes.views.explorer.find((v) => v.id === 'transcript.speakers'),
        { id: 'transcript.speakers', name: 'Speakers', when: 'resourceLangId == transcript', icon: '$(person)', contextualTitle: 'Transcript' },
        'the Speakers view contribution',
      );
      assertEqual(
        pkg.contributes.menus.commandPalette.find((m) => m.command === 'transcript.goToSpeaker'),
        { command: 'transcript.goToSpeaker', when: 'editorLangId == transcript' },
        'Go to Speaker in the palette (only for transcripts)',
      );
      // The workbench makes a `<view id>.focus` command for each view it registered.
      assert(all.has('transcript.speakers.focus'), 'the workbench registered no transcript.speakers.focus command: the view is not registered');
      await openFixture(Fixtures.library);
      await vscode.commands.executeCommand('transcript.speakers.focus');
      // Focusing a view moves the keyboard focus, not the active editor.
      await pollEqual('the active editor after focusing the Speakers view', () => vscode.window.activeTextEditor?.document.fileName.split('/').pop(), Fixtures.library);
    });

    test('Go to Speaker... lists the speakers, then their turns, and selects the chosen turn\u2019s label', async () => {
      const doc = await openFixture(Fixtures.library);
      await goToFirstSpeakersFirstTurn(doc);
    });

    test('transcript.revealRange, the command of each turn in the Speakers view, selects that turn\u2019s label', async () => {
      const doc = await openFixture(Fixtures.library);
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      // The arguments a turn item carries: the document's URI as a string and the label's range.
      await vscode.commands.executeCommand('transcript.revealRange', doc.uri.toString(), { start: { line: 16, character: 0 }, end: { line: 16, character: 8 } });
      await pollEqual('the selection after transcript.revealRange', () => selectionOf(vscode.window.activeTextEditor), `${doc.uri.toString()} 16:0-16:8`);
    });

    test('Go to Speaker... without a transcript open says so and shows no quick pick', async () => {
      const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Not a transcript.' });
      await vscode.window.showTextDocument(plain, { preview: false });
      try {
        // It must finish on its own: nothing here accepts a quick pick.
        let done = false;
        const running = Promise.resolve(vscode.commands.executeCommand('transcript.goToSpeaker')).then(() => (done = true));
        await poll('transcript.goToSpeaker to finish without a transcript', () => done, (d) => d, 5000);
        await running;
      } finally {
        await closeUntitled(plain);
      }
    });

    test('Show Language Server Output shows the channel, with the server\u2019s log', async () => {
      await vscode.commands.executeCommand('transcript.showOutput');
      // The panel's editor is visible to the API as a document of the `output` scheme.
      await poll('the Transcript Tools output channel to be shown with the index line', () => outputText(), (t) => /Transcript index ready: \d+ file\(s\)/.test(t ?? ''));
      await poll('the output channel in a visible editor (the Output panel)', () => vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()), (uris) => uris.some((u) => isOurOutput(vscode.Uri.parse(u))));
    });

    test('Restart Language Server (twice): a new server indexes again, diagnostics come back, and every feature works afterwards', async () => {
      const slips = await openFixture(Fixtures.ferrySlips);
      await pollEqual('diagnostics before the restart', () => diagnosticsOf(slips.uri), SLIPS);
      // The new server logs its index line again in the output channel (each server instance
      // indexes the workspace once, after it is initialised).
      await vscode.commands.executeCommand('transcript.showOutput');
      const indexLines = () => (outputText() ?? '').match(/Transcript index ready: \d+ file\(s\)/g)?.length ?? 0;
      const before = await poll('the index line in the output channel', indexLines, (n) => n >= 1);
      const republished: number[] = [];
      const listener = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === slips.uri.toString())) republished.push(vscode.languages.getDiagnostics(slips.uri).length);
      });
      try {
        await vscode.commands.executeCommand('transcript.restartServer');
        await poll('a new index line in the output channel after the restart', indexLines, (n) => n === before + 1);
        // ...and once more: the same worker serves a second restart.
        await vscode.commands.executeCommand('transcript.restartServer');
        await poll('a new index line in the output channel after the second restart', indexLines, (n) => n === before + 2);

        // The client clears its diagnostics when it stops and the new server publishes them
        // again (VS Code may merge both into one change event).
        await pollEqual('diagnostics after the restart', () => diagnosticsOf(slips.uri), SLIPS);
        await poll('a diagnostics change for the open transcript', () => republished.slice(), (r) => r.length >= 1 && r[r.length - 1] === SLIPS.length);
      } finally {
        listener.dispose();
      }

      // Features of the new server: outline, hover, completion, workspace symbols (its index is
      // rebuilt through the client's file-system requests) and the Speakers request.
      const library = await openFixture(Fixtures.library);
      await pollEqual('outline after the restart (first two entries)', async () => (await outlineOf(library.uri)).slice(0, 2).map((s) => `${s.name} ${s.range}`), [
        'Eastmoor asks voters to pay for Sunday library hours 0:0-2:216',
        'ALAN MERCER 4:0-6:166',
      ]);
      await pollEqual(
        'hover title after the restart',
        async () => {
          const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', library.uri, new vscode.Position(14, 2));
          const first = h?.[0]?.contents[0];
          return first && typeof first === 'object' && 'value' in first ? first.value.split('\n')[0] : null;
        },
        '**Alan Mercer** \u00b7 HOST',
      );
      await pollEqual(
        'completion labels after the restart',
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', library.uri, new vscode.Position(23, 0));
          return list.items.slice(0, 3).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        },
        ['DELGADO-FINCH:', "O'BRIEN:", 'MERCER:'],
      );
      await pollEqual(
        'workspace symbols for "Kirkbride" after the restart',
        async () => ((await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Kirkbride')) ?? []).map((s) => `${s.name} ${s.location.uri.path}`),
        ['Tomasz Kirkbride /night-market.transcript'],
      );
      await goToFirstSpeakersFirstTurn(library);
    });
  });
}
