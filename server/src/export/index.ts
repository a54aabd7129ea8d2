// Export of a parsed transcript to Markdown, HTML, JSON, WebVTT and SRT; import from WebVTT and
// SRT. Shared by `transcript export|import` and the server's transcript/export and
// transcript/import requests.

import type { Transcript } from '../analysis';
import { toHtml } from './html';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { buildModel } from './model';
import { toSubtitles, type SubtitleOptions } from './subtitles';

export { importSubtitles, type ImportResult, type SubtitleSource } from './import';

export type ExportFormat = 'markdown' | 'html' | 'json' | 'vtt' | 'srt';

export const EXPORT_FORMATS: Record<ExportFormat, { extension: string; label: string }> = {
  markdown: { extension: 'md', label: 'Markdown' },
  html: { extension: 'html', label: 'HTML' },
  json: { extension: 'json', label: 'JSON' },
  vtt: { extension: 'vtt', label: 'WebVTT' },
  srt: { extension: 'srt', label: 'SRT' },
};

const ALIASES: Record<string, ExportFormat> = {
  markdown: 'markdown',
  md: 'markdown',
  html: 'html',
  htm: 'html',
  json: 'json',
  vtt: 'vtt',
  webvtt: 'vtt',
  srt: 'srt',
  subrip: 'srt',
};

/** `md`, `Markdown`, `webvtt`… to a format, or undefined. */
export function parseExportFormat(name: string): ExportFormat | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

export interface ExportOptions extends SubtitleOptions {
  wordsPerMinute: number;
}

export interface ExportResult {
  content: string;
  /** File extension without the dot. */
  extension: string;
  /** True when subtitle cue times were estimated from word counts (say so, and name the file so). JSON marks each turn's time instead. */
  estimated: boolean;
}

export function exportTranscript(t: Transcript, format: ExportFormat, options: ExportOptions): ExportResult | { error: string } {
  const model = buildModel(t, options.wordsPerMinute);
  const extension = EXPORT_FORMATS[format].extension;
  switch (format) {
    case 'markdown':
      return { content: toMarkdown(model), extension, estimated: false };
    case 'html':
      return { content: toHtml(model, { wordsPerMinute: options.wordsPerMinute }), extension, estimated: false };
    case 'json':
      return { content: `${JSON.stringify(toJson(t, model), null, 2)}\n`, extension, estimated: false };
    case 'vtt':
    case 'srt': {
      const r = toSubtitles(model, format, options);
      return 'error' in r ? r : { content: r.text, extension, estimated: r.estimated };
    }
  }
}
