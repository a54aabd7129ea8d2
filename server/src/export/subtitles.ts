// WebVTT and SRT: each turn becomes one or more cues (long turns are cut at sentence, then word,
// boundaries), each spoken cue carrying its speaker in a `<v Name>` voice tag (or, when asked, a
// `Name: ` prefix). Cue times come from the transcript's timestamps; estimated times, from word
// counts at the speaking rate, are used only when asked for, and then said so in the file
// (a NOTE block in WebVTT; SRT has no comments, so the caller names the file accordingly).

import type { ExportModel, ExportTurn } from './model';
import { plain, speakerName } from './model';

export type SubtitleFormat = 'vtt' | 'srt';

export interface SubtitleOptions {
  /** Estimate the times of turns without a timestamp from their words (else such a transcript is refused). */
  estimateTimes?: boolean;
  /** How the speaker is written: a voice tag (`<v Nina Park>`, the default) or a `Nina Park: ` prefix. */
  speakerStyle?: 'voice' | 'prefix';
  /** A cue holds at most this many characters of text (default 84: two lines of 42). */
  maxCueLength?: number;
}

export interface SubtitleCue {
  start: number;
  end: number;
  /** The speaker's name, for spoken text; none for a stage direction. */
  voice?: string;
  text: string;
  /** True when the start of the turn this cue belongs to was estimated. */
  estimated: boolean;
}

export type SubtitleResult = { cues: SubtitleCue[]; estimated: number; turns: number } | { error: string };

