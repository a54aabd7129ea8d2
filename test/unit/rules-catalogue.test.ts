// The catalogue as a whole: a clean NPR-style transcript has no problems; every code in RULES
// has its section and table row in docs/rules.md, with the documented default severity and fix
// kind; each documented bad example is reported and each good one is not.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { RULES, ruleCodes, type RuleCode } from '../../server/src/features/rules';
import { lines, problems, span } from '../fixtures/rules/support';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'rules', name), 'utf8');
const docs = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');

describe('a clean transcript', () => {
  const clean = fixture('clean.transcript');

  test('has no problem at all', () => {
    assert.deepEqual(
      problems(clean).map((p) => `${p.code} ${JSON.stringify(clean.slice(p.start, p.end))}`),
      [],
    );
  });

  test('the same with CRLF line ends and a BOM', () => {
    const crlf = '\ufeff' + clean.replace(/\n/g, '\r\n');
    assert.deepEqual(problems(crlf).map((p) => p.code), []);
  });

  test('a speaker deliberately known by surname only: a no-introduction hint and nothing else', () => {
    const text = clean.replace('GRETA LINDQVIST:', 'LINDQVIST:').replace('That was Greta Lindqvist (ph)', 'That was a deckhand');
    const found = problems(text);
    assert.deepEqual(
      found.map((p) => [p.code, RULES[p.code].severity, text.slice(p.start, p.end)]),
      [['no-introduction', 'hint', 'LINDQVIST']],
    );
  });

  test('initials that tell two Kanes apart, prose capitals at line starts: nothing', () => {
    const text = lines(
      'Two Kanes on the council',
      '',
      'NINA PARK, HOST: Good morning.',
      '',
      'SARAH KANE, COUNCIL MEMBER: Morning.',
      '',
      'MILES KANE, RESIDENT: Hello.',
      '',
      'S. KANE: I disagree.',
      'NPR said last week that the vote was close.',
      'U.S. officials had offered to mediate.',
      '',
      'M. KANE: So do I.',
      '',
      'PARK: Thanks to you both.',
    );
    assert.deepEqual(problems(text).map((p) => p.code), []);
  });
});

