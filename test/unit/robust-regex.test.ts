// No regular expression in the server or the grammar is super-linear.
//
// 1. A sweep of every regular-expression literal in server/src (found with the TypeScript
//    parser, so a new one is swept the day it is written): each runs on "pumped" strings — a
//    prefix, one piece repeated, a suffix that makes the match fail — the pieces transcripts
//    are made of (spaces, tabs, capitals, colons, brackets, quotes, digits, line breaks, astral
//    and combining characters). The slowest strings are timed again at 4x the length: linear
//    work grows ~4x, quadratic ~16x. A super-linear one fails the sweep unless it is listed
//    below, as a known bug (with its own todo test) or as applied to input of bounded length.
// 2. Every `new RegExp(…)` in server/src must be one reviewed here (they are built from names in
//    the document; their cost is tested end to end).
// 3. The same sweep over every pattern of the TextMate grammar, on Oniguruma (VS Code's engine).
// 4. End to end: adversarial documents through the parser and features, sized so that a
//    quadratic step would take seconds (in a worker with a deadline: a regression costs the
//    deadline, not minutes).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import * as oniguruma from 'vscode-oniguruma';
import { parseTranscript } from '../../server/src/parser';
import { cpuTimed, fuzzing, repoRoot, timeInWorker } from '../helpers/arbitraries';
import { loadOniguruma, rawGrammarJson, type RuleJson } from '../grammar/helpers';

// ---------------------------------------------------------------------------------------------
// Attack strings

const PUMPS = fuzzing
  ? [' ', '\t', '\u00a0', 'a', 'A', 'Aa', 'a ', 'A ', 'Aa ', 'A.', 'A. ', '. ', '.a', ':', ': ', 'a: ', ',', ', ', 'A, ', '(', '( ', ')', '[', ']', '"', "'", '’', "a'", '-', '1', '1:', '00:', '#', 'é', 'e\u0301', '😀', '\n', '\r\n', '\r', 'Aa Aa ', ' (', 'of ']
  : [' ', '\t', 'a', 'A', 'Aa ', 'A.', '. ', ':', ', ', '(', ')', ']', '"', "'", '1', '00:', '\n', '😀', 'é', 'e\u0301'];
const PREFIXES = ['', 'a', 'A', 'title: a', 'NINA PARK, ', ...(fuzzing ? ['(', 'Transcript provided by ', '[00:01] ', 'in '] : [])];
const SUFFIXES = ['', '!', '\u0000', ...(fuzzing ? ['a', 'A', ':'] : [])];
const N = fuzzing ? 2_000 : 1_000;

interface Attack {
  prefix: string;
  pump: string;
  suffix: string;
}
const ATTACKS: Attack[] = PUMPS.flatMap((pump) => PREFIXES.flatMap((prefix) => SUFFIXES.map((suffix) => ({ prefix, pump, suffix }))));
const attackText = (a: Attack, n: number) => a.prefix + a.pump.repeat(Math.ceil(n / a.pump.length)) + a.suffix;
const describeAttack = (a: Attack) => `${JSON.stringify(a.prefix)} + ${JSON.stringify(a.pump)} x n + ${JSON.stringify(a.suffix)}`;

/** Runs the expression as the code does: once, or to the last match with the g or y flag. */
function runJs(re: RegExp, s: string): void {
  if (!re.global && !re.sticky) {
    re.exec(s);
    return;
  }
  re.lastIndex = 0;
  let guard = 0;
  for (let m = re.exec(s); m && guard < 1e6; m = re.exec(s), guard++) if (m[0].length === 0) re.lastIndex++;
}

const now = () => performance.now();

/** Best of three wall-clock timings, in milliseconds. */
function best(f: () => void, tries = 3): number {
  let min = Infinity;
  for (let i = 0; i < tries; i++) {
    const t0 = now();
    f();
    min = Math.min(min, now() - t0);
  }
  return min;
}

interface Verdict {
  attack: Attack;
  small: number;
  large: number;
}

/**
 * The worst attack on `run` if it looks super-linear: among the 3 slowest strings at length N,
 * one that takes more than 1.5 ms at 4N and more than 8x its time at N. Undefined otherwise.
 */
