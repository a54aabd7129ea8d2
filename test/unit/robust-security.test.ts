// Security: the extension runs no code from the workspace, fetches nothing from the network,
// declares untrusted and virtual workspace support with nothing in it that needs trust; hovers
// escape the Markdown they take from the document, so a transcript cannot inject links,
// images, HTML or commands into a hover; a webview, where there is one, has a strict
// Content-Security-Policy and escapes every string from the document.
//
// At run time (the built server, a hook on every way to run a process, open a socket or load
// a file from the workspace): test/protocol/hostile-workspace.test.ts.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import * as ts from 'typescript';
import { statisticsBody, statisticsPage } from '../../client/src/statisticsHtml';
import { ClientWorkspace } from '../../server/src/clientWorkspace';
import { createLanguageService } from '../../server/src/languageService';
import { defaultSettings } from '../../server/src/settings';
import { describeRuns, MARKDOWN, repoRoot, runs } from '../helpers/arbitraries';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|js|mjs)$/.test(p)) out.push(p);
  }
  return out;
}
const SOURCES = [...sourceFiles(join(repoRoot, 'client', 'src')), ...sourceFiles(join(repoRoot, 'server', 'src'))];
const rel = (p: string) => relative(repoRoot, p).split('\\').join('/');

describe('workspace trust and virtual workspaces', () => {
  test('untrusted and virtual workspaces are declared supported, with no restricted settings', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true }, 'untrustedWorkspaces: supported, not "limited"');
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.equal(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, undefined);
  });

  test('no setting needs trust: none names a program, a path, a command or a URL to fetch', () => {
    const props: Record<string, { type?: string | string[]; enum?: unknown[]; properties?: Record<string, { enum?: unknown[] }> }> = manifest.contributes.configuration.properties;
    for (const [name, p] of Object.entries(props)) {
      assert.doesNotMatch(name.replace(/^transcript\./, ''), /path|command|exec|program|script|shell|args|url|server\.(?!trace)/i, `${name}: a setting that could point at code or the network needs review for untrusted workspaces`);
      // Free-form strings are where a path or a command would hide: every string setting is an enum.
      if (p.type === 'string') assert.ok(Array.isArray(p.enum), `${name}: a free-form string setting`);
      if (p.type === 'object') {
        for (const [k, sub] of Object.entries(p.properties ?? {})) assert.ok(Array.isArray(sub.enum), `${name}.${k}: not an enum`);
      }
    }
  });

  test('activation is by language and workspace contents only (no `*`, no URI handler, no terminal)', () => {
    for (const e of manifest.activationEvents ?? []) assert.match(e, /^(onLanguage:transcript|workspaceContains:|onCommand:transcript\.|onView:transcript\.|onWebviewPanel:transcript\.)/, e);
    for (const key of ['terminal', 'taskDefinitions', 'debuggers', 'uriHandler', 'authentication']) assert.equal(manifest.contributes[key], undefined, `contributes.${key}`);
  });
});

describe('virtual workspaces degrade cleanly (the web server reads files through the client)', () => {
  const open = [{ uri: 'vscode-vfs://github/o/r/open.transcript', version: 1, getText: () => 'Title\n\nNINA PARK, HOST: Hi.\n' }];
  const serviceWith = (sendRequest: (method: string) => Promise<unknown>) =>
    createLanguageService({ workspace: new ClientWorkspace({ sendRequest } as unknown as ConstructorParameters<typeof ClientWorkspace>[0]), openDocuments: () => open });

  test('a client that answers transcript/findFiles and readFile with nonsense: the open documents still', async () => {
    for (const answer of [null, 42, 'x', [1, null, {}, 'vscode-vfs://github/o/r/missing.transcript'], { uris: [] }]) {
      const svc = serviceWith(async (m) => (m.includes('readFile') ? answer : answer));
      const names = (await svc.getWorkspaceSymbols('')).map((s) => s.name);
      assert.deepEqual(names, ['Title', 'Nina Park'], JSON.stringify(answer));
    }
  });

  test(
    'a client that cannot list the workspace (transcript/findFiles fails): the open documents still',
    async () => {
      const svc = serviceWith(async () => {
        throw new Error('Unhandled method transcript/findFiles');
      });
      assert.deepEqual((await svc.getWorkspaceSymbols('')).map((s) => s.name), ['Title', 'Nina Park']);
    },
  );
});

