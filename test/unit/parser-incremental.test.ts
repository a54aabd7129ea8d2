// An incremental re-parse after an edit must equal a full parse of the new text, for any
// sequence of edits: random edits (typing, deleting, pasting labels, line breaks, CRLF)
// on fixtures, with a fixed seed printed by fast-check on failure.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseTranscript, reparse, type TranscriptDocument } from '../../server/src/parser';

const fixtures = join(__dirname, '..', 'fixtures');
const texts = readdirSync(fixtures)
  .filter((f) => f.endsWith('.transcript'))
  .map((f) => readFileSync(join(fixtures, f), 'utf8'))
  .concat(readFileSync(join(__dirname, '..', '..', 'examples', 'harbour-strike.transcript'), 'utf8'));

/** The tree without the text (compared separately), as plain data. */
function plain(d: TranscriptDocument): unknown {
  return JSON.parse(JSON.stringify({ ...d, text: undefined }));
}

const pieces = ['\n', '\r\n', '\n\n', ':', ' ', 'PARK', 'SALEH: ', '\nSALEH: Yes.\n', '\n(SOUNDBITE OF MUSIC)\n', '(', ')', 'x', 'Transcript provided by KBRT.', 'é', '😀', '\nNEW SPEAKER, HOST: Hi.\n', ''];

const editArb = fc.record({
  at: fc.nat({ max: 1_000_000 }),
  len: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })),
});

test('incremental re-parse equals a full parse after random edit sequences', () => {
  fc.assert(
    fc.property(fc.constantFrom(...texts), fc.array(editArb, { minLength: 1, maxLength: 12 }), (base, edits) => {
      let text = base;
      let doc = parseTranscript(text);
      for (const e of edits) {
        const start = e.at % (text.length + 1);
        const end = Math.min(text.length, start + e.len);
        const next = text.slice(0, start) + e.insert + text.slice(end);
        doc = reparse(doc, next, { start, end, newLength: e.insert.length });
        text = next;
        assert.equal(doc.text, text);
        assert.deepEqual(plain(doc), plain(parseTranscript(text)));
      }
    }),
    { seed: 20261127, numRuns: 300 },
  );
});

test('typing a character in the middle of a long transcript re-parses only around it', () => {
  const base = texts[texts.length - 1];
  const turnText = base.slice(base.indexOf('SALEH: That'), base.indexOf('PARK: What does'));
  let big = base;
  for (let i = 0; i < 200; i++) big = big.replace('PARK: What does', `${turnText}PARK: What does`);
  const doc = parseTranscript(big);
  const mid = big.indexOf('picket line', Math.floor(big.length / 2));
  const next = `${big.slice(0, mid)}X${big.slice(mid)}`;
  const sameTurnAfter = doc.turns[doc.turns.length - 3];
  const updated = reparse(doc, next, { start: mid, end: mid, newLength: 1 });
  assert.deepEqual(plain(updated), plain(parseTranscript(next)));
  // Turns after the edit are the old objects, shifted, not parsed again.
  assert.ok(updated.turns.includes(sameTurnAfter));
});
