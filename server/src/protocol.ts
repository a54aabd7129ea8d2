// Requests of our own between client and server, in one place: the client imports this file
// too, so it holds names and shapes only (no library imports).

/** Server -> client: URIs of every `.transcript` file in the workspace (the client's file-system API). Result: string[]. */
export const FindFilesMethod = 'transcript/findFiles';

/** Server -> client: the text of a workspace file. Result: string, or null when it cannot be read. */
export const ReadFileMethod = 'transcript/readFile';
export interface ReadFileParams {
  uri: string;
}

/** Client -> server: the speakers of a transcript (the Speakers view). Result: SpeakersResult (features/speakers.ts), or null. */
export const SpeakersMethod = 'transcript/speakers';
export interface SpeakersParams {
  uri: string;
}

/** Client -> server: the Statistics view's data. Result: StatisticsResult (features/statistics.ts), or null. */
export const StatisticsMethod = 'transcript/statistics';
export interface StatisticsParams {
  uri: string;
}

/** Client -> server: words and estimated speaking time of the transcript, or of the given ranges (the status bar). Result: WordCountResult (features/statistics.ts), or null. */
export const WordCountMethod = 'transcript/wordCount';
export interface WordCountParams {
  uri: string;
  /** The selections; none or only empty ones: the whole transcript. */
  ranges?: { start: { line: number; character: number }; end: { line: number; character: number } }[];
}

/** Client -> server: an open transcript exported to another format. Result: ExportResponse. */
export const ExportMethod = 'transcript/export';
export interface ExportParams {
  uri: string;
  /** `markdown`, `html`, `json`, `vtt` or `srt`. */
  format: string;
  /** Subtitles: estimate the times of turns without a timestamp from their words. */
  estimateTimes?: boolean;
}
export type ExportResponse = { content: string; extension: string; estimated: boolean } | { error: string };

/** Client -> server: WebVTT or SRT text to a transcript. Result: ImportResponse. */
export const ImportMethod = 'transcript/import';
export interface ImportParams {
  text: string;
  /** `vtt` or `srt`. */
  format: string;
  /** The subtitle file's name (for the title). */
  fileName?: string;
}
export type ImportResponse = { text: string; warnings: string[]; turns: number; speakers: string[] } | { error: string };
