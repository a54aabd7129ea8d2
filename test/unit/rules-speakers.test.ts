// Rules about who speaks: unknown-speaker, no-introduction, ambiguous-label, conflicting-role,
// duplicate-introduction.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, at, lines, of, problems, span } from '../fixtures/rules/support';

const intro = ['Ferry strike ends', '', 'NINA PARK, HOST: Good morning.', '', 'OMAR SALEH, BYLINE: The boats are back.', ''];

describe('unknown-speaker', () => {
  test('a label a letter away from one speaker: message, related introduction, one preferred fix', () => {
    const text = lines(...intro, 'PARK: Where?', '', 'SALEH: Here.', '', 'SALEEH: At the gate.', '', 'PARK: Thanks.');
    const s = span(text, 'SALEEH');
    assert.deepEqual(of(text, 'unknown-speaker'), [
      {
        code: 'unknown-speaker',
        text: 'SALEEH',
        start: s.start,
        end: s.end,
        message: 'Unknown speaker SALEEH — did you mean SALEH (Omar Saleh)?',
        related: [{ ...span(text, 'OMAR SALEH, BYLINE:'), message: 'Omar Saleh is introduced here' }],
        fixes: [{ title: 'Change to SALEH', preferred: true, edits: [{ start: s.start, end: s.end, newText: 'SALEH' }] }],
      },
    ]);
    // A typo is not also a speaker never introduced.
    assert.deepEqual(of(text, 'no-introduction'), []);
  });

  test('a label close to two speakers: both named, two fixes, neither preferred', () => {
    const text = lines('T', '', 'JON REED, HOST: a', '', 'JAN REID, GUEST: b', '', 'REED: c', '', 'REID: d', '', 'REEID: e');
    const s = span(text, 'REEID');
    assert.deepEqual(of(text, 'unknown-speaker'), [
      {
        code: 'unknown-speaker',
        text: 'REEID',
        start: s.start,
        end: s.end,
        message: 'Unknown speaker REEID — did you mean REED (Jon Reed) or REID (Jan Reid)?',
        related: [
          { ...span(text, 'JON REED, HOST:'), message: 'Jon Reed is introduced here' },
          { ...span(text, 'JAN REID, GUEST:'), message: 'Jan Reid is introduced here' },
        ],
        fixes: [
          { title: 'Change to REED', preferred: false, edits: [{ start: s.start, end: s.end, newText: 'REED' }] },
          { title: 'Change to REID', preferred: false, edits: [{ start: s.start, end: s.end, newText: 'REID' }] },
        ],
      },
    ]);
  });

  test('a misspelt full-name label: the fix uses the closest form', () => {
    const text = lines(...intro, 'PARK: Where?', '', 'SALEH: Here.', '', 'OMAR SALHE: Again.', '', 'PARK: Thanks.');
    const s = span(text, 'OMAR SALHE');
    const found = of(text, 'unknown-speaker');
    assert.equal(found.length, 1);
    assert.equal(found[0].start, s.start);
    assert.equal(found[0].end, s.end);
    assert.equal(found[0].message, 'Unknown speaker OMAR SALHE — did you mean OMAR SALEH (Omar Saleh)?');
    assert.deepEqual(found[0].fixes, [{ title: 'Change to OMAR SALEH', preferred: true, edits: [{ start: s.start, end: s.end, newText: 'OMAR SALEH' }] }]);
  });

  test('S. KANE and M. KANE tell two people apart on purpose: no typo', () => {
    const text = lines('Two Kanes', '', 'S. KANE: I disagree.', '', 'M. KANE: So do I.', '', 'S. KANE: Then we agree.', '', 'M. KANE: We do.');
    assert.deepEqual(of(text, 'unknown-speaker'), []);
    const introduced = lines('Two Kanes', '', 'SARAH KANE, MEMBER: a', '', 'MILES KANE, RESIDENT: b', '', 'S. KANE: c', '', 'M. KANE: d');
    assert.deepEqual(of(introduced, 'unknown-speaker'), []);
    assert.deepEqual(of(introduced, 'ambiguous-label'), []);
  });

  test('distinct speakers with distinct names: nothing', () => {
    const text = lines(...intro, 'GRETA LINDQVIST, DECKHAND: We stood there.', '', 'PARK: Where?', '', 'SALEH: Here.');
    assert.deepEqual(of(text, 'unknown-speaker'), []);
  });

  test(
    'two people introduced once each with close names are not typos of each other',
    () => {
      const text = lines('Voices from the ferry line', '', 'JOHN SMITH, COMMUTER: It was a long week.', '', 'JOAN SMITH, COMMUTER: I walked.');
      assert.deepEqual(of(text, 'unknown-speaker'), []);
    },
  );

  test(
    'the docs example PRAK (a transposition in a short label) is reported',
    () => {
      const text = lines('T', '', 'NINA PARK, HOST: Good morning.', '', 'OMAR SALEH, BYLINE: Hi.', '', 'PRAK: Omar, what happened?');
      assert.deepEqual(
        of(text, 'unknown-speaker').map((p) => p.message),
        ['Unknown speaker PRAK — did you mean PARK (Nina Park)?'],
      );
    },
  );
});

