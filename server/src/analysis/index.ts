// One parsed document and what is derived from it, computed once per version and on demand.

import { parseTranscript, type TranscriptDocument } from '../parser';
import { analyzeSpeakers, type SpeakerTable } from './speakers';

export * from './speakers';

export interface Transcript {
  readonly uri: string;
  readonly version: number;
  readonly doc: TranscriptDocument;
  /** Speakers, resolved on first use. */
  readonly speakers: SpeakerTable;
}

export function analyze(uri: string, version: number, text: string): Transcript {
  const doc = parseTranscript(text);
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
