// The grammar file itself: that VS Code finds it through package.json, that every rule says
// what it is for, that every pattern compiles in Oniguruma and has no unbounded repetition,
// and that the scopes it uses are ones the default themes colour.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import {
  grammarPath,
  loadOniguruma,
  loadTranscriptGrammar,
  manifest,
  rawGrammarJson,
  textWithScope,
  tokenizeLines,
  transcriptContribution,
  type RuleJson,
} from './helpers';

const grammar = rawGrammarJson();

/** Every rule object in the grammar with a readable path, captures included. */
function allRules(): { path: string; rule: RuleJson; kind: 'rule' | 'capture' }[] {
  const out: { path: string; rule: RuleJson; kind: 'rule' | 'capture' }[] = [];
  const visit = (rule: RuleJson, path: string, kind: 'rule' | 'capture') => {
    out.push({ path, rule, kind });
    rule.patterns?.forEach((p, i) => visit(p, `${path}.patterns[${i}]`, 'rule'));
    for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures'] as const) {
      for (const [n, c] of Object.entries(rule[key] ?? {})) visit(c, `${path}.${key}[${n}]`, 'capture');
    }
  };
  grammar.patterns?.forEach((p, i) => visit(p, `patterns[${i}]`, 'rule'));
  for (const [name, rule] of Object.entries(grammar.repository)) visit(rule, `repository.${name}`, 'rule');
  return out;
}

function allRegexes(): { path: string; source: string }[] {
  const out: { path: string; source: string }[] = [];
  for (const { path, rule } of allRules()) {
    for (const key of ['match', 'begin', 'end', 'while'] as const) {
      const source = rule[key];
      if (source !== undefined) out.push({ path: `${path}.${key}`, source });
    }
  }
  return out;
}

/**
 * Quantifiers without an upper bound (`*`, `+`, `{n,}`) outside character classes. The
 * grammar uses bounded repetition only, so no pattern can run away on a hostile line.
 */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  let depth = 0; // character-class nesting (Oniguruma allows [a[b]])
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '[') depth++;
      else if (c === ']') depth--;
      continue;
    }
    if (c === '[') {
      depth = 1;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++; // a leading ] is literal
      continue;
    }
    if (c === '*' || c === '+') found.push(`${c} at ${i}: …${source.slice(Math.max(0, i - 20), i + 1)}`);
    if (c === '{' && /^\{\d*,\}/.test(source.slice(i))) found.push(`{n,} at ${i}`);
  }
  return found;
}

test('package.json contributes the grammar for the transcript language and it loads from there', async () => {
  const contribution = transcriptContribution();
  assert.equal(contribution.scopeName, 'text.transcript');
  assert.equal(contribution.path, './syntaxes/transcript.tmLanguage.json');
  assert.ok(manifest.contributes.languages.some((l) => l.id === contribution.language && l.extensions?.includes('.transcript')));
  assert.ok(existsSync(grammarPath));
  assert.equal(grammar.scopeName, contribution.scopeName);
  const g = await loadTranscriptGrammar();
  const [tokens] = tokenizeLines(g, ['SALEH: Thank you.']);
  assert.equal(textWithScope('SALEH: Thank you.', tokens, 'entity.name.tag.speaker.transcript'), 'SALEH');
  assert.equal(tokens[0].scopes[0], 'text.transcript');
});

test('every rule carries a comment saying what it matches', () => {
  const missing = allRules()
    .filter(({ rule, kind }) => kind === 'rule' && rule.include === undefined)
    .filter(({ rule }) => typeof rule.comment !== 'string' || rule.comment.trim().length < 10)
    .map(({ path }) => path);
  assert.deepEqual(missing, []);
  assert.ok(typeof grammar.comment === 'string' && grammar.comment.length > 0);
});

test('every include points at a repository entry, and every entry is used', () => {
  const used = new Set<string>();
  for (const { path, rule } of allRules()) {
    if (rule.include === undefined) continue;
    assert.ok(rule.include.startsWith('#'), `${path}: ${rule.include}`);
    const key = rule.include.slice(1);
    assert.ok(key in grammar.repository, `${path}: no repository entry ${key}`);
    used.add(key);
  }
  assert.deepEqual(
    Object.keys(grammar.repository).filter((k) => !used.has(k)),
    [],
  );
});

test('every scope name belongs to the transcript grammar', () => {
  for (const { path, rule } of allRules()) {
    for (const key of ['name', 'contentName'] as const) {
      for (const scope of (rule[key] ?? '').split(' ').filter(Boolean)) {
        assert.match(scope, /^[a-z-]+(?:\.[a-z-]+)*\.transcript$/, `${path}.${key}`);
      }
    }
  }
});

test('every pattern compiles in Oniguruma', async () => {
  await loadOniguruma();
  const regexes = allRegexes();
  assert.ok(regexes.length > 30);
  for (const { path, source } of regexes) {
    assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), path);
  }
});

test('no pattern repeats without an upper bound', () => {
  const offenders = allRegexes()
    .map(({ path, source }) => ({ path, found: unboundedQuantifiers(source) }))
    .filter((r) => r.found.length > 0);
  assert.deepEqual(offenders, []);
  // The checker itself catches what it should.
  assert.equal(unboundedQuantifiers('a+').length, 1);
  assert.equal(unboundedQuantifiers('(?:ab)*').length, 1);
  assert.equal(unboundedQuantifiers('a{2,}').length, 1);
  assert.deepEqual(unboundedQuantifiers('[*+]\\+a{1,3}[^]*]'), []);
});

