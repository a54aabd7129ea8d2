// Workspace symbols: summarize (one file -> title and speakers), matchesQuery, workspaceSymbols,
// and the language service's index over an in-memory workspace (no disk, no server).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { matchesQuery, summarize, workspaceSymbols, type FileSummary } from '../../server/src/features/workspaceSymbols';
import { createLanguageService, fileLabel, type CancellationToken, type TextDocumentLike, type WorkspaceFiles } from '../../server/src/languageService';
import { K, r, workspaceSymbolsByFile } from '../helpers/expected';
import { fixtureWorkspace } from '../helpers/lspClient';

const summaryOf = (text: string, uri = 'file:///w/s.transcript') => summarize(analyze(uri, 1, text));
/** The parts of a summary that workspace symbols are made of (other features may add fields of their own). */
const symbolPartsOf = (s: FileSummary) => ({ uri: s.uri, title: s.title, speakers: s.speakers });

/** A workspace held in a Map, counting how often it is listed and read. */
class MemoryWorkspace implements WorkspaceFiles {
  readonly files = new Map<string, string>();
  finds = 0;
  reads: string[] = [];
  failRead = new Set<string>();
  /** Like NodeWorkspace: a cancelled listing stops early and returns what it has (here: nothing). */
  honourCancellation = false;
  failFind = false;
  async findFiles(token?: CancellationToken): Promise<string[]> {
    this.finds++;
    await Promise.resolve();
    if (this.failFind) throw new Error('listing failed');
    if (this.honourCancellation && token?.isCancellationRequested) return [];
    return [...this.files.keys()];
  }
  async readFile(uri: string): Promise<string | undefined> {
    this.reads.push(uri);
    if (this.failRead.has(uri)) throw new Error('EACCES: permission denied');
    return this.files.get(uri);
  }
}

const names = (symbols: { name: string }[]) => symbols.map((s) => s.name);

describe('summarize', () => {
  test('the fixture: its title and its speakers with label, role and the range of their introduction', () => {
    const uri = 'file:///w/morning-edition.transcript';
    const s = summaryOf(readFileSync(path.join(fixtureWorkspace, 'morning-edition.transcript'), 'utf8'), uri);
    assert.deepEqual(symbolPartsOf(s), {
      uri,
      title: { name: 'Library opens its doors overnight for exam season', range: r(5, 0, 5, 49) },
      speakers: [
        { name: 'Rafael Moreno', detail: 'RAFAEL MORENO, MORENO · HOST', range: r(9, 0, 9, 20) },
        { name: 'Ada Quint', detail: 'ADA QUINT, QUINT · LIBRARIAN', range: r(13, 0, 13, 21) },
        { name: 'Unidentified Man #1', detail: 'Unidentified Man #1', range: r(25, 0, 25, 20) },
      ],
    });
  });

  test("a speaker's range is the label that introduces them by full name, even when a short label came first", () => {
    assert.deepEqual(symbolPartsOf(summaryOf('DETROW: Hi.\n\nSCOTT DETROW, HOST: Again.\n\nUnidentified Man: Who?\n\n(MUSIC)\n\nMore.\n')), {
      uri: 'file:///w/s.transcript',
      title: undefined,
      speakers: [
        { name: 'Scott Detrow', detail: 'DETROW, SCOTT DETROW · HOST', range: r(2, 0, 2, 19) },
        { name: 'Unidentified Man', detail: 'Unidentified Man', range: r(4, 0, 4, 17) },
      ],
    });
  });

  test('an empty file: no title, no speakers', () => {
    assert.deepEqual(symbolPartsOf(summaryOf('')), { uri: 'file:///w/s.transcript', title: undefined, speakers: [] });
  });
});

describe('matchesQuery', () => {
  test('an empty query matches everything', () => {
    assert.equal(matchesQuery('', 'anything'), true);
    assert.equal(matchesQuery('', ''), true);
  });

  test('case-insensitive subsequence, in order', () => {
    assert.equal(matchesQuery('quint', 'Ada Quint'), true);
    assert.equal(matchesQuery('ADQ', 'Ada Quint'), true);
    assert.equal(matchesQuery('aq', 'Ada Quint'), true);
    assert.equal(matchesQuery('qa', 'Ada Quint'), false);
    assert.equal(matchesQuery('ada quint!', 'Ada Quint'), false);
    assert.equal(matchesQuery('x', ''), false);
  });

  test('spaces in the query must be matched too', () => {
    assert.equal(matchesQuery('ada q', 'Ada Quint'), true);
    assert.equal(matchesQuery('ada q', 'AdaQuint'), false);
  });

  test('letters beyond ASCII', () => {
    assert.equal(matchesQuery('núñ', 'Ms. NÚÑEZ'), true);
    assert.equal(matchesQuery('nun', 'Ms. NÚÑEZ'), false);
  });
});

