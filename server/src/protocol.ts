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
