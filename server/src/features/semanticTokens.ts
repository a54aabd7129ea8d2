// Semantic tokens: what the TextMate grammar cannot know. Labels of speakers the transcript
// introduces (and the introduction itself), labels that belong to nobody introduced (often a
// typo), and mentions of speakers in the text. Standard token types, so every theme colours
// them; package.json maps them to TextMate scopes for themes without semantic rules.

import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';
import { speakerMentions } from '../analysis/mentions';
import type { Span } from '../parser';
import { offsetAt } from './positions';

export const tokenTypes = ['class', 'macro', 'variable'] as const;
export const tokenModifiers = ['declaration', 'readonly'] as const;
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

const TYPE = { speaker: 0, unknownSpeaker: 1, mention: 2 } as const;
const MOD = { declaration: 1 << 0, readonly: 1 << 1 } as const;

interface Token extends Span {
  type: number;
  modifiers: number;
}

export function semanticTokens(t: Transcript, range?: Range): SemanticTokens {
  const { doc } = t;
  const from = range ? offsetAt(doc.text, doc.lineStarts, range.start) : 0;
  const to = range ? offsetAt(doc.text, doc.lineStarts, range.end) : doc.text.length;
  const tokens: Token[] = [];
  const table = t.speakers;
  doc.turns.forEach((turn, i) => {
    const label = turn.label;
    if (!label || label.nameSpan.end < from || label.nameSpan.start > to) return;
    const s = table.speakers[table.byTurn[i] ?? -1];
    if (!s) return;
    // Known: introduced by full name, or resolved to someone named in the text.
    const known = s.introductions.length > 0 || s.fullName !== undefined;
    const intro = s.introductions[0] === i;
    tokens.push({ ...label.nameSpan, type: known ? TYPE.speaker : TYPE.unknownSpeaker, modifiers: intro ? MOD.declaration : 0 });
  });
  for (const m of speakerMentions(doc, table)) {
    if (m.end < from) continue;
    if (m.start > to) break;
    tokens.push({ start: m.start, end: m.end, type: TYPE.mention, modifiers: MOD.readonly });
  }
  tokens.sort((a, b) => a.start - b.start);
  return { data: encode(t, tokens) };
}

function encode(t: Transcript, tokens: Token[]): number[] {
  const { lineStarts } = t.doc;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let line = 0;
  for (const tok of tokens) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= tok.start) line++;
    const char = tok.start - lineStarts[line];
    data.push(line - prevLine, line === prevLine ? char - prevChar : char, tok.end - tok.start, tok.type, tok.modifiers);
    prevLine = line;
    prevChar = char;
  }
  return data;
}
