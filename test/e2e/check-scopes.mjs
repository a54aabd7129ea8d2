// Checks the TextMate scopes and semantic tokens that the real VS Code workbench applied to
// library-sundays.transcript, from vscode-real's "Developer: Inspect Editor Tokens and Scopes"
// results (results.json `inspect`). The extension API cannot show TextMate scopes, hence this
// check outside the in-workbench suite. Run by run-vscode-real.sh after the UI phase:
//   node test/e2e/check-scopes.mjs out/e2e/results.json
//   node test/e2e/check-scopes.mjs --positions      (prints the positions for --inspect)
// Prints `scopes: N checked, N wrong` and exits 1 when one is wrong or missing.
//
// The positions are 1-based line:column, as --inspect takes them. The editor
// must not wrap lines (the runner uses a wide viewport): the tool moves the cursor with the
// arrow keys, which follow wrapped lines.

import fs from 'node:fs';

const label = ['meta.speaker-label.transcript', 'text.transcript'];
const ownLineCue = ['comment.other.stage-direction.transcript', 'meta.stage-direction.own-line.transcript', 'text.transcript'];
const trailer = ['comment.block.trailer.transcript', 'meta.trailer.transcript', 'text.transcript'];

/** [line:col, token text, TextMate scopes (innermost first), semantic token ('' for none), foreground (Default Dark Modern)] */
const EXPECTED = [
  ['5:3', 'ALAN MERCER', ['entity.name.tag.speaker.transcript', ...label], 'class declaration', '#569CD6'],
  ['5:14', 'HOST', ['entity.other.attribute-name.role.transcript', ...label], '', '#9CDCFE'],
  ['5:18', ':', ['punctuation.separator.label.transcript', ...label], '', '#CCCCCC'],
  ['11:1', '(', ['punctuation.definition.stage-direction.begin.transcript', ...ownLineCue], '', '#6A9955'],
  ['11:3', 'SOUNDBITE OF', ['keyword.other.cue.soundbite.transcript', ...ownLineCue], '', '#569CD6'],
  ['11:20', ')', ['punctuation.definition.stage-direction.end.transcript', ...ownLineCue], '', '#6A9955'],
  ['13:3', "O'BRIEN", ['entity.name.tag.speaker.transcript', ...label], 'class', '#569CD6'],
  ['19:40', 'Rosa Delgado-Finch', ['text.transcript'], 'variable readonly', '#9CDCFE'],
  ['27:30', 'Transcript provided by', ['keyword.other.credit.transcript', 'comment.line.credit.transcript', ...trailer], '', '#569CD6'],
  ['29:3', 'Alan Mercer', trailer, 'variable readonly', '#9CDCFE'],
  ['29:20', null, trailer, '', '#6A9955'], // the bio's text (the token is the whole line)
];
if (process.argv[2] === '--positions') {
  console.log(EXPECTED.map(([pos]) => pos).join(','));
} else {
  const file = process.argv[2] ?? 'out/e2e/results.json';
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  const inspected = results.inspect ?? [];
  const problems = [];
  for (const [pos, token, scopes, semantic, foreground] of EXPECTED) {
    const [line, col] = pos.split(':').map(Number);
    const got = inspected.find((i) => i.line === line && i.col === col);
    if (!got || got.error) {
      problems.push(`${pos}: not inspected (${got?.error ?? 'missing from results.json'})`);
      continue;
    }
    const actual = {
      cursor: got.cursor,
      token: token === null ? null : got.token,
      scopes: (got.table?.['textmate scopes'] ?? '').split('\n').filter(Boolean),
      semantic: [got.table?.['semantic token type'], got.table?.modifiers].filter(Boolean).join(' '),
      foreground: got.table?.foreground,
    };
    const expected = { cursor: `Ln ${line}, Col ${col}`, token, scopes, semantic, foreground };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${pos}:\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
    }
  }
  console.log(`scopes: ${EXPECTED.length} checked, ${problems.length} wrong`);
  for (const p of problems) console.log(`scopes: ${p}`);
  process.exit(problems.length === 0 ? 0 : 1);
}
