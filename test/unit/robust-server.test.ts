// Focused checks of fixes whose reliability tests run over the protocol or as properties
// (docs/reliability.md, "Found"): a change that repeats the document's version (3), the size in
// the decline message (17), binary files in the workspace index, read by the Node server, through
// the client, and in the client's own answer (14), bare URLs in hover text (13), completion at
// positions outside the document (16).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { looksBinary } from '../../server/src/binaryData';
import { ClientWorkspace } from '../../server/src/clientWorkspace';
import { escapeMd } from '../../server/src/features/hover';
import { createLanguageService, type TextDocumentLike } from '../../server/src/languageService';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { defaultSettings } from '../../server/src/settings';
import { declineReason } from '../../server/src/startServer';
import { fileUri } from '../helpers/lspClient';
import { hostileFiles } from '../helpers/arbitraries';
import { requireWithVscode } from '../helpers/vscodeStub';

const BINARY = ['binary (PNG header, NULs)', 'binary without NULs (high bytes and controls)', 'UTF-16LE with BOM'];
const TEXT = ['empty', 'Latin-1 (Windows-1252)', 'Shift-JIS-like double bytes', 'all one line (1 MB of prose)'];
const noWorkspace = { findFiles: async () => [], readFile: async () => undefined };

describe('a change that repeats the version the document has', () => {
  const names = (svc: ReturnType<typeof createLanguageService>, d: TextDocumentLike) => svc.getDocumentSymbols(d, defaultSettings).map((s) => s.name);

  test('a whole-text change: the new text is parsed', () => {
    const svc = createLanguageService({ workspace: noWorkspace });
    let text = 'PARK: One.\n';
    const d: TextDocumentLike = { uri: 'file:///same.transcript', version: 5, getText: () => text };
    assert.equal(svc.getTranscript(d).doc.text, text);
    text = 'PARK: One.\n\nSALEH: Two.\n';
    svc.onDocumentEdited(d.uri, 5, 5, undefined);
    assert.equal(svc.getTranscript(d).doc.text, text);
    assert.equal(svc.getTranscript(d).doc.turns.length, 2);
    assert.equal(names(svc, d).length, 2);
  });

  test('a described edit: re-parsed around it, the same as from scratch', () => {
    const svc = createLanguageService({ workspace: noWorkspace });
    let text = 'PARK: One.\n\nSALEH: Two.\n';
    const d: TextDocumentLike = { uri: 'file:///same-edit.transcript', version: 3, getText: () => text };
    svc.getTranscript(d);
    const insert = 'NINA: Three.\n\n';
    text = text.slice(0, 12) + insert + text.slice(12);
    svc.onDocumentEdited(d.uri, 3, 3, { start: 12, end: 12, newLength: insert.length });
    const fresh = createLanguageService({ workspace: noWorkspace }).getTranscript({ ...d, uri: 'file:///fresh.transcript' });
    assert.deepEqual(svc.getTranscript(d).doc.turns, fresh.doc.turns);
  });

  test('with no change reported, the parse of that version is reused', () => {
    const svc = createLanguageService({ workspace: noWorkspace });
    const d: TextDocumentLike = { uri: 'file:///reuse.transcript', version: 1, getText: () => 'PARK: One.\n' };
    assert.equal(svc.getTranscript(d), svc.getTranscript(d));
  });
});

describe('the size in the decline message', () => {
  const MB = 1024 * 1024;
  test('as many decimals as it takes to be more than the limit', () => {
    assert.match(declineReason('x'.repeat(50 * MB), 32) ?? '', /^is 50 MB, more than transcript\.maxFileSize \(32 MB\)$/);
    assert.match(declineReason('x'.repeat(Math.round(32.3 * MB)), 32) ?? '', /^is 32\.3 MB, more than transcript\.maxFileSize \(32 MB\)$/);
    assert.match(declineReason('x'.repeat(Math.round(32.04 * MB)), 32) ?? '', /^is 32\.04 MB, more/);
    assert.match(declineReason('x'.repeat(2 * MB + 1), 2) ?? '', /^is 2\.000001 MB, more than transcript\.maxFileSize \(2 MB\)$/);
    assert.equal(declineReason('x'.repeat(2 * MB), 2), undefined, 'at the limit is not over it');
  });
});