function superLinear(run: (s: string) => void): Verdict | undefined {
  const times = ATTACKS.map((attack) => {
    const s = attackText(attack, N);
    const t0 = now();
    run(s);
    return { attack, ms: now() - t0 };
  });
  times.sort((a, b) => b.ms - a.ms);
  for (const { attack } of times.slice(0, 3)) {
    const small = attackText(attack, N);
    const large = attackText(attack, 4 * N);
    const ts = best(() => run(small));
    const tl = best(() => run(large));
    if (tl > 1.5 && tl > 8 * Math.max(ts, 0.05)) {
      // Measured again before it fails: a loaded machine can stall a whole measurement, while
      // a super-linear pattern is slow every time.
      const ts2 = best(() => run(small), 7);
      const tl2 = best(() => run(large), 7);
      if (tl2 > 1.5 && tl2 > 8 * Math.max(ts2, 0.05)) return { attack, small: ts2, large: tl2 };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The regular expressions of the server

interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

function scanServer(): { literals: Found[]; constructed: { file: string; line: number; text: string }[] } {
  const literals: Found[] = [];
  const constructed: { file: string; line: number; text: string }[] = [];
  for (const path of sourceFiles(join(repoRoot, 'server', 'src'))) {
    const file = relative(repoRoot, path).split('\\').join('/');
    const src = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      const line = src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(src);
        const slash = text.lastIndexOf('/');
        literals.push({ file, line, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(src) === 'RegExp') {
        constructed.push({ file, line, text: node.arguments?.[0]?.getText(src).replace(/\s+/g, ' ') ?? '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return { literals, constructed };
}

/**
 * Super-linear on some input, but only ever applied to text of bounded length at its call site
 * (checked by reading the call site; the end-to-end tests below and robust-features.test.ts run
 * the features on megabyte inputs).
 */
const BOUNDED: { file: string; source: string; why: string }[] = [
  { file: 'server/src/features/symbols.ts', source: String.raw`[\s,;:.-]+$`, why: 'truncate(): applied to the cut head of a name, at most 100 characters' },
];

/** Super-linear and reachable with long input: bugs, each with a todo test in "known bugs" below. */
const KNOWN: { file: string; source: string; bug: string }[] = [
];

/** The `new RegExp(…)` calls, reviewed: what they are built from and how their cost is tested. */
const CONSTRUCTED: { file: string; starts: string; why: string }[] = [
  { file: 'server/src/analysis/entities.ts', starts: 'String.raw`(?<![\\p{L}\\p{N}\'’])(?:\\p{Lu}', why: 'OF_NAME: bounded repetitions ({0,3}) of words; swept end to end on long runs of spaces and capitals (hover)' },
  { file: 'server/src/analysis/entities.ts', starts: '`(?<![\\\\p{L}\\\\p{M}])${name.replace', why: 'one escaped speaker name between look-arounds: linear; 300 speakers on a long paragraph below' },
  { file: 'server/src/analysis/entities.ts', starts: '`(?<![\\\\p{L}\\\\p{M}])(?:${escaped.join', why: 'speaker names in a paragraph: an alternation of escaped names between look-arounds: linear in text x names; 300 speakers below' },
  { file: 'server/src/analysis/entities.ts', starts: '`(?<![\\\\p{L}\\\\p{M}\\\\p{N}])${esc}${tail}', why: 'formsRegex: an escaped name and a fixed optional suffix: linear' },
  { file: 'server/src/analysis/mentions.ts', starts: '`(?<![\\\\p{L}\\\\p{M}\\\\p{N}])(?:${keys', why: 'speakerMentions: alternation of escaped names: linear in text x names; 300 speakers on 1 MB below' },
  { file: 'server/src/analysis/speakers.ts', starts: 'String.raw`(?<![\\p{L}\\p{M}])(${PROPER_WORD}', why: 'NAMES_BEFORE: applied to at most 100 characters before a surname (findNameBefore)' },
];

const key = (file: string, source: string) => `${file} /${source}/`;

describe('regular expressions of the server', () => {
  const { literals, constructed } = scanServer();

  test('the sweep finds the expressions (sanity)', () => {
    assert.ok(literals.length > 50, `only ${literals.length} regular-expression literals found in server/src`);
    assert.ok(literals.some((l) => l.file === 'server/src/parser/label.ts'));
  });

  test('the sweep tells a quadratic expression from a linear one (sanity)', () => {
    // An unanchored trailing run: the quadratic shape of several bugs this sweep found.
    assert.ok(superLinear((s) => runJs(/[ \t]+$/, s)), 'a trailing run of spaces was not flagged');
    assert.equal(superLinear((s) => runJs(/^[ \t]+/, s)), undefined);
  });

  test('every regular-expression literal is linear on pumped input (or listed as bounded or as a known bug)', (t) => {
    const bounded = new Set(BOUNDED.map((b) => key(b.file, b.source)));
    const known = new Set(KNOWN.map((k) => key(k.file, k.source)));
    const failures: string[] = [];
    const listed: string[] = [];
    for (const l of literals) {
      const re = new RegExp(l.source, l.flags);
      const v = superLinear((s) => runJs(re, s));
      if (!v) continue;
      const what = `${l.file}:${l.line} /${l.source}/${l.flags}: ${v.small.toFixed(2)} ms at ${N} chars, ${v.large.toFixed(1)} ms at ${4 * N} (${describeAttack(v.attack)})`;
      if (bounded.has(key(l.file, l.source)) || known.has(key(l.file, l.source))) listed.push(what);
      else failures.push(what);
    }
    t.diagnostic(`${literals.length} literals swept with ${ATTACKS.length} attack strings each; super-linear and listed: ${listed.length}`);
    for (const l of listed) t.diagnostic(`listed: ${l}`);
    assert.deepEqual(failures, [], 'super-linear regular expressions: make them linear, or bound their input and list them in BOUNDED');
  });

  test('every `new RegExp(…)` in server/src has been reviewed', () => {
    const unreviewed = constructed.filter((c) => !CONSTRUCTED.some((r) => r.file === c.file && c.text.startsWith(r.starts)));
    assert.deepEqual(
      unreviewed.map((c) => `${c.file}:${c.line} new RegExp(${c.text.slice(0, 80)}…)`),
      [],
      'review each new constructed expression for super-linear cases and add it to CONSTRUCTED with how it is tested',
    );
  });

  describe('known bugs', () => {
    for (const k of KNOWN) {
      test(`${k.file} /${k.source.length > 60 ? `${k.source.slice(0, 60)}…` : k.source}/ is linear`, { todo: `BUG: ${k.bug}` }, () => {
        const l = literals.find((x) => x.file === k.file && x.source === k.source);
        if (!l) return; // changed or gone: the sweep above judges its replacement
        const re = new RegExp(l.source, l.flags);
        const v = superLinear((s) => runJs(re, s));
        assert.equal(v && `${v.small.toFixed(2)} ms at ${N} chars, ${v.large.toFixed(1)} ms at ${4 * N} (${describeAttack(v.attack)})`, undefined);
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The grammar, on Oniguruma

function grammarPatterns(): { where: string; pattern: string }[] {
  const out: { where: string; pattern: string }[] = [];
  const walk = (rule: RuleJson, where: string) => {
    for (const k of ['match', 'begin', 'end', 'while'] as const) {
      const p = rule[k];
      if (typeof p === 'string') out.push({ where: `${where}.${k}`, pattern: p });
    }
    rule.patterns?.forEach((r, i) => walk(r, `${where}.patterns[${i}]`));
    for (const c of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures'] as const) {
      for (const [n, r] of Object.entries(rule[c] ?? {})) walk(r, `${where}.${c}[${n}]`);
    }
  };
  const g = rawGrammarJson();
  walk(g, 'grammar');
  for (const [name, rule] of Object.entries(g.repository)) walk(rule, `repository.${name}`);
  return out;
}

describe('regular expressions of the TextMate grammar (Oniguruma)', () => {
  test('every pattern is linear on pumped input', async (t) => {
    await loadOniguruma();
    const patterns = grammarPatterns();
    assert.ok(patterns.length > 10, 'grammar patterns found');
    const failures: string[] = [];
    let compiled = 0;
    for (const { where, pattern } of patterns) {
      let scanner: oniguruma.OnigScanner;
      try {
        // `end` patterns may refer to captures of their `begin` (\1): those compile with a stand-in.
        scanner = new oniguruma.OnigScanner([pattern.replace(/\\([1-9])/g, 'x')]);
      } catch {
        t.diagnostic(`not compiled alone: ${where} ${pattern}`);
        continue;
      }
      compiled++;
      const v = superLinear((s) => {
        const str = new oniguruma.OnigString(s);
        // As the tokenizer does: search from the start, then on from after each match.
        for (let at = 0, guard = 0; at <= s.length && guard < 10_000; guard++) {
          const m = scanner.findNextMatchSync(str, at);
          if (!m) break;
          const end = m.captureIndices[0].end;
          at = end > at ? end : at + 1;
        }
        str.dispose();
      });
      scanner.dispose();
      if (v) failures.push(`${where} ${pattern}: ${v.small.toFixed(2)} ms at ${N}, ${v.large.toFixed(1)} ms at ${4 * N} (${describeAttack(v.attack)})`);
    }
    t.diagnostic(`${compiled} of ${patterns.length} grammar patterns swept with ${ATTACKS.length} attack strings each`);
    assert.deepEqual(failures, []);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end

/** CPU bound for one adversarial document through the parser: linear work takes tens of ms. */
const PARSE_MS = 1_000;
const SERVICE = ['server/src/languageService.ts', 'server/src/settings.ts'];

const hoverJob = ([ls, settings]: any[], input: { text: string; line: number; character: number }) => {
  const svc = ls.createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  const doc = { uri: 'file:///adversarial.transcript', version: 1, getText: () => input.text };
  svc.getHover(doc, { line: input.line, character: input.character }, settings.defaultSettings);
  svc.getReferences(doc, { line: input.line, character: input.character }, true);
};

describe('adversarial documents end to end', () => {
  const spaces = ' '.repeat(100_000);
  test('labels, credits, boilerplate and cues with 100,000-character runs parse in linear time', () => {
    for (const text of [
      `Title\n\nPARK:${spaces}x\nSALEH${spaces}: x\nNINA${spaces}PARK, HOST: x\n`,
      `Title\n\nPARK: x\nTranscript provided by${spaces}KBRT\n`,
      `by ${'A'.repeat(100_000)}\n\nPARK: x`,
      `PARK: (${'('.repeat(100_000)}\n[${'['.repeat(100_000)}\n(SOUNDBITE OF${spaces}MUSIC${spaces}`,
      `[00:0${'0'.repeat(100_000)}] PARK: x\n`,
      `title: a${spaces}b\n\nPARK: x`, // outside front matter: never matched against the title pattern
    ]) {
      const { ms } = cpuTimed(() => parseTranscript(text));
      assert.ok(ms < PARSE_MS, `${JSON.stringify(text.slice(0, 40))}…: ${Math.round(ms)} ms`);
    }
  });

  test('a front-matter title with a 100,000-space run parses in linear time', async () => {
    const job = ([parser]: any[], text: string) => parser.parseTranscript(text);
    for (const text of [
      `---\ntitle: a${spaces}b\n---\n\nPARK: x\n`,
      `---\ntitle: "${spaces}"${spaces}\n---\n\nPARK: x\n`,
      `---\ntitle:${spaces}a\u2028${spaces}b\n---\n\nPARK: x\n`,
      `---\n${spaces}\n${spaces}---${spaces}\n\nPARK: x\n`,
    ]) {
      const ms = await timeInWorker(['server/src/parser/index.ts'], job, text, 1_000);
      assert.ok(ms !== undefined, `still parsing ${JSON.stringify(text.slice(0, 12))}… after 1 s (terminated)`);
    }
  });

  test('hover and references in a paragraph with a 20,000-space run', async () => {
    const ms = await timeInWorker(SERVICE, hoverJob, { text: `PARK: Maria${' '.repeat(20_000)}Lopez went to Oslo.`, line: 0, character: 7 }, 1_500, ['compromise']);
    assert.ok(ms !== undefined, 'still running after 1.5 s (terminated)');
  });

  test('300 speakers and a long paragraph: mentions, hovers and references stay fast', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `NAME${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i / 26) | 0))}`);
    const intro = names.map((n, i) => `FIRST${i} ${n}, GUEST: Hello.`).join('\n\n');
    const paragraph = names.map((n) => `${n[0]}${n.slice(1).toLowerCase()} said so.`).join(' ').repeat(20);
    const text = `${intro}\n\n${names[0]}: ${paragraph}\n`;
    const lines = text.split('\n');
    const ms = await timeInWorker(SERVICE, hoverJob, { text, line: lines.length - 2, character: names[0].length + 4 }, 10_000, ['compromise']);
    assert.ok(ms !== undefined, 'still running after 10 s (terminated)');
  });
});