describe('workspaceSymbols', () => {
  const files: FileSummary[] = [
    summaryOf('Council votes\n\nDANA WHITLOCK, BYLINE: Seven to two.\n\nWHITLOCK: Done.\n', 'file:///w/a/council.transcript'),
    summaryOf('JAMES CRIDLAND: No title here.\n', 'file:///w/b/untitled-show.transcript'),
  ];

  test('titles and speakers of every file; the container is the title, or the file name without one', () => {
    assert.deepEqual(workspaceSymbols(files, '', fileLabel), [
      { name: 'Council votes', kind: K.File, containerName: 'council.transcript', location: { uri: 'file:///w/a/council.transcript', range: r(0, 0, 0, 13) } },
      {
        name: 'Dana Whitlock',
        kind: K.Class,
        containerName: 'DANA WHITLOCK, WHITLOCK · BYLINE — Council votes',
        location: { uri: 'file:///w/a/council.transcript', range: r(2, 0, 2, 22) },
      },
      {
        name: 'James Cridland',
        kind: K.Class,
        containerName: 'JAMES CRIDLAND — untitled-show.transcript',
        location: { uri: 'file:///w/b/untitled-show.transcript', range: r(0, 0, 0, 15) },
      },
    ]);
  });

  test('the query filters titles by name and speakers by name or detail', () => {
    assert.deepEqual(names(workspaceSymbols(files, 'council', fileLabel)), ['Council votes']);
    assert.deepEqual(names(workspaceSymbols(files, 'byline', fileLabel)), ['Dana Whitlock']);
    assert.deepEqual(names(workspaceSymbols(files, 'cridland', fileLabel)), ['James Cridland']);
    assert.deepEqual(names(workspaceSymbols(files, 'nobody', fileLabel)), []);
  });

  test('the file label function is the one given', () => {
    assert.deepEqual(
      workspaceSymbols(files.slice(1), '', (u) => `<${u}>`).map((s) => s.containerName),
      ['JAMES CRIDLAND — <file:///w/b/untitled-show.transcript>'],
    );
  });
});

