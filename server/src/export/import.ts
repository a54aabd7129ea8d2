// WebVTT and SRT to a `.transcript`. The files are parsed by `media-captions` (the WebVTT
// parser algorithm of the W3C spec, and SRT through the same parser with `,` decimal marks);
// WebVTT cue text is read with its cue-text tokenizer, which gives voice spans (`<v Name>`)
// and decodes character references. The speaker of a cue is its voice, or a `Name:` prefix
// (`NINA PARK: …`, `>> Nina Park: …`, `- Nina: …`); a cue without one goes on with the speaker
// before it. Consecutive cues of one speaker become one turn that keeps the first cue's time;
// a cue that is only a sound description (`[MUSIC]`, `(applause)`) becomes a stage direction.

import { parseText, tokenizeVTTCue, type VTTCue, type VTTNode } from 'media-captions';
import { scanLabel } from '../parser';

export type SubtitleSource = 'vtt' | 'srt';

export interface ImportOptions {
  /** The title line (default: the WebVTT header's text, else the file name without its extension). */
  title?: string;
  /** The file's name, for the default title. */
  fileName?: string;
}

export interface ImportResult {
  /** The `.transcript` text. */
  text: string;
  /** Things the user should know: speakers written differently, cues without a speaker, parse errors. */
  warnings: string[];
  cues: number;
  turns: number;
  speakers: string[];
}

interface Segment {
  /** The speaker's name as given, when the cue names one. */
  speaker?: string;
  text: string;
}

type Block = { type: 'turn'; speaker: string | undefined; time: number; texts: string[] } | { type: 'stage'; text: string };

/** A sound description and nothing else: `[MUSIC]`, `(Applause)`, `♪ humming ♪` (or one left open: `(SOUNDBITE OF MUSIC`). */
const SOUND = /^(?:\[[^\][]*\]?|\([^()]*\)?|♪[^♪]*♪)$/u;
/** `NINA PARK: `, `Nina Park: `, `>> NINA: `, `- Nina: ` at the start of a line. */
const PREFIX = /^(?:>>+\s*|[-–—]\s*)?((?:[\p{Lu}][\p{L}\p{M}'’.\-]*)(?:\s+(?:[\p{Lu}][\p{L}\p{M}'’.\-]*|de|da|del|van|von|der|la|le|bin|al|#?\d+)){0,4}):\s+(?=\S)/u;
/** Words before a colon that head a caption line but name no one. */
const NOT_NAMES = new Set(['NOTE', 'NOTES', 'WARNING', 'UPDATE', 'CAPTION', 'CAPTIONS', 'SUBTITLES', 'TRANSLATION', 'TRANSLATOR', 'MUSIC', 'LYRICS', 'SOUND', 'TITLE', 'CHAPTER', 'PART', 'EPISODE', 'SCENE', 'LOCATION']);
/** `>>` alone (a speaker change in US broadcast captions) and a leading dialogue dash. */
const CHANGE = /^(?:>>+|[-–—])\s*/;

function textOf(nodes: readonly VTTNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.data;
    else if (n.type === 'rt') continue; // ruby annotations are not said
    else if ('children' in n) out += textOf(n.children);
  }
  return out;
}

/** Splits WebVTT cue text into voice spans; text outside any voice has no speaker. */
function vttSegments(cue: VTTCue): Segment[] {
  const out: Segment[] = [];
  let loose = '';
  const flush = () => {
    if (loose.trim()) out.push(...prefixSegments(loose));
    loose = '';
  };
  for (const n of tokenizeVTTCue(cue)) {
    if (n.type === 'v') {
      flush();
      const voice = n.voice.trim();
      const text = textOf(n.children);
      if (voice) out.push({ speaker: voice, text });
      else out.push(...prefixSegments(text));
    } else loose += n.type === 'text' ? n.data : textOf('children' in n ? n.children : []);
  }
  flush();
  return out;
}

/** The formatting tags players know in SRT (`<i>`, `<font color=…>`, WebVTT's own) and ASS-style overrides (`{\\an8}`); anything else is text. */
const SRT_TAG = /<\/?(?:b|i|u|s|font|v|c|span|ruby|rt|lang)(?:[.\s][^<>]*)?>|\{\\[^{}]*\}/gi;

/** SRT cue text: `<v Name>` voice tags and `Name:` prefixes; other tags (`<i>`, `<font …>`, `{\an8}`) are dropped. */
function srtSegments(raw: string): Segment[] {
  const out: Segment[] = [];
  const re = /<v(?:\.[^\s>]*)?\s+([^>]*)>/g;
  let last = 0;
  let voice: string | undefined;
  const strip = (s: string) => s.replace(SRT_TAG, '');
  const push = (s: string) => {
    const text = strip(s);
    if (!text.trim()) return;
    if (voice !== undefined) out.push({ speaker: voice, text });
    else out.push(...prefixSegments(text));
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    push(raw.slice(last, m.index));
    voice = m[1].trim() || undefined;
    last = m.index + m[0].length;
  }
  push(raw.slice(last));
  return out;
}

/** Lines of loose text: each line with a `Name:` prefix starts a segment of that speaker. */
function prefixSegments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = PREFIX.exec(line);
    const name = m?.[1].trim();
    if (m && name && !NOT_NAMES.has(name.toUpperCase())) out.push({ speaker: name, text: line.slice(m[0].length) });
    else if (out.length > 0 && out[out.length - 1].speaker !== undefined && !CHANGE.test(line)) out[out.length - 1].text += `\n${line}`;
    else out.push({ text: line.replace(CHANGE, '') });
  }
  return out;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const key = (name: string) => clean(name).toUpperCase();