describe('the catalogue and docs/rules.md', () => {
  const rows = new Map<string, { severity: string; fix: string }>();
  for (const m of docs.matchAll(/^\| \[([a-z-]+)\]\(#([a-z-]+)\) \| (\w+) \| (.*) \|$/gm)) {
    assert.equal(m[1], m[2], `table link of ${m[1]}`);
    rows.set(m[1], { severity: m[3], fix: m[4] });
  }

  test('every code has one table row with its default severity, and nothing else is listed', () => {
    assert.deepEqual([...rows.keys()], ruleCodes);
    for (const code of ruleCodes) assert.equal(rows.get(code)!.severity, RULES[code].severity, code);
  });

  test('every code has a section', () => {
    const sections = [...docs.matchAll(/^## ([a-z-]+)$/gm)].map((m) => m[1]);
    assert.deepEqual(sections, ruleCodes);
  });

  /** The example block of a section: [line, mark] with mark ✗, ✓ or '' (context). */
  const example = (code: string): { line: string; mark: string }[] => {
    const at = docs.indexOf(`## ${code}\n`);
    const block = /```text\n([\s\S]*?)```/.exec(docs.slice(at))!;
    return block[1]
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const m = /^(.*?)\s+([✗✓])(?: \(.*\))?$/.exec(l);
        return m ? { line: m[1], mark: m[2] } : { line: l, mark: '' };
      });
  };

  const intro = ['Ferries', '', 'NINA PARK, HOST: Good morning.', '', 'OMAR SALEH, BYLINE: Hi.', ''];
  // What comes before each section's example: the speakers it assumes.
  const prelude: Record<RuleCode, string[]> = {
    'missing-colon': [...intro, 'PARK: Hello.', '', 'SALEH: Yes.'],
    'label-case': [...intro, 'PARK: Hello.', '', 'SALEH: Yes.'],
    // A congressional hearing, whose labels end with a period.
    'label-terminator': ['transcript-style: hearing', '', 'The Chairwoman. The committee will come to order.', '', 'Mr. Linder. Thank you, Madam Chair.', ''],
    'unknown-speaker': ['Ferries', ''],
    'no-introduction': ['Ferries', '', 'Nina Park hosts.', ''],
    'ambiguous-label': ['Two Kanes', '', 'SARAH KANE, MEMBER: a', '', 'MILES KANE, RESIDENT: b', ''],
    'conflicting-role': ['Ferries', ''],
    'duplicate-introduction': ['Ferries', '', 'NINA PARK, HOST: Hi.', ''],
    'empty-turn': intro,
    'split-turn': intro,
    'unclosed-stage-direction': intro,
    'unbalanced-bracket': intro,
    'unbalanced-quote': intro,
    'label-spacing': intro,
    'invalid-timestamp': intro,
    'timestamp-order': intro,
    'turn-after-credits': [...intro, 'PARK: Thanks.', ''],
  };
  for (const code of ruleCodes) {
    test(`${code}: the bad examples are reported, the good ones are not, the fix is as the table says`, () => {
      const ex = example(code);
      const context = ex.filter((e) => !e.mark).map((e) => e.line);
      assert.ok(ex.some((e) => e.mark === '✗'), 'a bad example');
      for (const e of ex.filter((x) => x.mark)) {
        const text = lines(...prelude[code], ...context, e.line);
        const found = problems(text).filter((p) => p.code === code);
        if (e.mark === '✓') {
          assert.deepEqual(found, [], `good example reported: ${e.line}`);
          continue;
        }
        assert.ok(found.length > 0, `bad example not reported: ${e.line}`);
        const fix = rows.get(code)!.fix;
        const p = found[0];
        if (fix === '—') assert.deepEqual(p.fixes, [], 'no fix');
        else if (fix.includes('(preferred')) assert.ok(p.fixes.some((f) => f.preferred), `a preferred fix for ${e.line}`);
        else {
          assert.ok(p.fixes.length > 0, 'a fix');
          assert.ok(!p.fixes.some((f) => f.preferred), 'no preferred fix');
        }
      }
    });
  }
});

test('the example draft with slips: one problem of each kind it shows, in order', () => {
  const text = readFileSync(join(root, 'examples', 'draft-with-slips.transcript'), 'utf8');
  /** [start, end] of the first `length` characters of the first occurrence of `sub`. */
  const first = (sub: string, length = sub.length) => {
    const s = span(text, sub).start;
    return [s, s + length];
  };
  assert.deepEqual(
    problems(text).map((p) => [p.code, p.start, p.end]),
    [
      ['unknown-speaker', ...first('WHITFEILD')],
      ['missing-colon', ...first('VANCE Mostly', 5)],
      ['unclosed-stage-direction', ...first('(SOUNDBITE OF ARCHIVED RECORDING')],
      ['split-turn', ...first('VANCE: Vendors', 6)],
      ['label-case', ...first('whitfield:')],
      ['label-spacing', ...first(' : Relieved', 2)],
      ['empty-turn', ...first('WHITFIELD:\n', 10)],
      ['unbalanced-quote', ...first('"We would', 1)],
      ['label-spacing', ...first(':Teo', 1)],
    ],
  );
});

describe('the settings', () => {
  test('transcript.diagnostics.rules in the manifest lists every rule code, and nothing else', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const rules = manifest.contributes.configuration.properties['transcript.diagnostics.rules'];
    // additionalProperties is false: a code missing here is a warning in the user's settings.json.
    assert.equal(rules.additionalProperties, false);
    assert.deepEqual(Object.keys(rules.properties).sort(), [...ruleCodes].sort());
    for (const code of ruleCodes) assert.deepEqual(rules.properties[code].enum, ['error', 'warning', 'information', 'hint', 'off'], code);
  });
});
