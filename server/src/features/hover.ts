// Hover cards: a speaker's card on their label or a mention (full name, role, bio or the
// sentence that introduces them, how much they speak, where they first speak), and what a
// stage direction is.

import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Speaker, Transcript } from '../analysis';
import { entityAt, mentionsOf, type EntityMatch } from '../analysis/entities';
import { speakerMentions } from '../analysis/mentions';
import { formatDuration, statisticsOf } from '../analysis/statistics';
import { lineAt, spanIndexAt, type Cue, type CueKind, type Span } from '../parser';
import type { TranscriptSettings } from '../settings';
import { speakerAt } from './navigation';
import { rangeOf } from './positions';

const CUE_KINDS: Record<CueKind, string> = {
  soundbite: 'Sound bite — a recording played on air',
  music: 'Music',
  reaction: 'Reaction — laughter, applause, crosstalk and the like',
  language: 'Language note — speech in another language or through an interpreter',
  phonetic: '(ph) — the word before it is spelled as it sounds',
  inaudible: 'Inaudible — words that could not be made out',
  character: 'Voicing a character or quoting someone',
  timestamp: 'Timestamp',
  other: 'Stage direction',
};

/** How often a name occurs in the workspace's other transcripts, when the index is ready. */
export type WorkspaceCounter = (name: string, exceptUri: string) => { mentions: number; files: number } | undefined;

export function hover(t: Transcript, offset: number, settings: TranscriptSettings, workspaceCount?: WorkspaceCounter): Hover | null {
  const target = speakerAt(t, offset);
  if (target) {
    return {
      contents: { kind: MarkupKind.Markdown, value: speakerCard(t, target.speaker, settings) },
      range: rangeOf(t.doc.lineStarts, target.span.start, target.span.end),
    };
  }
  const cue = cueAt(t, offset);
  if (cue) {
    const text = `${cue.bracket}${cue.text}${cue.bracket === '(' ? ')' : ']'}`;
    const lines = [`**${escapeMd(CUE_KINDS[cue.kind])}**`, '', `\`${text.replace(/`/g, "'")}\``];
    if (!cue.closed) lines.push('', '⚠ Not closed on its line.');
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: rangeOf(t.doc.lineStarts, cue.start, cue.end) };
  }
  const entity = entityAt(t.doc, t.speakers, offset);
  if (entity) {
    return { contents: { kind: MarkupKind.Markdown, value: entityCard(t, entity, settings, workspaceCount) }, range: rangeOf(t.doc.lineStarts, entity.start, entity.end) };
  }
  return null;
}

const KIND_NAMES = { person: 'person', place: 'place', organization: 'organisation', name: 'name' } as const;

export function entityCard(t: Transcript, e: EntityMatch, settings: TranscriptSettings, workspaceCount?: WorkspaceCounter): string {
  const m = mentionsOf(t.doc, e.text);
  const lines = [`**${escapeMd(e.text)}** · ${KIND_NAMES[e.kind]}`, ''];
  const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;
  let here = `Mentioned ${times(m.count)} in this transcript`;
  if (m.forms.size > 1 || (m.forms.size === 1 && !m.forms.has(e.text))) {
    here += ` (${[...m.forms].map(([f, n]) => `${escapeMd(f)} ×${n}`).join(', ')})`;
  }
  lines.push(`${here}.`);
  const ws = workspaceCount?.(e.text, t.uri);
  if (ws) lines.push('', ws.mentions > 0 ? `${times(ws.mentions)} in ${ws.files} other transcript${ws.files === 1 ? '' : 's'} of the workspace.` : 'Not mentioned in the other transcripts of the workspace.');
  const first = m.spans[0];
  if (first) {
    const line = lineAt(t.doc.lineStarts, first.start) + 1;
    const sentence = sentenceAround(t.doc.text, first, textFloor(t, first.start));
    lines.push('', `First mention, [line ${line}](${t.uri}#L${line}):`, '', `> ${escapeMd(oneLine(t.doc.text.slice(sentence.start, sentence.end)))}`);
  }
  if (e.speaker !== undefined) {
    const s = t.speakers.speakers[e.speaker];
    if (s) lines.push('', '---', '', speakerCard(t, s, settings));
  }
  return lines.join('\n');
}

function cueAt(t: Transcript, offset: number): Cue | undefined {
  for (const node of t.doc.body) {
    if (node.start > offset) break;
    if (node.type === 'stage') {
      if (offset <= node.end) return node.cue;
      continue;
    }
    if (offset > node.end) continue;
    return node.cues.find((c) => c.start <= offset && offset <= c.end);
  }
  return undefined;
}

