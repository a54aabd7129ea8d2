// The manifest and the packaged file list: what a user installs from the .vsix.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('vsce packages exactly the bundles, grammar, language configuration and manifest', () => {
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const out = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const files = out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
  assert.deepEqual(files, [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/client.js',
    'dist/server.js',
    'dist/web/client.js',
    'dist/web/server.js',
    'docs/rules.md',
    'language-configuration.json',
    'package.json',
    'syntaxes/transcript.tmLanguage.json',
  ]);
  assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.endsWith('.ts') || f.endsWith('.map')));
});

test('the manifest contributes the transcript language, grammar and configuration', () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'transcript');
  assert.deepEqual(language.extensions, ['.transcript']);
  assert.equal(language.aliases[0], 'Transcript');
  assert.ok(existsSync(join(root, language.configuration)));
  const [grammar] = manifest.contributes.grammars;
  assert.deepEqual([grammar.language, grammar.scopeName], ['transcript', 'text.transcript']);
  const g = JSON.parse(readFileSync(join(root, grammar.path), 'utf8'));
  assert.equal(g.scopeName, 'text.transcript');
  assert.equal(manifest.contributes.configuration.properties['transcript.outline.groupBySpeaker'].default, false);
});

test('entry points exist after the build and the workspace capabilities are declared', () => {
  for (const entry of [manifest.main, manifest.browser, manifest.bin.transcript, 'dist/server.js', 'dist/web/server.js']) {
    assert.ok(existsSync(join(root, entry)), `${entry} is built`);
  }
  assert.equal(manifest.main, './dist/client.js');
  assert.equal(manifest.browser, './dist/web/client.js');
  assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  assert.match(manifest.engines.vscode, /^\^1\.\d+\.0$/);
});

test('the language configuration keeps names with apostrophes and hyphens as one word', () => {
  const conf = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));
  const re = new RegExp(conf.wordPattern.pattern, `g${conf.wordPattern.flags}`);
  assert.deepEqual('BETO O’ROURKE and Lula Garcia-Navarro, NÚÑEZ’s (ph)'.match(re), ['BETO', 'O’ROURKE', 'and', 'Lula', 'Garcia-Navarro', 'NÚÑEZ’s', 'ph']);
  assert.deepEqual(conf.brackets, [['(', ')'], ['[', ']']]);
  assert.ok(conf.autoClosingPairs.some((p: { open: string }) => p.open === '('));
  assert.ok(conf.autoClosingPairs.some((p: { open: string }) => p.open === '"'));
});