describe('binary files are not read as transcripts', () => {
  const files = hostileFiles();

  test('looksBinary is what declineReason declines as "not a transcript"', () => {
    for (const [name, bytes] of Object.entries(files)) {
      const text = bytes.toString('utf8');
      assert.equal(looksBinary(text), /does not look like a transcript/.test(declineReason(text, 1024) ?? ''), name);
      assert.equal(looksBinary(text), BINARY.includes(name), name);
    }
  });

  describe('NodeWorkspace.readFile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcript-binary-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const ws = new NodeWorkspace(() => [fileUri(dir)]);

    test('undefined for binary files, the text of the others', async () => {
      for (const name of [...BINARY, ...TEXT]) {
        const path = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.transcript`);
        writeFileSync(path, files[name]);
        const text = await ws.readFile(fileUri(path));
        if (BINARY.includes(name)) assert.equal(text, undefined, name);
        else assert.equal(text, files[name].toString('utf8'), name);
      }
    });

    test('workspace symbols leave them out', async () => {
      writeFileSync(join(dir, 'real.transcript'), 'Harbour update\n\nNINA PARK, HOST: Good morning.\n');
      const svc = createLanguageService({ workspace: ws });
      const uris = new Set((await svc.getWorkspaceSymbols('')).map((s) => s.location.uri.split('/').pop()));
      assert.ok(uris.has('real.transcript'));
      for (const name of BINARY) assert.ok(![...uris].some((u) => u?.startsWith(name.replace(/[^a-z0-9]+/gi, '-'))), name);
    });
  });

  test('ClientWorkspace.readFile: undefined when the client answers with binary data', async () => {
    for (const name of [...BINARY, ...TEXT]) {
      const text = files[name].toString('utf8');
      const ws = new ClientWorkspace({ sendRequest: async () => text } as unknown as ConstructorParameters<typeof ClientWorkspace>[0]);
      assert.equal(await ws.readFile('vscode-vfs://github/o/r/x.transcript'), BINARY.includes(name) ? undefined : text, name);
    }
  });

  test("the client's transcript/readFile answers null for binary files, open or not", async () => {
    const handlers = new Map<string, (params: unknown) => Promise<unknown>>();
    const disk = new Map<string, Buffer>();
    const open: { uri: { toString(): string }; getText(): string }[] = [];
    const vscodeStub = {
      Uri: { parse: (s: string) => ({ toString: () => s }) },
      workspace: {
        textDocuments: open,
        fs: { stat: async (u: { toString(): string }) => ({ size: disk.get(u.toString())!.length }), readFile: async (u: { toString(): string }) => new Uint8Array(disk.get(u.toString())!) },
      },
    };
    const { serveWorkspaceFiles } = requireWithVscode(vscodeStub, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('../../client/src/common') as typeof import('../../client/src/common');
    });
    serveWorkspaceFiles({ onRequest: (method: string, h: (params: unknown) => Promise<unknown>) => (handlers.set(method, h), { dispose() {} }) } as never);
    const readFile = handlers.get('transcript/readFile')!;
    for (const name of [...BINARY, ...TEXT]) {
      const uri = `memfs:/${name.replace(/[^a-z0-9]+/gi, '-')}.transcript`;
      disk.set(uri, files[name]);
      const expected = BINARY.includes(name) ? null : new TextDecoder('utf-8').decode(files[name]);
      assert.equal(await readFile({ uri }), expected, `${name}, on disk`);
      open.push({ uri: { toString: () => uri }, getText: () => files[name].toString('utf8') });
      assert.equal(await readFile({ uri }), BINARY.includes(name) ? null : files[name].toString('utf8'), `${name}, open`);
    }
  });
});

describe('escapeMd: text from the document never becomes a link', () => {
  const gfm = new MarkdownIt({ html: true, linkify: true });
  const cases = [
    'the host https://evil.example/path said',
    'see www.evil.example and WWW.EVIL.EXAMPLE',
    'write to mail@evil.example',
    'mailto:mail@evil.example',
    'ftp://evil.example/file',
    'a protocol-relative //evil.example/path',
    '[x](command:y) <b>**b**</b> `c` # h | t |',
  ];
  for (const text of cases) {
    test(JSON.stringify(text), () => {
      const html = gfm.renderInline(escapeMd(text));
      assert.doesNotMatch(html, /<a\b/, html);
      // The same visible text: the escapes render as the characters alone.
      const visible = html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
      assert.equal(visible, text);
    });
  }
});

describe('completion at positions outside the document', () => {
  const svc = createLanguageService({ workspace: noWorkspace });
  const text = 'Title\n\nPA\n\nNINA PARK, HOST: Hi.\n\n😀\n';
  const d: TextDocumentLike = { uri: 'file:///completion.transcript', version: 1, getText: () => text };
  const ranges = (line: number, character: number) =>
    svc.getCompletions(d, { line, character }).items.map((i) => (i.textEdit && 'range' in i.textEdit ? i.textEdit.range : undefined));

  test('past the end of a line: the range ends at its end', () => {
    const r = ranges(2, 40);
    assert.ok(r.length > 0);
    for (const x of r) assert.deepEqual(x, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
  });

  test('a line before the first or after the last: nothing', () => {
    assert.deepEqual(ranges(-1, 0), []);
    assert.deepEqual(ranges(-1, -1), []);
    assert.deepEqual(ranges(100, 0), []);
  });

  test('a negative character is the line start; never between the halves of a pair', () => {
    for (const x of ranges(2, -5)) assert.deepEqual(x?.end, { line: 2, character: 0 });
    for (const x of ranges(6, 1)) assert.deepEqual(x?.end, { line: 6, character: 0 });
  });
});
