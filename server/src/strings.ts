// V8 keeps a substring (of 13 characters or more) as a view of the whole string it was cut
// from. Whatever outlives a version of a document — caches, the workspace index — must hold
// copies, or every version of a 10 MB transcript it ever saw stays in memory.

/** A copy of `s` that shares nothing with the string it was cut from. */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
