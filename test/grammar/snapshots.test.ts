// Runs the hand-written syntax tests in test/grammar/cases/*.txt (format: see syntax-cases.ts).
// The expected scopes live in those files, written by hand; nothing here generates them.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { loadTranscriptGrammar, scopesAt, tokenizeLines, transcriptContribution } from './helpers';
import { forbiddenPresent, hasInOrder, parseSyntaxCases, type SyntaxCaseFile } from './syntax-cases';

const casesDir = join(__dirname, 'cases');
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** One message per failing assertion (empty when all hold). */
function check(grammar: IGrammar, cases: SyntaxCaseFile, file: string): string[] {
  const tokens = tokenizeLines(grammar, cases.lines);
  const failures: string[] = [];
  for (const a of cases.assertions) {
    const line = cases.lines[a.sourceLine];
    for (let col = a.from; col < a.to; col++) {
      const scopes = scopesAt(tokens[a.sourceLine], col);
      const missing = !hasInOrder(scopes, a.expected);
      const extra = forbiddenPresent(scopes, a.forbidden);
      if (!missing && extra.length === 0) continue;
      const t = tokens[a.sourceLine].find((k) => k.start <= col && col < k.end);
      failures.push(
        `${file}:${a.fileLine} column ${col} of ${JSON.stringify(line)}\n` +
          `    token ${JSON.stringify(t?.text)} has [${scopes.slice(1).join(', ')}]\n` +
          (missing ? `    expected (in order) [${a.expected.join(', ')}]\n` : '') +
          (extra.length ? `    must not have [${extra.join(', ')}]\n` : ''),
      );
      break; // one report per assertion
    }
  }
  return failures;
}

test('the case files cover every construct', () => {
  assert.deepEqual(files, [
    'credit-and-page.txt',
    'labels.txt',
    'language-notes.txt',
    'negatives.txt',
    'quotes.txt',
    'stage-directions.txt',
    'styles-court.txt',
    'styles-hearing.txt',
    'styles-podcast.txt',
    'timestamps.txt',
  ]);
});

for (const file of files) {
  test(`syntax cases: ${file}`, async () => {
    const cases = parseSyntaxCases(readFileSync(join(casesDir, file), 'utf8'), file);
    assert.equal(cases.scopeName, transcriptContribution().scopeName);
    assert.ok(cases.assertions.length >= 5, 'the file asserts something');
    const failures = check(await loadTranscriptGrammar(), cases, file);
    assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
  });
}

test('the runner reports a wrong expectation, a forbidden scope and a misplaced marker', async () => {
  const grammar = await loadTranscriptGrammar();
  const text = [
    '// SYNTAX TEST "text.transcript" "self-check"',
    'SALEH: Thank you.',
    '// <----- entity.name.tag.speaker.transcript',
    '// <----- string.quoted.double.transcript',
    '//     ^^^^^ - meta.speaker-label',
    '//   ^ - punctuation.separator',
    '// a remark, not an assertion',
  ].join('\n');
  const cases = parseSyntaxCases(text, 'self-check');
  assert.equal(cases.assertions.length, 4);
  assert.deepEqual(
    cases.assertions.map((a) => [a.from, a.to]),
    [
      [0, 5],
      [0, 5],
      [7, 12],
      [5, 6],
    ],
  );
  const failures = check(grammar, cases, 'self-check');
  assert.equal(failures.length, 2, failures.join('\n'));
  assert.match(failures[0], /self-check:4 column 0/);
  assert.match(failures[1], /self-check:6 column 5[\s\S]*must not have \[punctuation\.separator\.label\.transcript\]/);
  assert.throws(() => parseSyntaxCases('// SYNTAX TEST "text.transcript"\nAB\n//     ^ x', 'bad'), /past the end/);
  assert.throws(() => parseSyntaxCases('no header\n', 'bad'), /SYNTAX TEST/);
});
