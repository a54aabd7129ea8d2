// Small, exact cases for the entity recogniser (server/src/analysis/entities.ts), one sentence
// each: what it gets right today, and (marked todo) the bugs the quality measurements found.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { entitiesIn, entityAt, formsRegex, mentionsOf, nameCounts } from '../../server/src/analysis/entities';

/** The entities of a one-paragraph text (after an optional label), as `text/kind`. */
function entities(text: string): string[] {
  const t = analyze('file:///case.transcript', 1, text);
  const start = t.doc.turns[0]?.label ? t.doc.turns[0].textStart : 0;
  return entitiesIn(t.doc, t.speakers, { start, end: text.trimEnd().length }).map((e) => `${e.text}/${e.kind}`);
}

describe('entity recogniser: cases that work', () => {
  test('people after titles and demonyms, without the title', () => {
    assert.deepEqual(entities('PARK: Russian Foreign Minister Sergey Lavrov met them.'), ['Sergey Lavrov/person']);
  });

  test('organisations by their tell-tale words, acronyms, possessives left out', () => {
    assert.deepEqual(entities("PARK: The Asian Development Bank and NATO's envoy agreed."), ['Asian Development Bank/organization', 'NATO/organization']);
  });

  test('a speaker named in the text is that speaker', () => {
    const text = 'OMAR SALEH, BYLINE: Hello.\n\nPARK: Saleh says the boats are tied up.\n';
    const t = analyze('file:///a.transcript', 1, text);
    const e = entityAt(t.doc, t.speakers, text.indexOf('Saleh says') + 2);
    assert.deepEqual(e && { text: e.text, kind: e.kind, speaker: e.speaker }, { text: 'Saleh', kind: 'person', speaker: 0 });
  });

  test('mentions: forms with possessive and demonym, never inside labels', () => {
    const text = "RUSSIA: no.\n\nPARK: Russia's navy and the Russians. Russia.\n";
    const t = analyze('file:///b.transcript', 1, text);
    const m = mentionsOf(t.doc, 'Russia');
    assert.deepEqual([...m.forms], [["Russia's", 1], ['Russians', 1], ['Russia', 1]]);
    assert.ok(formsRegex('U.N.').test('the U.N. said'));
  });
});

describe('entity recogniser: bugs', () => {
  test(
    'the credit line names NPR twice, and nobody called "Copyright N"',
    () => {
      assert.deepEqual(entities('Transcript provided by NPR, Copyright NPR.'), ['NPR/organization', 'NPR/organization']);
    },
  );

  test(
    'the capitals of a stage direction are no acronyms',
    () => {
      assert.deepEqual(entities('PARK: Listen. (SOUNDBITE OF BOAT ENGINE) That was the boat.'), []);
    },
  );

  test(
    'the cache is per document: a name is not a speaker of another transcript',
    () => {
      const a = 'OMAR SALEH, BYLINE: Hello.\n\nPARK: Thank you.\n\nSaleh says the boats are tied up.\n';
      const b = 'DEE KOWALCZYK, HOST: Hello.\n\nKOWALCZYK: Right.\n\nSaleh says the boats are tied up.\n';
      const ta = analyze('file:///a.transcript', 1, a);
      assert.equal(entityAt(ta.doc, ta.speakers, a.indexOf('Saleh says') + 1)?.speaker, 0);
      const tb = analyze('file:///b.transcript', 1, b);
      assert.equal(entityAt(tb.doc, tb.speakers, b.indexOf('Saleh says') + 1)?.speaker, undefined);
    },
  );

  test(
    '"I\'m" is not part of a name',
    () => {
      assert.deepEqual(entities("PARK: This is MORNING EDITION from NPR News. I'm James Whitfield."), ['NPR News/organization', 'James Whitfield/person']);
    },
  );

  test(
    'a run that crosses a sentence end: both halves are people',
    () => {
      assert.deepEqual(entities("PARK: The chief is Bounmy Phasouk. Bounmy Phasouk's letters went unanswered."), ['Bounmy Phasouk/person', 'Bounmy Phasouk/person']);
    },
  );

  test(
    'a name of an organisation with "of" and a place in it stays whole',
    () => {
      assert.deepEqual(entities('PARK: She teaches at the University of New Orleans.'), ['University of New Orleans/organization']);
    },
  );

  test(
    'places after "at" and "in" are places',
    () => {
      assert.deepEqual(entities('PARK: They look at Houston, they look at Baton Rouge, and some go to Laos.'), ['Houston/place', 'Baton Rouge/place', 'Laos/place']);
    },
  );

  test(
    'a lower-case direction before a place does not lose the place',
    () => {
      assert.deepEqual(entities('PARK: In south Louisiana, that is a lot.'), ['Louisiana/place']);
    },
  );

  test(
    'sentence words are no entities',
    () => {
      assert.deepEqual(entities('PARK: Her sailors board ships. Is it working? For now. Welcome.'), []);
    },
  );

  test(
    'a military rank is a title',
    () => {
      assert.deepEqual(entities('PARK: He spoke to Commander Kaja Rebane.'), ['Kaja Rebane/person']);
    },
  );

  test(
    'workspace counts find a name after a sentence-initial "The"',
    () => {
      assert.equal(nameCounts('The Mekong River Commission says so.').get('mekong river commission'), 1);
    },
  );
});

describe('entity recogniser: offsets', () => {
  // Found by `npm run fuzz`: the NLP library drops a byte-order mark, so its offsets were one
  // short after one, and a name ending in an astral character was cut between its two halves.
  test('after a byte-order mark and next to astral characters, names keep their place and whole characters', () => {
    for (const text of ['\uFEFFMaria Lopez\u{10000}', '\uFEFFMaria Lopez went to Paris.', '😀😀 Maria Lopez went to Paris.']) {
      const t = analyze('file:///o.transcript', 1, text);
      for (const m of entitiesIn(t.doc, t.speakers, { start: 0, end: text.length })) {
        assert.equal(text.slice(m.start, m.end), m.text, JSON.stringify(text));
        for (const k of [m.start, m.end]) assert.ok(!(k > 0 && k < text.length && /[\uDC00-\uDFFF]/.test(text[k]) && /[\uD800-\uDBFF]/.test(text[k - 1])), `${JSON.stringify(text)}: ${k} splits a pair`);
      }
      const maria = entitiesIn(t.doc, t.speakers, { start: 0, end: text.length }).find((m) => m.text.startsWith('Maria Lopez'));
      assert.equal(maria?.start, text.indexOf('Maria'), JSON.stringify(text));
    }
  });
});
