// Which style a transcript is read as: detected from its first lines (every fixture is
// recognised as the style of its folder), decided by a first-line marker
// (`transcript-style: podcast`), or set by the `transcript.style` setting
// (parseTranscript(text, { style }), the language service's `style` option), which wins over both.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { parseTranscript, transcriptStyles, type TranscriptStyle } from '../../server/src/parser';
import { DETECTION_LINES } from '../../server/src/parser/style';
import { allFixtures, Fixture, readFixture, STYLES, type Style } from '../fixtures/styles/support';

describe('detection: every fixture is recognised as its style', () => {
  test('the styles are the four of the fixture folders', () => {
    assert.deepEqual([...transcriptStyles], [...STYLES]);
  });

  for (const [style, name] of allFixtures()) {
    test(`${style}/${name} is ${style}`, () => {
      const doc = parseTranscript(readFixture(style, name));
      assert.deepEqual({ style: doc.style, source: doc.styleSource }, { style, source: 'detected' });
      assert.equal(doc.parseError, undefined);
    });
  }

  test('text with no labels, and an empty text, are broadcast', () => {
    assert.equal(parseTranscript('').style, 'broadcast');
    assert.equal(parseTranscript('Just a headline\n\nand a line of prose.\n').style, 'broadcast');
  });

  test('a few signals of another style are not enough: a broadcast story quoting one Q. stays broadcast', () => {
    const text = 'NINA PARK, HOST: Good morning.\n\nQ. What did the judge ask?\n\nPARK: That was the question.\n';
    assert.equal(parseTranscript(text).style, 'broadcast');
  });

  test(`only the first ${DETECTION_LINES} lines are read`, () => {
    const deposition = readFixture('court', 'good-deposition.transcript');
    const prose = 'The reporter read back the last answer.\n'.repeat(DETECTION_LINES);
    // After 600 lines of prose the questions and answers come too late to count.
    assert.equal(parseTranscript(prose + deposition).style, 'broadcast');
    assert.equal(parseTranscript(deposition + prose).style, 'court');
  });
});

describe('the first-line marker', () => {
  const numbered = readFixture('podcast', 'good-numbered.transcript');
  const older = readFixture('broadcast', 'good-older.transcript');

  for (const [marker, style] of [
    ['transcript-style: podcast', 'podcast'],
    ['Transcript-Style: COURT', 'court'],
    ['transcript style: hearing', 'hearing'],
    ['<!-- transcript-style: court -->', 'court'],
    ['# transcript-style: hearing', 'hearing'],
    ['% transcript-style: broadcast', 'broadcast'],
    ['// transcript-style: podcast', 'podcast'],
    ['\ufefftranscript-style: court', 'court'],
    ['   transcript-style:court', 'court'],
  ] as [string, TranscriptStyle][]) {
    test(`${JSON.stringify(marker)} makes it ${style}`, () => {
      const doc = parseTranscript(`${marker}\n\n${style === 'broadcast' ? numbered : older}`);
      assert.deepEqual({ style: doc.style, source: doc.styleSource }, { style, source: 'marker' });
    });
  }

  test('a marker decides against detection: a podcast read as broadcast loses its mixed-case labels', () => {
    const f = new Fixture('podcast', 'good-conversation.transcript');
    const doc = parseTranscript(`transcript-style: broadcast\n\n${f.text}`);
    assert.equal(doc.style, 'broadcast');
    assert.deepEqual(doc.turns.filter((t) => t.label).length, 0);
    assert.equal(parseTranscript(f.text).turns.filter((t) => t.label).length, 11);
  });

  test('a marker anywhere but on the first line is text, and an unknown style is no marker', () => {
    assert.deepEqual([parseTranscript(`Title\ntranscript-style: podcast\n\n${older}`).styleSource, parseTranscript(`Title\ntranscript-style: podcast\n\n${older}`).style], ['detected', 'broadcast']);
    assert.equal(parseTranscript(`transcript-style: radio\n\n${numbered}`).styleSource, 'detected');
  });

  test(
    'the marker line is not taken for the title',
    () => {
      const doc = parseTranscript(`transcript-style: podcast\n\n${older}`);
      assert.equal(doc.preamble?.title?.text, 'Beekeepers count their losses after a wet spring');
    },
  );
});

describe('the transcript.style setting', () => {
  for (const [style, name] of allFixtures().filter(([, n]) => n.startsWith('good-'))) {
    test(`${style}/${name}: read as each style when the setting says so`, () => {
      const text = readFixture(style, name);
      for (const forced of STYLES) {
        const doc = parseTranscript(text, { style: forced });
        assert.deepEqual({ style: doc.style, source: doc.styleSource }, { style: forced, source: 'setting' });
        assert.equal(doc.parseError, undefined);
      }
    });
  }

  test('the setting wins over the marker', () => {
    const doc = parseTranscript(`transcript-style: podcast\n\n${readFixture('court', 'good-deposition.transcript')}`, { style: 'hearing' });
    assert.deepEqual([doc.style, doc.styleSource], ['hearing', 'setting']);
  });

  test('what the setting changes: a deposition read as broadcast has no Q. / A. turns', () => {
    const text = readFixture('court', 'good-deposition.transcript');
    const qa = (style?: TranscriptStyle) => parseTranscript(text, { style }).turns.filter((t) => t.label?.qa).length;
    assert.equal(qa(), 13);
    assert.equal(qa('court'), 13);
    assert.equal(qa('broadcast'), 0);
  });

  test('the language service reads documents in the style of the setting, and again when it changes', () => {
    let setting: TranscriptStyle | undefined;
    const service = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined }, style: () => setting });
    const text = readFixture('hearing', 'good-house.transcript');
    const d = { uri: 'file:///styles/house.transcript', version: 1, getText: () => text };
    assert.deepEqual([service.getTranscript(d).doc.style, service.getTranscript(d).doc.styleSource], ['hearing', 'detected']);
    setting = 'broadcast';
    service.onParseSettingsChanged();
    const doc = service.getTranscript(d).doc;
    assert.deepEqual([doc.style, doc.styleSource], ['broadcast', 'setting']);
    // Period labels are the hearing style's: read as broadcast, the hearing has no turns.
    assert.equal(doc.turns.length, 0);
    setting = undefined;
    service.onParseSettingsChanged();
    assert.equal(service.getTranscript(d).doc.style, 'hearing');
  });

  test('each style reads a fixture of every other style without error', () => {
    for (const [style, name] of allFixtures()) {
      for (const forced of STYLES) assert.equal(parseTranscript(readFixture(style as Style, name), { style: forced }).parseError, undefined, `${style}/${name} as ${forced}`);
    }
  });
});
