// Hostile input must not make the grammar slow. Each case tokenizes 100 KB lines of one
// pathological pattern (long runs of capitals, colons, brackets, quotes, `>>`, digits and
// colons, half-open labels and cues) and must take no more than 10x the time of the same
// amount of ordinary prose, plus a small absolute floor for timer noise. A regular expression
// that backtracks catastrophically, or a rule that rescans the rest of the line per token,
// would miss that bound by orders of magnitude. A second check makes the line four times
// longer and expects the time to grow about fourfold, not sixteenfold.
//
// Timed with tokenizeLine2, the binary form VS Code itself uses; best of RUNS runs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { loadTranscriptGrammar } from './helpers';

const LINE = 100_000;
const MULTIPLE = 10;
const FLOOR_MS = 100;
const RUNS = 3;

const fill = (unit: string, length = LINE) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

// Ordinary transcript prose: sentences of speech with the occasional quotation, (ph) and
// stage direction, as in a real turn. (Plain sentences with no tokens at all are timed and
// reported too.)
const PROSE = fill(
  'The union says the new roster is unsafe, and its local president, Dee Kowalczyk (ph), told me the two sides were, ' +
    'quote, "one phone call away" from a deal on Sunday. (LAUGHTER) The ferry authority disagrees, and says it has ' +
    'offered to meet again whenever the crews are ready to talk. Commuters waited at the terminal for buses that never came. ',
);
const PLAIN = fill('The ferry crews walked off the job at dawn, and by noon the terminal was quiet. Commuters waited for buses that never came. ');

const PATHOLOGICAL: Record<string, string> = {
  'capitals': fill('ABCDEFGHIJKLMNOPQRSTUVWXYZ '),
  'capitals without spaces': fill('A'),
  'colons': fill(':'),
  'capital, colon': fill('A: '),
  'label-like words with commas and colons': fill('A, B C: '),
  'seven-word names, long roles': fill('Mr. AB CD EF GH IJ KL MN, a b c d e f g h: '),
  'open parentheses': fill('('),
  'close parentheses': fill(')'),
  'short parentheticals': fill('(A) '),
  'straight quotes': fill('"'),
  'curly quotes': fill('“'),
  'open square brackets': fill('['),
  'bracket pairs': fill('[A]'),
  'caption markers': fill('>> '),
  'digits and colons': fill('00:00:'),
  'bracketed times': fill('[00:00:00]'),
  'unclosed cues': fill('(SOUNDBITE OF '),
  'unclosed podcast cues': fill('[laughs '),
  'escaped Markdown cues': fill('\\[laughter '),
  'a bit of everything': fill('>> [00:01] MR. A (B, "C (D) E": (ph) [x] “y” '),
  'Unidentified words': fill('Unidentified '),
  'bold labels': fill('**A B:** '),
  'questions and answers': fill('Q. A. Q '),
  'period labels': fill('Mr. Ab. '),
  'deeply indented colloquy': fill('             \t MR. AB CD EF GH IJ KL: '),
  'names and times': fill('Ab 00:00:00 '),
  'numbered voices with times': fill('Speaker 1: (00:00) '),
  'spaces': fill(' '),
  'no-break spaces': fill('\u00a0'),
};

/** Best-of-RUNS time to tokenize `lines` as one document (state carried from line to line). */
function time(grammar: IGrammar, lines: readonly string[]): number {
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    let state = INITIAL;
    // CPU time of this process, not the wall clock: other processes on a busy machine (the
    // test runner runs files in parallel) must not turn a ratio into a failure.
    const t0 = process.cpuUsage();
    for (const line of lines) {
      const r = grammar.tokenizeLine2(line, state);
      assert.equal(r.stoppedEarly, false);
      state = r.ruleStack;
    }
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

test('pathological 100 KB lines tokenize within 10x of ordinary prose, and in linear time', async () => {
  const grammar = await loadTranscriptGrammar();
  // Compile the rules and let the JIT settle before timing anything.
  time(grammar, [PROSE, PATHOLOGICAL['a bit of everything'], PROSE]);
  const proseBefore = time(grammar, [PROSE]);
  const plain = time(grammar, [PLAIN]);
  const results: { name: string; full: number; quarter: number }[] = [];
  for (const [name, text] of Object.entries(PATHOLOGICAL)) {
    assert.equal(text.length, LINE);
    results.push({ name, full: time(grammar, [text]), quarter: time(grammar, [text.slice(0, LINE / 4)]) });
  }
  // Prose is timed before and after; the faster figure is the baseline, so a slow start
  // (another test process warming up) cannot inflate the limit.
  const prose = Math.min(proseBefore, time(grammar, [PROSE]));
  const limit = MULTIPLE * prose + FLOOR_MS;
  const report = [`prose: ${prose.toFixed(1)} ms per 100 KB line (limit ${limit.toFixed(0)} ms); plain sentences: ${plain.toFixed(1)} ms`];
  const slow: string[] = [];
  const quadratic: string[] = [];
  for (const { name, full, quarter } of results) {
    report.push(`${name}: ${full.toFixed(1)} ms (${(full / prose).toFixed(1)}x prose; 25 KB: ${quarter.toFixed(1)} ms)`);
    if (full > limit) slow.push(name);
    // Linear is 4x the quarter-length time, quadratic 16x; 8x plus a little leaves room for noise.
    if (full > 8 * quarter + FLOOR_MS / 2) quadratic.push(name);
  }
  console.log(report.join('\n'));
  assert.deepEqual(slow, [], report.join('\n'));
  assert.deepEqual(quadratic, [], report.join('\n'));
});

test('a document of many short pathological lines tokenizes within 10x of prose', async () => {
  const grammar = await loadTranscriptGrammar();
  // 2000 lines of 50 characters: 100 KB, where per-line work (rule stacks carried across
  // lines, quotes closing at blank lines or labels) would show.
  const doc = (line: string) => Array.from({ length: 2000 }, () => line);
  const prose = time(grammar, doc(PROSE.slice(0, 50)));
  const limit = MULTIPLE * prose + FLOOR_MS;
  for (const unit of ['"', '“', '(', '[', 'A: ', '>> ', 'Mr. A ', '"A: (B ', 'Q. ', '**A B:** ', 'Mr. Ab. ', 'Ab 00:00 ', '               MR. A ', '                    THE COURT ']) {
    const ms = time(grammar, doc(fill(unit, 50)));
    assert.ok(ms <= limit, `${JSON.stringify(unit)} lines: ${ms.toFixed(1)} ms, prose ${prose.toFixed(1)} ms`);
  }
});