describe('no-introduction', () => {
  test('a surname-only speaker with no full name anywhere: a hint without fix', () => {
    const text = lines('Ferries', '', 'PARK: Good morning.', '', 'SALEH: Hi.', '', 'PARK: Bye.');
    const park = span(text, 'PARK');
    const saleh = span(text, 'SALEH');
    assert.deepEqual(of(text, 'no-introduction'), [
      {
        code: 'no-introduction',
        text: 'PARK',
        ...park,
        message: 'PARK is never introduced by full name and role (as FIRSTNAME PARK, ROLE: on first appearance).',
        fixes: [],
      },
      {
        code: 'no-introduction',
        text: 'SALEH',
        ...saleh,
        message: 'SALEH is never introduced by full name and role (as FIRSTNAME SALEH, ROLE: on first appearance).',
        fixes: [],
      },
    ]);
  });

  test('full names from the summary, the bio after the credits and the text: related mention and a preferred fix', () => {
    const text = lines(
      'Ferries',
      '',
      "The boats are back. KBRT's Omar Saleh reports.",
      '',
      'PARK: Hi.',
      '',
      'SALEH: The boats are back.',
      '',
      'LINDQVIST: I am Greta Lindqvist, a deckhand.',
      '',
      'PARK: Thanks.',
      '',
      'Transcript provided by KBRT, Copyright KBRT.',
      '',
      'Nina Park is the host of Morning Edition.',
    );
    const park = span(text, 'PARK');
    const saleh = span(text, 'SALEH');
    const lind = span(text, 'LINDQVIST');
    assert.deepEqual(of(text, 'no-introduction'), [
      {
        code: 'no-introduction',
        text: 'PARK',
        ...park,
        message: 'PARK is never introduced by full name and role (as NINA PARK, ROLE: on first appearance); the bio after the credits names them Nina Park.',
        related: [{ ...span(text, 'Nina Park is'), end: at(text, 'Nina Park is') + 9, message: 'Nina Park is named here' }],
        fixes: [{ title: 'Introduce as NINA PARK', preferred: true, edits: [{ ...park, newText: 'NINA PARK' }] }],
      },
      {
        code: 'no-introduction',
        text: 'SALEH',
        ...saleh,
        message: 'SALEH is never introduced by full name and role (as OMAR SALEH, ROLE: on first appearance); the summary names them Omar Saleh.',
        related: [{ ...span(text, 'Omar Saleh'), message: 'Omar Saleh is named here' }],
        fixes: [{ title: 'Introduce as OMAR SALEH', preferred: true, edits: [{ ...saleh, newText: 'OMAR SALEH' }] }],
      },
      {
        code: 'no-introduction',
        text: 'LINDQVIST',
        ...lind,
        message: 'LINDQVIST is never introduced by full name and role (as GRETA LINDQVIST, ROLE: on first appearance); the text names them Greta Lindqvist.',
        related: [{ ...span(text, 'Greta Lindqvist'), message: 'Greta Lindqvist is named here' }],
        fixes: [{ title: 'Introduce as GRETA LINDQVIST', preferred: true, edits: [{ ...lind, newText: 'GRETA LINDQVIST' }] }],
      },
    ]);
    const fixed = applyFix(text, of(text, 'no-introduction')[0].fixes[0].edits);
    assert.ok(fixed.includes('\nNINA PARK: Hi.\n'));
    assert.deepEqual(of(fixed, 'no-introduction').map((p) => p.text), ['SALEH', 'LINDQVIST']);
  });

  test('not for introduced speakers, unidentified voices, numbered speakers or two-word labels', () => {
    const text = lines(
      ...intro,
      'PARK: Where?',
      '',
      'Unidentified Man #2: Over here.',
      '',
      'Speaker 1: Hm.',
      '',
      'S. KANE: I disagree.',
      '',
      'SALEH: Thanks.',
    );
    assert.deepEqual(of(text, 'no-introduction'), []);
  });

  test(
    'an honorific label: the message does not put FIRSTNAME before the honorific',
    () => {
      const text = lines('Ferries', '', 'Ms. VOLK: Good morning.', '', 'OMAR SALEH, BYLINE: Hi.');
      const [p] = of(text, 'no-introduction');
      assert.ok(p, 'reported');
      assert.doesNotMatch(p.message, /FIRSTNAME Ms\./);
    },
  );
});

