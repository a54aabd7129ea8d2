// One parsed document and what is derived from it, computed once per version and on demand.

import { parseTranscript, reparseWithChange, type ParseOptions, type TextEdit, type TranscriptDocument, type Turn } from '../parser';
import { analyzeSpeakers, reuseSpeakers, type SpeakerTable } from './speakers';

export * from './speakers';

export interface Transcript {
  readonly uri: string;
  readonly version: number;
  readonly doc: TranscriptDocument;
  /** Speakers, resolved on first use. */
  readonly speakers: SpeakerTable;
}

/**
 * One version of a document; speakers are resolved on first use. A class, not an object
 * literal with a getter: each such literal gets a map of its own (the getter is a new closure),
 * and every check of a new version would then throw the optimised rule code away.
 */
class ParsedTranscript implements Transcript {
  private table: SpeakerTable | undefined;
  constructor(
    readonly uri: string,
    readonly version: number,
    readonly doc: TranscriptDocument,
    private readonly resolve: () => SpeakerTable,
  ) {}
  get speakers(): SpeakerTable {
    return (this.table ??= this.resolve());
  }
  /** The table, if it was resolved already (to reuse after an edit). */
  resolved(): SpeakerTable | undefined {
    return this.table;
  }
}

function transcriptOf(uri: string, version: number, doc: TranscriptDocument, resolve = () => analyzeSpeakers(doc)): Transcript {
  return new ParsedTranscript(uri, version, doc, resolve);
}

export function analyze(uri: string, version: number, text: string, options: ParseOptions = {}): Transcript {
  return transcriptOf(uri, version, parseTranscript(text, options));
}

/** Same labels in the same places: an edit inside what was said. */
function sameLabels(removed: readonly Turn[], added: readonly Turn[]): boolean {
  if (removed.length !== added.length) return false;
  for (let i = 0; i < removed.length; i++) {
    const a = removed[i].label;
    const b = added[i].label;
    if (!a || !b) {
      if (a !== b || removed[i].continues !== added[i].continues) return false;
      continue;
    }
    if (a.name !== b.name || a.role !== b.role || a.honorific !== b.honorific) return false;
  }
  return true;
}

/**
 * The next version of `previous` after one edit, re-parsing only around it; when the edit
 * changed no label, who speaks when is taken over too. `previous` is consumed: its tree is
 * taken over (and shifted in place) by the result.
 */
export function analyzeEdit(previous: Transcript, version: number, text: string, edit: TextEdit, options: ParseOptions = {}): Transcript {
  // Only a table already built can be reused (building one now, on the old tree, is no saving).
  const built = previous instanceof ParsedTranscript ? previous.resolved() : undefined;
  const { doc, change } = reparseWithChange(previous.doc, text, edit, options);
  // Court transcripts name Q. and A. from lines that are not labels (`BY MR. DOE:`): resolve again.
  const reusable = built && change && doc.style !== 'court' && sameLabels(change.removed, change.added);
  return transcriptOf(previous.uri, version, doc, () => (reusable && reuseSpeakers(doc, built)) || analyzeSpeakers(doc));
}

