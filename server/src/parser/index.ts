export * from './types';
export { parseTranscript, type ParseOptions } from './parse';
export { detectStyle, transcriptStyles, type TranscriptStyle } from './style';
export { computeLineStarts, isJsSpace, lineAt, lineEndOffset, spanIndexAt, trimsToEmpty } from './lines';
export { scanLabel, scanLabelFor, parseTime } from './label';
export { classifyCue } from './cues';
export { reparse, reparseWithChange, type TextEdit, type TurnChange } from './incremental';
