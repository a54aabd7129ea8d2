// The Outline (document symbols), folding, the `transcript.outline.groupBySpeaker` setting and
// live edits, through the public VS Code commands, against the language server in its worker.

import * as vscode from 'vscode';
import { Fixtures, activateExtension, assertEqual, foldingOf, openFixture, outlineOf, poll, pollEqual, stage, turn, type PlainSymbol } from './helpers';

const TITLE = 'Eastmoor asks voters to pay for Sunday library hours';

/** library-sundays.transcript, turns in document order (the default). */
const FLAT: PlainSymbol[] = [
  { name: TITLE, detail: '', kind: 'File', range: '0:0-2:216', selectionRange: '0:0-0:52' },
  turn('ALAN MERCER', 'Sunday hours were among the first things Eastmoor cut when\u2026', '4:0-6:166', '4:0-4:18'),
  turn("SIOBHAN O'BRIEN", 'The council voted six to one last night to put the levy on\u2026', '8:0-8:167', '8:0-8:24'),
  stage('(SOUNDBITE OF MUSIC)', '10:0-10:20'),
  turn("O'BRIEN (Siobhan O'Brien)", 'At the Linden Street branch on a Saturday, the line at the\u2026', '12:0-12:97', '12:0-12:8'),
  turn('MERCER (Alan Mercer)', 'Who has been pushing for this?', '14:0-14:38', '14:0-14:7'),
  turn("O'BRIEN (Siobhan O'Brien)", 'Mostly parents and students. Rosa Delgado-Finch chairs the\u2026', '16:0-18:143', '16:0-16:8'),
  turn('ROSA DELGADO-FINCH', 'We hear it every week. People tell us they work Monday to\u2026', '20:0-20:135', '20:0-20:19'),
  turn('MERCER (Alan Mercer)', "Siobhan O'Brien of member station WQRT, thank you.", '22:0-22:58', '22:0-22:7'),
  turn("O'BRIEN (Siobhan O'Brien)", 'Thanks, Alan.', '24:0-24:22', '24:0-24:8'),
  stage('(SOUNDBITE OF MUSIC)', '26:0-26:20'),
];

/** The same with `transcript.outline.groupBySpeaker`: speaker -> turns; stage directions are left out. */
const GROUPED: PlainSymbol[] = [
  FLAT[0],
  {
    name: 'Alan Mercer',
    detail: 'ALAN MERCER, MERCER \u00b7 HOST \u00b7 3 turns',
    kind: 'Class',
    range: '4:0-22:58',
    selectionRange: '4:0-4:18',
    children: [FLAT[1], FLAT[5], FLAT[8]],
  },
  {
    name: "Siobhan O'Brien",
    detail: "SIOBHAN O'BRIEN, O'BRIEN \u00b7 BYLINE \u00b7 4 turns",
    kind: 'Class',
    range: '8:0-24:22',
    selectionRange: '8:0-8:24',
    children: [FLAT[2], FLAT[4], FLAT[6], FLAT[9]],
  },

  {
    name: 'Rosa Delgado-Finch',
    detail: 'ROSA DELGADO-FINCH \u00b7 1 turn',
    kind: 'Class',
    range: '20:0-20:135',
    selectionRange: '20:0-20:19',
    children: [FLAT[7]],
  },
];

/** school-buses.transcript before and after the edit test inserts a turn at line 8. */
const BUSES_TITLE = { name: 'Parents in Eastmoor push back on earlier school bus times', detail: '', kind: 'File', range: '0:0-2:136', selectionRange: '0:0-0:57' };
const BUSES_BEFORE: PlainSymbol[] = [
  BUSES_TITLE,
  turn('ALAN MERCER', 'The district says the change would save money on drivers\u2026', '4:0-4:125', '4:0-4:18'),
  turn('JUNIPER OAKES', 'My youngest would be at the stop at six forty. It is still\u2026', '6:0-6:102', '6:0-6:14'),
  turn('MERCER (Alan Mercer)', 'The school board votes on the plan next month.', '8:0-8:54', '8:0-8:7'),
  stage('(SOUNDBITE OF MUSIC)', '10:0-10:20'),
];
const INSERTED_TURN = 'OAKES: We will all be at that meeting.\n\n';
const BUSES_AFTER: PlainSymbol[] = [
  BUSES_BEFORE[0],
  BUSES_BEFORE[1],
  BUSES_BEFORE[2],
  turn('OAKES (Juniper Oakes)', 'We will all be at that meeting.', '8:0-8:38', '8:0-8:6'),
  turn('MERCER (Alan Mercer)', 'The school board votes on the plan next month.', '10:0-10:54', '10:0-10:7'),
  stage('(SOUNDBITE OF MUSIC)', '12:0-12:20'),
];

