// WebVTT and SRT export: the files are valid (WebVTT checked by the W3C's own parser,
// webvtt-parser, which reports every syntax error; both read back by media-captions), carry the
// speaker in <v> voice tags, keep the transcript's timestamps, refuse to make times up unless
// asked, and mark estimated times. Round trip: export, import, parse: same speakers, words,
// stage directions and turn start times.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseText, tokenizeVTTCue } from 'media-captions';
import { WebVTTParser } from 'webvtt-parser';
import { analyze, type Transcript } from '../../server/src/analysis';
import { exportTranscript, importSubtitles } from '../../server/src/export';
import { buildModel } from '../../server/src/export/model';
import { buildCues, escapeVtt, formatTimestamp, splitText } from '../../server/src/export/subtitles';
import { flat, load, ROUND_TRIP_FILES, stagesOf, turnsOf } from '../fixtures/export/support';

function subtitles(file: string, format: 'vtt' | 'srt', estimateTimes = true, speakerStyle?: 'voice' | 'prefix') {
  const r = exportTranscript(load(file), format, { wordsPerMinute: 150, estimateTimes, speakerStyle });
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** Who says what, merged the way a subtitle round trip merges (consecutive turns of one speaker, continuations). */
function spoken(t: Transcript): { speaker: string | null; words: string }[] {
  const out: { speaker: string | null; words: string }[] = [];
  for (const turn of turnsOf(t)) {
    if (turn.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.speaker === turn.speaker) last.words = `${last.words} ${turn.text}`;
    else out.push({ speaker: turn.speaker, words: turn.text });
  }
  return out;
}

describe('WebVTT and SRT export', () => {
  for (const file of ROUND_TRIP_FILES) {
    for (const format of ['vtt', 'srt'] as const) {
      test(`${format}: valid, and round trip through import: ${file}`, async () => {
        const original = load(file);
        const r = subtitles(file, format);
        if (format === 'vtt') {
          const parsed = new WebVTTParser().parse(r.content, 'metadata');
          assert.deepEqual(parsed.errors, [], r.content);
          assert.ok(parsed.cues.length > 0);
        }
        const back = await parseText(r.content, { type: format, strict: format === 'vtt' });
        assert.ok(back.cues.length > 0);
        for (let i = 1; i < back.cues.length; i++) assert.ok(back.cues[i].startTime >= back.cues[i - 1].startTime, 'cues in order');
        for (const c of back.cues) assert.ok(c.endTime > c.startTime, 'each cue ends after it starts');

        const imported = await importSubtitles(r.content, format);
        const again = analyze('file:///again.transcript', 1, imported.text);
        const norm = (t: Transcript) =>
          spoken(t)
            .filter((s) => s.words !== '')
            .map((s) => ({ speaker: s.speaker === null ? null : flat(s.speaker).toUpperCase(), words: flat(s.words) }));
        // SRT has no escapes: "-->" in the text is written "->" so that no player takes it for a timing line.
        const srtSafe = (x: { speaker: string | null; words: string }[]) => (format === 'srt' ? x.map((e) => ({ ...e, words: e.words.replace(/-->/g, '->') })) : x);
        assert.deepEqual(norm(again), srtSafe(norm(original)));
        assert.deepEqual(stagesOf(again), stagesOf(original).filter((s) => !/^[[(][\d:.,]+[\])]$/.test(s)));
      });
    }
  }

  test('turn times come from the timestamps; the first cue of a turn starts at its time', async () => {
    const r = subtitles('test/fixtures/timestamps.transcript', 'vtt');
    const cues = (await parseText(r.content, { type: 'vtt' })).cues;
    const starts = cues.filter((c) => /^<v /.test(c.text) && !cues.some((d) => d !== c && d.endTime === c.startTime && d.text.slice(0, 12) === c.text.slice(0, 12))).map((c) => c.startTime);
    for (const s of [5, 41, 83, 130, 302, 309]) assert.ok(starts.includes(s), `a turn starts at ${s}: ${starts.join(', ')}`);
    const podcast = await parseText(subtitles('test/fixtures/podcast.transcript', 'srt', false).content, { type: 'srt' });
    assert.deepEqual(podcast.cues.slice(2, 4).map((c) => [c.startTime, c.text]), [
      [9, '<v Dev Pillai>Hi. [laughs] I’m Dev, and today we are going to ruin tide tables for everyone.'.replace('’', "'")],
      [16, "<v Marisol Okafor-Reyes>So, Dev, what's wrong with a tide table?"],
    ]);
  });

  test('voice tags carry the speaker; the prefix style writes "Name: "', async () => {
    const vtt = (await parseText(subtitles('examples/harbour-strike.transcript', 'vtt').content, { type: 'vtt' })).cues;
    const voices = vtt.map((c) => tokenizeVTTCue(c)[0]).map((n) => (n.type === 'v' ? n.voice : null));
    assert.deepEqual([...new Set(voices)], ['Nina Park', 'Omar Saleh', null, 'Marcus Oyelaran', 'Priya Natarajan']);
    const prefix = subtitles('examples/harbour-strike.transcript', 'srt', true, 'prefix').content;
    assert.match(prefix, /^Nina Park: We begin at the ferry terminal\./m);
    assert.ok(!prefix.includes('<v '));
  });

  test('no timestamps: refused unless estimated times are asked for, then marked as estimated', () => {
    const t = load('examples/harbour-strike.transcript');
    const refused = exportTranscript(t, 'vtt', { wordsPerMinute: 150 });
    assert.ok('error' in refused && /no timestamps/.test(refused.error));
    const mixed = exportTranscript(load('test/fixtures/timestamps.transcript'), 'srt', { wordsPerMinute: 150 });
    assert.ok('error' in mixed && /1 of 7 turns have no timestamp/.test(mixed.error));
    const r = exportTranscript(t, 'vtt', { wordsPerMinute: 150, estimateTimes: true });
    assert.ok(!('error' in r));
    assert.equal(r.estimated, true);
    assert.match(r.content, /^NOTE\nExported from harbour-strike\.transcript by Transcript Tools\.\nTIMES ARE ESTIMATED for 15 of 15 turns/m);
    const real = exportTranscript(load('test/fixtures/podcast.transcript'), 'vtt', { wordsPerMinute: 150 });
    assert.ok(!('error' in real) && !real.estimated && !/ESTIMATED/.test(real.content));
  });

  test('escaping: no markup, no "-->" and no line breaks from the text reach a cue', async () => {
    const r = subtitles('test/fixtures/export/hostile.transcript', 'vtt');
    assert.deepEqual(new WebVTTParser().parse(r.content, 'metadata').errors, []);
    assert.ok(!r.content.includes('<script>'));
    assert.ok(r.content.includes('<v Ana Pires>Welcome. &lt;script&gt;alert("x")&lt;/script&gt; is text here, &amp; so is &amp;amp; and --&gt; too.'));
    const cues = (await parseText(r.content, { type: 'vtt' })).cues;
    const texts = cues.map((c) => tokenizeVTTCue(c).map(function text(n): string { return n.type === 'text' ? n.data : n.children.map(text).join(''); }).join(''));
    assert.ok(texts.includes('Welcome. <script>alert("x")</script> is text here, & so is &amp; and --> too.'), texts.join('\n'));
    const srt = subtitles('test/fixtures/export/hostile.transcript', 'srt').content;
    assert.ok(!/-->.*-->/.test(srt), 'only timing lines hold -->');
    assert.equal(escapeVtt('a<b>&c'), 'a&lt;b&gt;&amp;c');
  });

  test('long turns are cut into cues of at most two lines, at sentence ends first', () => {
    assert.deepEqual(splitText('Short one.', 84), ['Short one.']);
    const long = 'The first sentence is here. The second sentence is a little longer than the first one. And a third.';
    const parts = splitText(long, 50);
    assert.ok(parts.every((p) => p.length <= 50), parts.join(' | '));
    assert.equal(parts.join(' '), long);
    assert.deepEqual(splitText('word '.repeat(30).trim(), 20).map((p) => p.length <= 20), Array(8).fill(true));
    const cues = buildCues(buildModel(load('examples/harbour-strike.transcript'), 150), { estimateTimes: true });
    assert.ok(!('error' in cues) && cues.cues.every((c) => c.text.length <= 84));
  });

  test('timestamps are written the way each format wants', () => {
    assert.equal(formatTimestamp(3723.4567, 'vtt'), '01:02:03.457');
    assert.equal(formatTimestamp(0.5, 'srt'), '00:00:00,500');
  });
});
