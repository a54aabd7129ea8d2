// The Outline of every style fixture (test/fixtures/styles/<style>/*.transcript), through the
// language service's getDocumentSymbols, written out by hand turn by turn: the name the Outline
// shows (short labels with the full name, `Q.` / `A.` with the examiner and the witness), the
// first words, and the lines the turn covers. Columns come from the fixture's own lines
// (support.ts). Also: grouped by speaker, the examiner and the witness collect their Q. and A.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { defaultSettings, type TranscriptSettings } from '../../server/src/settings';
import { K } from '../helpers/expected';
import { service } from '../fixtures/rules/support';
import { allFixtures, Fixture } from '../fixtures/styles/support';

const flat: TranscriptSettings = { ...defaultSettings, outline: { groupBySpeaker: false } };
const grouped: TranscriptSettings = { ...defaultSettings, outline: { groupBySpeaker: true } };

function outlineOf(f: Fixture, settings = flat): DocumentSymbol[] {
  return service().getDocumentSymbols({ uri: `file:///styles/${f.style}/${f.name}`, version: 1, getText: () => f.text }, settings);
}

/** Expected outlines, by `<style>/<file>`. */
const EXPECTED: Record<string, (f: Fixture) => DocumentSymbol[]> = {
  'broadcast/good-anchor.transcript': (f) => [
    f.title('Plough crews keep Tamarack Pass open through a record storm', 7, 1, 15),
    f.turn('LENA HART', 'Forty inches of snow have fallen on Tamarack Pass since…', 17, 19, 'LENA HART, HOST:'),
    f.one('JONAH REYES', 'Mostly because of people like Ruth Kessler, who has driven a…', 21, 'JONAH REYES, BYLINE:'),
    f.stage('(SOUNDBITE OF ENGINE IDLING)', 23),
    f.one('RUTH KESSLER', 'You get a feel for where the road is. The markers help, when…', 25, 'RUTH KESSLER:'),
    f.one('REYES (Jonah Reyes)', 'Kessler starts at 6:30 in the evening and stops when the sun…', 27, 'REYES:'),
    f.one('KESSLER (Ruth Kessler)', 'Or when the coffee runs out. (Laughter) Whichever comes…', 29, 'KESSLER:'),
    f.one('HART (Lena Hart)', 'And if a truck gets stuck up there?', 31, 'HART:'),
    // `NOTE: …` (line 35) is a note, not a speaker: the second paragraph of this turn.
    f.turn('REYES (Jonah Reyes)', 'Then everybody stops. The crew calls a tow, and the plough…', 33, 35, 'REYES:'),
    f.one('HART (Lena Hart)', "KVLT's Jonah Reyes. Thanks, Jonah.", 37, 'HART:'),
    f.one('REYES (Jonah Reyes)', "You're welcome.", 39, 'REYES:'),
    f.stage('(SOUNDBITE OF MUSIC)', 41),
  ],
  'broadcast/good-captions.transcript': (f) => [
    f.title('Fire crews hold the line above Cedar Flats', 7, 1, 11),
    // The label starts after the caption marker `>> `.
    f.one('MARA QUINLAN', 'Good evening. Fire crews above Cedar Flats say they have…', 13, 'MARA QUINLAN, ANCHOR:'),
    f.one('THEO BANKS', 'Mara, the wind dropped around sunset, and that gave the…', 15, 'THEO BANKS, CORRESPONDENT:'),
    f.one('QUINLAN (Mara Quinlan)', 'What are people in town being told?', 17, 'QUINLAN:'),
    f.one('BANKS (Theo Banks)', 'To stay ready. The order to leave is still in place for the…', 19, 'BANKS:'),
    f.one('DOLORES ARCE', 'We are not out of this yet. One shift of wind and we are…', 21, 'DOLORES ARCE, FIRE CHIEF, CEDAR FLATS:'),
    f.one('BANKS (Theo Banks)', 'Chief Arce says the next forty-eight hours decide it.', 23, 'BANKS:'),
    f.one('QUINLAN (Mara Quinlan)', 'Theo Banks, thank you.', 25, 'QUINLAN:'),
    f.one('BANKS (Theo Banks)', 'Thank you, Mara.', 27, 'BANKS:'),
    f.stage('(COMMERCIAL BREAK)', 29),
  ],
  'broadcast/good-older.transcript': (f) => [
    f.title('Beekeepers count their losses after a wet spring', 3, 1, 3),
    f.turn('MARGARET ELLIS', 'Beekeepers across the county opened their hives this month…', 5, 7, 'MARGARET ELLIS, host:'),
    f.one('Mr. HOWARD PELL', 'Good morning, Margaret.', 9, 'Mr. HOWARD PELL (Beekeeper, Alder Creek Apiary):'),
    f.one('ELLIS (Margaret Ellis)', 'How bad is it?', 11, 'ELLIS:'),
    f.one('Mr. PELL (Howard Pell)', 'I had sixty hives in March. I have nineteen now. (Soundbite…', 13, 'Mr. PELL:'),
    f.one('ELLIS (Margaret Ellis)', 'We also heard from a farmer at the county fair.', 15, 'ELLIS:'),
    f.one('Unidentified Man #1', "Without the bees, there's no clover. Without the clover…", 17, 'Unidentified Man #1:'),
    f.one('Ms. ROSA TIERNEY', 'The wet spring kept the bees inside for weeks, and a colony…', 19, 'Ms. ROSA TIERNEY (Entomologist, Hollis State University):'),
    f.one('ELLIS (Margaret Ellis)', 'Can the hives recover?', 21, 'ELLIS:'),
    f.one('Ms. TIERNEY (Rosa Tierney)', 'Some will. A strong queen can rebuild a colony in one…', 23, 'Ms. TIERNEY:'),
    f.one('Mr. PELL (Howard Pell)', 'If the summer is kind.', 25, 'Mr. PELL:'),
    f.one('ELLIS (Margaret Ellis)', 'Howard Pell and Rosa Tierney, thank you both.', 27, 'ELLIS:'),
    f.stage('(Soundbite of music)', 29),
  ],
  'broadcast/slips-anchor.transcript': (f) => [
    f.title('Plough crews keep Tamarack Pass open through a record storm', 1, 1, 3),
    f.one('LENA HART', 'Forty inches of snow have fallen on the pass since Friday…', 5, 'LENA HART, HOST:'),
    f.one('JONAH REYES', 'Mostly because of people like Ruth Kessler.', 7, 'JONAH REYES, BYLINE:'),
    // Left open on its line: the Outline closes it.
    f.stage('(SOUNDBITE OF ENGINE IDLING', 9, '(SOUNDBITE OF ENGINE IDLING)'),
    f.one('RUTH KESSLER', 'You get a feel for where the road is.', 11, 'RUTH KESSLER, DRIVER:'),
    f.one('REYES (Jonah Reyes)', 'She has driven a plough up there for nineteen winters.', 13, 'REYES:'),
    f.one('REYES (Jonah Reyes)', 'She says the worst night was in 2019.', 15, 'REYES:'),
    // A label without its colon and one in lower case are text of the turn before them.
    f.turn('KESSLER (Ruth Kessler)', 'The markers were buried. KESSLER Or the coffee ran out. One…', 17, 20, 'KESSLER:'),
    f.one('REYSE', 'Then everybody stops and waits for the tow.', 22, 'REYSE:'),
    f.one('MORALES', 'I drive the tow. Tell them "we come as fast as the road lets…', 24, 'MORALES:'),
    f.one('RUTH KESSLER', 'The plough waits behind it with its lights on.', 26, 'RUTH KESSLER, MECHANIC:'),
    f.one('HART (Lena Hart)', '', 28, 'HART :'),
    // The credit line is not the last label's: the trailer starts after the last label only.
    f.turn('REYES (Jonah Reyes)', "That's the job. Transcript provided by KVLT, Copyright KVLT.", 30, 32, 'REYES:'),
    f.one('HART (Lena Hart)', 'Thanks, Jonah.', 34, 'HART:'),
  ],
  'broadcast/slips-captions.transcript': (f) => [
    f.title('Fire crews hold the line above Cedar Flats', 1, 1, 1),
    f.one('MARA QUINLAN', 'Good evening. Theo Banks is above Cedar Flats tonight.', 3, 'MARA QUINLAN, ANCHOR:'),
    f.one('THEO BANKS', 'Mara, the wind dropped around sunset.', 5, 'THEO BANKS, CORRESPONDENT:'),
    f.turn('QUINLAN (Mara Quinlan)', 'What are people being told? >> BANKS To stay ready. The…', 7, 10, 'QUINLAN:'),
    f.one('BANKS (Theo Banks)', 'They are resting in shifts (two hours on, two off.', 12, 'BANKS:'),
    f.one('BANKS (Theo Banks)', 'Nobody has slept much.', 14, 'BANKS:'),
    f.one('ARCE', 'We are not out of this yet.', 16, 'ARCE:'),
  ],

  'podcast/good-bold.transcript': (f) => [
    f.title('Build Notes, Episode 88: Shipping on a Friday', 1, 1, 1),
    f.one('Jerod Santo', 'Welcome back to Build Notes. With me today is Marguerite…', 3, '**Jerod Santo:**'),
    f.one('Marguerite Osei', 'Barely. [05:59] The trick is to ship something small.', 5, '**Marguerite Osei:**'),
    f.one('Jerod Santo', 'How small is small?', 7, '**Jerod Santo:**'),
    f.one('Marguerite Osei', 'Small enough that you can read the whole change before…', 9, '**Marguerite Osei**:'),
    // A pseudo-speaker: a segment, in the outline by its name, nobody's turn.
    f.one('Music', 'Interlude', 11, '**Music:**'),
    f.one('Jerod Santo', "And if it breaks at five o'clock?", 13, '**Jerod Santo:**'),
    f.one('Marguerite Osei', 'Then you roll it back and go home. [laughs] Monday is a new…', 15, '**Marguerite Osei:**'),
  ],
  'podcast/good-conversation.transcript': (f) => [
    // The headline with a colon, `Topic:` and `Find us:` stay in the preamble.
    f.title("Episode 31: The Keepers' Logbooks", 1, 1, 4),
    f.one('Music', 'Theme, up and under', 6, 'Music:'),
    f.one('Priya Raman', "Welcome to Tide Log. I'm here with Tomas Lindqvist, who…", 8, '[00:00:14] Priya Raman:'),
    f.one('Tomas Lindqvist', 'Not all of them. About four hundred. \\[laughter\\] It felt…', 10, '[00:00:22] Tomas Lindqvist:'),
    f.one('Priya Raman', "What is actually in a keeper's log?", 12, '[00:00:30] Priya Raman:'),
    f.one('Tomas Lindqvist', 'Weather, mostly. Wind at 6:30, wind at noon, wind at dusk…', 14, '[00:00:33] Tomas Lindqvist:'),
    f.one('Break', 'A word from our sponsor', 16, 'Break:'),
    f.one('Priya Raman', "We're back. Tomas, you mentioned a storm in 1911.", 18, '[00:14:05] Priya Raman:'),
    // `Note:` on the next line is text of the turn.
    f.turn('Tomas Lindqvist', 'Right. The log for that week is missing three pages. Note…', 20, 21, '[00:14:09] Tomas Lindqvist:'),
    f.one('Song', '"Lamp Oil" by The Quiet Shoals', 23, 'Song:'),
    f.one('Priya Raman', "That's our show. Thanks, Tomas.", 25, '[00:31:40] Priya Raman:'),
    f.one('Tomas Lindqvist', 'Thanks for having me.', 27, '[00:31:42] Tomas Lindqvist:'),
  ],
  'podcast/good-first-names.transcript': (f) => [
    f.title('Small Engines, Episode 12: Two-Strokes in the Rain', 2, 1, 5),
    f.one('Ada', "Okay, we're rolling. Kofi, say hi.", 7, 'Ada:'),
    f.one('Kofi', "Hi. [laughs] I'm the one who fixes outboard motors.", 9, 'Kofi:'),
    f.one('Ada', "And I'm the one who breaks them. [00:45] So, rain. Why does…", 11, 'Ada:'),
    f.one('Kofi', "It doesn't, if the cover is on. Most people take the cover…", 13, 'Kofi:'),
    f.one('Ada', 'Guilty.', 15, 'Ada:'),
    f.one('Kofi', '[chuckles] Everyone is.', 17, 'Kofi:'),
    f.stage('[05:59]', 19),
    f.one('Ada', 'Before we go: Kofi, where can people find you?', 21, 'Ada:'),
    f.one('Kofi', 'At the marina, most Saturdays. Bring coffee.', 23, 'Kofi:'),
  ],
  'podcast/good-name-time.transcript': (f) => [
    f.title('Archive Hours, Episode 9', 1, 1, 1),
    f.turn('Nadia', 'Right, are we recording? Good. This week we are talking…', 3, 4, 'Nadia 00:00:03'),
    f.turn('Speaker 0', 'Everything. [laughs] No, not everything.', 6, 7, 'Speaker 0: 00:00:11'),
    f.turn('Nadia', 'Tell people who you are first.', 9, 10, 'Nadia 00:00:15'),
    f.turn('Speaker 0', "Sorry. I'm the archivist at the county library, and last…", 12, 13, 'Speaker 0: 00:00:17'),
    f.turn('Nadia', 'Forty years of paper.', 15, 16, 'Nadia 00:00:29:'),
    f.turn('Speaker 0', 'Forty years of paper, and about nine hundred photographs…', 18, 19, 'Speaker 0: 00:00:31'),
  ],
  'podcast/good-numbered.transcript': (f) => [
    f.title('Community radio volunteers meeting, recorded March 4', 1, 1, 1),
    // The time after the colon is part of the label, not of what was said.
    f.one('Speaker 1', "Can everyone hear me? Great, let's start.", 3, 'Speaker 1: (00:00)'),
    f.one('Speaker 2', 'Before we do, the transmitter is making that noise again.', 5, 'Speaker 2: (00:04)'),
    f.one('Speaker 1', 'The hum?', 7, 'Speaker 1: (00:08)'),
    f.one('Speaker 2', "The hum. [laughs] It's worse when it rains.", 9, 'Speaker 2: (00:10)'),
    f.one('Speaker 3', 'I can look at it on Saturday.', 11, 'Speaker 3: (00:15)'),
    f.one('Speaker 1', 'Thank you. Next item: the spring fund drive.', 13, 'Speaker 1: (00:18)'),
  ],
  'podcast/good-service.transcript': (f) => [
    f.title('Night Market, Episode 5 (Transcript)', 1, 1, 1),
    f.turn('June Okafor', 'Welcome to Night Market. Tonight we are at the noodle stall…', 3, 4, 'June Okafor (00:00):'),
    f.turn('Speaker 2', "Twenty-nine. [laughs] Don't make me older.", 6, 7, 'Speaker 2 (00:09):'),
    f.turn('June Okafor', 'Twenty-nine. What time do you start cooking?', 9, 10, 'June Okafor (00:13):'),
    f.turn('Speaker 2', 'Four in the afternoon. The broth takes six hours, so really…', 12, 13, 'Speaker 2 (00:16):'),
    f.turn('Speaker 3', '[inaudible 00:00:25] can I get two of the spicy ones?', 15, 16, 'Speaker 3 (00:24):'),
    f.turn('Speaker 2', '[crosstalk] One minute, one minute.', 18, 19, 'Speaker 2 (00:27):'),
    f.turn('June Okafor', 'That is the sound of a Friday at the noodle stall.', 21, 22, 'June Okafor (00:31):'),
  ],
  'podcast/slips-conversation.transcript': (f) => [
    f.title('Episode 32: Foghorns', 1, 1, 1),
    f.one('Priya Raman', 'Welcome back to Tide Log. Tomas is here again. [laughs', 3, '[00:00:10] Priya Raman:'),
    f.one('Tomas Lindqvist', 'Hello again.', 5, '[00:00:16] Tomas Lindqvist:'),
    f.one('Priya Raman', 'Today, foghorns. Why do they sound so sad?', 7, '[00:00:19] Priya Raman:'),
    f.one('Tomas Lindqvist', 'Because of the pitch. A low note carries further over water.', 9, '[00:00:09] Tomas Lindqvist:'),
    f.one('Priya Raman', 'And who decided on the pitch?', 11, '[00:00:75] Priya Raman:'),
    f.one('Tomas Lindqvist', '', 13, 'Tomas Lindqvist (00:01:02):'),
    f.one('Priay Raman', 'Nobody decided, really. It was whatever the reed could do.', 15, '[00:01:10] Priay Raman:'),
    f.one('Tomas Lindqvist', 'Exactly.] Whatever the reed could do.', 17, '[00:01:20] Tomas Lindqvist:'),
  ],
  'podcast/slips-service.transcript': (f) => [
    f.title('Night Market, Episode 6 (Transcript)', 1, 1, 1),
    f.turn('June Okafor', 'Welcome back to Night Market. Tonight, the dumpling cart.', 3, 4, 'June Okafor (00:00):'),
    f.turn('Speaker 2', 'Hello! [laughs]', 6, 7, 'Speaker 2 (00:07):'),
    f.turn('June Okafor', 'How many dumplings on a Friday night?', 9, 10, 'June Okafor (00:61):'),
    f.turn('Speaker 2', '"Too many, my husband says.', 12, 13, 'Speaker 2 (00:12):'),
    f.turn('Jnue Okafor', 'And what do you say?', 15, 16, 'Jnue Okafor (00:15):'),
    f.turn('Speaker 2', 'Not enough.', 18, 19, 'Speaker 2 (00:11):'),
  ],

  'court/good-argument.transcript': (f) => [
    f.title('IN THE SUPREME COURT OF THE STATE OF HOLLIS', 1, 1, 3),
    f.one('CHIEF JUSTICE HALE', 'We will hear argument this morning in Case 23-114, Greenway…', 5, 'CHIEF JUSTICE HALE:'),
    f.one('MS. BELLWEATHER', 'Mr. Chief Justice, and may it please the Court: the…', 7, 'MS. BELLWEATHER:'),
    f.one('JUSTICE OYELARAN', 'Counsel, what is the limit, on your reading?', 9, 'JUSTICE OYELARAN:'),
    f.one('MS. BELLWEATHER', 'The statute speaks of buildings, Justice Oyelaran, not of…', 11, 'MS. BELLWEATHER:'),
    f.one('JUSTICE TREMBLAY', 'But the city says the parking lot is part of the building --', 13, 'JUSTICE TREMBLAY:'),
    f.one('MS. BELLWEATHER', 'It does, and --', 15, 'MS. BELLWEATHER:'),
    f.one('JUSTICE TREMBLAY', '-- because the tenants pay for it.', 17, 'JUSTICE TREMBLAY:'),
    f.one('MS. BELLWEATHER', 'They pay for it separately, under a second lease.', 19, 'MS. BELLWEATHER:'),
    // The next argument's heading is text of the turn before it.
    f.turn('CHIEF JUSTICE HALE', 'Thank you, counsel. Mr. Ashgrove. ORAL ARGUMENT OF PETER…', 21, 23, 'CHIEF JUSTICE HALE:'),
    f.one('MR. ASHGROVE', 'Mr. Chief Justice, and may it please the Court: the lot and…', 25, 'MR. ASHGROVE:'),
    f.one('JUSTICE OYELARAN', 'Then why two leases?', 27, 'JUSTICE OYELARAN:'),
    f.one('MR. ASHGROVE', 'For the tax office, Justice. Nothing more.', 29, 'MR. ASHGROVE:'),
    f.one('CHIEF JUSTICE HALE', 'Thank you, counsel. The case is submitted.', 31, 'CHIEF JUSTICE HALE:'),
  ],
  'court/good-briefing.transcript': (f) => [
    f.title('Press briefing by Harbour Authority spokesperson Dana Whitcombe', 1, 1, 3),
    f.one('MS. WHITCOMBE (Dana Whitcombe)', 'Good morning, everybody. Two things before questions. The…', 5, 'MS. WHITCOMBE:'),
    // The reporters' `Q` (no period): nobody named, so just the question (symbols.ts writes `Q.`).
    f.one('Q.', 'Thank you, Dana. Why the week after?', 7, 'Q'),
    f.one('MS. WHITCOMBE (Dana Whitcombe)', 'The crews need a week of training on the new boats.', 9, 'MS. WHITCOMBE:'),
    f.one('Q.', 'Will fares go up?', 11, 'Q'),
    f.one('MS. WHITCOMBE (Dana Whitcombe)', 'Not this year. The board voted on that last Thursday.', 13, 'MS. WHITCOMBE:'),
    f.one('Q.', 'A follow-up on the boats. Are they the ones built in Norway?', 15, 'Q'),
    f.one('MS. WHITCOMBE (Dana Whitcombe)', 'Two of the three are. The third was built here.', 17, 'MS. WHITCOMBE:'),
    f.one('Q.', 'Thanks, Dana.', 19, 'Q'),
    f.turn('MS. WHITCOMBE (Dana Whitcombe)', 'Thank you, everybody. END 11:32 A.M.', 21, 23, 'MS. WHITCOMBE:'),
  ],
  'court/good-colloquy.transcript': (f) => [
    f.title('Ferrante v. Harbor Line Ferries, Inc.', 1, 1, 8),
    f.one('Q. (MR. LUND)', 'Please state your name for the record.', 9, 'Q.'),
    f.one('A. (Nadia Ferrante)', 'Nadia Ferrante.', 10, 'A.'),
    f.one('Q. (MR. LUND)', 'Where were you working in March?', 11, 'Q.'),
    f.one('A. (Nadia Ferrante)', 'At the ticket office on the ferry pier.', 12, 'A.'),
    f.one('Q. (MR. LUND)', 'Did you post the notice that morning?', 13, 'Q.'),
    // Colloquy indented 15 spaces, deeper than Q. and A.: labels all the same (up to 40 columns).
    f.one('MS. AVERY', 'Objection. Foundation.', 14, 'MS. AVERY:'),
    f.one('MR. LUND', "I'll lay it.", 15, 'MR. LUND:'),
    f.one('Q. (MR. LUND)', 'Did you see a notice posted that morning?', 16, 'Q.'),
    // The notice read out, indented 20 spaces, is no colloquy: text of the answer, `PASSENGERS:` too.
    f.turn('A. (Nadia Ferrante)', 'I did. I read it out to the queue: All crossings suspended…', 17, 19, 'A.'),
    f.one('Q. (MR. LUND)', 'What did the passengers do?', 20, 'Q.'),
    f.one('THE WITNESS (Nadia Ferrante)', 'Can I look at my notes?', 21, 'THE WITNESS:'),
    f.one('THE REPORTER', 'Off the record?', 22, 'THE REPORTER:'),
    f.one('MR. LUND', 'No, we stay on.', 23, 'MR. LUND:'),
    f.one('A. (Nadia Ferrante)', 'Most of them went home.', 24, 'A.'),
    f.one('THE VIDEOGRAPHER', 'We are off the record at 10:21.', 26, 'THE VIDEOGRAPHER:'),
    f.stage('(Deposition concluded at 10:21 a.m.)', 28),
  ],
  'court/good-deposition.transcript': (f) => [
    f.title('Deposition of Harold J. Mercer', 8, 1, 18),
    // Q. is the examiner of the last `BY MS. OKAFOR:` line; A. the witness sworn in the header.
    f.one('Q. (MS. OKAFOR)', 'Please state your name for the record.', 19, 'Q.'),
    f.one('A. (Harold J. Mercer)', 'Harold James Mercer.', 20, 'A.'),
    f.one('Q. (MS. OKAFOR)', 'What was your job in March of last year?', 21, 'Q.'),
    f.one('A. (Harold J. Mercer)', 'Relief captain on the evening crossing.', 22, 'A.'),
    f.one('Q. (MS. OKAFOR)', 'Were you on the bridge on the night of March 12th?', 23, 'Q.'),
    f.one('A. (Harold J. Mercer)', 'I was, until about --', 24, 'A.'),
    f.one('Q. (MS. OKAFOR)', 'Until what time?', 25, 'Q.'),
    f.one('A. (Harold J. Mercer)', '-- until about 9:40, when the captain came up.', 26, 'A.'),
    f.one('MR. VOSS', 'Objection to form.', 27, 'MR. VOSS:'),
    f.one('THE WITNESS (Harold J. Mercer)', 'Should I still answer that?', 28, 'THE WITNESS:'),
    f.one('MS. OKAFOR', 'You can answer.', 29, 'MS. OKAFOR:'),
    // The page number of the PDF copy (line 32) is text of the answer.
    f.turn('A. (Harold J. Mercer)', 'I was on the bridge until 9:40. 5', 30, 32, 'A.'),
    f.one('Q. (MS. OKAFOR)', 'Tell me about the fog.', 34, 'Q.'),
    f.one('A. (Harold J. Mercer)', "It came in fast. You couldn't see the bow.", 35, 'A.'),
    f.turn('MS. OKAFOR', "That's all I have for now. CROSS-EXAMINATION BY MR. VOSS:", 36, 39, 'MS. OKAFOR:'),
    // After `BY MR. VOSS:` the questions are his.
    f.one('Q. (MR. VOSS)', 'Captain Mercer, had you sounded the horn?', 40, 'Q.'),
    f.one('A. (Harold J. Mercer)', 'Every two minutes, as the rules say.', 41, 'A.'),
    f.one('MR. VOSS', 'Nothing further.', 42, 'MR. VOSS:'),
    f.stage('(Deposition concluded at 11:02 a.m.)', 44),
  ],
  'court/good-trial.transcript': (f) => [
    f.title('STATE v. ANSEL PRUITT', 1, 1, 3),
    f.one('THE COURT', 'Good morning. Are we ready for the jury?', 5, 'THE COURT:'),
    f.one('MS. HALVORSEN', 'The State is ready, Your Honor.', 6, 'MS. HALVORSEN:'),
    f.one('MR. DELACROIX', 'Defense is ready.', 7, 'MR. DELACROIX:'),
    f.one('THE COURT', 'Bring them in, please.', 8, 'THE COURT:'),
    f.stage('(Jury present.)', 10),
    f.one('THE COURT', 'Call your next witness.', 12, 'THE COURT:'),
    f.turn('MS. HALVORSEN', 'The State calls Irene Takahashi. IRENE TAKAHASHI, called as…', 13, 19, 'MS. HALVORSEN:'),
    f.one('Q. (MS. HALVORSEN)', 'Where do you work, Ms. Takahashi?', 20, 'Q.'),
    f.one('A. (Irene Takahashi)', 'At the hardware store on Linden Avenue.', 21, 'A.'),
    f.one('Q. (MS. HALVORSEN)', 'Were you working on the evening of June 4th?', 22, 'Q.'),
    f.one('A. (Irene Takahashi)', 'Yes, I closed that night.', 23, 'A.'),
    f.one('Q. (MS. HALVORSEN)', 'Did you see anyone in the lot when you --', 24, 'Q.'),
    f.one('A. (Irene Takahashi)', '-- when I locked up? Yes. A man by the blue van.', 25, 'A.'),
    f.one('MR. DELACROIX', 'Objection. Leading.', 26, 'MR. DELACROIX:'),
    f.one('THE COURT', 'Overruled. She answered before the question was finished.', 27, 'THE COURT:'),
    f.one('Q. (MS. HALVORSEN)', 'What did the man do?', 28, 'Q.'),
    f.one('A. (Irene Takahashi)', 'He waved at me. I waved back.', 29, 'A.'),
    f.turn('MS. HALVORSEN', 'Nothing further. CROSS-EXAMINATION BY MR. DELACROIX:', 30, 33, 'MS. HALVORSEN:'),
    f.one('Q. (MR. DELACROIX)', 'It was dark in the lot?', 34, 'Q.'),
    f.one('A. (Irene Takahashi)', 'There is a light over the door.', 35, 'A.'),
    f.one('Q. (MR. DELACROIX)', 'One light?', 36, 'Q.'),
    f.one('A. (Irene Takahashi)', 'One light.', 37, 'A.'),
    f.one('MR. DELACROIX', 'Thank you. Nothing further.', 38, 'MR. DELACROIX:'),
    f.one('THE COURT', 'You may step down.', 39, 'THE COURT:'),
    f.one('THE WITNESS (Irene Takahashi)', 'Thank you, Judge.', 40, 'THE WITNESS:'),
  ],
  'court/slips-briefing.transcript': (f) => [
    f.title('Press briefing by Harbour Authority spokesperson Dana Whitcombe', 1, 1, 1),
    f.one('MS. WHITCOMBE (Dana Whitcombe)', 'Good morning. The east terminal reopens on Monday.', 3, 'MS. WHITCOMBE:'),
    f.one('Q.', 'Thank you, Dana. Why Monday?', 5, 'Q'),
    f.one('MS. WHITCOMBE (Dana Whitcombe)', 'The inspectors sign off on Friday.', 7, 'MS. WHITCOMBE:'),
    f.one('MS. WHITCOMBE (Dana Whitcombe)', 'And the crews need the weekend.', 9, 'MS. WHITCOMBE:'),
    f.turn('Q.', 'Will fares go up? ms. whitcombe: Not this year.', 11, 13, 'Q'),
    f.one('Q.', 'And next year?', 15, 'Q'),
    f.one('MS. WHITCOMB', 'Ask me next year.', 17, 'MS. WHITCOMB:'),
  ],
  'court/slips-deposition.transcript': (f) => [
    f.title('DEPOSITION OF HAROLD J. MERCER', 1, 1, 7),
    f.one('Q. (MS. OKAFOR)', 'Were you on the bridge on the night of March 12th?', 8, 'Q.'),
    f.one('A. (Harold J. Mercer)', 'I was, until about 9:40.', 9, 'A.'),
    f.one('Q. (MS. OKAFOR)', 'Who took over?', 10, 'Q.'),
    f.one('Q. (MS. OKAFOR)', 'Was it the captain?', 11, 'Q.'),
    f.one('A. (Harold J. Mercer)', 'The captain, yes. (Indicating', 12, 'A.'),
    f.turn('MR. VOSS', 'Objection to form. THE WITNESS Should I answer? the witness…', 13, 15, 'MR. VOSS:'),
    f.one('MR. VSOS', 'Same objection.', 16, 'MR. VSOS:'),
    f.one('Q. (MS. OKAFOR)', 'Where was the first mate?', 17, 'Q.'),
    f.one('A. (Harold J. Mercer)', 'Below, checking the "engine room.', 18, 'A.'),
    f.one('MS. OKAFOR', 'Nothing further.', 19, 'MS. OKAFOR :'),
  ],

  'hearing/good-house.transcript': (f) => [
    f.title('Thursday, March 6, 2025', 7, 1, 11),
    // The full name from the preamble: "Hon. Ellen Marsh … presiding".
    f.turn('Chairman MARSH (Ellen Marsh)', 'The subcommittee will come to order. Today we look at the…', 13, 15, 'Chairman MARSH.'),
    f.one('Mr. Okonkwo', 'Thank you, Madam Chair. Most of those boats are older than…', 17, 'Mr. Okonkwo.'),
    f.turn('Chairman MARSH (Ellen Marsh)', 'Thank you. Our witness today is the director of the Office…', 19, 21, 'Chairman MARSH.'),
    f.one('Ms. Abernathy', 'Thank you, Chairman Marsh and Ranking Member Okonkwo. I will…', 23, 'Ms. Abernathy.'),
    f.stage('[The prepared statement of Ms. Abernathy follows:]', 25),
    f.one('Chairman MARSH (Ellen Marsh)', 'Thank you. Mr. Delacroix.', 27, 'Chairman MARSH.'),
    f.one('Mr. Delacroix', 'Ms. Abernathy, how many of the boats are over forty years…', 29, 'Mr. Delacroix.'),
    f.one('Ms. Abernathy', 'Nineteen of the sixty-two.', 31, 'Ms. Abernathy.'),
    f.one('Mr. Delacroix', 'And how many inspectors do you have?', 33, 'Mr. Delacroix.'),
    f.one('Ms. Abernathy', 'Eleven, for the whole coast.', 35, 'Ms. Abernathy.'),
    f.one('Mrs. Pruitt', 'Would the chair yield for a moment?', 37, 'Mrs. Pruitt.'),
    f.one('Chairman MARSH (Ellen Marsh)', 'The gentlewoman is recognized.', 39, 'Chairman MARSH.'),
    f.one('Mrs. Pruitt', 'Eleven inspectors for sixty-two boats. I want that in the…', 41, 'Mrs. Pruitt.'),
    f.one('Chairman MARSH (Ellen Marsh)', 'It is in the record. The hearing is adjourned.', 43, 'Chairman MARSH.'),
    f.stage('[Whereupon, at 11:47 a.m., the subcommittee was adjourned.]', 45),
  ],
  'hearing/good-senate.transcript': (f) => [
    f.title('Tuesday, May 13, 2025', 3, 1, 9),
    f.turn('The Chairwoman', 'Good morning. The committee will come to order. We meet…', 11, 13, 'The Chairwoman.'),
    f.one('Senator WHITLOCK', 'Briefly, Madam Chair. Mr. Volkov, welcome.', 15, 'Senator WHITLOCK.'),
    f.one('Mr. Volkov (Isaac Volkov)', 'Thank you, Senator.', 17, 'Mr. Volkov.'),
    f.one('The Chairwoman', 'Mr. Volkov, you may begin.', 19, 'The Chairwoman.'),
    f.one('Mr. Volkov (Isaac Volkov)', 'Thank you. The river is the reason my family settled in this…', 21, 'Mr. Volkov.'),
    f.one('Senator WHITLOCK', 'Then you know what the floods cost.', 23, 'Senator WHITLOCK.'),
    f.one('Mr. Volkov (Isaac Volkov)', 'I do, Senator. Our barn went under in 1993.', 25, 'Mr. Volkov.'),
    f.one('The Chairwoman', 'Thank you. The record will stay open for two weeks. We are…', 27, 'The Chairwoman.'),
  ],
  'hearing/slips-house.transcript': (f) => [
    f.title('Thursday, March 6, 2025', 3, 1, 5),
    f.one('Chairman MARSH', 'The subcommittee will come to order.', 7, 'Chairman MARSH.'),
    f.one('Mr. Okonkwo', 'Thank you, Madam Chair.', 9, 'Mr. Okonkwo.'),
    f.one('Mr. Okonkwo', 'I also want to welcome the witness.', 11, 'Mr. Okonkwo.'),
    f.one('Ms. Abernathy', 'Thank you. The fleet is older than it should be [and the…', 13, 'Ms. Abernathy.'),
    f.one('Mr. Delacroix', 'How many inspectors do you have?', 15, 'Mr. Delacroix.'),
    f.one('Ms. Abernthy', 'Eleven, for the whole coast.', 17, 'Ms. Abernthy.'),
    f.one('Mr. Delacroix', 'Eleven.) That is not enough.', 19, 'Mr. Delacroix.'),
    f.one('Chairman MARSH', 'The "hearing is adjourned.', 21, 'Chairman MARSH.'),
  ],
  // `Mr. Linder:` is no hearing label: the line is text of the chair's turn before it.
  'hearing/slips-senate.transcript': (f) => [
    f.title('Wednesday, June 4, 2025', 3, 1, 9),
    f.one('The Chairwoman', 'The committee will come to order. Mr. Linder, welcome.', 11, 'The Chairwoman.'),
    f.one('Mr. Linder', 'Thank you, Madam Chair.', 13, 'Mr. Linder.'),
    f.one('Senator FOLEY', 'Mr. Linder, how deep is the channel today?', 15, 'Senator FOLEY.'),
    f.one('Mr. Linder', 'Thirty-one feet at low water.', 17, 'Mr. Linder.'),
    f.one('Senator FOLEY', 'And the new ships need forty. I yield back.', 19, 'Senator FOLEY.'),
    f.turn('The Chairwoman', 'The record will stay open for two weeks. Mr. Linder: Thank…', 21, 23, 'The Chairwoman.'),
    f.one('The Chairwoman', 'We are adjourned.', 25, 'The Chairwoman.'),
  ],
};

