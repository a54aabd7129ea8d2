// JSON export: every output validates against the documented schema
// (docs/transcript-export.schema.json, checked with Ajv), and the transcript rebuilt from the
// JSON alone (labels, paragraphs, stage directions by line, credit, bios) parses to the same
// turns, speakers and stage directions. Line ranges, times and entities are checked by hand.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { analyze } from '../../server/src/analysis';
import { exportTranscript } from '../../server/src/export';
import type { JsonExport } from '../../server/src/export/json';
import { repoRoot } from '../helpers/lspClient';
import { load, ROUND_TRIP_FILES, stagesOf, turnsOf } from '../fixtures/export/support';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'transcript-export.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function jsonOf(file: string): JsonExport {
  const r = exportTranscript(load(file), 'json', { wordsPerMinute: 150 });
  assert.ok(!('error' in r));
  assert.equal(r.extension, 'json');
  return JSON.parse(r.content) as JsonExport;
}

/** A transcript written from the JSON only. */
function rebuild(j: JsonExport): string {
  const blocks: { line: number; text: string }[] = [];
  for (const t of j.turns) {
    const [first, ...rest] = t.paragraphs;
    const head = t.label ? `${t.time.source === 'label' && t.time.written && !t.label.includes(t.time.written) ? `[${t.time.written}] ` : ''}${t.label}` : '';
    blocks.push({ line: t.lines.start, text: [head, first].filter(Boolean).join(' ') });
    rest.forEach((p, i) => blocks.push({ line: t.lines.start + 0.001 * (i + 1), text: p }));
  }
  for (const s of j.stageDirections) blocks.push({ line: s.line, text: s.text });
  blocks.sort((a, b) => a.line - b.line);
  return [j.title ?? '', j.summary ?? '', ...blocks.map((b) => b.text), j.credit ?? '', ...j.trailer].filter(Boolean).join('\n\n');
}

describe('JSON export', () => {
  for (const file of ROUND_TRIP_FILES) {
    test(`valid against the schema, and round trip: ${file}`, () => {
      const j = jsonOf(file);
      assert.ok(validate(j), JSON.stringify(validate.errors, null, 2));
      const original = load(file);
      const again = analyze('file:///again.transcript', 1, rebuild(j));
      assert.deepEqual(turnsOf(again), turnsOf(original));
      assert.deepEqual(stagesOf(again), stagesOf(original));
      assert.deepEqual(j.speakers.map((s) => s.name), original.speakers.speakers.map((s) => s.name));
      // Line ranges are the turns' own, 1-based.
      j.turns.forEach((t, i) => assert.deepEqual(t.lines, { start: original.doc.turns[i].firstLine + 1, end: original.doc.turns[i].lastLine + 1 }));
      assert.equal(j.totalWords, j.turns.reduce((a, t) => a + t.words, 0));
    });
  }

  test('speakers with names, roles and bios; turns with speaker, text, lines and estimated times', () => {
    const j = jsonOf('examples/harbour-strike.transcript');
    assert.equal(j.format, 'transcript-tools/export');
    assert.equal(j.version, 1);
    assert.equal(j.source, 'harbour-strike.transcript');
    assert.equal(j.hasTimestamps, false);
    const park = j.speakers[0];
    assert.deepEqual([park.name, park.role, park.labels], ['Nina Park', 'HOST', ['NINA PARK', 'PARK']]);
    assert.match(park.bio ?? '', /^Nina Park is/);
    const first = j.turns[0];
    assert.deepEqual([first.speaker, first.label, first.lines, first.time], [0, 'NINA PARK, HOST:', { start: 10, end: 12 }, { start: 0, estimated: true, source: 'estimate', written: null }]);
    assert.equal(first.text, 'We begin at the ferry terminal. Omar, what does it look like there this morning?');
    // 15 words at 150 a minute: the next turn starts 6 s in.
    assert.deepEqual(j.turns[1].time, { start: 6, estimated: true, source: 'estimate', written: null });
    assert.deepEqual(j.turns.find((t) => t.stageDirections.length)?.stageDirections, [{ text: '(Clearing throat)', kind: 'reaction' }]);
    assert.deepEqual(j.stageDirections[0], { line: 16, text: '(SOUNDBITE OF CROWD CHANTING)', kind: 'soundbite' });
    assert.match(j.credit ?? '', /^Transcript provided by KBRT/);
  });

  test('real timestamps: from labels, and from a timestamp line', () => {
    const j = jsonOf('test/fixtures/timestamps.transcript');
    assert.equal(j.hasTimestamps, true);
    assert.deepEqual(j.turns[0].time, { start: 5, estimated: false, source: 'label', written: '00:00:05' });
    assert.deepEqual(j.turns[4].time, { start: 302, estimated: false, source: 'label', written: '00:05:02' });
    // [00:61:10] is not a time: estimated from the turn before.
    assert.equal(j.turns[6].time.estimated, true);
    const p = jsonOf('test/fixtures/podcast.transcript');
    assert.deepEqual(p.turns[1].time, { start: 9, estimated: false, source: 'label', written: '00:09' });
  });

  test('entities: names with kind, mentions and speaker', () => {
    const j = jsonOf('examples/harbour-strike.transcript');
    const place = j.entities.find((e) => e.text === 'Port Calder');
    assert.deepEqual(place, { text: 'Port Calder', kind: 'place', mentions: 1, speaker: null });
    const person = j.entities.find((e) => e.text === 'Priya Natarajan');
    assert.equal(person?.kind, 'person');
    assert.equal(person?.speaker, 3);
  });
});
