// Hovers, rename, completion, navigation, formatting and semantic tokens through the public `vscode.execute*` and
// `vscode.provide*` commands, against the language server in its web worker.

import * as vscode from 'vscode';
import {
  Fixtures,
  activateExtension,
  assert,
  assertEqual,
  assertThrows,
  closeUntitled,
  editsFor,
  openFixture,
  openUntitledCopy,
  pollEqual,
  rangeText,
} from './helpers';

interface PlainHover {
  range: string;
  contents: string[];
}

async function hoversAt(uri: vscode.Uri, line: number, character: number): Promise<PlainHover[]> {
  const r = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return (r ?? []).map((h) => ({
    range: h.range ? rangeText(h.range) : '',
    contents: h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))),
  }));
}

const CompletionKinds = vscode.CompletionItemKind as unknown as Record<number, string>;

/** `label | kind | detail | insert text | range | sort text [| documentation]` */
function plainCompletion(i: vscode.CompletionItem): string {
  const label = typeof i.label === 'string' ? i.label : i.label.label;
  const insert = i.insertText instanceof vscode.SnippetString ? `snippet ${i.insertText.value}` : JSON.stringify(i.insertText ?? label);
  const range = !i.range ? 'no range' : i.range instanceof vscode.Range ? rangeText(i.range) : `${rangeText(i.range.inserting)}/${rangeText(i.range.replacing)}`;
  const doc = i.documentation === undefined ? '' : ` | ${typeof i.documentation === 'string' ? i.documentation : i.documentation.value}`;
  return `${label} | ${i.kind === undefined ? 'no kind' : CompletionKinds[i.kind]} | ${i.detail ?? ''} | ${insert} | ${range} | ${i.sortText ?? ''}${doc}`;
}

async function completionsAt(uri: vscode.Uri, line: number, character: number): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
  return list.items.map(plainCompletion);
}

/** The stage directions offered at the start of a line, after the speakers (the range is filled in). */
const stageDirections = (range: string) => [
  `(SOUNDBITE OF ARCHIVED RECORDING) | Snippet | A recording played on air | "(SOUNDBITE OF ARCHIVED RECORDING)" | ${range} | 1000`,
  `(SOUNDBITE OF MUSIC) | Snippet | Music | "(SOUNDBITE OF MUSIC)" | ${range} | 1001`,
  `(SOUNDBITE OF \u2026) | Snippet | Any sound | snippet (SOUNDBITE OF \${1:SOUND})$0 | ${range} | 1002`,
  `(BEGIN VIDEO CLIP) | Snippet | Start of a video clip | "(BEGIN VIDEO CLIP)" | ${range} | 1003`,
  `(END VIDEO CLIP) | Snippet | End of a video clip | "(END VIDEO CLIP)" | ${range} | 1004`,
  `(LAUGHTER) | Snippet | Audience reaction | "(LAUGHTER)" | ${range} | 1005`,
  `(APPLAUSE) | Snippet | Audience reaction | "(APPLAUSE)" | ${range} | 1006`,
  `(CROSSTALK) | Snippet | Speakers talking over each other | "(CROSSTALK)" | ${range} | 1007`,
  `(INAUDIBLE) | Snippet | Words that cannot be made out | "(INAUDIBLE)" | ${range} | 1008`,
  `(BREAK) | Snippet | A break in the programme | "(BREAK)" | ${range} | 1009`,
];

/** Semantic tokens as `line:char "text" type[.modifier...]`, decoded with the legend. */
async function semanticTokensOf(doc: vscode.TextDocument): Promise<string[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
  if (!legend || !tokens) return [];
  const out: string[] = [];
  const d = tokens.data;
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < d.length; i += 5) {
    line += d[i];
    char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
    const text = doc.getText(new vscode.Range(line, char, line, char + d[i + 2]));
    const modifiers = legend.tokenModifiers.filter((_m, bit) => (d[i + 4] & (1 << bit)) !== 0);
    out.push(`${line}:${char} ${JSON.stringify(text)} ${[legend.tokenTypes[d[i + 3]], ...modifiers].join('.')}`);
  }
  return out;
}

