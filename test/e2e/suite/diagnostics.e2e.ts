// Diagnostics, quick fixes and fix-all on save, through the public API, against the language
// server in its web worker. ferry-slips.transcript holds one slip of most kinds (and one of
// each severity); tram-fixall.transcript holds slips whose fixes reveal further ones.

import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  Fixtures,
  activateExtension,
  assert,
  assertEqual,
  closeUntitled,
  diagnosticsOf,
  editsFor,
  openFixture,
  openUntitledCopy,
  poll,
  pollEqual,
  readFixture,
  setText,
  type PlainDiagnostic,
} from './helpers';

const SOURCE = 'transcript';

/** ferry-slips.transcript's diagnostics, in document order (0-based ranges). */
export const SLIPS: PlainDiagnostic[] = [
  { range: '8:0-8:4', severity: 'Warning', code: 'unknown-speaker', message: 'Unknown speaker PRAK \u2014 did you mean PARK (Nina Park)?', source: SOURCE, related: ['4:0-4:16 Nina Park is introduced here'] },
  { range: '10:0-10:4', severity: 'Error', code: 'missing-colon', message: 'OSEI starts a line like a speaker label but has no colon: write OSEI:', source: SOURCE },
  { range: '12:0-12:24', severity: 'Error', code: 'unclosed-stage-direction', message: "Stage direction (SOUNDBITE OF FERRY HORN is never closed: add ')'.", source: SOURCE },
  {
    range: '16:0-16:9',
    severity: 'Information',
    code: 'duplicate-introduction',
    message: 'Mira Osei was already introduced on line 7; later turns use the short label OSEI.',
    source: SOURCE,
    related: ['6:0-6:18 The first introduction'],
  },
  {
    range: '18:0-18:7',
    severity: 'Hint',
    code: 'no-introduction',
    message: 'DUNMORE is never introduced by full name and role (as RUTH DUNMORE, ROLE: on first appearance); the text names them Ruth Dunmore.',
    source: SOURCE,
    related: ['16:24-16:36 Ruth Dunmore is named here'],
  },
  {
    range: '22:0-22:5',
    severity: 'Warning',
    code: 'split-turn',
    message: 'Mira Osei speaks twice in a row (line 21 and here): probably one turn split by mistake.',
    source: SOURCE,
    related: ['20:0-20:5 The turn this one continues'],
  },
  { range: '24:0-24:5', severity: 'Warning', code: 'label-case', message: "Label park is not in upper case like the transcript's other labels: write PARK:", source: SOURCE },
  { range: '26:4-26:6', severity: 'Warning', code: 'label-spacing', message: 'Space before the colon in the label OSEI: write OSEI:', source: SOURCE },
  { range: '28:0-28:5', severity: 'Warning', code: 'empty-turn', message: 'PARK says nothing: the label has no text before the next turn.', source: SOURCE, tags: ['Unnecessary'] },
  { range: '30:27-30:28', severity: 'Warning', code: 'unbalanced-quote', message: "Unbalanced double quote: this turn has one \" mark, an odd number, so a quotation is never closed.", source: SOURCE },
  { range: '32:4-32:5', severity: 'Warning', code: 'label-spacing', message: 'No space after the colon of PARK: the words run into the label.', source: SOURCE },
];

const without = (list: PlainDiagnostic[], ...ranges: string[]) => list.filter((d) => !ranges.includes(d.range));

/** tram-fixall.transcript's problems (range and code), before fix-all. */
const TRAM_PROBLEMS = ['10:0-10:5 unknown-speaker', '12:0-12:23 unclosed-stage-direction', '14:0-14:6 empty-turn', '14:4-14:6 label-spacing', '18:0-18:6 split-turn', '20:0-20:5 label-case'];

/**
 * tram-fixall.transcript after fix-all: RAYES -> REYES, the stage direction closed, the empty
 * `COLE :` removed, which puts REYES twice in a row: merged (a second round); `cole:Thanks`
 * becomes a label (`COLE:`), whose missing space is then added (another round).
 */
const TRAM_FIXED = `Late trams return to Harrow Hill on Saturday nights

The transit board restored the last two trams of the night after a petition. KBRT's Jonah Reyes reports.

DANA COLE, HOST: Jonah, how many people signed?

JONAH REYES, BYLINE: More than four thousand, most of them night-shift workers.

COLE: And the board?

REYES: It voted without a single objection.

(SOUNDBITE OF TRAM BELL)

REYES: The first late tram leaves the depot at eleven forty.

It is timed to meet the last ferry.

COLE: Thanks, Jonah.

(SOUNDBITE OF MUSIC) Transcript provided by KBRT, Copyright KBRT.
`;

