// textDocument/semanticTokens/full and /range over real JSON-RPC (the BUILT server), decoded with
// the legend the server announced: labels of known speakers are `class` (`declaration` on the
// full-name introduction), labels of speakers nobody introduces or names are `macro`, mentions
// of speakers in the text are `variable` + `readonly`. Also after incremental edits.
//
// Fixture: test/fixtures/protocol/mekong-dam.transcript. Each expected token names its text, and
// the test checks that text against the document, so a wrong column cannot pass unnoticed.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { InitializeResult, SemanticTokensLegend, SemanticTokensOptions } from 'vscode-languageserver-protocol';
import { decodeSemanticTokens, repoRoot, TestClient, type DecodedToken } from '../helpers/lspClient';
import { fixture, r } from '../fixtures/protocol/support';

const mekong = fixture('mekong-dam.transcript');
const U = mekong.uri;

interface Expected extends DecodedToken {
  text: string;
}

const tok = (line: number, character: number, text: string, type: string, modifiers: string[] = []): Expected => ({ line, character, length: text.length, type, modifiers, text });
const intro = (line: number, text: string) => tok(line, 0, text, 'class', ['declaration']);
const label = (line: number, text: string) => tok(line, 0, text, 'class');
const unknown = (line: number, text: string) => tok(line, 0, text, 'macro');
const mention = (line: number, character: number, text: string) => tok(line, character, text, 'variable', ['readonly']);

const full: Expected[] = [
  mention(7, 112, 'Wendell Okoro'),
  mention(7, 195, 'Ilse Brandvold'),
  intro(9, 'MARGARET ELLSWORTH'),
  intro(13, 'WENDELL OKORO'),
  // An unidentified voice is nobody introduced.
  unknown(19, 'UNIDENTIFIED FISHERMAN'),
  label(21, 'OKORO'),
  label(23, 'ELLSWORTH'),
  label(25, 'OKORO'),
  label(27, 'ELLSWORTH'),
  mention(27, 11, 'Okoro'),
  mention(27, 63, 'Ilse Brandvold'),
  // Never labelled in full, but named in the summary: known, with no declaration.
  label(29, 'BRANDVOLD'),
  label(31, 'ELLSWORTH'),
  label(33, 'BRANDVOLD'),
  label(35, 'ELLSWORTH'),
  label(37, 'BRANDVOLD'),
  label(39, 'ELLSWORTH'),
  mention(39, 11, 'Wendell Okoro'),
  label(41, 'OKORO'),
  // Named nowhere.
  unknown(43, 'SENGDARA'),
  label(45, 'ELLSWORTH'),
  mention(45, 24, 'Wendell Okoro'),
  mention(45, 60, 'Ilse Brandvold'),
  mention(49, 0, 'Margaret Ellsworth'),
  mention(50, 0, 'Wendell Okoro'),
];

/** The token list without the `text` field, after checking each text against `lines`. */
function checked(expected: Expected[], lines: string[]): DecodedToken[] {
  return expected.map(({ text, ...t }) => {
    assert.equal(lines[t.line].slice(t.character, t.character + t.length), text, `the text at ${t.line}:${t.character}`);
    return t;
  });
}

