// Shared by the grammar tests: loads syntaxes/transcript.tmLanguage.json the way VS Code does
// (the path and scope name come from package.json's `contributes.grammars`), with
// vscode-textmate on the Oniguruma WebAssembly build, and tokenizes documents line by line.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const repoRoot = join(__dirname, '..', '..');
const requireFromRoot = createRequire(join(repoRoot, 'package.json'));

interface GrammarContribution {
  language: string;
  scopeName: string;
  path: string;
}

export const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { languages: { id: string; extensions?: string[] }[]; grammars: GrammarContribution[] };
};

/** The grammar contribution for the `transcript` language, as declared in package.json. */
export function transcriptContribution(): GrammarContribution {
  const g = manifest.contributes.grammars.find((c) => c.language === 'transcript');
  if (!g) throw new Error('package.json contributes no grammar for the transcript language');
  return g;
}

export const grammarPath = join(repoRoot, transcriptContribution().path);

/** The grammar file as JSON (for structural checks). */
export function rawGrammarJson(): GrammarJson {
  return JSON.parse(readFileSync(grammarPath, 'utf8')) as GrammarJson;
}

export interface RuleJson {
  comment?: string;
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: RuleJson[];
  captures?: Record<string, RuleJson>;
  beginCaptures?: Record<string, RuleJson>;
  endCaptures?: Record<string, RuleJson>;
  whileCaptures?: Record<string, RuleJson>;
}

export interface GrammarJson extends RuleJson {
  scopeName: string;
  repository: Record<string, RuleJson>;
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** Loads onig.wasm once per process (vscode-oniguruma allows a single initialisation). */
export function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(requireFromRoot.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

let grammar: Promise<vsctm.IGrammar> | undefined;

/** The transcript grammar, found through package.json like VS Code finds it. */
export function loadTranscriptGrammar(): Promise<vsctm.IGrammar> {
  grammar ??= (async () => {
    const contribution = transcriptContribution();
    const registry = new vsctm.Registry({
      onigLib: loadOniguruma(),
      loadGrammar: async (scopeName) => {
        if (scopeName !== contribution.scopeName) return null;
        return vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath);
      },
    });
    const g = await registry.loadGrammar(contribution.scopeName);
    if (!g) throw new Error(`no grammar for ${contribution.scopeName}`);
    return g;
  })();
  return grammar;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

/** Tokenizes the lines of one document in order, carrying the rule stack across lines. */
export function tokenizeLines(g: vsctm.IGrammar, lines: readonly string[]): Token[][] {
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const r = g.tokenizeLine(line, state);
    if (r.stoppedEarly) throw new Error(`tokenization stopped early on ${JSON.stringify(line.slice(0, 80))}`);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ start: t.startIndex, end: Math.min(t.endIndex, line.length), text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token covering `column` (the root scope included). */
export function scopesAt(tokens: readonly Token[], column: number): string[] {
  const t = tokens.find((k) => k.start <= column && column < k.end);
  return t ? t.scopes : [];
}

/** The text of the tokens that carry `scope`, joined by `|` between separate runs. */
export function textWithScope(line: string, tokens: readonly Token[], scope: string): string | undefined {
  const runs: string[] = [];
  let prevEnd = -1;
  for (const t of tokens) {
    if (!t.scopes.includes(scope)) continue;
    if (t.start === prevEnd && runs.length > 0) runs[runs.length - 1] += line.slice(t.start, t.end);
    else runs.push(line.slice(t.start, t.end));
    prevEnd = t.end;
  }
  return runs.length ? runs.join('|') : undefined;
}
