// Offsets (UTF-16 code units, as JavaScript strings count them) to LSP positions, which
// count UTF-16 code units too: no conversion of characters is needed, only of lines.

import type { Position, Range } from 'vscode-languageserver-types';
import { lineAt, lineEndOffset } from '../parser';

export function positionAt(lineStarts: readonly number[], offset: number): Position {
  const line = lineAt(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function rangeOf(lineStarts: readonly number[], start: number, end: number): Range {
  return { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) };
}

/** Offset of an LSP position, clamped into the text (positions past a line's end go to its end). */
export function offsetAt(text: string, lineStarts: readonly number[], position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return text.length;
  const start = lineStarts[position.line];
  const end = lineEndOffset(text, lineStarts, position.line);
  return Math.max(start, Math.min(start + Math.max(0, position.character), end));
}
