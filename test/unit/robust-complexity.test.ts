// Big documents of a shape real transcripts have, sized so that a quadratic step would take
// seconds: each job runs in a worker thread with a deadline (test/helpers/arbitraries.ts,
// timeInWorker), and a job still running at its deadline is terminated and fails its test, so
// a regression costs `npm test` the deadline, not minutes. The deadlines are several times
// what the linear work takes on a loaded 2-core machine.
//
// The regular expressions have their own sweep: robust-regex.test.ts.

import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { timeInWorker } from '../helpers/arbitraries';

const SERVICE = ['server/src/languageService.ts', 'server/src/settings.ts'];

/** A document of `n` copies of `unit` after `head`. */
const build = (head: string, unit: string, n: number) => head + unit.repeat(n);

/** Job: diagnostics of the text (parse, speakers, every rule), as the server computes them on open. */
const diagnosticsJob = ([ls, settings]: any[], text: string) => {
  const svc = ls.createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  const doc = { uri: 'file:///big.transcript', version: 1, getText: () => text };
  const d = svc.getDiagnostics(doc, settings.defaultSettings);
  if (d.length === 0) throw new Error('expected diagnostics');
};

/** Job: the code actions VS Code asks for when the cursor rests on line `line` (quick fixes), then fix-all on save. */
const codeActionsJob = ([ls, settings]: any[], input: { text: string; line: number; fixAll: boolean }) => {
  const svc = ls.createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  const doc = { uri: 'file:///big.transcript', version: 1, getText: () => input.text };
  const diagnostics = svc.getDiagnostics(doc, settings.defaultSettings);
  const at = { line: input.line, character: 0 };
  const end = { line: input.line, character: 10_000 };
  const quick = svc.getCodeActions(doc, { start: at, end }, { diagnostics }, settings.defaultSettings);
  if (quick.length === 0) throw new Error('expected a quick fix on the line');
  if (input.fixAll) svc.getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, { diagnostics, only: ['source.fixAll.transcript'] }, settings.defaultSettings);
};

/** Job: hover, references and highlights at an offset (the entity lookup behind them reads the paragraph). */
const entityJob = ([ls, settings]: any[], input: { text: string; line: number; character: number }) => {
  const svc = ls.createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  const doc = { uri: 'file:///big.transcript', version: 1, getText: () => input.text };
  const p = { line: input.line, character: input.character };
  svc.getHover(doc, p, settings.defaultSettings);
  svc.getReferences(doc, p, true);
  svc.getDocumentHighlights(doc, p);
};

async function within<I>(t: TestContext, what: string, job: (modules: any[], input: I) => unknown, input: I, deadlineMs: number): Promise<void> {
  const ms = await timeInWorker(SERVICE, job, input, deadlineMs, ['compromise']);
  assert.ok(ms !== undefined, `${what}: still running after ${deadlineMs} ms (terminated)`);
  t.diagnostic(`${what}: ${Math.round(ms)} ms (deadline ${deadlineMs} ms)`);
}

describe('checking a long hearing stays linear', () => {
  // 100,000 turns of two speakers. Linear work: about 0.5 s.
  test('100,000 turns with short labels', async (t) => {
    await within(t, 'diagnostics', diagnosticsJob, build('NINA PARK, HOST: Hi.\n\nOMAR SALEH, BYLINE: Yes.\n\n', 'PARK: Hi "there.\n\nSALEH: Yes.\n\n', 50_000), 3_000);
  });

  test(
    '100,000 turns that each repeat the full-name label with its role (a common export style)',
    async (t) => {
      await within(t, 'diagnostics', diagnosticsJob, build('', 'NINA PARK, HOST: Hi.\n\nOMAR SALEH, BYLINE: Yes.\n\n', 50_000), 2_000);
    },
  );
});

describe('code actions with many fixable problems stay linear', () => {
  // 40,000 label lines with trailing white space (a transcript pasted from a web page): VS Code
  // asks for code actions whenever the cursor moves, and each offers "Fix all N problems".
  const trailing = build('NINA PARK, HOST: Hi.\n\nOMAR SALEH, BYLINE: Yes.\n\n', 'PARK: Hi. \n\nSALEH: Yes. \n\n', 20_000);
  test('a quick fix on one of few fixable problems in a big document', async (t) => {
    const text = build('NINA PARK, HOST: Hi.\n\nOMAR SALEH, BYLINE: Yes.\n\nPARK: Hi. \n\n', 'PARK: Hi.\n\nSALEH: Yes.\n\n', 30_000);
    await within(t, 'quick fixes', codeActionsJob, { text, line: 4, fixAll: true }, 3_000);
  });

  test(
    'the quick fixes at one line, then fix-all, with 40,000 fixable problems of one kind',
    async (t) => {
      await within(t, 'quick fixes and fix-all', codeActionsJob, { text: trailing, line: 4, fixAll: true }, 1_500);
    },
  );

  // 100,000 empty turns in a row: every fix a deletion touching the next one.
  test('the quick fixes at one empty turn, then fix-all, with 100,000 empty turns', async (t) => {
    const text = build('NINA PARK, HOST: Hi.\n\nOMAR SALEH, BYLINE: Yes.\n\n', 'PARK:\n\nSALEH:\n\n', 50_000);
    await within(t, 'quick fixes and fix-all', codeActionsJob, { text, line: 6, fixAll: true }, 4_000);
  });
});

describe('hover and references on a long paragraph', () => {
  const sentence = 'Maria Lopez went to the University of Oslo and then to Paris, she said. ';
  test('on a 1 MB line of one word the answer comes at once', async (t) => {
    await within(t, 'hover', entityJob, { text: `PARK: ${'x'.repeat(1 << 20)}`, line: 0, character: 100 }, 3_000);
  });

  test('on a name in a 100 KB single-line turn', async (t) => {
    await within(t, 'hover', entityJob, { text: `PARK: ${sentence.repeat(Math.ceil(100_000 / sentence.length))}`, line: 0, character: 8 }, 1_000);
  });

  test('the Statistics view on a 160 KB single-line turn keeps to its entity budget', async (t) => {
    const job = ([ls, settings]: any[], text: string) => {
      const svc = ls.createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
      const s = svc.getStatistics({ uri: 'file:///big.transcript', version: 1, getText: () => text }, settings.defaultSettings, 0);
      if (s.totals.turns !== 1) throw new Error(`expected statistics of one turn, got ${s.totals.turns}`);
    };
    await within(t, 'statistics', job, `NINA PARK, HOST: ${'and so (LAUGHTER) she said "yes" [crosstalk] '.repeat(3_600)}`, 1_000);
  });

  test('JSON export of a 100 KB single-line turn', async (t) => {
    const job = ([ls]: any[], text: string) => {
      const svc = ls.createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
      const r = svc.exportDocument({ uri: 'file:///big.transcript', version: 1, getText: () => text }, 'json', { wordsPerMinute: 150, estimateTimes: true });
      if (typeof r.content !== 'string') throw new Error(`expected a JSON export, got ${r.error}`);
    };
    await within(t, 'JSON export', job, `NINA PARK, HOST: ${'and so (LAUGHTER) she said "yes" [crosstalk] '.repeat(2_300)}`, 1_000);
  });
});