describe('ambiguous-label', () => {
  const text = lines('Two Kanes', '', 'SARAH KANE, MEMBER: a', '', 'MILES KANE, RESIDENT: b', '', 'KANE: c', '', 'S. KANE: d');

  test('a short label that fits two speakers: both related, fixes by initial, not preferred', () => {
    const k = span(text, 'KANE: c');
    const kane = { start: k.start, end: k.start + 4 };
    assert.deepEqual(of(text, 'ambiguous-label'), [
      {
        code: 'ambiguous-label',
        text: 'KANE',
        ...kane,
        message: 'KANE could be Sarah Kane or Miles Kane: use a label that tells them apart, such as S. KANE or M. KANE.',
        related: [
          { ...span(text, 'SARAH KANE, MEMBER:'), message: 'Sarah Kane is introduced here' },
          { ...span(text, 'MILES KANE, RESIDENT:'), message: 'Miles Kane is introduced here' },
        ],
        fixes: [
          { title: 'Change to S. KANE', preferred: false, edits: [{ ...kane, newText: 'S. KANE' }] },
          { title: 'Change to M. KANE', preferred: false, edits: [{ ...kane, newText: 'M. KANE' }] },
        ],
      },
    ]);
    // The initial label resolves it (the two S. KANE turns in a row are then a split turn).
    assert.deepEqual(
      problems(applyFix(text, of(text, 'ambiguous-label')[0].fixes[0].edits)).map((p) => p.code),
      ['split-turn'],
    );
  });

  test(
    'speakers with the same initial: the suggested labels tell them apart',
    () => {
      const t = lines('Two Kanes', '', 'SARAH KANE, MEMBER: a', '', 'SAM KANE, RESIDENT: b', '', 'KANE: c');
      const [p] = of(t, 'ambiguous-label');
      assert.ok(p, 'reported');
      const labels = p.fixes.map((f) => f.edits[0].newText);
      assert.equal(new Set(labels).size, labels.length, `distinct suggestions: ${labels.join(', ')}`);
      for (const f of p.fixes) assert.deepEqual(of(applyFix(t, f.edits), 'ambiguous-label'), [], f.title);
    },
  );
});

