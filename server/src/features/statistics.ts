// The data behind the Statistics view (custom request transcript/statistics) and the status
// bar's word count (transcript/wordCount): words, turns and estimated minutes per speaker, the
// turn-taking timeline, counts of stage directions and of entities by kind. The client only
// draws what it is given.
//
// Entities need NLP (~10-60 ms per KB), so they are collected a paragraph at a time within a
// time budget per request and cached by paragraph text: a large transcript's first answers say
// how far the count has got (`entities.complete`), and the client asks again. A paragraph longer
// than ENTITY_WINDOW characters (one line can hold a megabyte) is read window by window, the
// budget and the character limit checked before each window. Only the first ENTITY_CHAR_LIMIT
// characters of what is said are read (`entities.limited` beyond that): a 10 MB transcript would
// otherwise keep the server busy for the better part of an hour.

import type { Range } from 'vscode-languageserver-types';
import type { Transcript } from '../analysis';
import { entitiesIn, entityWindows, speakerKey, type EntityKind } from '../analysis/entities';
import { countWords, formatDuration, statisticsOf } from '../analysis/statistics';
import { timingOf, type TimeSource } from '../analysis/timing';
import type { CueKind, Span } from '../parser';
import { paragraphSpans } from '../export/model';
import type { TranscriptSettings } from '../settings';
import { detach } from '../strings';
import { offsetAt, rangeOf } from './positions';
import { introductionSpan } from './navigation';

export interface StatisticsSpeaker {
  id: number;
  name: string;
  role: string | null;
  /** Labelled turns (continuations not counted), as in the hover card and the Speakers view. */
  turns: number;
  words: number;
  /** Share of all spoken words, 0..1. */
  share: number;
  /** Estimated minutes at the speaking rate. */
  minutes: number;
  /** `~3 min`. */
  duration: string;
  /** What to select when the bar is chosen: the speaker's introduction (or first label). */
  reveal: Range | null;
}

/** One stretch of the timeline: a turn, placed by the words said before it. */
export interface TimelineTurn {
  /** Speaker id, or null for unattributed text. */
  speaker: number | null;
  /** Words said before this turn (its position along the document, in words). */
  at: number;
  words: number;
  /** 0-based first and last line. */
  firstLine: number;
  lastLine: number;
  /** Start time in seconds (a timestamp from the transcript, or an estimate) and where it comes from. */
  seconds: number;
  timeSource: TimeSource;
  /** What to select when the stretch is chosen: the label (or the first line of a continuation). */
  reveal: Range;
}

export interface EntityCount {
  kind: EntityKind;
  /** Distinct names of this kind. */
  distinct: number;
  mentions: number;
  /** The most mentioned names, most first (at most five). */
  top: { text: string; mentions: number }[];
}

export interface StatisticsResult {
  uri: string;
  version: number;
  title: string | null;
  wordsPerMinute: number;
  totals: {
    /** Labelled turns. */
    turns: number;
    words: number;
    minutes: number;
    duration: string;
    speakers: number;
    /** Stage directions: on their own lines, inline, and all of them by kind. */
    stageDirections: { ownLine: number; inline: number; byKind: Partial<Record<CueKind, number>> };
    /** Lines in the document (the timeline's length in lines). */
    lines: number;
    /** True when some turn times come from timestamps in the transcript. */
    hasTimestamps: boolean;
    /** Estimated end of the last turn, in seconds. */
    seconds: number;
  };
  speakers: StatisticsSpeaker[];
  timeline: TimelineTurn[];
  entities: {
    byKind: EntityCount[];
    /** False while paragraphs remain to be read (ask again, unless `limited`). */
    complete: boolean;
    /** True when the count stops at the first ENTITY_CHAR_LIMIT characters said: asking again reads no more. */
    limited: boolean;
    paragraphsDone: number;
    paragraphsTotal: number;
  };
}

export interface EntitySummary {
  text: string;
  kind: EntityKind;
  mentions: number;
  /** Speaker id when the name is a speaker's. */
  speaker?: number;
}

type Found = { text: string; kind: EntityKind; speaker?: number }[];
/**
 * Entities found, per speaker table (a name may be a speaker's, so what is found depends on
 * them) and paragraph text; the few most recent speaker tables, each bounded, oldest first out.
 */
