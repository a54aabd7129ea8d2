// How well the entity recogniser (server/src/analysis/entities.ts: `compromise` plus the
// transcript's own heuristics) finds the people, places and organisations in NPR-style
// transcripts, against gold annotations made by eye (test/fixtures/entities/*.gold.json).
//
// The recogniser runs paragraph by paragraph, as hovers run it. A found entity is right when its
// span is exactly a gold mention's (the name without a possessive ’s) and its kind is the gold
// kind. Precision: found ones that are right; recall: gold mentions found. Per kind, overall, and
// ignoring the kind ("span only"). The floors below are just under what the recogniser achieves
// today, so that a regression fails; raise them when it gets better. ENTITIES_VERBOSE=1 lists
// every miss and every wrong find.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { entitiesIn, paragraphAt, type EntityMatch } from '../../server/src/analysis/entities';

const dir = join(__dirname, '..', 'fixtures', 'entities');

type Kind = 'person' | 'place' | 'organization';
const KINDS: Kind[] = ['person', 'place', 'organization'];

interface GoldFile {
  fixture: string;
  entities: { name: string; kind: Kind; mentions: string[] }[];
}

interface GoldMention {
  start: number;
  end: number;
  kind: Kind;
  entity: string;
  written: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const base = (written: string) => written.replace(/['’]s$/u, '');

/** Every occurrence of the gold forms outside labels, longest form first at each place. */
function goldMentions(text: string, gold: GoldFile, labels: { start: number; end: number }[]): GoldMention[] {
  const byForm = new Map<string, { entity: string; kind: Kind }>();
  for (const e of gold.entities) {
    assert.ok(KINDS.includes(e.kind), `${e.name}: kind ${e.kind}`);
    for (const m of e.mentions) {
      const f = base(m);
      const other = byForm.get(f);
      assert.ok(!other || other.entity === e.name, `"${f}" is a form of both ${other?.entity} and ${e.name}`);
      byForm.set(f, { entity: e.name, kind: e.kind });
    }
  }
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${forms.map(escape).join('|')})(?:['’]s)?(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
  const out: GoldMention[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    if (labels.some((l) => l.start <= start && start < l.end)) continue;
    const f = base(m[0]);
    const { entity, kind } = byForm.get(f)!;
    out.push({ start, end: start + f.length, kind, entity, written: m[0] });
  }
  return out;
}

/** The recogniser over each paragraph of the document, as a hover would run it. */
function found(text: string): EntityMatch[] {
  const t = analyze('file:///quality.transcript', 1, text);
  const seen = new Set<string>();
  const out: EntityMatch[] = [];
  for (const lineStart of t.doc.lineStarts) {
    const p = paragraphAt(t.doc, lineStart);
    // A label alone on its line gives an empty span (its text is the next paragraph).
    if (!p || p.end <= p.start || seen.has(`${p.start}:${p.end}`)) continue;
    seen.add(`${p.start}:${p.end}`);
    out.push(...entitiesIn(t.doc, t.speakers, p));
  }
  return out;
}

interface Fixture {
  name: string;
  text: string;
  gold: GoldMention[];
  found: EntityMatch[];
}

function load(goldFile: string): Fixture {
  const gold = JSON.parse(readFileSync(join(dir, goldFile), 'utf8')) as GoldFile;
  const text = readFileSync(join(dir, gold.fixture), 'utf8');
  const t = analyze('file:///quality.transcript', 1, text);
  const labels = t.doc.turns.flatMap((turn) => (turn.label ? [{ start: turn.label.start, end: turn.label.end }] : []));
  const mentions = goldMentions(text, gold, labels);
  // The annotation must agree with the text: each entity's mentions, in order, as written.
  for (const e of gold.entities) {
    assert.deepEqual(
      mentions.filter((m) => m.entity === e.name).map((m) => m.written),
      e.mentions,
      `${goldFile}: the mentions of ${e.name} in the text`,
    );
  }
  return { name: gold.fixture, text, gold: mentions, found: found(text) };
}

interface Score {
  found: number;
  foundRight: number;
  gold: number;
  goldFound: number;
}

const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;

function score(fixtures: Fixture[], kind: Kind | 'all' | 'span'): Score {
  const s: Score = { found: 0, foundRight: 0, gold: 0, goldFound: 0 };
  for (const f of fixtures) {
    const gold = new Map(f.gold.map((g) => [key(g), g]));
    const found = new Map(f.found.map((m) => [key(m), m]));
    const right = (m: EntityMatch) => {
      const g = gold.get(key(m));
      return !!g && (kind === 'span' || g.kind === m.kind);
    };
    for (const m of f.found) {
      if (kind !== 'all' && kind !== 'span' && m.kind !== kind) continue;
      s.found++;
      if (right(m)) s.foundRight++;
    }
    for (const g of f.gold) {
      if (kind !== 'all' && kind !== 'span' && g.kind !== kind) continue;
      s.gold++;
      const m = found.get(key(g));
      if (m && (kind === 'span' || m.kind === g.kind)) s.goldFound++;
    }
  }
  return s;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

const fixtures = readdirSync(dir)
  .filter((n) => n.endsWith('.gold.json'))
  .sort()
  .map(load);

/** Floors, just under today's numbers (see the table this test prints). */
// Measured on 4 fixtures, 163 gold mentions: person P 68.0% R 92.7%, place P 97.6% R 67.2%,
// organisation P 59.7% R 85.1%, overall P 70.2% R 81.0%, span only P 76.1% R 87.7%.
const FLOORS: Record<Kind | 'all' | 'span', { precision: number; recall: number }> = {
  person: { precision: 0.86, recall: 0.97 },
  place: { precision: 0.92, recall: 0.83 },
  organization: { precision: 0.81, recall: 0.93 },
  all: { precision: 0.85, recall: 0.91 },
  span: { precision: 0.88, recall: 0.93 },
};

describe('entity recognition quality', () => {
  test('the fixtures and their gold annotations agree (every mention listed is in the text, in order)', () => {
    assert.ok(fixtures.length >= 3, 'at least three annotated fixtures');
    for (const f of fixtures) assert.ok(f.gold.length >= 20, `${f.name}: ${f.gold.length} gold mentions`);
  });

  test('precision and recall per kind and overall, above the floors', (t) => {
    const rows: string[] = [];
    rows.push(`${'kind'.padEnd(14)} ${'found'.padStart(6)} ${'right'.padStart(6)} ${'prec.'.padStart(7)}   ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'recall'.padStart(7)}`);
    const results = {} as Record<Kind | 'all' | 'span', { precision: number; recall: number }>;
    for (const kind of [...KINDS, 'all', 'span'] as const) {
      const s = score(fixtures, kind);
      const precision = ratio(s.foundRight, s.found);
      const recall = ratio(s.goldFound, s.gold);
      results[kind] = { precision, recall };
      const label = kind === 'all' ? 'overall' : kind === 'span' ? 'span only' : kind;
      rows.push(`${label.padEnd(14)} ${String(s.found).padStart(6)} ${String(s.foundRight).padStart(6)} ${pct(precision)}   ${String(s.gold).padStart(5)} ${String(s.goldFound).padStart(6)} ${pct(recall)}`);
    }
    const names = fixtures.flatMap((f) => f.found).filter((m) => m.kind === 'name').length;
    rows.push(`(${names} found with kind "name" count against overall precision only; ${fixtures.length} fixtures, ${fixtures.reduce((a, f) => a + f.text.length, 0)} characters)`);
    for (const f of fixtures) {
      const sf = score([f], 'all');
      rows.push(`  ${f.name.padEnd(36)} precision ${pct(ratio(sf.foundRight, sf.found))}  recall ${pct(ratio(sf.goldFound, sf.gold))}`);
    }
    console.log(rows.join('\n'));
    for (const r of rows) t.diagnostic(r);

    if (process.env.ENTITIES_VERBOSE) {
      for (const f of fixtures) {
        const gold = new Map(f.gold.map((g) => [key(g), g]));
        const found = new Map(f.found.map((m) => [key(m), m]));
        const line = (at: number) => f.text.slice(0, at).split('\n').length;
        for (const m of f.found) {
          const g = gold.get(key(m));
          if (!g) console.log(`${f.name}:${line(m.start)} wrong find: ${JSON.stringify(m.text)} as ${m.kind}`);
          else if (g.kind !== m.kind) console.log(`${f.name}:${line(m.start)} wrong kind: ${JSON.stringify(m.text)} as ${m.kind}, is ${g.kind}`);
        }
        for (const g of f.gold) if (!found.has(key(g))) console.log(`${f.name}:${line(g.start)} missed: ${JSON.stringify(g.written)} (${g.kind})`);
      }
    }

    for (const kind of [...KINDS, 'all', 'span'] as const) {
      assert.ok(results[kind].precision >= FLOORS[kind].precision, `${kind} precision ${pct(results[kind].precision)} fell below ${pct(FLOORS[kind].precision)}`);
      assert.ok(results[kind].recall >= FLOORS[kind].recall, `${kind} recall ${pct(results[kind].recall)} fell below ${pct(FLOORS[kind].recall)}`);
    }
  });
});