describe('the Outline of every style fixture', () => {
  test('every fixture has its expected outline written here, and nothing else does', () => {
    assert.deepEqual(
      Object.keys(EXPECTED).sort(),
      allFixtures()
        .map(([style, name]) => `${style}/${name}`)
        .sort(),
    );
  });

  for (const [style, name] of allFixtures()) {
    const key = `${style}/${name}`;
    test(key, () => {
      const f = new Fixture(style, name);
      const expected = EXPECTED[key];
      assert.ok(expected, `no expected outline for ${key}`);
      assert.deepEqual(outlineOf(f), expected(f));
    });
  }
});

describe('the Outline grouped by speaker', () => {
  test('a deposition: the examiners collect their Q. turns and their own labels, the witness the A. and THE WITNESS turns', () => {
    const f = new Fixture('court', 'good-deposition.transcript');
    const groups = outlineOf(f, grouped)
      .filter((s) => s.kind === K.Class)
      .map((s) => [s.name, s.detail, s.children?.map((c) => c.range.start.line + 1)]);
    assert.deepEqual(groups, [
      ['MS. OKAFOR', 'Q, MS. OKAFOR · 7 turns', [19, 21, 23, 25, 29, 34, 36]],
      ['Harold J. Mercer', 'A, THE WITNESS · 8 turns', [20, 22, 24, 26, 28, 30, 35, 41]],
      ['MR. VOSS', 'MR. VOSS, Q · 3 turns', [27, 40, 42]],
    ]);
  });

  test('a podcast: pseudo-speakers (Music:, Break:, Song:) belong to nobody', () => {
    const f = new Fixture('podcast', 'good-conversation.transcript');
    const groups = outlineOf(f, grouped)
      .filter((s) => s.kind === K.Class)
      .map((s) => [s.name, s.detail, s.children?.map((c) => c.range.start.line + 1)]);
    assert.deepEqual(groups, [
      ['(unattributed)', '3 turns', [6, 16, 23]],
      ['Priya Raman', 'Priya Raman · 4 turns', [8, 12, 18, 25]],
      ['Tomas Lindqvist', 'Tomas Lindqvist · 4 turns', [10, 14, 20, 27]],
    ]);
  });

  test('a hearing: each member under their own name', () => {
    const f = new Fixture('hearing', 'good-house.transcript');
    const groups = outlineOf(f, grouped)
      .filter((s) => s.kind === K.Class)
      .map((s) => [s.name, s.detail]);
    assert.deepEqual(groups, [
      ['Ellen Marsh', 'Chairman MARSH · 5 turns'],
      ['Mr. Okonkwo', 'Mr. Okonkwo · 1 turn'],
      ['Ms. Abernathy', 'Ms. Abernathy · 3 turns'],
      ['Mr. Delacroix', 'Mr. Delacroix · 2 turns'],
      ['Mrs. Pruitt', 'Mrs. Pruitt · 2 turns'],
    ]);
  });
});
