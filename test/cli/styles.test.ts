// `transcript outline` and `transcript check` from the BUILT tool (`node dist/cli.js`) on the
// style fixtures: one transcript of each style, its speakers and outline written out by hand
// (the style is detected from the file; the tool has no option for it).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli';
import { allFixtures, repoPath } from '../fixtures/styles/support';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const OUTLINES: [string, string][] = [
  [
    repoPath('broadcast', 'good-captions.transcript'),
    lines(
      'test/fixtures/styles/broadcast/good-captions.transcript — Fire crews hold the line above Cedar Flats',
      '',
      'Speakers (3)',
      '  Mara Quinlan     3 turns  QUINLAN · ANCHOR',
      '  Theo Banks       4 turns  BANKS · CORRESPONDENT',
      '  Dolores Arce     1 turn   FIRE CHIEF, CEDAR FLATS',
      '',
      'Outline',
      '    L7  Fire crews hold the line above Cedar Flats',
      '   L13  MARA QUINLAN  Good evening. Fire crews above Cedar Flats say they have…',
      '   L15  THEO BANKS  Mara, the wind dropped around sunset, and that gave the…',
      '   L17  QUINLAN (Mara Quinlan)  What are people in town being told?',
      '   L19  BANKS (Theo Banks)  To stay ready. The order to leave is still in place for the…',
      '   L21  DOLORES ARCE  We are not out of this yet. One shift of wind and we are…',
      '   L23  BANKS (Theo Banks)  Chief Arce says the next forty-eight hours decide it.',
      '   L25  QUINLAN (Mara Quinlan)  Theo Banks, thank you.',
      '   L27  BANKS (Theo Banks)  Thank you, Mara.',
      '   L29  (COMMERCIAL BREAK)',
    ),
  ],
  [
    repoPath('podcast', 'good-conversation.transcript'),
    lines(
      "test/fixtures/styles/podcast/good-conversation.transcript — Episode 31: The Keepers' Logbooks",
      '',
      'Speakers (2)',
      '  Priya Raman         4 turns',
      '  Tomas Lindqvist     4 turns',
      '',
      'Outline',
      "    L1  Episode 31: The Keepers' Logbooks",
      '    L6  Music  Theme, up and under',
      "    L8  Priya Raman  Welcome to Tide Log. I'm here with Tomas Lindqvist, who…",
      '   L10  Tomas Lindqvist  Not all of them. About four hundred. \\[laughter\\] It felt…',
      "   L12  Priya Raman  What is actually in a keeper's log?",
      '   L14  Tomas Lindqvist  Weather, mostly. Wind at 6:30, wind at noon, wind at dusk…',
      '   L16  Break  A word from our sponsor',
      "   L18  Priya Raman  We're back. Tomas, you mentioned a storm in 1911.",
      '   L20  Tomas Lindqvist  Right. The log for that week is missing three pages. Note…',
      '   L23  Song  "Lamp Oil" by The Quiet Shoals',
      "   L25  Priya Raman  That's our show. Thanks, Tomas.",
      '   L27  Tomas Lindqvist  Thanks for having me.',
    ),
  ],
  [
    repoPath('court', 'good-deposition.transcript'),
    lines(
      'test/fixtures/styles/court/good-deposition.transcript — Deposition of Harold J. Mercer',
      '',
      'Speakers (3)',
      '  MS. OKAFOR           7 turns  Q',
      '  Harold J. Mercer     8 turns  A, THE WITNESS',
      '  MR. VOSS             3 turns  Q',
      '',
      'Outline',
      '    L8  Deposition of Harold J. Mercer',
      '   L19  Q. (MS. OKAFOR)  Please state your name for the record.',
      '   L20  A. (Harold J. Mercer)  Harold James Mercer.',
      '   L21  Q. (MS. OKAFOR)  What was your job in March of last year?',
      '   L22  A. (Harold J. Mercer)  Relief captain on the evening crossing.',
      '   L23  Q. (MS. OKAFOR)  Were you on the bridge on the night of March 12th?',
      '   L24  A. (Harold J. Mercer)  I was, until about --',
      '   L25  Q. (MS. OKAFOR)  Until what time?',
      '   L26  A. (Harold J. Mercer)  -- until about 9:40, when the captain came up.',
      '   L27  MR. VOSS  Objection to form.',
      '   L28  THE WITNESS (Harold J. Mercer)  Should I still answer that?',
      '   L29  MS. OKAFOR  You can answer.',
      '   L30  A. (Harold J. Mercer)  I was on the bridge until 9:40. 5',
      '   L34  Q. (MS. OKAFOR)  Tell me about the fog.',
      "   L35  A. (Harold J. Mercer)  It came in fast. You couldn't see the bow.",
      "   L36  MS. OKAFOR  That's all I have for now. CROSS-EXAMINATION BY MR. VOSS:",
      '   L40  Q. (MR. VOSS)  Captain Mercer, had you sounded the horn?',
      '   L41  A. (Harold J. Mercer)  Every two minutes, as the rules say.',
      '   L42  MR. VOSS  Nothing further.',
      '   L44  (Deposition concluded at 11:02 a.m.)',
    ),
  ],
  [
    repoPath('hearing', 'good-house.transcript'),
    lines(
      'test/fixtures/styles/hearing/good-house.transcript — Thursday, March 6, 2025',
      '',
      'Speakers (5)',
      '  Ellen Marsh       5 turns  Chairman MARSH',
      '  Mr. Okonkwo       1 turn',
      '  Ms. Abernathy     3 turns',
      '  Mr. Delacroix     2 turns',
      '  Mrs. Pruitt       2 turns',
      '',
      'Outline',
      '    L7  Thursday, March 6, 2025',
      '   L13  Chairman MARSH (Ellen Marsh)  The subcommittee will come to order. Today we look at the…',
      '   L17  Mr. Okonkwo  Thank you, Madam Chair. Most of those boats are older than…',
      '   L19  Chairman MARSH (Ellen Marsh)  Thank you. Our witness today is the director of the Office…',
      '   L23  Ms. Abernathy  Thank you, Chairman Marsh and Ranking Member Okonkwo. I will…',
      '   L25  [The prepared statement of Ms. Abernathy follows:]',
      '   L27  Chairman MARSH (Ellen Marsh)  Thank you. Mr. Delacroix.',
      '   L29  Mr. Delacroix  Ms. Abernathy, how many of the boats are over forty years…',
      '   L31  Ms. Abernathy  Nineteen of the sixty-two.',
      '   L33  Mr. Delacroix  And how many inspectors do you have?',
      '   L35  Ms. Abernathy  Eleven, for the whole coast.',
      '   L37  Mrs. Pruitt  Would the chair yield for a moment?',
      '   L39  Chairman MARSH (Ellen Marsh)  The gentlewoman is recognized.',
      '   L41  Mrs. Pruitt  Eleven inspectors for sixty-two boats. I want that in the…',
      '   L43  Chairman MARSH (Ellen Marsh)  It is in the record. The hearing is adjourned.',
      '   L45  [Whereupon, at 11:47 a.m., the subcommittee was adjourned.]',
    ),
  ],
];

