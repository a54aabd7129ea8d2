// One parsed document and what is derived from it, computed once per version and on demand.

import { parseTranscript, reparse, type TextEdit, type TranscriptDocument } from '../parser';
import { analyzeSpeakers, type SpeakerTable } from './speakers';

export * from './speakers';

export interface Transcript {
  readonly uri: string;
  readonly version: number;
  readonly doc: TranscriptDocument;
  /** Speakers, resolved on first use. */
  readonly speakers: SpeakerTable;
}

function transcriptOf(uri: string, version: number, doc: TranscriptDocument): Transcript {
  let speakers: SpeakerTable | undefined;
  return {
    uri,
    version,
    doc,
    get speakers() {
      return (speakers ??= analyzeSpeakers(doc));
    },
  };
}

export function analyze(uri: string, version: number, text: string): Transcript {
  return transcriptOf(uri, version, parseTranscript(text));
}

/**
 * The next version of `previous` after one edit, re-parsing only around it. `previous` is
 * consumed: its tree is taken over (and shifted in place) by the result.
 */
export function analyzeEdit(previous: Transcript, version: number, text: string, edit: TextEdit): Transcript {
  return transcriptOf(previous.uri, version, reparse(previous.doc, text, edit));
}