test('the label pattern is copied unchanged where quoted speech and the trailer end', () => {
  const label = grammar.repository.label.match!;
  assert.ok(label.startsWith('^') && label.length > 500);
  const lookahead = `(?=${label})`;
  assert.equal(grammar.repository.trailer.end, lookahead);
  const quotes = grammar.repository['quoted-speech'].patterns!;
  assert.equal(quotes.length, 2);
  for (const q of quotes) assert.ok(q.end!.endsWith(`|${lookahead}`), q.comment);
});

test("quoted speech also ends before every other style's labels", () => {
  const styleLabels = ['label-bold', 'label-mixed-time', 'label-name-time', 'label-question-answer', 'label-court-colloquy', 'label-period'];
  for (const q of grammar.repository['quoted-speech'].patterns!) {
    for (const key of styleLabels) {
      const rule = grammar.repository[key];
      assert.ok(rule?.match?.startsWith('^'), `${key} is a line-anchored match`);
      assert.ok(q.end!.includes(`|(?=${rule.match})`), `${q.comment} ends before #${key}`);
    }
  }
});

test('invisible characters in patterns are written as escapes', () => {
  const text = readFileSync(grammarPath, 'utf8');
  assert.doesNotMatch(text, /[\u00a0\ufeff\u200b\t]/, 'write \\u00a0, \\ufeff and \\t, not the characters themselves');
});

// Scope prefixes that Dark+ (dark_vs.json + dark_plus.json), Light+ (light_vs.json +
// light_plus.json) and Dark High Contrast (hc_black.json) in microsoft/vscode's
// extensions/theme-defaults all give a foreground colour of their own.
const COLOURED_IN_DEFAULT_THEMES = ['comment', 'constant.numeric', 'entity.name.tag', 'entity.other.attribute-name', 'keyword', 'storage.modifier', 'string'];

test('the main constructs use scopes the default themes colour', async () => {
  const g = await loadTranscriptGrammar();
  const samples: [string, string, string][] = [
    ['Mr. RICHARD KYLE (Chief Correspondent, Example News): Hello.', 'RICHARD KYLE', 'entity.name.tag.speaker.transcript'],
    ['Mr. RICHARD KYLE (Chief Correspondent, Example News): Hello.', 'Mr.', 'storage.modifier.honorific.transcript'],
    ['Mr. RICHARD KYLE (Chief Correspondent, Example News): Hello.', 'Chief Correspondent, Example News', 'entity.other.attribute-name.role.transcript'],
    ['[00:01:23] PARK: Hello.', '00:01:23', 'constant.numeric.timestamp.transcript'],
    ['(SOUNDBITE OF MUSIC)', '(SOUNDBITE OF MUSIC)', 'comment.other.stage-direction.transcript'],
    ['(SOUNDBITE OF MUSIC)', 'SOUNDBITE OF', 'keyword.other.cue.soundbite.transcript'],
    ['LYSENKO: (Non-English language spoken).', '(Non-English language spoken)', 'comment.other.language-note.transcript'],
    ['SALEH: Dee Kowalczyk (ph) said.', '(ph)', 'comment.other.phonetic.transcript'],
    ['SALEH: She said "no" twice.', '"no"', 'string.quoted.double.transcript'],
    ['Transcript provided by KBRT, Copyright KBRT.', 'Transcript provided by KBRT, Copyright KBRT.', 'comment.line.credit.transcript'],
    // The other styles' labels.
    ['**Jerod Santo:** Welcome back.', 'Jerod Santo', 'entity.name.tag.speaker.transcript'],
    ['[05:59] Priya Raman: And then?', 'Priya Raman', 'entity.name.tag.speaker.transcript'],
    ['James 00:02:46:', 'James', 'entity.name.tag.speaker.transcript'],
    ['James 00:02:46:', '00:02:46', 'constant.numeric.timestamp.transcript'],
    ['Speaker 0: 00:00:11', '00:00:11', 'constant.numeric.timestamp.transcript'],
    ['Q. Where were you?', 'Q', 'entity.name.tag.speaker.transcript'],
    ['A. On the bridge.', 'A', 'entity.name.tag.speaker.transcript'],
    ['Q Thank you, Dana.', 'Q', 'entity.name.tag.speaker.transcript'],
    ['Mr. Linder. Thank you.', 'Mr.', 'storage.modifier.honorific.transcript'],
    ['Mr. Linder. Thank you.', 'Linder', 'entity.name.tag.speaker.transcript'],
    ['Chairman SMITH. We will come to order.', 'Chairman SMITH', 'entity.name.tag.speaker.transcript'],
    ['     BY MS. OKAFOR:', 'BY', 'keyword.other.examiner.transcript'],
  ];
  for (const [line, text, scope] of samples) {
    const [tokens] = tokenizeLines(g, [line]);
    assert.equal(textWithScope(line, tokens, scope), text, `${scope} in ${line}`);
    assert.ok(
      COLOURED_IN_DEFAULT_THEMES.some((p) => scope === p || scope.startsWith(`${p}.`)),
      `${scope} is coloured by the default themes`,
    );
  }
});
