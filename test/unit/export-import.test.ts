// Import from WebVTT and SRT: speakers from <v> voice tags or "Name:" prefixes, consecutive cues
// of one speaker merged into one turn that keeps the first cue's time, sound descriptions as
// stage directions, character references decoded, styling dropped, and a .transcript that the
// parser reads back with those speakers, turns and times.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { importSubtitles, transcriptTime } from '../../server/src/export/import';
import { read, stagesOf, turnsOf } from '../fixtures/export/support';

async function imported(file: string, format: 'vtt' | 'srt') {
  const r = await importSubtitles(read(file), format, { fileName: file.split('/').pop() });
  return { r, t: analyze('file:///imported.transcript', 1, r.text) };
}

describe('import from WebVTT', () => {
  test('voice tags name the speakers; consecutive cues of one speaker are one turn at the first cue’s time', async () => {
    const { r, t } = await imported('test/fixtures/export/voices.vtt', 'vtt');
    assert.equal(r.text.split('\n')[0], 'Night Ferry Call-In', 'the title from the WEBVTT header');
    assert.deepEqual(r.speakers, ['Tessa Morrow', 'Idris Calloway']);
    assert.deepEqual(
      turnsOf(t).map((x) => [x.speaker, x.label, x.text]),
      [
        ['Tessa Morrow', 'TESSA MORROW:', 'Good evening, and welcome to the call-in. Our first caller is on the line from the harbour.'],
        ['Idris Calloway', 'IDRIS CALLOWAY:', "Hi, Tessa. I ride the night boat & I've got a question. Why does it leave at 11:40 <sharp>?"],
        ['Tessa Morrow', 'TESSA MORROW:', 'Good question.'],
        // Two voices in one cue: two turns; the cue without a voice goes on with the last one.
        ['Idris Calloway', 'IDRIS CALLOWAY:', 'Thanks! and it goes on without a voice tag'],
        ['Tessa Morrow', 'TESSA MORROW:', "That's all for tonight."],
      ],
    );
    assert.deepEqual(t.doc.turns.map((x) => x.label?.timestamp?.seconds), [1, 9.25, 14, 14, 65]);
    assert.deepEqual(stagesOf(t), ['[PHONE RINGING]']);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.cues, 8);
  });

  test('a file without the WEBVTT line is read all the same, with a warning', async () => {
    const r = await importSubtitles('00:01.000 --> 00:02.000\n<v Ana Pires>Hello.\n', 'vtt', { fileName: 'clip.vtt' });
    assert.equal(r.text, 'clip\n\n[00:00:01] ANA PIRES: Hello.\n');
    assert.match(r.warnings[0], /does not start with "WEBVTT"/);
  });

  test('names that cannot be labels are written as SPEAKER n, and said so', async () => {
    const r = await importSubtitles('WEBVTT\n\n00:01.000 --> 00:02.000\n<v 李明>你好。\n\n00:02.000 --> 00:03.000\n<v Ana Pires>Hello.\n', 'vtt');
    const t = analyze('file:///x.transcript', 1, r.text);
    assert.deepEqual(turnsOf(t).map((x) => x.label), ['SPEAKER 1:', 'ANA PIRES:']);
    assert.match(r.warnings.join(' '), /"李明" cannot be written as a speaker label; it is written as SPEAKER 1/);
  });

  test('cues before any named speaker are an unidentified speaker', async () => {
    const r = await importSubtitles('WEBVTT\n\n00:01.000 --> 00:02.000\nSomeone talks.\n', 'vtt');
    assert.match(r.text, /^\[00:00:01\] UNIDENTIFIED SPEAKER: Someone talks\.$/m);
    assert.equal(r.warnings.length, 1);
  });
});

describe('import from SRT', () => {
  test('"Name:" prefixes (also after >> and dialogue dashes), merging, sound descriptions, styling dropped', async () => {
    const { r, t } = await imported('test/fixtures/export/prefixes.srt', 'srt');
    assert.equal(r.text.split('\n')[0], 'prefixes');
    assert.deepEqual(
      turnsOf(t).map((x) => [x.speaker, x.text]),
      [
        ['Nina Park', 'We begin at the terminal. Omar, what does it look like?'],
        ['Omar Saleh', 'Quiet, Nina. Very quiet.'],
        ['Omar Saleh', 'That is the picket line.'],
        // NOTE: is no speaker: the text goes on with the speaker before it.
        ['Nina Park', 'Thank you, Omar. NOTE: not a speaker'],
      ],
    );
    assert.deepEqual(stagesOf(t), ['(crowd chanting)']);
    assert.deepEqual(t.doc.turns.map((x) => x.label?.timestamp?.seconds), [0.5, 5.2, 9, 9]);
    assert.ok(!r.text.includes('<'), 'no tags left');
    assert.ok(!r.text.includes('{'), 'no overrides left');
  });

  test('voice tags in SRT too', async () => {
    const r = await importSubtitles('1\n00:00:01,000 --> 00:00:02,000\n<v Ana Pires>Hello &amp; <b>goodbye</b>.\n\n2\n00:00:02,000 --> 00:00:03,000\n<v Bo Lindqvist>Hi.\n', 'srt');
    assert.match(r.text, /^\[00:00:01\] ANA PIRES: Hello &amp; goodbye\.$/m);
    assert.match(r.text, /^\[00:00:02\] BO LINDQVIST: Hi\.$/m);
  });

  test('an empty file gives no turns', async () => {
    const r = await importSubtitles('', 'srt');
    assert.equal(r.cues, 0);
    assert.equal(r.turns, 0);
  });
});

test('transcriptTime keeps milliseconds only when there are any', () => {
  assert.equal(transcriptTime(0), '[00:00:00]');
  assert.equal(transcriptTime(3723.25), '[01:02:03.250]');
});
