// Reader for the hand-written syntax test files in test/grammar/cases/, in the format of
// vscode-tmgrammar-test (after Sublime Text's syntax tests):
//
//   // SYNTAX TEST "text.transcript" "what the file covers"
//   NINA PARK, HOST:
//   // <--------- entity.name.tag.speaker.transcript
//   //         ^ punctuation.separator.role.transcript
//   //               ^ punctuation.separator.label.transcript - entity.name.tag
//
// * The first line names the scope; its first word (`//`) is the comment token.
// * Every other line that starts with the comment token is an assertion or a remark; every
//   line that does not (blank lines included) is a source line. The source lines, in order,
//   form one document that is tokenized as a whole (so quotes can run across lines).
// * An assertion applies to the nearest source line above it. `^^^` marks the columns under
//   the carets; `<---` marks columns from 0, one per `-`; `<~~--` skips one column per `~`
//   first. (Carets cannot reach the columns the comment token itself occupies.)
// * Then the scopes every marked column must carry, in that order (each one exactly), and
//   optionally `-` and scopes no marked column may carry (a negative scope also forbids its
//   sub-scopes: `- entity.name.tag` rules out `entity.name.tag.speaker.transcript`).
// * A comment-token line with neither `^` nor `<` after the token is a remark.

export interface Assertion {
  /** 1-based line of the assertion in the case file. */
  fileLine: number;
  /** 0-based index of the source line in the document. */
  sourceLine: number;
  from: number;
  to: number;
  expected: string[];
  forbidden: string[];
}

export interface SyntaxCaseFile {
  scopeName: string;
  description: string;
  lines: string[];
  /** 1-based line in the case file of each source line. */
  fileLineOf: number[];
  assertions: Assertion[];
}

const HEADER = /^(\S+) SYNTAX TEST "([^"]+)"(?: "([^"]*)")?\s*$/;

export function parseSyntaxCases(text: string, fileName: string): SyntaxCaseFile {
  const all = text.split(/\r?\n/);
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  const header = HEADER.exec(all[0] ?? '');
  if (!header) throw new Error(`${fileName}:1: expected '<comment token> SYNTAX TEST "<scope>" "<description>"'`);
  const [, token, scopeName, description = ''] = header;
  const out: SyntaxCaseFile = { scopeName, description, lines: [], fileLineOf: [], assertions: [] };

  for (let i = 1; i < all.length; i++) {
    const line = all[i];
    if (!line.startsWith(token)) {
      out.lines.push(line);
      out.fileLineOf.push(i + 1);
      continue;
    }
    const where = `${fileName}:${i + 1}`;
    const rest = line.slice(token.length);
    const lead = /^\s*/.exec(rest)![0].length;
    const body = rest.slice(lead);
    let from: number;
    let to: number;
    let scopesText: string;
    if (body.startsWith('^')) {
      const carets = /^\^+/.exec(body)![0].length;
      from = token.length + lead;
      to = from + carets;
      scopesText = body.slice(carets);
    } else if (body.startsWith('<')) {
      const m = /^<(~*)(-+)/.exec(body);
      if (!m) throw new Error(`${where}: '<' must be followed by '~'* and '-'+`);
      from = m[1].length;
      to = from + m[2].length;
      scopesText = body.slice(m[0].length);
    } else {
      continue; // a remark
    }
    if (out.lines.length === 0) throw new Error(`${where}: assertion before any source line`);
    if (!/^\s/.test(scopesText)) throw new Error(`${where}: expected a space after the column marker`);
    const [pos, neg] = splitOnce(scopesText.trim(), /(?:^|\s)-\s/);
    const expected = pos.split(/\s+/).filter(Boolean);
    const forbidden = (neg ?? '').split(/\s+/).filter(Boolean);
    if (expected.length + forbidden.length === 0) throw new Error(`${where}: no scopes`);
    const sourceLine = out.lines.length - 1;
    const len = out.lines[sourceLine].length;
    if (from >= len) throw new Error(`${where}: column ${from} is past the end of the source line (length ${len})`);
    if (to > len) throw new Error(`${where}: columns ${from}-${to - 1} run past the end of the source line (length ${len})`);
    out.assertions.push({ fileLine: i + 1, sourceLine, from, to, expected, forbidden });
  }
  return out;
}

function splitOnce(text: string, sep: RegExp): [string, string | undefined] {
  const m = sep.exec(text);
  if (!m) return [text, undefined];
  return [text.slice(0, m.index), text.slice(m.index + m[0].length)];
}

/** True when `scopes` holds every expected scope, in the given order. */
export function hasInOrder(scopes: readonly string[], expected: readonly string[]): boolean {
  let k = 0;
  for (const s of scopes) if (k < expected.length && s === expected[k]) k++;
  return k === expected.length;
}

/** The forbidden scopes (or sub-scopes of them) that `scopes` carries. */
export function forbiddenPresent(scopes: readonly string[], forbidden: readonly string[]): string[] {
  return scopes.filter((s) => forbidden.some((f) => s === f || s.startsWith(`${f}.`)));
}