export function registerFeatureTests(): void {
  suite('Hovers, rename, completion, navigation, formatting, semantic tokens', () => {
    let library: vscode.TextDocument;
    let libraryUri: string;

    suiteSetup(async () => {
      await activateExtension();
      library = await openFixture(Fixtures.library);
      libraryUri = library.uri.toString();
    });

    test('hover on a speaker label: the speaker card (full name, role, labels, bio, share, first turn)', async () => {
      await pollEqual('hover on MERCER: (14:2)', () => hoversAt(library.uri, 14, 2), [
        {
          range: '14:0-14:6',
          contents: [
            [
              '**Alan Mercer** \u00b7 HOST',
              '',
              'Labels: `ALAN MERCER:`, `MERCER:`',
              '',
              '> Alan Mercer hosts the evening program on WQRT.',
              '',
              '3 turns \u00b7 42 words (32% of the words spoken) \u00b7 ~17 s at 150 words a minute',
              '',
              `First speaks on [line 5](${libraryUri}#L5)`,
            ].join('\n'),
          ],
        },
      ]);
    });

    test('hover on a speaker named in the text, on a stage direction, and on an organisation (with workspace counts)', async () => {
      await pollEqual('hover on "Rosa Delgado-Finch" (18:40)', () => hoversAt(library.uri, 18, 40), [
        {
          range: '18:29-18:47',
          contents: [
            [
              '**Rosa Delgado-Finch**',
              '',
              'Labels: `ROSA DELGADO-FINCH:`',
              '',
              '> Rosa Delgado-Finch chairs the library board, and she says weekends are when working families can actually come in.',
              '',
              '1 turn \u00b7 21 words (16% of the words spoken) \u00b7 ~8 s at 150 words a minute',
              '',
              `First speaks on [line 21](${libraryUri}#L21)`,
            ].join('\n'),
          ],
        },
      ]);
      await pollEqual('hover on (SOUNDBITE OF MUSIC) (10:5)', () => hoversAt(library.uri, 10, 5), [
        { range: '10:0-10:20', contents: ['**Sound bite \u2014 a recording played on air**\n\n`(SOUNDBITE OF MUSIC)`'] },
      ]);
      // WQRT: 3 times in night-market.transcript and twice in school-buses.transcript, which the
      // server reads through the client's file-system requests once its index is built.
      await pollEqual('hover on WQRT (2:140)', () => hoversAt(library.uri, 2, 140), [
        {
          range: '2:136-2:140',
          contents: [
            [
              '**WQRT** \u00b7 organisation',
              '',
              "Mentioned 6 times in this transcript (WQRT's \u00d71, WQRT \u00d75).",
              '',
              '5 times in 2 other transcripts of the workspace.',
              '',
              `First mention, [line 3](${libraryUri}#L3):`,
              '',
              "> Member station WQRT's Siobhan O'Brien reports, and we hear from the chair of the library board.",
            ].join('\n'),
          ],
        },
      ]);
      await pollEqual('hover on plain words (6:3)', () => hoversAt(library.uri, 6, 3), []);
    });

    test("rename a speaker: prepareRename, executeDocumentRenameProvider, applyEdit (untitled copy)", async () => {
      const copy = await openUntitledCopy(Fixtures.library);
      try {
        const original = copy.getText();
        const at = new vscode.Position(12, 3); // O'BRIEN: (a short label)
        const prepared = await pollEqual(
          'prepareRename on O\u2019BRIEN:',
          async () => {
            const r = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string } | undefined>('vscode.prepareRename', copy.uri, at);
            return r ? { range: rangeText(r.range), placeholder: r.placeholder } : null;
          },
          { range: '12:0-12:7', placeholder: "Siobhan O'Brien" },
        );
        assert(prepared, 'prepareRename');
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', copy.uri, at, "Siobhan O'Hara");
        assertEqual(
          editsFor(edit, copy.uri).sort(),
          [
            '8:0-8:15 "SIOBHAN O\'HARA"', // the introduction
            '12:0-12:7 "O\'HARA"',
            '16:0-16:7 "O\'HARA"',
            '24:0-24:7 "O\'HARA"',
            '2:143-2:158 "Siobhan O\'Hara"', // the summary
            '22:8-22:23 "Siobhan O\'Hara"', // a mention in a turn
            '29:0-29:15 "Siobhan O\'Hara"', // the bio in the trailer
          ].sort(),
          'rename edits',
        );
        assertEqual(await vscode.workspace.applyEdit(edit), true, 'applyEdit (rename)');
        assertEqual(copy.getText(), original.replaceAll("O'BRIEN", "O'HARA").replaceAll("Siobhan O'Brien", "Siobhan O'Hara"), 'the text after the rename');
        assert(!copy.getText().includes('Brien') && !copy.getText().includes('BRIEN'), 'the old name is still in the text');

        // Where there is no speaker, or the new name is not a name, the server says why.
        try {
          await vscode.commands.executeCommand('vscode.prepareRename', copy.uri, new vscode.Position(6, 3));
          throw new Error('prepareRename on plain words did not fail');
        } catch (e) {
          assertThrows('prepareRename on plain words', e, /Put the cursor on a speaker's label or on their name in the text to rename them\./);
        }
        try {
          await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', copy.uri, new vscode.Position(12, 3), "O'Hara 2");
          throw new Error('renaming to "O\'Hara 2" did not fail');
        } catch (e) {
          assertThrows('rename to a non-name', e, /"O'Hara 2" is not a name: use letters, spaces, apostrophes, hyphens and periods\./);
        }
      } finally {
        await closeUntitled(copy);
      }
    });

    test('completion at the start of a line: speakers (short label once introduced, the likeliest first), then stage directions', async () => {
      // 23:0, the blank line after `MERCER: ... thank you.`: everyone has been introduced.
      // Ranked: the speaker before the last (Delgado-Finch), the others, the last speaker (Mercer).
      await pollEqual('completions at 23:0', () => completionsAt(library.uri, 23, 0), [
        'DELGADO-FINCH: | Class | Rosa Delgado-Finch | "DELGADO-FINCH: " | 23:0-23:0 | 0000',
        "O'BRIEN: | Class | Siobhan O'Brien \u00b7 BYLINE | \"O'BRIEN: \" | 23:0-23:0 | 0001",
        'MERCER: | Class | Alan Mercer \u00b7 HOST | "MERCER: " | 23:0-23:0 | 0002',
        ...stageDirections('23:0-23:0'),
      ]);
      // 3:0, before the first turn: nobody is introduced yet, so the full label with the role.
      await pollEqual('completions at 3:0', () => completionsAt(library.uri, 3, 0), [
        "SIOBHAN O'BRIEN, BYLINE: | Class | Siobhan O'Brien \u00b7 BYLINE | \"SIOBHAN O'BRIEN, BYLINE: \" | 3:0-3:0 | 0000 | First appearance: full name and role.",
        'ALAN MERCER, HOST: | Class | Alan Mercer \u00b7 HOST | "ALAN MERCER, HOST: " | 3:0-3:0 | 0001 | First appearance: full name and role.',
        'ROSA DELGADO-FINCH: | Class | Rosa Delgado-Finch | "ROSA DELGADO-FINCH: " | 3:0-3:0 | 0002 | First appearance: full name and role.',
        ...stageDirections('3:0-3:0'),
      ]);
      // After a label's colon the server offers nothing of its own; whatever VS Code adds from
      // other sources (word-based suggestions: kind Text) is left aside.
      const afterColon = (await completionsAt(library.uri, 14, 10)).filter((i) => !i.includes(' | Text | '));
      assertEqual(afterColon, [], 'completions after a label (14:10), other than words');
    });

    test('definition, references and highlights of a speaker; Format Document', async () => {
      const at = new vscode.Position(14, 2); // MERCER:
      const where = (l: vscode.Location | vscode.LocationLink) => ('uri' in l ? `${l.uri.toString() === libraryUri ? '' : l.uri.toString()}${rangeText(l.range)}` : `link ${rangeText(l.targetRange)}`);
      await pollEqual('definition of MERCER: (the introduction)', async () => ((await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', library.uri, at)) ?? []).map(where), ['4:0-4:11']);
      await pollEqual('references to Alan Mercer (labels and the bio)', async () => ((await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', library.uri, at)) ?? []).map(where), [
        '4:0-4:11',
        '14:0-14:6',
        '22:0-22:6',
        '28:0-28:11',
      ]);
      const kinds = vscode.DocumentHighlightKind as unknown as Record<number, string>;
      await pollEqual(
        'highlights of Alan Mercer (labels Write, mentions Read)',
        async () => ((await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', library.uri, at)) ?? []).map((h) => `${rangeText(h.range)} ${kinds[h.kind ?? 0]}`),
        ['4:0-4:11 Write', '14:0-14:6 Write', '22:0-22:6 Write', '28:0-28:11 Read'],
      );
      // Format Document touches white space only: here the two label-spacing slips.
      const slips = await openFixture(Fixtures.ferrySlips, false);
      await pollEqual(
        'Format Document edits for ferry-slips.transcript',
        async () => ((await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', slips.uri, { tabSize: 4, insertSpaces: true })) ?? []).map((e) => `${rangeText(e.range)} ${JSON.stringify(e.newText)}`),
        ['26:4-26:5 ""', '32:5-32:5 " "'],
      );
    });

    test('semantic tokens: the legend, introduced speakers, short labels, unknown labels and mentions', async () => {
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', library.uri);
      assertEqual({ tokenTypes: legend.tokenTypes, tokenModifiers: legend.tokenModifiers }, { tokenTypes: ['class', 'macro', 'variable'], tokenModifiers: ['declaration', 'readonly'] }, 'legend');
      await pollEqual('semantic tokens of library-sundays.transcript', () => semanticTokensOf(library), [
        '2:143 "Siobhan O\'Brien" variable.readonly',
        '4:0 "ALAN MERCER" class.declaration',
        '8:0 "SIOBHAN O\'BRIEN" class.declaration',
        '12:0 "O\'BRIEN" class',
        '14:0 "MERCER" class',
        '16:0 "O\'BRIEN" class',
        '18:29 "Rosa Delgado-Finch" variable.readonly',
        '20:0 "ROSA DELGADO-FINCH" class.declaration',
        '22:0 "MERCER" class',
        '22:8 "Siobhan O\'Brien" variable.readonly',
        '24:0 "O\'BRIEN" class',
        '28:0 "Alan Mercer" variable.readonly',
        '29:0 "Siobhan O\'Brien" variable.readonly',
      ]);
      // The typo PRAK belongs to nobody introduced: `macro` (mapped to an "unknown speaker" scope).
      const slips = await openFixture(Fixtures.ferrySlips, false);
      await pollEqual('the unknown label in ferry-slips.transcript', async () => (await semanticTokensOf(slips)).filter((t) => t.endsWith(' macro')), ['8:0 "PRAK" macro']);
    });
  });
}
