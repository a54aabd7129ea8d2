// Page furniture that comes along when a transcript is copied from a station's web page.
// None of it is a title; a credit line marks where the trailer begins.

const PAGE_LINES: RegExp[] = [
  /^play live radio$/i,
  /^next up:?$/i,
  /^\d{1,2}:\d{2}(?:\s+\d{1,2}:\d{2})*$/, // the player's "0:00 0:00"
  /^available on air stations$/i,
  /^rush transcript$/i,
  /^return to transcripts? main page$/i,
  /^advertisement$/i,
  /^(?:transcript|listen|download|embed|share|email|facebook|twitter|playlist|toggle more options)(?:\s*·.*)?$/i,
  /^\d+[- ]minute listen$/i,
  /^(?:heard on|from) [\w ]+$/i,
  /^by \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}$/u,
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\b/i,
  /^(?:copyright|©)/i,
  /^(?:---|\.\.\.)$/,
];

export function isPageBoilerplate(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return true;
  if (t.length > 80) return false;
  // Every pattern starts with a letter, a digit, `©`, `-` or `.`: skip the list for anything else.
  const c = t.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39) && !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) && c !== 0xa9 && c !== 0x2d && c !== 0x2e) return false;
  return PAGE_LINES.some((re) => re.test(t));
}

const CREDIT = /^(?:transcript provided by\b|copyright\b|©|\(c\) \d{4})/i;

/** True when text starting at `i` (first non-space of a line or after a cue) is a credit line. */
export function isCreditAt(text: string, i: number, lineEnd: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  // Cheap first-letter check before the regex: t(ranscript), c(opyright), ©, (c).
  if (c !== 0x74 && c !== 0x63 && text.charCodeAt(i) !== 0xa9 && text.charCodeAt(i) !== 0x28) return false;
  return CREDIT.test(text.slice(i, Math.min(lineEnd, i + 40)));
}
