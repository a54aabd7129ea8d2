// JSON, in the schema documented in docs/export-json.md (JSON Schema:
// docs/transcript-export.schema.json): speakers with names, roles and bios; turns with speaker,
// text, line range and time; stage directions; entities. Lines are 1-based, as editors show them.

import type { Transcript } from '../analysis';
import { collectEntities } from '../features/statistics';
import type { ExportModel } from './model';
import { plain } from './model';

export const JSON_FORMAT = 'transcript-tools/export';
export const JSON_VERSION = 1;

export interface JsonExport {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  source: string;
  title: string | null;
  summary: string | null;
  wordsPerMinute: number;
  hasTimestamps: boolean;
  totalWords: number;
  speakers: {
    id: number;
    name: string;
    fullName: string | null;
    labels: string[];
    role: string | null;
    roles: string[];
    title: string | null;
    bio: string | null;
    unidentified: boolean;
    turns: number;
    words: number;
  }[];
  turns: {
    index: number;
    speaker: number | null;
    label: string | null;
    continues: number | null;
    text: string;
    paragraphs: string[];
    lines: { start: number; end: number };
    time: { start: number; estimated: boolean; source: string; written: string | null };
    words: number;
    stageDirections: { text: string; kind: string }[];
  }[];
  stageDirections: { line: number; text: string; kind: string }[];
  entities: { text: string; kind: string; mentions: number; speaker: number | null }[];
  /** How much of what is said was read for entities (the first ENTITY_CHAR_LIMIT characters). */
  entitiesRead: { paragraphs: number; of: number };
  credit: string | null;
  trailer: string[];
}

export function toJson(t: Transcript, model: ExportModel): JsonExport {
  const doc = t.doc;
  const ents = collectEntities(t);
  return {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    source: model.source,
    title: model.title ?? null,
    summary: model.summary ?? null,
    wordsPerMinute: model.timing.wordsPerMinute,
    hasTimestamps: model.timing.hasTimestamps,
    totalWords: model.totalWords,
    speakers: model.speakers.map((s) => ({
      id: s.id,
      name: s.name,
      fullName: s.fullName ?? null,
      labels: s.labels,
      role: s.role ?? null,
      roles: s.roles,
      title: s.title ?? null,
      bio: s.bio ?? null,
      unidentified: s.unidentified,
      turns: s.turns,
      words: s.words,
    })),
    turns: model.body.flatMap((n) => {
      if (n.type !== 'turn') return [];
      const paragraphs = n.paragraphs.map(plain);
      const turn = doc.turns[n.index];
      const label = turn.label;
      const written = label?.timestamp?.text ?? (n.time.source === 'inline' ? turn.cues[0]?.text : undefined);
      return [
        {
          index: n.index,
          speaker: n.speaker ?? null,
          label: n.label ?? null,
          continues: n.continues ?? null,
          text: paragraphs.join('\n\n'),
          paragraphs,
          lines: { start: n.firstLine + 1, end: n.lastLine + 1 },
          time: { start: Math.round(n.time.seconds * 1000) / 1000, estimated: n.time.source === 'estimate', source: n.time.source, written: written ?? null },
          words: n.words,
          stageDirections: n.paragraphs.flatMap((p) => p.filter((x) => x.type === 'cue').map((x) => ({ text: x.text, kind: (x as { kind: string }).kind }))),
        },
      ];
    }),
    stageDirections: model.body.flatMap((n) => (n.type === 'stage' ? [{ line: n.line + 1, text: n.text, kind: n.kind }] : [])),
    entities: ents.entities.map((e) => ({ text: e.text, kind: e.kind, mentions: e.mentions, speaker: e.speaker ?? null })),
    entitiesRead: { paragraphs: ents.done, of: ents.total },
    credit: model.credit ?? null,
    trailer: model.trailer,
  };
}
