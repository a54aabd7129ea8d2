// Problems -> LSP diagnostics, with the user's severities, a link to each rule's section in
// docs/rules.md, related information, and the Unnecessary tag for deletable text.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';
import { severityOf, type TranscriptSettings } from '../settings';
import { rangeOf } from './positions';
import type { Problem } from './rules';

export const diagnosticSource = 'transcript';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function toDiagnostics(t: Transcript, problems: readonly Problem[], settings: TranscriptSettings, rulesDocUri: string): Diagnostic[] {
  if (!settings.diagnostics.enable) return [];
  const { lineStarts } = t.doc;
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const severity = severityOf(settings, p.code);
    if (severity === 'off') continue;
    const d: Diagnostic = {
      range: rangeOf(lineStarts, p.start, p.end),
      severity: SEVERITY[severity],
      code: p.code,
      codeDescription: { href: `${rulesDocUri}#${p.code}` },
      source: diagnosticSource,
      message: p.message,
    };
    if (p.related?.length) {
      d.relatedInformation = p.related.map((r) => ({ location: { uri: t.uri, range: rangeOf(lineStarts, r.start, r.end) }, message: r.message }));
    }
    if (p.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
    out.push(d);
  }
  return out;
}