describe('fileLabel', () => {
  test('the last path segment, decoded', () => {
    assert.equal(fileLabel('file:///a/b/c.transcript'), 'c.transcript');
    assert.equal(fileLabel('file:///a/my%20show.transcript'), 'my show.transcript');
    assert.equal(fileLabel('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(fileLabel('vscode-vfs://github/owner/repo/show.transcript'), 'show.transcript');
  });
});

describe('the language service index (in-memory workspace)', () => {
  const setup = () => {
    const ws = new MemoryWorkspace();
    ws.files.set('file:///w/one.transcript', 'First show\n\nANNA BELL, HOST: Hi.\n');
    ws.files.set('file:///w/sub/two.transcript', 'Second show\n\nCARL DIAZ: Hello.\n');
    const errors: string[] = [];
    const open: TextDocumentLike[] = [];
    const service = createLanguageService({ workspace: ws, logger: { info() {}, error: (m) => errors.push(m) }, openDocuments: () => open });
    return { ws, service, errors, open };
  };

  test('files never opened are listed; the workspace is listed once and each file read once', async () => {
    const { ws, service } = setup();
    assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['First show', 'Anna Bell', 'Second show', 'Carl Diaz']);
    assert.deepEqual(names(await service.getWorkspaceSymbols('diaz')), ['Carl Diaz']);
    assert.equal(ws.finds, 1);
    assert.deepEqual(ws.reads, ['file:///w/one.transcript', 'file:///w/sub/two.transcript']);
  });

  test('two queries at once share one indexing', async () => {
    const { ws, service } = setup();
    const [a, b] = await Promise.all([service.getWorkspaceSymbols('bell'), service.getWorkspaceSymbols('diaz')]);
    assert.deepEqual([names(a), names(b)], [['Anna Bell'], ['Carl Diaz']]);
    assert.equal(ws.finds, 1);
  });

  test('open documents win over the disk, and count even outside the workspace', async () => {
    const { service, open } = setup();
    open.push({ uri: 'file:///w/one.transcript', version: 3, getText: () => 'Edited show\n\nANNA BELLAMY, HOST: Hi.\n' });
    open.push({ uri: 'untitled:Untitled-1', version: 1, getText: () => 'DORA EK: Draft.\n' });
    assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['Edited show', 'Anna Bellamy', 'Second show', 'Carl Diaz', 'Dora Ek']);
  });

  test('onFileChanged before the first query does nothing; after it, only that file is read again', async () => {
    const { ws, service } = setup();
    service.onFileChanged('file:///w/one.transcript', false);
    await service.getWorkspaceSymbols('');
    ws.reads = [];
    ws.files.set('file:///w/one.transcript', 'First show\n\nANNA BELLINI, HOST: Hi.\n');
    service.onFileChanged('file:///w/one.transcript', false);
    assert.deepEqual(names(await service.getWorkspaceSymbols('bell')), ['Anna Bellini']);
    assert.deepEqual(ws.reads, ['file:///w/one.transcript']);
    assert.equal(ws.finds, 1);
  });

  test('a created file is added, a deleted file removed (without reading it)', async () => {
    const { ws, service } = setup();
    await service.getWorkspaceSymbols('');
    ws.files.set('file:///w/three.transcript', 'Third show\n\nEVA FOX: Hey.\n');
    service.onFileChanged('file:///w/three.transcript', false);
    assert.deepEqual(names(await service.getWorkspaceSymbols('fox')), ['Eva Fox']);
    ws.files.delete('file:///w/three.transcript');
    ws.reads = [];
    service.onFileChanged('file:///w/three.transcript', true);
    assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['First show', 'Anna Bell', 'Second show', 'Carl Diaz']);
    assert.deepEqual(ws.reads, []);
  });

  test('onWorkspaceChanged lists the workspace again', async () => {
    const { ws, service } = setup();
    await service.getWorkspaceSymbols('');
    ws.files.delete('file:///w/sub/two.transcript');
    service.onWorkspaceChanged();
    assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['First show', 'Anna Bell']);
    assert.equal(ws.finds, 2);
  });

  test('a file that cannot be read is skipped and logged; one that reads as undefined is skipped silently', async () => {
    const { ws, service, errors } = setup();
    ws.failRead.add('file:///w/one.transcript');
    ws.files.set('file:///w/binary.transcript', 'BINARY: never shown\n');
    const readFile = ws.readFile.bind(ws);
    ws.readFile = async (uri) => (uri.endsWith('binary.transcript') ? undefined : readFile(uri));
    assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['Second show', 'Carl Diaz']);
    assert.deepEqual(errors, ['Could not read file:///w/one.transcript: Error: EACCES: permission denied']);
  });

  test('a failed listing is logged and the query lists the open documents; the next query tries again', async () => {
    const { ws, service, errors, open } = setup();
    ws.failFind = true;
    open.push({ uri: 'file:///w/open.transcript', version: 1, getText: () => 'Open show\n\nDEE KAY: Hi.\n' });
    assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['Open show', 'Dee Kay']);
    assert.deepEqual(errors, ["Could not list the workspace's transcripts: Error: listing failed"]);
    open.length = 0;
    ws.failFind = false;
    assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['First show', 'Anna Bell', 'Second show', 'Carl Diaz']);
  });

  test('a closed document is read from disk again (its unsaved text is gone)', async () => {
    const { service, open } = setup();
    open.push({ uri: 'file:///w/one.transcript', version: 2, getText: () => 'Unsaved\n\nZED ZULU: Unsaved.\n' });
    assert.deepEqual(names(await service.getWorkspaceSymbols('zulu')), ['Zed Zulu']);
    open.length = 0;
    service.onDocumentClosed('file:///w/one.transcript');
    assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['First show', 'Anna Bell', 'Second show', 'Carl Diaz']);
  });

  test(
    'a query cancelled while the index is built does not leave a partial index for later queries',
    async () => {
      const { ws, service } = setup();
      ws.honourCancellation = true;
      await service.getWorkspaceSymbols('', { isCancellationRequested: true });
      assert.deepEqual(names(await service.getWorkspaceSymbols('')), ['First show', 'Anna Bell', 'Second show', 'Carl Diaz']);
    },
  );
});

describe('the fixture workspace', () => {
  test('every indexed fixture file summarizes to the symbols the protocol tests expect of it', () => {
    for (const [rel, want] of Object.entries(workspaceSymbolsByFile)) {
      const uri = `file:///w/${rel}`;
      const got = workspaceSymbols([summaryOf(readFileSync(path.join(fixtureWorkspace, rel), 'utf8'), uri)], '', fileLabel);
      assert.deepEqual(
        got,
        want.map((s) => ({ name: s.name, kind: s.kind, containerName: s.containerName, location: { uri, range: s.range } })),
        rel,
      );
    }
  });
});
