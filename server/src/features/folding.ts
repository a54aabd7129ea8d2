// Folding: every turn that spans more than one line, the preamble (page furniture, title
// and summary) and the trailer (credits and bios).

import type { FoldingRange } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';

export function foldingRanges(t: Transcript): FoldingRange[] {
  const { doc } = t;
  const out: FoldingRange[] = [];
  if (doc.preamble && doc.preamble.lastLine > doc.preamble.firstLine) {
    out.push({ startLine: doc.preamble.firstLine, endLine: doc.preamble.lastLine });
  }
  for (const turn of doc.turns) {
    if (turn.lastLine > turn.firstLine) out.push({ startLine: turn.firstLine, endLine: turn.lastLine });
  }
  if (doc.trailer && doc.trailer.lastLine > doc.trailer.firstLine) {
    out.push({ startLine: doc.trailer.firstLine, endLine: doc.trailer.lastLine });
  }
  return out;
}
