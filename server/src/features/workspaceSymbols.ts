// Go to Symbol in Workspace: speakers and titles of every transcript, open or not. Each file
// is boiled down to a small summary (kept by the workspace index), and queries match it.

import type { Range, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';
import { nameCounts } from '../analysis/entities';
import { detach } from '../strings';
import { rangeOf } from './positions';
import { Kinds } from './symbols';

export interface FileSummary {
  uri: string;
  title?: { name: string; range: Range };
  speakers: { name: string; detail: string; range: Range }[];
  /** Proper names in the file, lower-cased, with counts (for entity hovers' workspace counts). */
  names: Map<string, number>;
}

export function summarize(t: Transcript): FileSummary {
  const { doc } = t;
  const title = doc.preamble?.title;
  return {
    uri: t.uri,
    title: title ? { name: detach(title.text), range: rangeOf(doc.lineStarts, title.start, title.end) } : undefined,
    speakers: t.speakers.speakers.map((s) => {
      const first = doc.turns[s.introductions[0] ?? s.turns[0]];
      const label = first?.label;
      const span = label ?? first ?? { start: 0, end: 0 };
      return { name: detach(s.name), detail: detach([s.labels.join(', '), s.role].filter(Boolean).join(' · ')), range: rangeOf(doc.lineStarts, span.start, span.end) };
    }),
    names: nameCounts(doc.text),
  };
}

/** Case-insensitive subsequence match, the way VS Code's own quick pick matches. */
export function matchesQuery(query: string, name: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let k = 0;
  for (let i = 0; i < n.length && k < q.length; i++) if (n[i] === q[k]) k++;
  return k === q.length;
}

export function workspaceSymbols(files: Iterable<FileSummary>, query: string, fileLabel: (uri: string) => string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const f of files) {
    const container = f.title ? f.title.name : fileLabel(f.uri);
    if (f.title && matchesQuery(query, f.title.name)) {
      out.push({ name: f.title.name, kind: Kinds.title, containerName: fileLabel(f.uri), location: { uri: f.uri, range: f.title.range } });
    }
    for (const s of f.speakers) {
      if (!matchesQuery(query, s.name) && !matchesQuery(query, s.detail)) continue;
      out.push({ name: s.name, kind: Kinds.speaker, containerName: s.detail ? `${s.detail} — ${container}` : container, location: { uri: f.uri, range: s.range } });
    }
  }
  return out;
}
