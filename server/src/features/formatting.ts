// Format Document: white space only, never words. Trailing white space goes; labels get one
// space inside and none before the colon, one after it; runs of blank lines in the body
// shrink to one; turns and stage directions get a blank line before them.

import type { TextEdit } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';
import { lineEndOffset } from '../parser';
import { rangeOf } from './positions';
import type { Edit } from './rules';

export function formatEdits(t: Transcript): Edit[] {
  const { doc } = t;
  const { text, lineStarts } = doc;
  const eol = detectEol(text);
  const edits: Edit[] = [];
  const lineCount = lineStarts.length;
  const bodyStart = doc.body.length > 0 ? lineOfNode(doc.body[0]) : lineCount;
  const bodyEnd = doc.trailer ? doc.trailer.firstLine : lineCount;
  const isBlank = (line: number) => text.slice(lineStarts[line], lineEndOffset(text, lineStarts, line)).trim() === '';

  // Lines where a body node (a turn's label, an own-line stage direction) starts.
  const nodeStarts = new Set<number>();
  for (const n of doc.body) if (n.type === 'stage' || n.label) nodeStarts.add(lineOfNode(n));
  const labels = new Map<number, NonNullable<(typeof doc.turns)[number]['label']>>();
  for (const turn of doc.turns) if (turn.label) labels.set(turn.firstLine, turn.label);

  // Empties the white space of a blank line without joining line breaks: after a lone CR, an
  // emptied line ending in LF would leave CR and LF side by side, one CRLF break, and the blank
  // line would be gone (the next format would put it back). Such a line ends in a CR instead.
  const empty = (s: number, e: number) => {
    if (s === e) return;
    if (text.charCodeAt(s - 1) === 13 && text.charCodeAt(e) === 10) edits.push({ start: s, end: e + 1, newText: '\r' });
    else edits.push({ start: s, end: e, newText: '' });
  };

  for (let line = 0; line < lineCount; line++) {
    const s = lineStarts[line];
    const e = lineEndOffset(text, lineStarts, line);
    const inBody = line >= bodyStart && line < bodyEnd;
    if (isBlank(line)) {
      if (inBody && line > bodyStart) {
        // A run of blank lines: keep the first (emptied), drop the rest. The line after the run
        // is not blank (or starts the trailer, with its credit), so the kept line's break cannot
        // join the next one.
        let last = line;
        while (last + 1 < bodyEnd && isBlank(last + 1)) last++;
        empty(s, e);
        if (last > line) edits.push({ start: lineStarts[line + 1], end: lineStarts[last + 1] ?? text.length, newText: '' });
        line = last;
      } else empty(s, e);
      continue;
    }
    if (inBody && nodeStarts.has(line) && line > bodyStart && !isBlank(line - 1)) {
      // The blank line takes the previous line's own ending: after a lone CR, a LF would join
      // it into one CRLF break instead of making a blank line.
      const prevEol = text.slice(lineEndOffset(text, lineStarts, line - 1), s);
      edits.push({ start: s, end: s, newText: prevEol || eol });
    }
    const label = labels.get(line);
    if (label) labelEdits(text, label, e, edits);
    // Trailing white space (labelEdits handles label lines itself).
    let k = e;
    while (k > s && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
    if (k < e && (!label || k > label.end)) edits.push({ start: k, end: e, newText: '' });
  }
  return edits;
}

function labelEdits(text: string, label: NonNullable<Transcript['doc']['turns'][number]['label']>, lineEnd: number, edits: Edit[]): void {
  const { nameSpan } = label;
  // Runs of spaces inside the name.
  const name = text.slice(nameSpan.start, nameSpan.end);
  const re = /[ \t]{2,}|\t/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(name))) edits.push({ start: nameSpan.start + m.index, end: nameSpan.start + m.index + m[0].length, newText: ' ' });
  // Space before the colon.
  let b = label.colon;
  while (b > nameSpan.start && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  if (b < label.colon) edits.push({ start: b, end: label.colon, newText: '' });
  // After the label: nothing at the end of the line, otherwise exactly one space. The label ends
  // after its colon, or after the `**` around a bold one (`**Jerod Santo:**`: a space before
  // the `**` would unmake the label), or right after a briefing's `Q` (whose `colon` is there).
  const after = label.bold || label.terminator === '' ? label.end : label.colon + 1;
  let a = after;
  while (a < lineEnd && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  if (a === lineEnd) {
    if (a > after) edits.push({ start: after, end: a, newText: '' });
  } else if (text.slice(after, a) !== ' ') {
    edits.push({ start: after, end: a, newText: ' ' });
  }
}

function lineOfNode(n: Transcript['doc']['body'][number]): number {
  return n.type === 'stage' ? n.line : n.firstLine;
}

function detectEol(text: string): string {
  const i = text.indexOf('\n');
  if (i > 0 && text.charCodeAt(i - 1) === 13) return '\r\n';
  if (i < 0 && text.includes('\r')) return '\r';
  return '\n';
}

export function formatting(t: Transcript): TextEdit[] {
  return formatEdits(t).map((e) => ({ range: rangeOf(t.doc.lineStarts, e.start, e.end), newText: e.newText }));
}