/** `[00:01:02]`, or `[00:01:02.500]` when the cue does not start on a whole second. */
export function transcriptTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const f = ms % 1000;
  const p = (n: number) => String(n).padStart(2, '0');
  // The transcript format reads hours up to two digits.
  return `[${p(Math.min(h, 99))}:${p(m)}:${p(s)}${f ? `.${String(f).padStart(3, '0')}` : ''}]`;
}

/** The label for a name: upper case when that makes a label, else as written, else `SPEAKER n`. */
function labelFor(name: string, fallback: () => string): { label: string; changed: boolean } {
  const flatName = clean(name).replace(/:/g, '');
  for (const candidate of [flatName.toUpperCase(), flatName]) {
    const line = `${candidate}: x`;
    const l = scanLabel(line, 0, line.length);
    if (l && l.name === candidate && !l.role && !l.timestamp) return { label: candidate, changed: false };
  }
  return { label: fallback(), changed: true };
}

export async function importSubtitles(source: string, format: SubtitleSource, options: ImportOptions = {}): Promise<ImportResult> {
  const warnings: string[] = [];
  const text = source.replace(/^\uFEFF/, '');
  if (format === 'vtt' && !/^WEBVTT(?:[ \t]|$)/m.test(text.split(/\r\n|\r|\n/, 1)[0] ?? '')) {
    warnings.push('The file does not start with "WEBVTT"; read as WebVTT all the same.');
  }
  const parsed = await parseText(format === 'vtt' && !/^WEBVTT/.test(text) ? `WEBVTT\n\n${text}` : text, { type: format, strict: false });
  const cues = [...parsed.cues].sort((a, b) => a.startTime - b.startTime);
  const blocks: Block[] = [];
  let current: Extract<Block, { type: 'turn' }> | undefined;
  let unattributed = 0;
  for (const cue of cues) {
    const segments = format === 'vtt' ? vttSegments(cue) : srtSegments(cue.text);
    for (const seg of segments) {
      const said = clean(seg.text);
      if (!said) continue;
      if (seg.speaker === undefined && SOUND.test(said)) {
        blocks.push({ type: 'stage', text: said });
        current = undefined;
        continue;
      }
      if (seg.speaker !== undefined) {
        const last = blocks[blocks.length - 1];
        if (current && current.speaker !== undefined && key(current.speaker) === key(seg.speaker) && last === current) current.texts.push(said);
        else blocks.push((current = { type: 'turn', speaker: clean(seg.speaker), time: cue.startTime, texts: [said] }));
        continue;
      }
      // No speaker: the one before goes on (after a stage direction, as a continuation).
      if (current) current.texts.push(said);
      else {
        const prev = [...blocks].reverse().find((b) => b.type === 'turn');
        if (prev) blocks.push((current = { type: 'turn', speaker: prev.speaker, time: cue.startTime, texts: [said] }));
        else {
          unattributed++;
          blocks.push((current = { type: 'turn', speaker: undefined, time: cue.startTime, texts: [said] }));
        }
      }
    }
  }
  if (unattributed > 0) warnings.push('Some cues before the first named speaker name no one: they are written as UNIDENTIFIED SPEAKER.');

  // Labels: one per distinct speaker name.
  const labels = new Map<string, string>();
  let fallbacks = 0;
  const speakers: string[] = [];
  for (const b of blocks) {
    if (b.type !== 'turn' || b.speaker === undefined || labels.has(key(b.speaker))) continue;
    const { label, changed } = labelFor(b.speaker, () => `SPEAKER ${++fallbacks}`);
    if (changed) warnings.push(`"${b.speaker}" cannot be written as a speaker label; it is written as ${label}.`);
    labels.set(key(b.speaker), label);
    speakers.push(clean(b.speaker));
  }

  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const header = format === 'vtt' && /^WEBVTT/.test(firstLine) ? clean(firstLine.replace(/^WEBVTT/, '').replace(/^\s*[-–—:]\s*/, '')) : '';
  const title = clean(options.title ?? (header || (options.fileName ? options.fileName.replace(/\.[^.]+$/, '') : 'Imported subtitles')));
  const out: string[] = [title, ''];
  for (const b of blocks) {
    if (b.type === 'stage') out.push(b.text.startsWith('♪') ? `(${b.text})` : b.text, '');
    else {
      const label = b.speaker === undefined ? 'UNIDENTIFIED SPEAKER' : labels.get(key(b.speaker))!;
      out.push(`${transcriptTime(b.time)} ${label}: ${b.texts.join(' ')}`, '');
    }
  }
  // Trailing line breaks cut in code: an unanchored /\n+$/ rescans a run of them from each position.
  const joined = out.join('\n');
  let end = joined.length;
  while (end > 0 && joined.charCodeAt(end - 1) === 10) end--;
  const result = `${joined.slice(0, end)}\n`;
  return { text: result, warnings, cues: cues.length, turns: blocks.filter((b) => b.type === 'turn').length, speakers };
}