describe('conflicting-role', () => {
  test('a second introduction with another role: range on the role, related first introduction, fix not preferred', () => {
    const text = lines('T', '', 'NINA PARK, HOST: a', '', 'OMAR SALEH, BYLINE: b', '', 'NINA PARK, REPORTER: c');
    const role = span(text, 'REPORTER');
    assert.deepEqual(of(text, 'conflicting-role'), [
      {
        code: 'conflicting-role',
        text: 'REPORTER',
        ...role,
        message: 'Nina Park is introduced as HOST (line 3) and as REPORTER here.',
        related: [{ ...span(text, 'NINA PARK, HOST:'), message: 'Nina Park is introduced as HOST here' }],
        fixes: [{ title: 'Use the first role, HOST', preferred: false, edits: [{ ...role, newText: 'HOST' }] }],
      },
    ]);
  });

  test('the same role in another case or spacing is no conflict', () => {
    const text = lines('T', '', 'NINA PARK, HOST: a', '', 'OMAR SALEH, BYLINE: b', '', 'NINA PARK, Host: c', '', 'OMAR SALEH,  BYLINE: d');
    assert.deepEqual(of(text, 'conflicting-role'), []);
  });
});

describe('duplicate-introduction', () => {
  test('a second full-name label: range up to the colon, related first introduction, preferred fix to the short label', () => {
    const text = lines('T', '', 'NINA PARK, HOST: a', '', 'OMAR SALEH, BYLINE: b', '', 'PARK: c', '', 'OMAR SALEH: d', '', 'NINA PARK, HOST: e');
    const omar = span(text, 'OMAR SALEH: d');
    const nina = span(text, 'NINA PARK, HOST: e');
    assert.deepEqual(of(text, 'duplicate-introduction'), [
      {
        code: 'duplicate-introduction',
        text: 'OMAR SALEH',
        start: omar.start,
        end: omar.start + 10,
        message: 'Omar Saleh was already introduced on line 5; later turns use the short label SALEH.',
        related: [{ ...span(text, 'OMAR SALEH, BYLINE:'), message: 'The first introduction' }],
        fixes: [{ title: 'Change to SALEH', preferred: true, edits: [{ start: omar.start, end: omar.start + 10, newText: 'SALEH' }] }],
      },
      {
        // The role goes too: the short label has none.
        code: 'duplicate-introduction',
        text: 'NINA PARK, HOST',
        start: nina.start,
        end: nina.start + 15,
        message: 'Nina Park was already introduced on line 3; later turns use the short label PARK.',
        related: [{ ...span(text, 'NINA PARK, HOST:'), message: 'The first introduction' }],
        fixes: [{ title: 'Change to PARK', preferred: true, edits: [{ start: nina.start, end: nina.start + 15, newText: 'PARK' }] }],
      },
    ]);
    const fixed = applyFix(text, of(text, 'duplicate-introduction').flatMap((p) => p.fixes[0].edits));
    assert.ok(fixed.endsWith('\nSALEH: d\n\nPARK: e'), JSON.stringify(fixed));
    assert.deepEqual(problems(fixed), []);
  });

  test('the short label used before wins over the surname', () => {
    const text = lines('T', '', 'U.S. SENATOR ANNE FOLEY, DEMOCRAT: a', '', 'NINA PARK, HOST: b', '', 'SENATOR FOLEY: c', '', 'PARK: d', '', 'ANNE FOLEY: e');
    const [p] = of(text, 'duplicate-introduction');
    assert.ok(p);
    assert.equal(p.text, 'ANNE FOLEY');
  });

  test(
    'a timestamped second introduction: the range starts at the name, not the timestamp',
    () => {
      const text = lines('T', '', 'NINA PARK, HOST: a', '', 'OMAR SALEH, BYLINE: b', '', '[00:01:00] NINA PARK: c');
      const [p] = of(text, 'duplicate-introduction');
      assert.equal(p.text, 'NINA PARK');
    },
  );
});