export function registerOutlineTests(): void {
  suite('Outline and folding', () => {
    let doc: vscode.TextDocument;

    suiteSetup(async () => {
      await activateExtension();
      doc = await openFixture(Fixtures.library);
    });

    test('executeDocumentSymbolProvider gives the exact outline: title, turns and stage directions', async () => {
      await pollEqual('document symbols of library-sundays.transcript', () => outlineOf(doc.uri), FLAT);
    });

    test('executeFoldingRangeProvider gives the preamble, the multi-line turns and the trailer', async () => {
      // 0-2 title and summary; 4-6 and 16-18 labels alone on their line with the paragraph
      // below; 26-29 the credit line and the bios.
      await pollEqual('folding ranges of library-sundays.transcript', () => foldingOf(doc.uri), ['0-2', '4-6', '16-18', '26-29']);
    });

    test('transcript.outline.groupBySpeaker makes the outline speaker -> turns, and back', async () => {
      const config = () => vscode.workspace.getConfiguration('transcript', doc.uri);
      assertEqual(config().get('outline.groupBySpeaker'), false, 'transcript.outline.groupBySpeaker before the test');
      await pollEqual('the flat outline before the change', () => outlineOf(doc.uri), FLAT);
      await config().update('outline.groupBySpeaker', true, vscode.ConfigurationTarget.Global);
      try {
        assertEqual(config().get('outline.groupBySpeaker'), true, 'transcript.outline.groupBySpeaker after update');
        await pollEqual('the outline grouped by speaker', () => outlineOf(doc.uri), GROUPED);
      } finally {
        await config().update('outline.groupBySpeaker', undefined, vscode.ConfigurationTarget.Global);
      }
      assertEqual(config().get('outline.groupBySpeaker'), false, 'transcript.outline.groupBySpeaker after the reset');
      await pollEqual('the flat outline after the reset', () => outlineOf(doc.uri), FLAT);
    });

    test('editing the document (a new turn) updates the outline', async () => {
      const buses = await openFixture(Fixtures.schoolBuses);
      await pollEqual('outline of school-buses.transcript before the edit', () => outlineOf(buses.uri), BUSES_BEFORE);

      const insert = new vscode.WorkspaceEdit();
      insert.insert(buses.uri, new vscode.Position(8, 0), INSERTED_TURN);
      assertEqual(await vscode.workspace.applyEdit(insert), true, 'applyEdit (insert)');
      assertEqual(buses.lineAt(8).text, 'OAKES: We will all be at that meeting.', 'line 8 after the edit');
      await pollEqual('outline after inserting a turn', () => outlineOf(buses.uri), BUSES_AFTER);
      await pollEqual('folding after inserting a turn', () => foldingOf(buses.uri), ['0-2']);

      // Take it out again: the outline follows back (and the document is as on disk).
      const remove = new vscode.WorkspaceEdit();
      remove.delete(buses.uri, new vscode.Range(8, 0, 10, 0));
      assertEqual(await vscode.workspace.applyEdit(remove), true, 'applyEdit (delete)');
      await pollEqual('outline after removing the turn', () => outlineOf(buses.uri), BUSES_BEFORE);
      await poll('the document to be unchanged', () => buses.lineAt(8).text, (t) => t === 'MERCER: The school board votes on the plan next month.');
    });
  });
}
