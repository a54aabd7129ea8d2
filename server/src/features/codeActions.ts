// Quick fixes for each problem, "fix all of this kind in the file", and the
// `source.fixAll.transcript` action that editor.codeActionsOnSave runs.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { analyze, type Transcript } from '../analysis';
import { severityOf, type TranscriptSettings } from '../settings';
import { applyEdits, compatibleFixes, diffEdit } from './edits';
import { rangeOf } from './positions';
import { checkTranscript, type Edit, type Fix, type Problem, type RuleCode } from './rules';

export const FixAllKind = `${CodeActionKind.SourceFixAll}.transcript`;

/** Fix-all runs again on its own result while that still has fixable problems, this many times at most. */
const MAX_ROUNDS = 20;

function enabled(problems: readonly Problem[], settings: TranscriptSettings): Problem[] {
  return settings.diagnostics.enable ? problems.filter((p) => severityOf(settings, p.code) !== 'off') : [];
}

function preferredFixes(problems: readonly Problem[]): Fix[] {
  return problems.flatMap((p) => p.fixes.filter((f) => f.preferred).slice(0, 1));
}

/**
 * Every preferred fix in the document, as offset edits on its current text. Fixes can reveal
 * new problems (removing an empty turn leaves two turns of one speaker side by side), so it
 * repeats on the result; when more than one round was needed, the answer is one edit of the
 * changed middle of the text.
 *
 * Each round reads the text as the editor will: in the style detected afresh (fixes can change
 * it: `Speaker 1: \nJames Cridland (00:00): ` is podcast, and without its empty turn broadcast),
 * or in the style the setting forces (a first-line marker is detected again with the text). So
 * the result, when the rounds end for want of fixes, is stable: fix-all on it finds nothing.
 */
export function fixAllEdits(t: Transcript, problems: readonly Problem[], settings: TranscriptSettings): Edit[] {
  const first = compatibleFixes(preferredFixes(enabled(problems, settings))).flatMap((f) => f.edits);
  if (first.length === 0) return [];
  const original = t.doc.text;
  const options = t.doc.styleSource === 'setting' ? { style: t.doc.style } : {};
  let text = applyEdits(original, first);
  let rounds = 1;
  const seen = new Set([original, text]);
  for (; rounds < MAX_ROUNDS; rounds++) {
    const again = compatibleFixes(preferredFixes(enabled(checkTranscript(analyze(t.uri, -1, text, options)), settings))).flatMap((f) => f.edits);
    if (again.length === 0) break;
    const next = applyEdits(text, again);
    // Fixes that undo each other would go round forever: stop at the first repeat.
    if (seen.has(next)) break;
    seen.add(next);
    text = next;
  }
  if (rounds === 1) return first;
  const one = diffEdit(original, text);
  return one ? [one] : [];
}

function toTextEdits(t: Transcript, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: rangeOf(t.doc.lineStarts, e.start, e.end), newText: e.newText }));
}

const overlaps = (a: Range, b: Range) =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

export function codeActions(
  t: Transcript,
  problems: readonly Problem[],
  range: Range,
  context: { diagnostics: Diagnostic[]; only?: string[] },
  settings: TranscriptSettings,
): CodeAction[] {
  const wants = (kind: string) => !context.only || context.only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  const live = enabled(problems, settings);

  if (wants(CodeActionKind.QuickFix)) {
    const byCode = new Map<RuleCode, Problem[]>();
    for (const p of live) {
      const list = byCode.get(p.code);
      if (list) list.push(p);
      else byCode.set(p.code, [p]);
    }
    for (const p of live) {
      const pr = rangeOf(t.doc.lineStarts, p.start, p.end);
      if (!overlaps(pr, range)) continue;
      const diagnostic = context.diagnostics.find((d) => d.code === p.code && d.range.start.line === pr.start.line && d.range.start.character === pr.start.character);
      for (const f of p.fixes) {
        out.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          isPreferred: f.preferred,
          edit: { changes: { [t.uri]: toTextEdits(t, f.edits) } },
        });
      }
      const same = byCode.get(p.code)!;
      const fixable = same.filter((q) => q.fixes.some((f) => f.preferred));
      if (fixable.length > 1 && p.fixes.some((f) => f.preferred)) {
        const edits = compatibleFixes(preferredFixes(fixable)).flatMap((f) => f.edits);
        out.push({
          title: `Fix all ${fixable.length} problems of this kind in this file`,
          kind: CodeActionKind.QuickFix,
          edit: { changes: { [t.uri]: toTextEdits(t, edits) } },
        });
        byCode.set(p.code, []); // offer it once per request
      }
    }
  }

  if (context.only && wants(FixAllKind)) {
    const edits = fixAllEdits(t, problems, settings);
    if (edits.length > 0) out.push({ title: 'Fix all auto-fixable transcript problems', kind: FixAllKind, edit: { changes: { [t.uri]: toTextEdits(t, edits) } } });
  }
  return out;
}