describe('semantic tokens', () => {
  let client: TestClient;
  let legend: SemanticTokensLegend;
  let provider: SemanticTokensOptions;
  let lines = mekong.text.split('\n');
  before(async () => {
    client = await TestClient.start();
    const init: InitializeResult = await client.initialize();
    const announced = init.capabilities.semanticTokensProvider;
    assert.ok(announced && 'legend' in announced);
    provider = announced;
    legend = provider.legend;
    await client.open(U, mekong.text);
  });
  after(() => client.finish());

  const decoded = async () => {
    const result = await client.semanticTokens(U);
    assert.ok(result);
    return decodeSemanticTokens(result.data, legend);
  };

  test('the legend: class / macro / variable, declaration / readonly; full and range', async () => {
    assert.deepEqual(legend, { tokenTypes: ['class', 'macro', 'variable'], tokenModifiers: ['declaration', 'readonly'] });
    assert.equal(provider.full, true);
    assert.equal(provider.range, true);
  });

  test('package.json maps every type and modifier combination used to a TextMate scope', async () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[] } };
    const scopes = manifest.contributes.semanticTokenScopes.find((s) => s.language === 'transcript')!.scopes;
    for (const key of ['class', 'class.declaration', 'macro', 'variable.readonly']) assert.ok(scopes[key]?.length, key);
  });

  test('full: every label and mention, exactly', async () => {
    assert.deepEqual(await decoded(), checked(full, lines));
  });

  test('the raw encoding: relative lines and columns, five numbers a token', async () => {
    const result = await client.semanticTokens(U);
    // The first three tokens: (7,112) len 13 variable readonly; (7,195) same line, 83 further; (9,0) class declaration.
    assert.deepEqual(result!.data.slice(0, 15), [7, 112, 13, 2, 2, 0, 83, 14, 2, 2, 2, 0, 18, 0, 1]);
    assert.equal(result!.data.length, full.length * 5);
  });

  test('range: only the tokens in it, encoded from the start of the document', async () => {
    const result = await client.semanticTokensRange(U, r(21, 0, 28, 0));
    assert.ok(result);
    const inRange = full.filter((t) => t.line >= 21 && t.line < 28);
    assert.equal(inRange.length, 6);
    assert.deepEqual(decodeSemanticTokens(result.data, legend), checked(inRange, lines));
  });

  test('range: a single line; and a range with no tokens', async () => {
    const one = await client.semanticTokensRange(U, r(45, 0, 45, lines[45].length));
    assert.deepEqual(decodeSemanticTokens(one!.data, legend), checked(full.filter((t) => t.line === 45), lines));
    const none = await client.semanticTokensRange(U, r(15, 0, 17, 10));
    assert.deepEqual(none!.data, []);
  });

  describe('after incremental edits', () => {
    test('a label mistyped becomes unknown; the rest is unchanged', async () => {
      await client.change(U, 2, [{ range: r(25, 2, 25, 3), text: 'A' }]); // OKORO -> OKARO
      lines = lines.map((l, i) => (i === 25 ? `OKARO${l.slice(5)}` : l));
      assert.deepEqual(await decoded(), checked(full.map((t) => (t.line === 25 && t.character === 0 ? unknown(25, 'OKARO') : t)), lines));
    });

    test('typed back, it is Okoro’s again', async () => {
      await client.change(U, 3, [{ range: r(25, 2, 25, 3), text: 'O' }]);
      lines = mekong.text.split('\n');
      assert.deepEqual(await decoded(), checked(full, lines));
    });

    test('Sengdara named in the turn before: his label becomes known, the name a mention', async () => {
      const end = lines[41].length;
      await client.change(U, 4, [{ range: r(41, end, 41, end), text: ' Here is Khamla Sengdara.' }]);
      lines[41] += ' Here is Khamla Sengdara.';
      const expected = full.flatMap((t) => {
        if (t.line === 43) return [label(43, 'SENGDARA')];
        if (t.line === 41) return [t, mention(41, end + 9, 'Khamla Sengdara')];
        return [t];
      });
      assert.deepEqual(await decoded(), checked(expected, lines));
    });

    test('two lines inserted at the top: every token moves down by two', async () => {
      await client.change(U, 5, [{ range: r(0, 0, 0, 0), text: 'RUSH TRANSCRIPT\n\n' }]);
      lines = ['RUSH TRANSCRIPT', '', ...lines];
      const result = await client.semanticTokens(U);
      const shifted = full.flatMap((t) => {
        if (t.line === 43) return [label(43, 'SENGDARA')];
        if (t.line === 41) return [t, mention(41, lines[43].length - 'Khamla Sengdara.'.length, 'Khamla Sengdara')];
        return [t];
      });
      assert.deepEqual(decodeSemanticTokens(result!.data, legend), checked(shifted.map((t) => ({ ...t, line: t.line + 2 })), lines));
    });

    test('a new speaker introduced before the closing cue: a declaration', async () => {
      // The closing cue and credit are on line 49 now.
      assert.ok(lines[49].startsWith('(SOUNDBITE OF MUSIC)'));
      await client.change(U, 6, [{ range: r(49, 0, 49, 0), text: 'DARA FINCH, BYLINE: One more thing.\n\n' }]);
      lines = [...lines.slice(0, 49), 'DARA FINCH, BYLINE: One more thing.', '', ...lines.slice(49)];
      const tokens = await decoded();
      assert.equal(tokens.length, full.length + 2);
      const at = tokens.findIndex((t) => t.line === 49);
      assert.deepEqual(tokens[at], checked([intro(49, 'DARA FINCH')], lines)[0]);
      // The bios moved down by two more.
      assert.deepEqual(tokens.slice(at + 1), checked([mention(53, 0, 'Margaret Ellsworth'), mention(54, 0, 'Wendell Okoro')], lines));
    });
  });

  test('a document that is not open: no tokens', async () => {
    assert.deepEqual(await client.semanticTokens('file:///virtual/not-open.transcript'), { data: [] });
  });
});