const found = new Map<string, Map<string, Found>>();
const FOUND_LIMIT = 20_000;
const FOUND_TABLES = 8;
/** Entities are looked for in at most this many characters of what is said (about 30 minutes of speech). */
export const ENTITY_CHAR_LIMIT = 120_000;

/** The spoken paragraphs of the transcript (turn text, after the label). */
export function spokenParagraphs(t: Transcript): Span[] {
  const out: Span[] = [];
  for (const turn of t.doc.turns) out.push(...paragraphSpans(t.doc, turn.textStart, turn.end));
  return out;
}

/**
 * People, places and organisations named in what is said, with their mentions. With a time
 * budget (ms), stops before the next window (a paragraph, or a piece of a long one) it has not
 * read yet once the budget is spent (after one at least), and says how many paragraphs it read;
 * what it read is kept for the next call. `done` counts whole paragraphs, and the one the
 * character limit cut short.
 */
export function collectEntities(
  t: Transcript,
  budgetMs = Infinity,
  maxChars = ENTITY_CHAR_LIMIT,
): { entities: EntitySummary[]; done: number; total: number; limited: boolean } {
  const started = Date.now();
  const paragraphs = spokenParagraphs(t);
  const byName = new Map<string, EntitySummary>();
  const speakers = speakerKey(t.speakers);
  let cache = found.get(speakers);
  if (!cache) {
    if (found.size >= FOUND_TABLES) found.delete(found.keys().next().value!);
    found.set(speakers, (cache = new Map()));
  }
  let done = 0;
  let chars = 0;
  let limited = false;
  let read = 0;
  paragraphs: for (const p of paragraphs) {
    if (chars >= maxChars) {
      limited = true;
      break;
    }
    const windows = entityWindows(t.doc.text, p);
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i];
      if (i > 0 && chars >= maxChars) {
        // Cut short inside the paragraph: counted as read, as far as the limit goes.
        limited = true;
        done++;
        break paragraphs;
      }
      chars += w.end - w.start;
      const key = t.doc.text.slice(w.start, w.end);
      let f = cache.get(key);
      if (!f) {
        // At least one new window a call, so that asking again always gets further.
        if (read > 0 && Date.now() - started > budgetMs) break paragraphs;
        read++;
        f = entitiesIn(t.doc, t.speakers, w).map((m) => ({ text: m.text, kind: m.kind, speaker: m.speaker }));
        if (cache.size >= FOUND_LIMIT) cache.delete(cache.keys().next().value!);
        // A copy of the window's text as the key: the cache outlives this version of the document.
        cache.set(detach(key), f);
      }
      for (const m of f) {
        const k = `${m.kind}\u0000${m.text}`;
        const e = byName.get(k);
        if (e) e.mentions++;
        else byName.set(k, { text: m.text, kind: m.kind, mentions: 1, ...(m.speaker !== undefined ? { speaker: m.speaker } : {}) });
      }
    }
    done++;
  }
  const entities = [...byName.values()].sort((a, b) => b.mentions - a.mentions || a.text.localeCompare(b.text));
  return { entities, done, total: paragraphs.length, limited };
}

const ENTITY_KINDS: EntityKind[] = ['person', 'place', 'organization', 'name'];