/**
 * A code action as `vscode.executeCodeActionProvider` returns it. That command does not pass on
 * the diagnostics an action fixes (VS Code builds a new CodeAction from title, kind, edit,
 * command and isPreferred), so which problem an action belongs to cannot be checked here.
 */
interface PlainAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edits: string[];
}

function plainActions(actions: (vscode.CodeAction | vscode.Command)[] | undefined, uri: vscode.Uri): PlainAction[] {
  return (actions ?? []).map((a) => {
    assert(!('command' in a && typeof a.command === 'string'), `expected code actions with edits, got the command ${JSON.stringify(a)}`);
    const action = a as vscode.CodeAction;
    const out: PlainAction = { title: action.title, kind: action.kind?.value ?? '', edits: editsFor(action.edit, uri) };
    if (action.isPreferred !== undefined) out.isPreferred = action.isPreferred;
    return out;
  });
}

const codeActions = (uri: vscode.Uri, range: vscode.Range, kind?: string) =>
  vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);

const brief = (list: PlainDiagnostic[]) => list.map((d) => `${d.range} ${d.code}`);

export function registerDiagnosticsTests(): void {
  suite('Diagnostics, quick fixes and fix-all', () => {
    suiteSetup(async () => {
      await activateExtension();
    });

    test('a transcript with slips gets exact diagnostics: codes, ranges, severities, messages, related information, tags', async () => {
      const doc = await openFixture(Fixtures.ferrySlips);
      await pollEqual('diagnostics of ferry-slips.transcript', () => diagnosticsOf(doc.uri), SLIPS);

      // Each code links to its section of the docs/rules.md shipped with the extension.
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      const rulesDoc = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules.md');
      const targets = vscode.languages.getDiagnostics(doc.uri).map((d) => {
        const code = d.code as { value: string | number; target: vscode.Uri } | undefined;
        assert(code && typeof code === 'object', `diagnostic ${d.message} has no code link`);
        return `${code.value} -> ${code.target.toString()}`;
      });
      assertEqual(
        targets.sort(),
        SLIPS.map((d) => `${d.code} -> ${rulesDoc.with({ fragment: d.code }).toString()}`).sort(),
        'code links (docs/rules.md#code)',
      );
      // ...and that section exists in the shipped file.
      const rulesText = new TextDecoder().decode(await vscode.workspace.fs.readFile(rulesDoc));
      for (const d of SLIPS) assert(rulesText.includes(`\n## ${d.code}\n`), `docs/rules.md has no section "## ${d.code}"`);
    });

    test('a quick fix from executeCodeActionProvider, applied with workspace.applyEdit, fixes the text (untitled copy)', async () => {
      const copy = await openUntitledCopy(Fixtures.ferrySlips);
      try {
        const original = copy.getText();
        await pollEqual('diagnostics of the untitled copy', () => diagnosticsOf(copy.uri), SLIPS);

        // The typo PRAK: one preferred fix, tied to its diagnostic.
        const atTypo = plainActions(await codeActions(copy.uri, new vscode.Range(8, 2, 8, 2)), copy.uri);
        assertEqual(atTypo, [{ title: 'Change to PARK', kind: 'quickfix', isPreferred: true, edits: ['8:0-8:4 "PARK"'] }], 'code actions at 8:2');
        const typoFix = (await codeActions(copy.uri, new vscode.Range(8, 2, 8, 2)))[0] as vscode.CodeAction;
        assertEqual(await vscode.workspace.applyEdit(typoFix.edit!), true, 'applyEdit (Change to PARK)');
        assertEqual(copy.lineAt(8).text, 'PARK: Were they glad to have it back?', 'line 8 after the fix');
        await pollEqual('diagnostics after fixing the typo', () => diagnosticsOf(copy.uri), without(SLIPS, '8:0-8:4'));

        // Label spacing: the fix for this one, and "fix all 2 of this kind".
        const atSpacing = plainActions(await codeActions(copy.uri, new vscode.Range(26, 5, 26, 5)), copy.uri);
        assertEqual(
          atSpacing,
          [
            { title: 'Remove the space before the colon', kind: 'quickfix', isPreferred: true, edits: ['26:4-26:5 ""'] },
            { title: "Fix all 2 problems of this kind in this file", kind: 'quickfix', edits: ['26:4-26:5 ""', '32:5-32:5 " "'] },
          ],
          'code actions at 26:5',
        );
        const fixAllSpacing = (await codeActions(copy.uri, new vscode.Range(26, 5, 26, 5)))[1] as vscode.CodeAction;
        assertEqual(await vscode.workspace.applyEdit(fixAllSpacing.edit!), true, "applyEdit (Fix all 2 'label-spacing')");
        const expected = original
          .replace('PRAK: Were', 'PARK: Were')
          .replace('OSEI : The same', 'OSEI: The same')
          .replace('PARK:Mira Osei', 'PARK: Mira Osei');
        assertEqual(copy.getText(), expected, 'the text after the three fixes');
        await pollEqual('diagnostics after the three fixes', () => diagnosticsOf(copy.uri), without(SLIPS, '8:0-8:4', '26:4-26:6', '32:4-32:5'));

        // Without a matching problem there is nothing to fix.
        assertEqual(plainActions(await codeActions(copy.uri, new vscode.Range(2, 10, 2, 10)), copy.uri), [], 'code actions in the summary');
      } finally {
        await closeUntitled(copy);
      }
    });

    test('source.fixAll.transcript is offered when asked for, as one action', async () => {
      const doc = await openFixture(Fixtures.tramFixAll);
      await pollEqual('problems of tram-fixall.transcript', () => brief(diagnosticsOf(doc.uri)), TRAM_PROBLEMS);
      const actions = await codeActions(doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll');
      const plain = plainActions(actions, doc.uri);
      assertEqual(plain.map((a) => `${a.title} | ${a.kind}`), ['Fix all auto-fixable transcript problems | source.fixAll.transcript'], 'source.fixAll actions');
      // Applying it to a copy of the text gives the fixed transcript (checked without saving).
      const fixed = applyTextEdits(doc.getText(), (actions[0] as vscode.CodeAction).edit!.get(doc.uri), doc);
      assertEqual(fixed, TRAM_FIXED, 'the text with the fix-all edits applied');
    });

    test('fix-all on save: editor.codeActionsOnSave {"source.fixAll.transcript": "explicit"} for [transcript]; File: Save, then document.save()', async () => {
      const doc = await openFixture(Fixtures.tramFixAll);
      const original = await readFixture(Fixtures.tramFixAll);
      assertEqual(doc.getText(), original, 'the document before the test (as stored)');
      await pollEqual('problems before saving', () => brief(diagnosticsOf(doc.uri)), TRAM_PROBLEMS);

      const editorConfig = () => vscode.workspace.getConfiguration('editor', { languageId: 'transcript' });
      const before = editorConfig().inspect('codeActionsOnSave');
      assertEqual(before?.globalLanguageValue, undefined, 'editor.codeActionsOnSave for [transcript] (user settings) before the test');
      const onSave = { 'source.fixAll.transcript': 'explicit' };
      await editorConfig().update('codeActionsOnSave', onSave, vscode.ConfigurationTarget.Global, true);
      try {
        await pollEqual('editor.codeActionsOnSave for [transcript]', () => editorConfig().get('codeActionsOnSave'), onSave);

        // File: Save (Ctrl+S) on the active editor, the way a user saves: an explicit save, which
        // runs the save participants even when the document has no unsaved change.
        await vscode.window.showTextDocument(doc, { preview: false });
        await vscode.commands.executeCommand('workbench.action.files.save');
        await pollEqual('the text after File: Save (fix-all ran before the save)', () => doc.getText(), TRAM_FIXED);
        assertEqual(doc.isDirty, false, 'isDirty after saving');
        assertEqual(await readFixture(Fixtures.tramFixAll), TRAM_FIXED, 'the saved file');
        await pollEqual('problems after fix-all', () => brief(diagnosticsOf(doc.uri)), []);

        // document.save() from an extension is an explicit save too. (It saves only a document
        // with unsaved changes: on an unchanged one it does nothing, participants included.)
        await setText(doc, original);
        assertEqual(doc.isDirty, true, 'isDirty after putting the slips back');
        assertEqual(await doc.save(), true, 'document.save()');
        assertEqual(doc.getText(), TRAM_FIXED, 'the text after document.save()');
        assertEqual(await readFixture(Fixtures.tramFixAll), TRAM_FIXED, 'the file after document.save()');
      } finally {
        await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
        await poll('editor.codeActionsOnSave for [transcript] to be reset', () => editorConfig().inspect('codeActionsOnSave')?.globalLanguageValue, (v) => v === undefined);
        // Put the file back as it was: without the setting, a save leaves the slips alone.
        await setText(doc, original);
        assertEqual(await doc.save(), true, 'document.save() of the restored text');
      }
      assertEqual(doc.getText(), original, 'the text after the restoring save (no fix-all without the setting)');
      assertEqual(await readFixture(Fixtures.tramFixAll), original, 'the file after the restoring save');
      await pollEqual('problems after restoring', () => brief(diagnosticsOf(doc.uri)), TRAM_PROBLEMS);
    });
  });
}

/** Applies text edits (non-overlapping, as LSP sends them) to a text, from the last to the first. */
function applyTextEdits(text: string, edits: vscode.TextEdit[], doc: vscode.TextDocument): string {
  const sorted = edits.slice().sort((a, b) => b.range.start.compareTo(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, doc.offsetAt(e.range.start)) + e.newText + out.slice(doc.offsetAt(e.range.end));
  return out;
}
