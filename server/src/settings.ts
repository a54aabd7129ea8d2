// The `transcript.*` settings the server reads, with their defaults (kept in step with
// `contributes.configuration` in package.json; a unit test checks that they agree).

export interface TranscriptSettings {
  outline: {
    groupBySpeaker: boolean;
  };
}

export const defaultSettings: TranscriptSettings = {
  outline: { groupBySpeaker: false },
};

/** Merges what the client sent (any shape, possibly partial or wrong) over the defaults. */
export function toSettings(raw: unknown): TranscriptSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const outline = (r.outline && typeof r.outline === 'object' ? r.outline : {}) as Record<string, unknown>;
  return {
    outline: {
      groupBySpeaker: typeof outline.groupBySpeaker === 'boolean' ? outline.groupBySpeaker : defaultSettings.outline.groupBySpeaker,
    },
  };
}