describe('no code from the workspace, nothing from the network (sources)', () => {
  /** Packages the client and server may import, each reviewed: none runs a process or opens a connection on its own. */
  const REVIEWED = new Set([
    'vscode',
    'vscode-languageclient',
    'vscode-languageclient/node', // forks the extension's own dist/server.js, nothing else
    'vscode-languageclient/browser',
    'vscode-languageserver',
    'vscode-languageserver/node', // stdio or IPC with the client
    'vscode-languageserver/browser',
    'vscode-languageserver-textdocument',
    'vscode-languageserver-types',
    'vscode-languageserver-protocol',
    'vscode-uri',
    'compromise', // NLP on strings
    'media-captions', // WebVTT/SRT parsing of strings
    'node:fs',
    'node:path',
  ]);
  const FORBIDDEN_CALLS = /\b(?:eval|Function|fetch|importScripts|XMLHttpRequest|WebSocket|EventSource|Worker|SharedWorker)\b/;

  test('every import is a relative file or a reviewed package; no process, socket, vm or network module', () => {
    const problems: string[] = [];
    for (const file of SOURCES) {
      const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const where = (n: ts.Node) => `${rel(file)}:${src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1}`;
      const check = (spec: string, n: ts.Node) => {
        if (spec.startsWith('.')) return;
        if (!REVIEWED.has(spec)) problems.push(`${where(n)}: imports '${spec}' (not reviewed)`);
      };
      const visit = (n: ts.Node) => {
        if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
          const typeOnly = ts.isImportDeclaration(n) ? n.importClause?.isTypeOnly : n.isTypeOnly;
          if (!typeOnly) check(n.moduleSpecifier.text, n);
        }
        if (ts.isCallExpression(n)) {
          const callee = n.expression.getText(src);
          if (callee === 'require' || n.expression.kind === ts.SyntaxKind.ImportKeyword) {
            const a = n.arguments[0];
            if (!a || !ts.isStringLiteral(a)) problems.push(`${where(n)}: ${callee}() of a computed module name`);
            else check(a.text, n);
          }
          if (FORBIDDEN_CALLS.test(callee) && /^(?:eval|Function|fetch|importScripts)$/.test(callee)) problems.push(`${where(n)}: calls ${callee}()`);
        }
        if (ts.isNewExpression(n) && /^(?:Function|XMLHttpRequest|WebSocket|EventSource)$/.test(n.expression.getText(src))) problems.push(`${where(n)}: new ${n.expression.getText(src)}`);
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
    assert.deepEqual(problems, []);
  });

  test('the server reads workspace files as text only, with a size limit, and never writes them', () => {
    const ws = readFileSync(join(repoRoot, 'server', 'src', 'node', 'nodeWorkspace.ts'), 'utf8');
    assert.match(ws, /MAX_BYTES/);
    assert.doesNotMatch(ws, /writeFile|unlink|rm\(|rename\(|mkdir|chmod|spawn|exec/);
    for (const file of SOURCES.filter((f) => f.includes(join('server', 'src')) && !f.endsWith('cli.ts'))) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /\b(?:writeFile|appendFile|unlink|createWriteStream)\b/, `${rel(file)} writes files`);
    }
  });

  test('the server bundles fetch nothing (no fetch, XMLHttpRequest, WebSocket, http or https)', () => {
    for (const bundle of ['dist/server.js', 'dist/web/server.js']) {
      const p = join(repoRoot, bundle);
      assert.ok(existsSync(p), `${bundle} is missing: run npm run build first (npm test does)`);
      const code = readFileSync(p, 'utf8');
      for (const api of ['fetch(', 'XMLHttpRequest', 'new WebSocket', 'require("http")', 'require("https")', 'require("http2")', 'require("dgram")', 'require("tls")']) {
        assert.ok(!code.includes(api), `${bundle} contains ${api}`);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Hovers

const md = new MarkdownIt({ html: true, linkify: false });
const gfm = new MarkdownIt({ html: true, linkify: true });

/** Tags a hover may render: the formatting the server writes itself. */
const ALLOWED_TAGS = new Set(['p', 'strong', 'em', 'code', 'blockquote', 'hr', 'a', 'br', 'ul', 'ol', 'li']);

function assertSafe(html: string, uri: string, what: string): void {
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g)) {
    const tag = m[1].toLowerCase();
    assert.ok(ALLOWED_TAGS.has(tag), `${what}: renders <${tag}> from the document: ${html.slice(0, 400)}`);
    if (tag === 'a' && !m[0].startsWith('</')) {
      const href = /href="([^"]*)"/.exec(m[2])?.[1] ?? '';
      // The server links only to lines of the document itself.
      assert.ok(href.startsWith(`${uri}#L`), `${what}: a link to ${href}: ${html.slice(0, 400)}`);
    }
  }
  // Text such as `command:x` inside a code span is harmless; a URI in an attribute is not.
  assert.doesNotMatch(html, /(?:href|src)="(?:command|javascript|data):/i, `${what}: a command or script URI`);
}

const evil = fc.constantFrom(...MARKDOWN.filter((p) => !p.includes(':')), '[x](y)', '<b>', '![i](j)', '`', '**', '<!-- -->', '&#x5B;', '\\[', '||');
const evilWithColons = fc.constantFrom(...MARKDOWN);

/** A transcript whose roles, speech, cues and bios carry Markdown and HTML (labels take letters only). */
const markdownTranscript = fc
  .record({
    role1: evil,
    role2: evil,
    said: fc.array(fc.oneof(evilWithColons, fc.constantFrom('Maria Lopez', 'Oslo', 'Park', 'Saleh', 'said', 'the')), { maxLength: 10 }),
    cue: evilWithColons,
    bio: fc.array(evilWithColons, { maxLength: 4 }),
  })
  .map(
    ({ role1, role2, said, cue, bio }) =>
      `Harbour ${said.slice(0, 2).join(' ')}\n\nKBRT's Omar Saleh reports ${said.join(' ')}.\n\n` +
      `NINA PARK, HOST ${role1.replace(/[:,]/g, '')}: ${said.join(' ')} Maria Lopez went to Oslo.\n\n` +
      `OMAR SALEH, ${role2.replace(/[:,?!";“”]/g, '') || 'BYLINE'}: Saleh says ${said.join(' ')} (${cue.replace(/[()]/g, '')}) [${cue.replace(/[[\]]/g, '')}].\n\n` +
      `PARK: Thanks ${said.join(' ')}.\n\nSALEH: Yes.\n\n(SOUNDBITE OF MUSIC) Transcript provided by KBRT.\n\n` +
      `Nina Park is the host ${bio.join(' ')}.\nOmar Saleh ${bio.join(' ')} reports.\n`,
  );

describe('hovers escape what they take from the document', () => {
  const uri = 'file:///security/hover.transcript';

  function hoversOf(text: string): string[] {
    const svc = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
    const d = { uri, version: 1, getText: () => text };
    const out: string[] = [];
    const lines = text.split('\n');
    lines.forEach((line, n) => {
      // Every word start (labels, mentions, names, cues) and the line's end.
      const cols = new Set<number>([0, line.length]);
      for (const m of line.matchAll(/[\p{L}([]/gu)) cols.add(m.index!);
      for (const character of cols) {
        const h = svc.getHover(d, { line: n, character }, defaultSettings);
        if (h && typeof h.contents === 'object' && 'value' in h.contents) out.push(h.contents.value);
      }
    });
    return out;
  }

  test('no link, image, HTML or command from the document in any hover (CommonMark)', (t) => {
    t.diagnostic(describeRuns());
    fc.assert(
      fc.property(markdownTranscript, (text) => {
        const hovers = hoversOf(text);
        assert.ok(hovers.length > 0, 'some hovers');
        for (const value of hovers) assertSafe(md.render(value), uri, `hover ${JSON.stringify(value.slice(0, 200))}`);
      }),
      runs(15),
    );
  });

  test(
    'no link from the document with GitHub-style autolinks either (VS Code renders hovers with them)',
    (t) => {
      t.diagnostic(describeRuns());
      fc.assert(
        fc.property(markdownTranscript, (text) => {
          for (const value of hoversOf(text)) assertSafe(gfm.render(value), uri, `hover ${JSON.stringify(value.slice(0, 200))}`);
        }),
        runs(15),
      );
    },
  );

  test('a cue with backticks and a label with Markdown in its role render as text', () => {
    const text = 'Title\n\nNINA PARK, HOST [x](y) <img src=x> **b**: Hi (`rm -rf` [x](command:y)).\n\nPARK: More.\n';
    const svc = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
    const d = { uri, version: 1, getText: () => text };
    const speaker = svc.getHover(d, { line: 2, character: 2 }, defaultSettings);
    const cue = svc.getHover(d, { line: 2, character: text.split('\n')[2].indexOf('(`') + 1 }, defaultSettings);
    for (const h of [speaker, cue]) {
      assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents);
      assertSafe(md.render(h.contents.value), uri, h.contents.value);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Webviews

describe('webviews', () => {
  const clientSources = SOURCES.filter((f) => f.includes(join('client', 'src')));
  const webviewFiles = clientSources.filter((f) => /createWebviewPanel|registerWebviewViewProvider|registerCustomEditorProvider/.test(readFileSync(f, 'utf8')));

  test('every webview page declares a strict Content-Security-Policy: default-src none, scripts by nonce, nothing remote', (t) => {
    // The Statistics view is one: a search that finds none has lost track of them.
    assert.ok(webviewFiles.length > 0, 'no webview found in client/src');
    t.diagnostic(`webviews in ${webviewFiles.map(rel).join(', ')}`);
    const pages = clientSources.filter((f) => /<meta http-equiv="Content-Security-Policy"/.test(readFileSync(f, 'utf8')));
    assert.ok(pages.length > 0, 'a webview without any Content-Security-Policy meta tag');
    for (const f of pages) {
      const code = readFileSync(f, 'utf8');
      assert.match(code, /default-src 'none'/, `${rel(f)}: default-src 'none'`);
      assert.match(code, /script-src 'nonce-/, `${rel(f)}: scripts by nonce`);
      assert.doesNotMatch(code, /'unsafe-eval'|script-src[^;'"`]*'unsafe-inline'|(?:src|href)=["']https?:/, `${rel(f)}: unsafe-eval, inline scripts or a remote resource`);
    }
    for (const f of webviewFiles) {
      const code = readFileSync(f, 'utf8');
      assert.doesNotMatch(code, /enableCommandUris:\s*true/, `${rel(f)}: command URIs in a webview`);
      assert.match(code, /localResourceRoots:\s*\[/, `${rel(f)}: localResourceRoots not restricted`);
    }
  });

  test('the Statistics page escapes every string from the document', () => {
    const svc = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
    const full = statisticsPage({ nonce: 'n0nce', cspSource: 'vscode-resource:' });
    const csp = /Content-Security-Policy" content="([^"]*)"/.exec(full)?.[1].replace(/&#39;/g, "'") ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-n0nce'/);
    assert.doesNotMatch(csp, /https?:|\*|'unsafe/);
    const text =
      'Title <script>alert(1)</script>\n\nNINA PARK, HOST <img src=x onerror=alert(1)>: Hi "quoted" & \'single\' <b>bold</b>.\n\n' +
      "OMAR SALEH, BYLINE: Saleh <iframe src=//evil>.\n\nPARK: Yes.\n\nSALEH: </main><script>x()</script>\n";
    const data = svc.getStatistics({ uri: 'file:///s.transcript', version: 1, getText: () => text }, defaultSettings, 1_000);
    const body = statisticsBody(data, 'a<b>"c\'.transcript');
    assert.doesNotMatch(body, /<(?:script|img|iframe|b)\b/i, 'markup from the document in the page');
    assert.doesNotMatch(body, /onerror=alert\(1\)>/);
    // …and it is there, escaped: the page shows what it took from the document.
    assert.match(body, /&lt;img src=x onerror=alert\(1\)/);
    assert.match(body, /&lt;script/);
  });
});