describe('transcript outline: one transcript of each style', () => {
  for (const [file, expected] of OUTLINES) {
    test(file, () => {
      const r = runCli(['outline', file]);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, expected);
      assert.equal(r.status, 0);
    });
  }

  test('all four in one run, separated by a blank line', () => {
    const r = runCli(['outline', ...OUTLINES.map(([f]) => f)]);
    assert.equal(r.stdout, OUTLINES.map(([, out]) => out).join('\n'));
    assert.equal(r.status, 0);
  });
});

describe('transcript check on the style fixtures', () => {
  test('every well-formed fixture of every style: no problems', () => {
    const goods = allFixtures()
      .filter(([, n]) => n.startsWith('good-'))
      .map(([s, n]) => repoPath(s, n));
    const r = runCli(['check', ...goods]);
    assert.equal(r.stdout, `No problems in ${goods.length} files.\n`);
    assert.equal(r.status, 0);
  });

  test('a deposition with slips: each with its line and column, exit status 1 for the errors', () => {
    const file = repoPath('court', 'slips-deposition.transcript');
    const r = runCli(['check', file]);
    assert.equal(
      r.stdout,
      lines(
        `${file}:11:11 warning MS. OKAFOR speaks twice in a row (line 10 and here): probably one turn split by mistake. [split-turn]`,
        `${file}:12:34 error Stage direction (Indicating is never closed: add ')'. [unclosed-stage-direction]`,
        `${file}:14:13 error THE WITNESS starts a line like a speaker label but has no colon: write THE WITNESS: [missing-colon]`,
        `${file}:15:13 warning Label the witness is not in upper case like the transcript's other labels: write THE WITNESS: [label-case]`,
        `${file}:16:13 warning Unknown speaker MR. VSOS — did you mean MR. VOSS? [unknown-speaker]`,
        `${file}:18:36 warning Unbalanced double quote: this turn has one " mark, an odd number, so a quotation is never closed. [unbalanced-quote]`,
        `${file}:19:23 warning Space before the colon in the label MS. OKAFOR: write MS. OKAFOR: [label-spacing]`,
        '2 errors, 5 warnings in 1 file.',
      ),
    );
    assert.equal(r.status, 1);
  });
});
