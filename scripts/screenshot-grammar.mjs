// Renders a transcript with our TextMate grammar (syntaxes/transcript.tmLanguage.json, found
// through package.json like VS Code finds it) in VS Code's Dark+ and Light+ themes, with shiki,
// to HTML, and then to PNG with headless Chromium: docs/images/grammar-dark.png and
// docs/images/grammar-light.png. Only the grammar colours: semantic tokens (known and unknown
// speakers, mentions) come from the language server and are not in these pictures.
//
//   node scripts/screenshot-grammar.mjs [fixture.transcript] [--out docs/images] [--keep-html]
//
// Needs Chromium: /usr/bin/chromium (Debian: `apt-get install -y chromium`) or $CHROMIUM.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHighlighter } from 'shiki';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const outDir = resolve(root, option('--out', 'docs/images'));
const keepHtml = args.includes('--keep-html');
const fixture = resolve(root, args.find((a) => !a.startsWith('--')) ?? 'examples/harbour-strike.transcript');

const WIDTH = 1100;
const THEMES = [
  { theme: 'dark-plus', name: 'Dark+', file: 'grammar-dark.png' },
  { theme: 'light-plus', name: 'Light+', file: 'grammar-light.png' },
];

function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    console.error('Chromium not found: install it (Debian: `apt-get install -y chromium`, as root) or set CHROMIUM to its path.');
    process.exit(1);
  }
  return found;
}

/** The grammar as package.json contributes it for the `transcript` language. */
function loadGrammar() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const contribution = manifest.contributes.grammars.find((g) => g.language === 'transcript');
  const grammar = JSON.parse(readFileSync(join(root, contribution.path), 'utf8'));
  return { ...grammar, name: 'transcript', scopeName: contribution.scopeName };
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function page(code, { name, fg, bg }, title) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
  html, body { margin: 0; background: ${bg}; }
  body { width: ${WIDTH}px; font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 14px; line-height: 20px; }
  header { padding: 8px 16px; color: ${fg}; opacity: 0.7; font-family: 'DejaVu Sans', sans-serif; font-size: 13px; border-bottom: 1px solid ${fg}33; }
  pre.shiki { margin: 0; padding: 12px 16px 16px 0; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; }
  pre.shiki code { counter-reset: line; }
  pre.shiki .line { display: block; position: relative; min-height: 20px; padding-left: 64px; }
  pre.shiki .line::before { counter-increment: line; content: counter(line); position: absolute; left: 0; width: 44px; text-align: right; color: ${fg}; opacity: 0.45; }
</style></head>
<body><header>${escapeHtml(title)} · ${name} · TextMate grammar only</header>
${code}
<script>document.body.dataset.height = String(Math.ceil(document.documentElement.scrollHeight));</script>
</body></html>
`;
}

function chromium(exe, userDataDir, extra) {
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${userDataDir}`,
    ...extra,
  ];
  const r = spawnSync(exe, flags, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`chromium ${extra.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return r.stdout;
}

const exe = chromiumPath();
const text = readFileSync(fixture, 'utf8');
const highlighter = await createHighlighter({ themes: THEMES.map((t) => t.theme), langs: [loadGrammar()] });
const work = mkdtempSync(join(tmpdir(), 'transcript-screenshot-'));
mkdirSync(outDir, { recursive: true });
try {
  for (const t of THEMES) {
    const theme = highlighter.getTheme(t.theme);
    // shiki puts a newline between its line elements: with white-space: pre-wrap (for long lines)
    // that would show as a blank line after each one.
    const code = highlighter
      .codeToHtml(text.replace(/\r\n?/g, '\n').replace(/\n$/, ''), { lang: 'transcript', theme: t.theme })
      .replace(/<\/span>\n<span class="line">/g, '</span><span class="line">');
    const html = page(code, { name: t.name, fg: theme.fg, bg: theme.bg }, basename(fixture));
    const htmlPath = join(work, `${t.theme}.html`);
    writeFileSync(htmlPath, html);
    if (keepHtml) writeFileSync(join(outDir, t.file.replace(/\.png$/, '.html')), html);
    const url = pathToFileURL(htmlPath).href;
    // First the height the page needs at this width, then a screenshot of exactly that.
    const dom = chromium(exe, join(work, 'profile-dom'), ['--dump-dom', `--window-size=${WIDTH},800`, url]);
    const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
    if (!(height > 0)) throw new Error('could not measure the page height');
    const png = join(outDir, t.file);
    chromium(exe, join(work, 'profile-shot'), [`--screenshot=${png}`, `--window-size=${WIDTH},${height}`, url]);
    console.log(`${t.name}: ${png} (${WIDTH}×${height})`);
  }
} finally {
  highlighter.dispose();
  rmSync(work, { recursive: true, force: true });
}
