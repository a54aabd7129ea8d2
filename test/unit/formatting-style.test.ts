// Formatting never changes the style a document is detected in, and never unmakes a label.
// Detection (server/src/parser/style.ts) reads each line's spaces and tabs as formatting leaves
// them and counts only lines that are not blank, so the white-space slips formatting fixes
// (`PARK :`, `PARK:No`, `NINA  PARK:`, trailing spaces) and the blank lines it adds or removes
// cannot tip a mixed document from one style to another — when they did, the next format found
// more to do. Formatting itself (features/formatting.ts) puts the space after a bold label's
// closing `**` and after a briefing's `Q`, not inside or doubled.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseTranscript } from '../../server/src/parser';
import { reparse } from '../../server/src/parser/incremental';
import { DETECTION_LINES, DETECTION_TEXT_LINES } from '../../server/src/parser/style';
import { applyTextEdits, doc, service } from '../fixtures/rules/support';
import { describeRuns, runs, show } from '../helpers/arbitraries';

const format = (text: string) => applyTextEdits(text, service().getFormattingEdits(doc(text)));
const styleOf = (text: string) => parseTranscript(text).style;
const labelsOf = (text: string) => parseTranscript(text).turns.flatMap((t) => (t.label ? [t.label.name] : []));

/** Formats once and twice: the style stays, the second format changes nothing. */
function formatted(text: string): string {
  const once = format(text);
  assert.equal(styleOf(once), styleOf(text), `formatting changed the style of ${show(text)} (to ${show(once)})`);
  assert.equal(format(once), once, `format(format(x)) != format(x) for ${show(text)}`);
  return once;
}

describe('formatting keeps the detected style', () => {
  // Four podcast signals against three broadcast labels and one broadcast label with a slip:
  // counted only once formatted, the slip made the formatted text broadcast.
  const podcast = 'Speaker 1: Hi.\nJames Cridland (00:00): the\nNina Park: Yes.\n';
  const broadcast = 'NINA PARK, HOST: Hi.\nNINA PARK, HOST: Yes.\nNINA PARK, HOST: No.\n';
  for (const slip of ['PARK : So.', 'PARK:So.', 'PARK:(laughs)', 'NINA  PARK: So.', 'NINA\tPARK: So.', 'PARK:\u00a0So.', 'PARK  :   So.  ']) {
    test(`a label with a slip (${JSON.stringify(slip)}) reads as its formatted form`, () => {
      const text = podcast + slip + '\n' + broadcast;
      const once = formatted(text);
      assert.notEqual(once, text);
    });
  }

  test('the document npm run fuzz found: broadcast before formatting (its `PARK :` counts) and after', () => {
    const text = 'Speaker 1: \nPARK : \nJames Cridland (00:00): the\nNINA PARK, HOST: \nNINA PARK, HOST: \nJames Cridland (00:00): \u180e\nNINA PARK, HOST: ';
    assert.equal(styleOf(text), 'broadcast');
    formatted(text);
  });

  test(`blank lines do not count toward the ${DETECTION_TEXT_LINES} lines detection reads`, () => {
    // 150 broadcast labels with blank lines between them, then 300 podcast labels without: the
    // blank lines formatting inserts used to push half of the podcast labels out of the window.
    const text = 'NINA PARK, HOST: Hi.\n\n' + 'PARK: x\n\n'.repeat(150) + 'Nina Park: x\n'.repeat(300);
    assert.equal(styleOf(text), 'podcast');
    const once = formatted(text);
    assert.ok(once.split('\n').length > text.split('\n').length + 250);
    // Runs of blank lines that formatting shrinks do not count either.
    const spread = 'Nina Park: x\n\n\n\n\n'.repeat(200) + 'PARK: x\n'.repeat(300);
    formatted(spread);
  });

  test(`an edit past line ${DETECTION_TEXT_LINES} but among the lines detection reads re-detects the style (incremental parse)`, () => {
    // 300 podcast labels with blank lines between them (600 lines), then 200 broadcast labels: all
    // read (500 lines that are not blank), podcast. 100 more broadcast labels inserted at line 600
    // make it broadcast.
    const text = 'Nina Park: Hi.\n\n'.repeat(300) + 'PARK: x\n'.repeat(200);
    assert.equal(styleOf(text), 'podcast');
    const at = text.indexOf('PARK: x');
    const inserted = 'SALEH: y\n'.repeat(100);
    const next = text.slice(0, at) + inserted + text.slice(at);
    const full = parseTranscript(next);
    assert.equal(full.style, 'broadcast');
    assert.ok(text.slice(0, at).split('\n').length - 1 < DETECTION_LINES);
    const incremental = reparse(parseTranscript(text), next, { start: at, end: at, newLength: inserted.length });
    assert.equal(incremental.style, full.style);
    assert.equal(incremental.turns.length, full.turns.length);
  });

  test('a bold label stays one: the space goes after its closing **', () => {
    const text = '**Jerod Santo:**Hello.\n**Adam Stacoviak:**   Hi.\n**Jerod Santo**:Yes.\n**Adam Stacoviak:**  \nNo.\n';
    const once = formatted(text);
    assert.equal(once, '**Jerod Santo:** Hello.\n\n**Adam Stacoviak:** Hi.\n\n**Jerod Santo**: Yes.\n\n**Adam Stacoviak:**\nNo.\n');
    assert.deepEqual(labelsOf(once), labelsOf(text));
    assert.equal(styleOf(once), 'podcast');
  });

  test('a briefing’s Q gets one space after it, not two', () => {
    const text = 'Q Mr. Secretary, what now?\nMR. SMITH: Nothing.\nQ   Why?\nMR. SMITH: Because.\nQ\tAnd then?\nMR. SMITH: Then.\n';
    assert.equal(styleOf(text), 'court');
    const once = formatted(text);
    assert.equal(once, 'Q Mr. Secretary, what now?\n\nMR. SMITH: Nothing.\n\nQ Why?\n\nMR. SMITH: Because.\n\nQ And then?\n\nMR. SMITH: Then.\n');
    assert.deepEqual(labelsOf(once), labelsOf(text));
  });

  test('mixed documents of label lines with white-space slips keep their style and format once', (t) => {
    t.diagnostic(describeRuns());
    const name = fc.constantFrom('NINA PARK', 'PARK', 'SALEH', 'Nina Park', 'James Cridland', 'Speaker 1', 'Q', 'A', 'THE COURT', 'Mr. Linder', 'Chairman SMITH');
    const gap = fc.constantFrom('', ' ', '  ', '\t', ' \t ', '\u00a0');
    const line = fc.oneof(
      fc.record({ pre: fc.constantFrom('', ' ', '[00:01] ', '**'), name, role: fc.constantFrom('', ', HOST', ' (00:00)'), before: gap, end: fc.constantFrom(':', '.', ':**', '**:', ''), after: gap, said: fc.constantFrom('', 'Hi.', 'no', '(laughs)', '"So"', 'x: y', '42'), trail: gap }).map(
        (l) => `${l.pre}${l.name.replace(' ', l.before === '\t' ? '\t' : l.before.length > 1 ? '  ' : ' ')}${l.role}${l.before}${l.end}${l.after}${l.said}${l.trail}`,
      ),
      fc.constantFrom('', ' ', '\t', 'the end of it', 'James Cridland 00:02:', 'Present:', 'BY MR. DOE:', '---'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        formatted(lines.join(eol));
      }),
      runs(300),
    );
  });
});
