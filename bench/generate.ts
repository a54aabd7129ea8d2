// Deterministic synthetic transcripts for the benchmark, in the style of
// examples/harbour-strike.transcript: page furniture, a headline, a summary that introduces
// people, `NAME SURNAME, ROLE:` introductions then short labels, labels alone on their line,
// multi-paragraph turns, own-line `(SOUNDBITE OF …)` cues, inline `(Laughter)`, `(ph)` and
// quotes, a sprinkle of malformed turns, a credit line and bios. A long document is a run of
// segments (a marathon broadcast): the hosts and reporters come back, guests come and go.
//
// The same content is also rendered as a Markdown transcript (`# Title`, `## Segment`,
// `**DETROW:** text`) for the comparison with vscode-markdown-languageservice.
//
//   npx tsx bench/generate.ts --bytes 1000000 --seed 7 --out /tmp/one.transcript [--markdown /tmp/one.md]
//   npx tsx bench/generate.ts --workspace DIR --files 2000 [--total-bytes 100000000] [--seed 1]

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a tiny, fast, seedable PRNG (returns [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const FIRST_NAMES = [
  'Nina', 'Omar', 'Priya', 'Marcus', 'Dee', 'Teo', 'Dana', 'Agnes', 'Rafael', 'Ada', 'Scott', 'Leila', 'Tomasz', 'Grace',
  'Hiro', 'Amara', 'Caleb', 'Ines', 'Jonah', 'Keiko', 'Luis', 'Mireille', 'Nadia', 'Owen', 'Pilar', 'Quentin', 'Rosa',
  'Samir', 'Tamsin', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoe', 'Beatriz', 'Colm', 'Dmitri', 'Esther', 'Farah', 'Gideon',
  'Hana', 'Ivan', 'Jalen', 'Kofi', 'Lena', 'Mateo', 'Noor', 'Oskar', 'Paloma', 'Ravi', 'Sofia', 'Tariq', 'Valeria',
  'Willa', 'Xavier', 'Yara', 'Anneke', 'Bruno', 'Celeste', 'Desmond',
];

const SURNAME_PARTS_A = [
  'Ka', 'Mor', 'Sal', 'Nat', 'Oye', 'Ko', 'Van', 'Whit', 'Por', 'Quin', 'Bel', 'Dar', 'Fen', 'Gal', 'Hal', 'Ish', 'Jor',
  'Lin', 'Mad', 'Nor', 'Pem', 'Ros', 'Stan', 'Tor', 'Ul', 'Vel', 'Wak', 'Yar', 'Zel', 'Ab', 'Cal', 'Ed', 'Fitz', 'Gar',
  'Hol', 'Ken', 'Lau', 'Mac', 'Ol', 'Pra',
];
const SURNAME_PARTS_B = [
  'ra', 'le', 'na', 'ko', 'ti', 'ba', 'ma', 'ri', 'do', 'se', 'wa', 'lo', 'ne', 'zi', 'ga', 'ru', 'mi', 'to', 've', 'ha',
];
const SURNAME_PARTS_C = [
  'n', 'r', 'son', 'ski', 'ez', 'ian', 'ova', 'berg', 'wick', 'ton', 'ley', 'more', 'da', 'ani', 'ford', 'lund', 'ak',
  'ell', 'ard', 'ine',
];
const ACCENTED_SURNAMES = ['Núñez', 'Gómez', 'Østergaard', 'Açıkgöz', 'Jiménez', 'Müller', 'Lefèvre', 'Šimková'];

const STATIONS = ['KBRT', 'WQXN', 'KVLA', 'WRNO', 'KSTP'];
const CITIES = ['Port Calder', 'Alder Bay', 'Kestrel Falls', 'New Harwick', 'Marlow Springs', 'Eastbrook', 'Grayhaven'];
const GUEST_ROLES = [
  'labor economist', 'city councilmember', 'union organizer', 'ferry captain', 'school principal', 'hospital nurse',
  'historian', 'small-business owner', 'climate scientist', 'public defender', 'transit planner', 'farmer', 'novelist',
  'emergency physician', 'housing advocate', 'fire chief', 'software engineer', 'music teacher',
];
const LABEL_ROLES = ['CONGRESSWOMAN', 'MAYOR', 'SENATOR', 'JUDGE', 'PROFESSOR', 'COMMISSIONER'];
const TOPICS = [
  ['ferry', 'walkout', 'night crossings', 'roster'],
  ['council', 'night market', 'noise cap', 'vote'],
  ['hospital', 'staffing', 'winter surge', 'waiting room'],
  ['school board', 'budget', 'bus routes', 'teachers'],
  ['harbour', 'storm', 'sea wall', 'insurance'],
  ['library', 'late hours', 'exam season', 'study rooms'],
  ['orchard', 'frost', 'harvest', 'pickers'],
  ['stadium', 'bond measure', 'parking', 'neighbours'],
  ['rail line', 'delays', 'signal upgrade', 'commuters'],
  ['wildfire', 'evacuation', 'smoke', 'shelters'],
];
const SOUNDBITES = [
  'SOUNDBITE OF CROWD CHANTING', 'SOUNDBITE OF FERRY HORN', 'SOUNDBITE OF ARCHIVED RECORDING', 'SOUNDBITE OF MUSIC',
  'SOUNDBITE OF TRAFFIC', 'SOUNDBITE OF RAIN', 'SOUNDBITE OF PHONE RINGING', 'SOUNDBITE OF BELL', 'SOUNDBITE OF APPLAUSE',
  'SOUNDBITE OF DOOR CLOSING', 'SOUNDBITE OF TYPING', 'SOUNDBITE OF GULLS',
];
const INLINE_CUES = ['(Laughter)', '(Laughter)', '(Clearing throat)', '(Laughter)', '(Sighs)', '(Crosstalk)', '(Inaudible)'];

const OPENERS = [
  'Well', 'Honestly', 'Look', 'So', 'Right', 'Yes', 'No', 'I think', 'You know', 'To be fair', 'For what it is worth',
  'Frankly', 'Sure', 'Absolutely', 'Not really',
];
const SUBJECTS = [
  'the crews', 'people here', 'most families', 'the residents', 'a lot of commuters', 'the vendors', 'my neighbours',
  'the nurses', 'the students', 'the drivers', 'the owners', 'they', 'we',
];
const SINGULAR_SUBJECTS = [
  'the council', 'the authority', 'the union', 'nobody', 'the city', 'the director', 'the board', 'everyone I spoke to',
  'the mayor', 'the school', 'my editor',
];
const VERBS = [
  'want', 'expect', 'worry about', 'argue over', 'talk about', 'wait for', 'pay for', 'depend on', 'ask about',
  'remember', 'complain about', 'plan for', 'push back on', 'care about', 'hear about', 'vote on', 'measure',
];
const OBJECTS = [
  'the new schedule', 'a second bridge', 'the last two crossings', 'an earlier closing time', 'the overtime budget',
  'a safer berth', 'the morning rush', 'a deal by Friday', 'the evening shift', 'their weekend takings', 'the old plan',
  'the public hearing', 'the noise meter', 'a national standard', 'a very busy weekend', 'the last stoppage',
  'the price of a ticket', 'the waiting list', 'the repair bill', 'the numbers', 'a phone call', 'the contract',
];
const TAILS = [
  'and that is the strange part', 'at least for now', 'which nobody expected', 'before the end of the month',
  'by about 5 o\'clock', 'in the tens of millions', 'over the last nine years', 'if the talks hold',
  'and they say so openly', 'within hours', 'on a normal Tuesday', 'as far as I can tell', 'for six days straight',
  'and the numbers back that up', 'every single spring', 'on both sides of the water',
];
const QUOTES = [
  'one phone call away', 'not a market, a concert', 'safe enough for now', 'the worst winter in memory',
  'a line in the sand', 'business as usual', 'nowhere near done', 'the best we can do',
];
const QUESTIONS = [
  'What does it look like there this morning?', 'How close was the vote?', 'Who spoke against it?',
  'What does the authority say?', 'How unusual is this?', 'Does that history shape how both sides behave now?',
  'What happens next?', 'And the vendors?', 'How are people getting around?', 'What did the numbers show?',
  'Is anyone talking to each other?', 'What would a deal look like?', 'How long can this last?',
];
/** Lower-cases the first letter, except in `I` and `I'd`. */
function uncap(s: string): string {
  return /^I\b/.test(s) ? s : s[0].toLowerCase() + s.slice(1);
}

/** `worry about` -> `worries about`, `push back on` -> `pushes back on`. */
function thirdPerson(verb: string): string {
  const sp = verb.indexOf(' ');
  const v = sp < 0 ? verb : verb.slice(0, sp);
  const rest = sp < 0 ? '' : verb.slice(sp);
  const w = /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : /(?:sh|ch|s|x)$/.test(v) ? `${v}es` : `${v}s`;
  return w + rest;
}

const HEADLINE_VERBS = ['walk off the job', 'vote to stay open', 'brace for a long night', 'push back', 'count the cost'];

// ---------------------------------------------------------------------------------------------
// People

export interface Person {
  first: string;
  last: string;
  /** Upper-case full name: `NINA PARK`. */
  full: string;
  /** Upper-case surname: `PARK`. */
  short: string;
  /** Role in the introducing label (`HOST`, `BYLINE`), if any. */
  labelRole?: string;
  /** How the summary or host describes them (`labor economist`). */
  description: string;
  kind: 'host' | 'reporter' | 'guest';
  /** Introduced by full name yet? */
  introduced: boolean;
}

function makeSurnames(rng: Rng, count: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let tries = 0;
  while (out.length < count && tries < count * 50) {
    tries++;
    let s: string;
    if (rng.chance(0.02)) s = rng.pick(ACCENTED_SURNAMES);
    else {
      s = rng.pick(SURNAME_PARTS_A) + (rng.chance(0.6) ? rng.pick(SURNAME_PARTS_B) : '') + rng.pick(SURNAME_PARTS_C);
    }
    const key = s.toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  // Plenty of combinations exist (40 * 21 * 20); fall back to numbered names only if exhausted.
  while (out.length < count) out.push(`Zed${out.length}`);
  return out;
}

function person(first: string, last: string, kind: Person['kind'], description: string, labelRole?: string): Person {
  return { first, last, full: `${first} ${last}`.toUpperCase(), short: last.toUpperCase(), kind, description, labelRole, introduced: false };
}

// ---------------------------------------------------------------------------------------------
// Blocks, rendered to both formats

type Block =
  | { kind: 'furniture'; lines: string[] }
  | { kind: 'title'; text: string }
  | { kind: 'summary'; text: string }
  | { kind: 'heading'; text: string }
  /** label as written, including its colon when it has one; empty paragraphs = empty turn. */
  | { kind: 'turn'; label: string; ownLine: boolean; paragraphs: string[] }
  | { kind: 'cue'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'credit'; cue: string; text: string }
  | { kind: 'bios'; lines: string[] };

function renderTranscript(b: Block): string {
  switch (b.kind) {
    case 'furniture':
      return b.lines.join('\n');
    case 'title':
    case 'summary':
    case 'para':
    case 'cue':
      return b.text;
    case 'heading':
      return ''; // broadcast transcripts have no headings; the segment shows in the Markdown only
    case 'turn':
      if (b.paragraphs.length === 0) return b.label;
      if (b.ownLine) return `${b.label}\n\n${b.paragraphs.join('\n\n')}`;
      return [`${b.label} ${b.paragraphs[0]}`, ...b.paragraphs.slice(1)].join('\n\n');
    case 'credit':
      return `${b.cue} ${b.text}`;
    case 'bios':
      return b.lines.join('\n');
  }
}

function renderMarkdown(b: Block): string {
  switch (b.kind) {
    case 'furniture':
      return '';
    case 'title':
      return `# ${b.text}`;
    case 'summary':
    case 'para':
      return b.text;
    case 'heading':
      return `## ${b.text}`;
    case 'cue':
      return `*${b.text}*`;
    case 'turn': {
      const label = `**${b.label}**`;
      if (b.paragraphs.length === 0) return label;
      if (b.ownLine) return `${label}\n\n${b.paragraphs.join('\n\n')}`;
      return [`${label} ${b.paragraphs[0]}`, ...b.paragraphs.slice(1)].join('\n\n');
    }
    case 'credit':
      return `*${b.cue}* ${b.text}`;
    case 'bios':
      return b.lines.join('  \n');
  }
}

// ---------------------------------------------------------------------------------------------
// The generator

export interface GenerateOptions {
  /** Approximate size of the .transcript text, in UTF-16 code units (≈ bytes: nearly all ASCII). */
  targetBytes: number;
  seed: number;
}

export interface GeneratedTranscript {
  transcript: string;
  markdown: string;
  stats: {
    segments: number;
    /** Labelled turns written (malformed ones included). */
    turns: number;
    /** Distinct people who speak. */
    people: number;
    /** Turns written with a deliberate slip (missing colon, case, typo, spacing, empty) plus unclosed cues. */
    malformed: number;
    ownLineCues: number;
  };
}

export function generateTranscript(options: GenerateOptions): GeneratedTranscript {
  const rng = new Rng(options.seed);
  const target = Math.max(2_000, options.targetBytes);
  const station = rng.pick(STATIONS);
  const city = rng.pick(CITIES);

  // The cast: two hosts, a desk of reporters, and a pool of guests that grows with the size
  // (a 10 MB marathon has hundreds of distinct voices, not tens of thousands).
  const segmentsEstimate = Math.max(1, Math.round(target / 6_000));
  const guestCount = Math.min(800, 12 + Math.round(segmentsEstimate * 0.8));
  const surnames = makeSurnames(rng, 2 + 8 + guestCount);
  let si = 0;
  const hosts = [person(rng.pick(FIRST_NAMES), surnames[si++], 'host', `${station}'s morning host`, 'HOST'), person(rng.pick(FIRST_NAMES), surnames[si++], 'host', `${station}'s evening host`, 'HOST')];
  const reporters: Person[] = [];
  for (let k = 0; k < 8; k++) reporters.push(person(rng.pick(FIRST_NAMES), surnames[si++], 'reporter', `${station}'s reporter`, 'BYLINE'));
  const guests: Person[] = [];
  for (let k = 0; k < guestCount; k++) {
    const labelRole = rng.chance(0.1) ? rng.pick(LABEL_ROLES) : undefined;
    guests.push(person(rng.pick(FIRST_NAMES), surnames[si++], 'guest', rng.pick(GUEST_ROLES), labelRole));
  }

  const blocks: Block[] = [];
  let tSize = 0;
  let mSize = 0;
  const push = (b: Block) => {
    blocks.push(b);
    const t = renderTranscript(b);
    if (t) tSize += t.length + 2;
    mSize += renderMarkdown(b).length + 2;
  };
  const stats = { segments: 0, turns: 0, people: 0, malformed: 0, ownLineCues: 0 };
  const spoke = new Set<Person>();

  // ---- sentences
  const mentionOf = (p: Person) => (rng.chance(0.5) ? `${p.first} ${p.last}` : p.first);
  const sentence = (topic: string[], others: Person[]): string => {
    const parts: string[] = [];
    if (rng.chance(0.35)) parts.push(`${rng.pick(OPENERS)},`);
    if (rng.chance(0.4)) parts.push(rng.pick(SINGULAR_SUBJECTS), thirdPerson(rng.pick(VERBS)));
    else parts.push(rng.pick(SUBJECTS), rng.pick(VERBS));
    parts.push( rng.chance(0.4) ? `the ${rng.pick(topic)}` : rng.pick(OBJECTS));
    if (rng.chance(0.5)) parts.push(rng.pick(TAILS));
    let s = parts.join(' ');
    s = s[0].toUpperCase() + s.slice(1);
    const r = rng.float();
    if (r < 0.06) s += `, quote, "${rng.pick(QUOTES)}."`;
    else if (r < 0.1 && others.length > 0) {
      const o = rng.pick(others);
      s += `, as ${o.first} ${o.last}${rng.chance(0.3) ? ' (ph)' : ''} put it.`;
    } else if (r < 0.14) s += `. ${rng.pick(INLINE_CUES)}`;
    else if (r < 0.2 && others.length > 0) s = `${mentionOf(rng.pick(others))}, ${uncap(s)}.`;
    else if (r < 0.24) s += ` - about ${rng.int(2, 90)} percent of them.`;
    else s += rng.chance(0.1) ? '?' : '.';
    return s;
  };
  const paragraph = (topic: string[], others: Person[], min = 1, max = 4) => {
    const n = rng.int(min, max);
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(sentence(topic, others));
    return out.join(' ');
  };

  // ---- labels (with the occasional slip)
  const labelFor = (p: Person, allowSlip: boolean): { label: string; slip?: 'missing-colon' | 'lower' | 'typo' | 'spacing' } => {
    if (!p.introduced) {
      p.introduced = true;
      return { label: p.labelRole ? `${p.full}, ${p.labelRole}:` : `${p.full}:` };
    }
    if (allowSlip && rng.chance(0.025)) {
      const slip = rng.pick(['missing-colon', 'lower', 'typo', 'spacing'] as const);
      switch (slip) {
        case 'missing-colon':
          return { label: p.short, slip };
        case 'lower':
          return { label: `${p.short.toLowerCase()}:`, slip };
        case 'typo': {
          const s = p.short;
          if (s.length < 4) return { label: `${s}:` };
          const k = rng.int(1, s.length - 3);
          return { label: `${s.slice(0, k)}${s[k + 1]}${s[k]}${s.slice(k + 2)}:`, slip };
        }
        case 'spacing':
          return { label: `${p.short} :`, slip };
      }
    }
    return { label: `${p.short}:` };
  };

  const turn = (p: Person, topic: string[], others: Person[], opts: { question?: boolean; ownLine?: boolean; endWithQuestion?: boolean } = {}) => {
    const { label, slip } = labelFor(p, true);
    spoke.add(p);
    stats.turns++;
    if (slip) stats.malformed++;
    const paragraphs: string[] = [];
    const question = () => {
      const q = rng.pick(QUESTIONS);
      return rng.chance(0.5) && others[0] ? `${others[0].first}, ${uncap(q)}` : q;
    };
    paragraphs.push(opts.question ? question() : paragraph(topic, others));
    if (!opts.question && rng.chance(0.15)) {
      const extra = rng.int(1, 2);
      for (let k = 0; k < extra; k++) paragraphs.push(paragraph(topic, others, 2, 5));
    }
    if (opts.endWithQuestion) paragraphs.push(question());
    const ownLine = opts.ownLine ?? rng.chance(0.05);
    push({ kind: 'turn', label, ownLine, paragraphs });
  };

  const emptyTurn = (p: Person) => {
    if (!p.introduced) return; // an empty first turn would also be a missing introduction
    spoke.add(p);
    stats.turns++;
    stats.malformed++;
    push({ kind: 'turn', label: `${p.short}:`, ownLine: false, paragraphs: [] });
  };

  // ---- preamble
  const topic0 = rng.pick(TOPICS);
  const host0 = hosts[0];
  const rep0 = reporters[0];
  const g0 = guests[0];
  const g1 = guests[1];
  push({ kind: 'furniture', lines: ['Play Live Radio', 'Next Up:', '0:00 0:00', 'Available On Air Stations'] });
  const title = `${city} ${topic0[0]} crews ${rng.pick(HEADLINE_VERBS)} as the ${topic0[2]} debate goes on`;
  push({ kind: 'title', text: title[0].toUpperCase() + title.slice(1) });
  push({
    kind: 'summary',
    text:
      `All day on ${station}: the ${topic0[1]} in ${city} and what comes next. ${station}'s ${rep0.first} ${rep0.last} has been at the ${topic0[0]} since before dawn, ` +
      `${g0.description} ${g0.first} ${g0.last} explains what it could cost the region, and ${g1.description} ${g1.first} ${g1.last} joins us later. Good morning to you all.`,
  });

  // ---- segments until the size is reached (the trailer is small)
  let segment = 0;
  while (tSize < target - 600) {
    segment++;
    stats.segments++;
    const topic = segment === 1 ? topic0 : rng.pick(TOPICS);
    const host = segment === 1 ? host0 : hosts[segment % 3 === 0 ? 1 : 0];
    const reporter = segment === 1 ? rep0 : rng.pick(reporters);
    const cast: Person[] = segment === 1 ? [g0, g1] : [];
    const nGuests = segment === 1 ? 0 : rng.int(1, 3);
    for (let k = 0; k < nGuests; k++) {
      const g = rng.pick(guests);
      if (!cast.includes(g)) cast.push(g);
    }
    const voices = [host, reporter, ...cast];
    push({ kind: 'heading', text: `${segment}. ${topic[1][0].toUpperCase()}${topic[1].slice(1)} and the ${topic[2]} (${cast.map((g) => g.last).join(', ') || reporter.last})` });

    if (segment > 1) {
      push({ kind: 'cue', text: '(SOUNDBITE OF MUSIC)' });
      stats.ownLineCues++;
    }
    // The host opens; the first segment opens with the label alone on its line, as on air.
    turn(host, topic, [reporter, ...cast], { ownLine: segment === 1 || rng.chance(0.2), endWithQuestion: true });
    turn(reporter, topic, voices);

    const exchanges = rng.int(6, 18);
    let last: Person = reporter;
    for (let k = 0; k < exchanges; k++) {
      const r = rng.float();
      if (r < 0.07) {
        // An own-line stage direction; sometimes the last speaker goes on after it (a continuation).
        if (rng.chance(0.04)) {
          push({ kind: 'cue', text: `(${rng.pick(SOUNDBITES)}` }); // unclosed
          stats.malformed++;
        } else push({ kind: 'cue', text: `(${rng.pick(SOUNDBITES)})` });
        stats.ownLineCues++;
        if (rng.chance(0.3)) push({ kind: 'para', text: paragraph(topic, voices) });
        continue;
      }
      if (r < 0.075) {
        const p = rng.pick(voices);
        if (p !== last && p.introduced) {
          emptyTurn(p);
          last = p;
        }
        continue;
      }
      let next = rng.pick(voices);
      if (next === last) next = voices[(voices.indexOf(next) + 1) % voices.length];
      if (r < 0.3 && last !== host) next = host;
      if (next === host) {
        turn(host, topic, voices.filter((v) => v !== host), { question: rng.chance(0.6) });
      } else turn(next, topic, voices.filter((v) => v !== next));
      last = next;
    }
    if (last === host) turn(reporter, topic, voices);
    turn(host, topic, voices.slice(1));
    for (const g of cast.slice(0, 2)) {
      spoke.add(g);
      stats.turns++;
      push({ kind: 'turn', label: labelFor(g, false).label, ownLine: false, paragraphs: [rng.pick(['Thank you.', 'My pleasure.', 'Thanks for having me.', 'Any time.'])] });
    }
  }

  // ---- trailer
  push({ kind: 'credit', cue: '(SOUNDBITE OF MUSIC)', text: `Transcript provided by ${station}, Copyright ${station}.` });
  const bios = [
    `${hosts[0].first} ${hosts[0].last} is the host of ${station}'s morning program and has covered the city for two decades.`,
    `${hosts[1].first} ${hosts[1].last} hosts ${station}'s evening news.`,
    ...reporters.filter((r) => spoke.has(r)).map((r) => `${r.first} ${r.last} is a reporter on ${station}'s metro desk.`),
    `${station} is listener-supported public radio.`,
  ];
  push({ kind: 'bios', lines: bios });

  stats.people = spoke.size;
  const transcript = blocks.map(renderTranscript).filter((s) => s.length > 0).join('\n\n') + '\n';
  const markdown = blocks.map(renderMarkdown).filter((s) => s.length > 0).join('\n\n') + '\n';
  return { transcript, markdown, stats };
}

// ---------------------------------------------------------------------------------------------
// Workspace: N files for a workspace-scale test (not run by the benchmark by default).

export interface WorkspaceResult {
  files: number;
  bytes: number;
}

/** Writes `files` transcripts (~`totalBytes` together, sizes varying ±50 %) under dir/show-NNN/. */
export function writeWorkspace(dir: string, files: number, totalBytes: number, seed: number): WorkspaceResult {
  const rng = new Rng(seed);
  const mean = totalBytes / Math.max(1, files);
  let bytes = 0;
  for (let k = 0; k < files; k++) {
    const size = Math.round(mean * (0.5 + rng.float()));
    const { transcript } = generateTranscript({ targetBytes: size, seed: (seed * 100_003 + k) >>> 0 });
    const folder = path.join(dir, `show-${String(Math.floor(k / 100)).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `episode-${String(k).padStart(5, '0')}.transcript`), transcript);
    bytes += Buffer.byteLength(transcript);
  }
  return { files, bytes };
}

// ---------------------------------------------------------------------------------------------
// Command line

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function numberArg(args: string[], name: string, fallback: number): number {
  const v = argValue(args, name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} needs a number, got ${v}`);
  return n;
}

function main(args: string[]): void {
  const seed = numberArg(args, '--seed', 1);
  const workspace = argValue(args, '--workspace');
  if (workspace) {
    const files = numberArg(args, '--files', 2000);
    const total = numberArg(args, '--total-bytes', 100_000_000);
    const started = Date.now();
    const r = writeWorkspace(path.resolve(workspace), files, total, seed);
    console.log(`Wrote ${r.files} transcripts, ${(r.bytes / 1e6).toFixed(1)} MB, to ${workspace} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  const out = argValue(args, '--out');
  if (!out) {
    console.error('usage: generate.ts --bytes N [--seed S] --out FILE [--markdown FILE.md]\n       generate.ts --workspace DIR [--files 2000] [--total-bytes 100000000] [--seed S]');
    process.exitCode = 2;
    return;
  }
  const g = generateTranscript({ targetBytes: numberArg(args, '--bytes', 100_000), seed });
  writeFileSync(out, g.transcript);
  const md = argValue(args, '--markdown');
  if (md) writeFileSync(md, g.markdown);
  console.log(`Wrote ${out} (${Buffer.byteLength(g.transcript)} bytes)${md ? ` and ${md}` : ''}: ${JSON.stringify(g.stats)}`);
}

if (require.main === module) main(process.argv.slice(2));