/** Cuts text into pieces of at most `max` characters: at sentence ends when it can, else at spaces. */
export function splitText(text: string, max: number): string[] {
  const t = text.trim();
  if (t.length <= max) return t ? [t] : [];
  // Sentence ends: . ? ! … (and closing quotes or brackets) followed by white space, matched
  // forwards (a look-behind of ["”’)\]]* scans back over a whole run of them from every position).
  const sentences: string[] = [];
  let from = 0;
  for (const m of t.matchAll(/[.?!…]["”’)\]]*(\s+)/g)) {
    const cut = m.index! + m[0].length;
    sentences.push(t.slice(from, cut - m[1].length));
    from = cut;
  }
  sentences.push(t.slice(from));
  const pieces = sentences.filter(Boolean);
  const out: string[] = [];
  let cur = '';
  const add = (piece: string) => {
    if (cur && cur.length + 1 + piece.length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${piece}` : piece;
  };
  for (const s of pieces) {
    if (s.length <= max) add(s);
    else for (const w of s.split(/\s+/)) add(w); // a sentence longer than a cue: by words
  }
  if (cur) out.push(cur);
  return out;
}

const countWords = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** The cues of a transcript, in order, with times that never go backwards. */
export function buildCues(model: ExportModel, options: SubtitleOptions = {}): SubtitleResult {
  const max = Math.max(20, options.maxCueLength ?? 84);
  const wpm = model.timing.wordsPerMinute;
  const turns = model.body.filter((n): n is ExportTurn => n.type === 'turn');
  const estimated = turns.filter((t) => t.time.source === 'estimate').length;
  if (turns.length === 0) return { error: 'the transcript has no turns to export' };
  if (estimated > 0 && !options.estimateTimes) {
    return {
      error: model.timing.hasTimestamps
        ? `${estimated} of ${turns.length} turns have no timestamp; ask for estimated times to export it`
        : 'the transcript has no timestamps; ask for estimated times (from word counts) to export it',
    };
  }
  const cues: SubtitleCue[] = [];
  let last = 0;
  const body = model.body;
  // Start of the next turn after body[k], or undefined at the end.
  const nextStart = (k: number) => {
    for (let j = k + 1; j < body.length; j++) {
      const n = body[j];
      if (n.type === 'turn') return n.time.seconds;
    }
    return undefined;
  };
  let prevTurnEnd = 0;
  for (let k = 0; k < body.length; k++) {
    const node = body[k];
    const next = nextStart(k);
    if (node.type === 'stage') {
      if (node.kind === 'timestamp') continue;
      let start = Math.max(last, prevTurnEnd);
      if (next !== undefined && start > next - 0.5) start = Math.max(last, next - 0.5);
      let end = start + 3;
      if (next !== undefined) end = Math.min(end, Math.max(start + 0.1, next));
      // The turn before ends where the stage direction starts.
      const prev = cues[cues.length - 1];
      if (prev && prev.end > start && start > prev.start) prev.end = start;
      cues.push({ start, end, text: node.text, estimated: false });
      last = start;
      continue;
    }
    const start = Math.max(last, node.time.seconds);
    const said = Math.max(1, (node.words / wpm) * 60);
    // The turn lasts until the next one starts, unless that is much later than its words take.
    let end = next !== undefined && next > start && next - start <= 2 * said + 5 ? next : start + said;
    if (next !== undefined && next > start) end = Math.min(end, next);
    if (end <= start) end = start + 0.1;
    const pieces = node.paragraphs.flatMap((p) => splitText(plain(p), max));
    const voice = speakerName(model, node);
    const weights = pieces.map((p) => Math.max(1, countWords(p)));
    const total = weights.reduce((a, b) => a + b, 0);
    let at = start;
    pieces.forEach((text, i) => {
      const to = i === pieces.length - 1 ? end : at + ((end - start) * weights[i]) / total;
      cues.push({ start: at, end: to, voice, text, estimated: node.time.source === 'estimate' });
      at = to;
    });
    last = start;
    prevTurnEnd = end;
  }
  // Times that never go backwards, and never a cue that ends before it starts.
  let floor = 0;
  for (const c of cues) {
    c.start = Math.max(c.start, floor);
    if (c.end <= c.start) c.end = c.start + 0.1;
    floor = c.start;
  }
  return { cues, estimated, turns: turns.length };
}

/** `00:01:02.345` (WebVTT) or `00:01:02,345` (SRT). */
export function formatTimestamp(seconds: number, format: SubtitleFormat): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const f = ms % 1000;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(s)}${format === 'vtt' ? '.' : ','}${p(f, 3)}`;
}

/** Cue text for WebVTT: `&`, `<` and `>` as character references (so `-->` cannot occur either). */
export function escapeVtt(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Cue text for SRT, which has no escapes: only what would end a cue or look like a timing line is changed. */
function srtText(s: string): string {
  return s.replace(/-->/g, '->').replace(/[\r\n]+/g, ' ');
}

function cueText(c: SubtitleCue, format: SubtitleFormat, style: 'voice' | 'prefix'): string {
  const text = format === 'vtt' ? escapeVtt(c.text) : srtText(c.text);
  if (!c.voice) return text;
  if (style === 'prefix') return `${format === 'vtt' ? escapeVtt(c.voice) : srtText(c.voice)}: ${text}`;
  // A voice annotation runs to the `>`: escape it as cue text is.
  return `<v ${escapeVtt(c.voice).replace(/[\r\n]+/g, ' ')}>${text}`;
}

export function toSubtitles(model: ExportModel, format: SubtitleFormat, options: SubtitleOptions = {}): { text: string; estimated: boolean } | { error: string } {
  const built = buildCues(model, options);
  if ('error' in built) return built;
  const style = options.speakerStyle ?? 'voice';
  const out: string[] = [];
  if (format === 'vtt') {
    // The header's text may not hold `-->` or a line break.
    const title = (model.title ?? model.source).replace(/-->/g, '->').replace(/[\r\n]+/g, ' ');
    out.push(`WEBVTT - ${title}`, '');
    const note = [`NOTE`, `Exported from ${model.source.replace(/-->/g, '->')} by Transcript Tools.`];
    if (built.estimated > 0) {
      note.push(
        `TIMES ARE ESTIMATED for ${built.estimated} of ${built.turns} turns: counted from the words`,
        `said at ${model.timing.wordsPerMinute} words a minute, not taken from the recording.`,
      );
    }
    if (built.cues.some((c) => c.voice !== undefined)) note.push('Cues within a turn are timed in proportion to their words.');
    out.push(...note, '');
  }
  built.cues.forEach((c, i) => {
    out.push(String(i + 1), `${formatTimestamp(c.start, format)} --> ${formatTimestamp(c.end, format)}`, cueText(c, format, style), '');
  });
  return { text: out.join('\n'), estimated: built.estimated > 0 };
}
