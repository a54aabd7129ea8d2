// The `transcript.*` settings the server reads, with their defaults (kept in step with
// `contributes.configuration` in package.json; a unit test checks that they agree).

import { RULES, type RuleCode, type Severity } from './features/rules';
import { transcriptStyles, type TranscriptStyle } from './parser';

export type RuleSetting = Severity | 'off';

export interface TranscriptSettings {
  /** Read every transcript as this style, or detect each one's (`auto`). */
  style: 'auto' | TranscriptStyle;
  /** Documents larger than this many megabytes are declined with a message. */
  maxFileSize: number;
  /** Speaking rate for estimated durations (hovers, statistics). */
  wordsPerMinute: number;
  outline: {
    groupBySpeaker: boolean;
  };
  inlayHints: {
    /** Before each turn, its estimated elapsed time from the start (or the time of a timestamp line). */
    elapsedTime: boolean;
  };
  diagnostics: {
    enable: boolean;
    /** `onType`: check as the user types (debounced); `onSave`: only when the file is saved. */
    run: 'onType' | 'onSave';
    /** Severity per rule code, overriding the rule's default. */
    rules: Partial<Record<RuleCode, RuleSetting>>;
  };
}

export const defaultSettings: TranscriptSettings = {
  style: 'auto',
  maxFileSize: 32,
  wordsPerMinute: 150,
  outline: { groupBySpeaker: false },
  inlayHints: { elapsedTime: false },
  diagnostics: { enable: true, run: 'onType', rules: {} },
};

const SEVERITIES = new Set<RuleSetting>(['error', 'warning', 'information', 'hint', 'off']);

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Merges what the client sent (any shape, possibly partial or wrong) over the defaults. */
export function toSettings(raw: unknown): TranscriptSettings {
  const r = record(raw);
  const outline = record(r.outline);
  const diagnostics = record(r.diagnostics);
  const inlayHints = record(r.inlayHints);
  const rules: Partial<Record<RuleCode, RuleSetting>> = {};
  for (const [code, value] of Object.entries(record(diagnostics.rules))) {
    if (code in RULES && SEVERITIES.has(value as RuleSetting)) rules[code as RuleCode] = value as RuleSetting;
  }
  const wpm = r.wordsPerMinute;
  const max = r.maxFileSize;
  return {
    style: transcriptStyles.includes(r.style as TranscriptStyle) ? (r.style as TranscriptStyle) : 'auto',
    maxFileSize: typeof max === 'number' && Number.isFinite(max) && max > 0 ? max : defaultSettings.maxFileSize,
    wordsPerMinute: typeof wpm === 'number' && Number.isFinite(wpm) && wpm >= 30 && wpm <= 400 ? wpm : defaultSettings.wordsPerMinute,
    outline: {
      groupBySpeaker: typeof outline.groupBySpeaker === 'boolean' ? outline.groupBySpeaker : defaultSettings.outline.groupBySpeaker,
    },
    inlayHints: {
      elapsedTime: typeof inlayHints.elapsedTime === 'boolean' ? inlayHints.elapsedTime : defaultSettings.inlayHints.elapsedTime,
    },
    diagnostics: {
      enable: typeof diagnostics.enable === 'boolean' ? diagnostics.enable : true,
      run: diagnostics.run === 'onSave' ? 'onSave' : 'onType',
      rules,
    },
  };
}

/** The severity a rule has under these settings ('off' when disabled). */
export function severityOf(settings: TranscriptSettings, code: RuleCode): RuleSetting {
  return settings.diagnostics.rules[code] ?? RULES[code].severity;
}