export function statistics(t: Transcript, settings: TranscriptSettings, entityBudgetMs = 150): StatisticsResult {
  const { doc } = t;
  const table = t.speakers;
  const stats = statisticsOf(doc, table);
  const wpm = settings.wordsPerMinute;
  const timing = timingOf(doc, stats.turnWords, wpm);
  const minutes = (w: number) => w / Math.max(1, wpm);
  const speakers: StatisticsSpeaker[] = table.speakers.map((s) => {
    const st = stats.speakers[s.id];
    const intro = introductionSpan(t, s);
    const first = doc.turns[s.turns[0]];
    const reveal = intro ? rangeOf(doc.lineStarts, intro.start, intro.end) : first ? rangeOf(doc.lineStarts, first.start, first.start) : null;
    return { id: s.id, name: s.name, role: s.role ?? null, turns: st.turns, words: st.words, share: st.share, minutes: minutes(st.words), duration: formatDuration(st.words, wpm), reveal };
  });
  let at = 0;
  const timeline: TimelineTurn[] = doc.turns.map((turn, i) => {
    const sel = turn.label ? turn.label.nameSpan : { start: turn.start, end: turn.start };
    const item: TimelineTurn = {
      speaker: table.byTurn[i] ?? null,
      at,
      words: stats.turnWords[i],
      firstLine: turn.firstLine,
      lastLine: turn.lastLine,
      seconds: timing.turns[i].seconds,
      timeSource: timing.turns[i].source,
      reveal: rangeOf(doc.lineStarts, sel.start, sel.end),
    };
    at += stats.turnWords[i];
    return item;
  });
  const byKind: Partial<Record<CueKind, number>> = {};
  let ownLine = 0;
  let inline = 0;
  for (const node of doc.body) {
    if (node.type === 'stage') {
      ownLine++;
      byKind[node.cue.kind] = (byKind[node.cue.kind] ?? 0) + 1;
    } else {
      for (const c of node.cues) {
        inline++;
        byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
      }
    }
  }
  const ents = collectEntities(t, entityBudgetMs);
  const entityCounts: EntityCount[] = ENTITY_KINDS.map((kind) => {
    const of = ents.entities.filter((e) => e.kind === kind);
    return { kind, distinct: of.length, mentions: of.reduce((a, e) => a + e.mentions, 0), top: of.slice(0, 5).map((e) => ({ text: e.text, mentions: e.mentions })) };
  });
  return {
    uri: t.uri,
    version: t.version,
    title: doc.preamble?.title?.text ?? null,
    wordsPerMinute: wpm,
    totals: {
      turns: doc.turns.filter((x) => x.label).length,
      words: stats.totalWords,
      minutes: minutes(stats.totalWords),
      duration: formatDuration(stats.totalWords, wpm),
      speakers: table.speakers.length,
      stageDirections: { ownLine, inline, byKind },
      lines: doc.lineStarts.length,
      hasTimestamps: timing.hasTimestamps,
      seconds: timing.end,
    },
    speakers,
    timeline,
    entities: { byKind: entityCounts, complete: ents.done === ents.total, limited: ents.limited, paragraphsDone: ents.done, paragraphsTotal: ents.total },
  };
}

export interface WordCountResult {
  /** Spoken words (after labels, without stage directions) in the whole transcript or in the ranges. */
  words: number;
  /** Words of the whole transcript. */
  totalWords: number;
  /** True when counted over the given ranges. */
  selection: boolean;
  /** Estimated speaking time of `words`: `~3 min`. */
  duration: string;
  seconds: number;
}

/** Words said in the transcript, or in the given ranges (what lies in turns, outside labels and stage directions). */
export function wordCount(t: Transcript, ranges: readonly Range[] | undefined, settings: TranscriptSettings): WordCountResult {
  const { doc } = t;
  const stats = statisticsOf(doc, t.speakers);
  const wpm = settings.wordsPerMinute;
  const spans = (ranges ?? [])
    .map((r) => ({ start: offsetAt(doc.text, doc.lineStarts, r.start), end: offsetAt(doc.text, doc.lineStarts, r.end) }))
    .map((s) => (s.start <= s.end ? s : { start: s.end, end: s.start }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  let words = stats.totalWords;
  const selection = spans.length > 0;
  if (selection) {
    words = 0;
    // Overlapping selections count once.
    const merged: Span[] = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    let ti = 0;
    for (const s of merged) {
      while (ti < doc.turns.length && doc.turns[ti].end <= s.start) ti++;
      for (let k = ti; k < doc.turns.length && doc.turns[k].start < s.end; k++) {
        const turn = doc.turns[k];
        const a = Math.max(turn.textStart, s.start);
        const b = Math.min(turn.end, s.end);
        if (b > a) words += countWords(doc.text, a, b, turn.cues);
      }
    }
  }
  const seconds = (words / Math.max(1, wpm)) * 60;
  return { words, totalWords: stats.totalWords, selection, duration: formatDuration(words, wpm), seconds };
}
