export * from './types';
export { parseTranscript } from './parse';
export { computeLineStarts, lineAt, lineEndOffset } from './lines';
export { scanLabel, parseTime } from './label';
export { classifyCue } from './cues';
export { reparse, reparseWithChange, type TextEdit, type TurnChange } from './incremental';