export function speakerCard(t: Transcript, s: Speaker, settings: TranscriptSettings): string {
  const { doc } = t;
  const stats = statisticsOf(doc, t.speakers).speakers[s.id];
  const lines: string[] = [];
  const title = `**${escapeMd(s.fullName ?? s.name)}**${s.role ? ` · ${escapeMd(s.role)}` : ''}`;
  lines.push(title);
  const terminators = labelTerminators(t, s);
  const labels = s.labels.map((l, i) => `\`${l}${terminators[i] ?? ':'}\``).join(', ');
  if (labels) lines.push('', `Labels: ${labels}`);
  const about = s.bio ?? introducingSentence(t, s);
  if (about) lines.push('', `> ${escapeMd(oneLine(doc.text.slice(about.start, about.end)))}`);
  if (s.ambiguous) lines.push('', `⚠ This label could be ${s.ambiguous.map(escapeMd).join(' or ')}.`);
  if (stats) {
    const share = Math.round(stats.share * 100);
    lines.push(
      '',
      `${stats.turns} turn${stats.turns === 1 ? '' : 's'} · ${stats.words.toLocaleString('en-US')} word${stats.words === 1 ? '' : 's'} (${share}% of the words spoken) · ${formatDuration(stats.words, settings.wordsPerMinute)} at ${settings.wordsPerMinute} words a minute`,
    );
  }
  const first = doc.turns[s.turns[0]];
  if (first) {
    const line = first.firstLine + 1;
    lines.push('', `First speaks on [line ${line}](${t.uri}#L${line})`);
  }
  return lines.join('\n');
}

/**
 * Per speaker table, by speaker id: what ends each of the speaker's labels (`s.labels`, in
 * order) where it is first used — `:`, the period of `Q.` and `Mr. Linder.`, nothing after a
 * briefing's `Q`. Found once per speaker and table (a new table comes with every version), so
 * hovering the chairman of a day-long hearing again and again reads their turns once.
 */
const terminatorCache = new WeakMap<Transcript['speakers'], (readonly string[] | undefined)[]>();

function labelTerminators(t: Transcript, s: Speaker): readonly string[] {
  let bySpeaker = terminatorCache.get(t.speakers);
  if (!bySpeaker) terminatorCache.set(t.speakers, (bySpeaker = []));
  const cached = bySpeaker[s.id];
  if (cached) return cached;
  const found: string[] = new Array(s.labels.length);
  let missing = s.labels.length;
  // The labels are listed in order of first use: walk the speaker's turns until each is seen.
  for (let k = 0, next = 0; k < s.turns.length && missing > 0; k++) {
    const label = t.doc.turns[s.turns[k]]?.label;
    if (!label) continue;
    const i = label.name === s.labels[next] ? next : s.labels.indexOf(label.name);
    if (i < 0 || found[i] !== undefined) continue;
    found[i] = label.terminator;
    missing--;
    while (next < found.length && found[next] !== undefined) next++;
  }
  bySpeaker[s.id] = found;
  return found;
}

/** The sentence around the first mention of the speaker before (or in) their first turn. */
function introducingSentence(t: Transcript, s: Speaker): Span | undefined {
  const first = t.doc.turns[s.turns[0]];
  const limit = first ? first.end : t.doc.text.length;
  const m = speakerMentions(t.doc, t.speakers).find((x) => x.speaker === s.id && x.start < limit);
  const at = m ?? s.mention;
  if (!at) return undefined;
  return sentenceAround(t.doc.text, at, textFloor(t, at.start));
}

/** Abbreviations whose period ends no sentence: U.N., Mr., Dr., Inc. */
const ABBREVIATION = /(?:^|[\s("“])(?:\p{L}\.)+$|(?:^|[\s("“])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|Rev|Inc|Co|Corp|Ltd|vs|No|Mt|Ft|approx|etc)\.$/u;

function endsSentence(text: string, dot: number): boolean {
  return !ABBREVIATION.test(text.slice(Math.max(0, dot - 12), dot + 1));
}

/** The sentence around a span, on its line, never reaching back into a speaker's label. */
export function sentenceAround(text: string, span: Span, floor = 0): Span {
  let start = span.start;
  while (start > floor && start > span.start - 300) {
    const c = text[start - 1];
    if (c === '\n' || c === '\r') break;
    if (c === ' ' && /[.?!]["”]?$/.test(text.slice(Math.max(0, start - 3), start - 1))) {
      let dot = start - 2;
      if (text[dot] === '"' || text[dot] === '”') dot--;
      if (text[dot] !== '.' || endsSentence(text, dot)) break;
    }
    start--;
  }
  let end = span.end;
  while (end < text.length && end < span.end + 300) {
    const c = text[end];
    if (c === '\n' || c === '\r') break;
    end++;
    if ((c === '.' || c === '?' || c === '!') && (text[end] === ' ' || end === text.length) && (c !== '.' || endsSentence(text, end - 1))) break;
  }
  return { start, end };
}

/** Where what was said starts in the turn holding `offset` (so quotes leave the label out), or 0. */
function textFloor(t: Transcript, offset: number): number {
  const turn = t.doc.turns[spanIndexAt(t.doc.turns, offset)];
  return turn && offset <= turn.end && offset >= turn.textStart ? turn.textStart : 0;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 280 ? `${flat.slice(0, 279)}…` : flat;
}

/**
 * Text from the document as Markdown text. Syntax characters are escaped; so is what
 * GitHub-flavoured Markdown (VS Code renders hovers with it) would turn into a link on its own:
 * the "//" of a URL ("https://…", and "//host/…", which other renderers link), the "." after
 * "www" and the "@" of an e-mail address. A backslash before punctuation renders as the
 * character alone, so the hover reads (and copies) as the document does.
 */
export function escapeMd(s: string): string {
  return s
    .replace(/[\\`*_{}[\]<>#|@]/g, (c) => `\\${c}`)
    .replace(/\/\//g, '/\\/')
    .replace(/(www)\./gi, '$1\\.');
}
