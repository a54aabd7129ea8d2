// `npm run screenshot`: renders the Statistics view, exactly as the webview gets it (the page
// from client/src/statisticsHtml.ts, the data from the language service's statistics request),
// in headless Chromium (Debian's `chromium`, driven by playwright-core), in VS Code's dark,
// light and high-contrast colours, to docs/images/statistics-*.png. On the way it checks what a
// person would: no Content-Security-Policy violation, keyboard focus reaches the charts and
// moves with the arrow keys, Enter and a click ask the editor to reveal the turn.
//
//   node --import tsx scripts/screenshot-statistics.mjs [FILE.transcript] [--out DIR] [--check-only]

import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { createLanguageService } = await import(pathToFileURL(path.join(root, 'server/src/languageService.ts')).href);
const { defaultSettings } = await import(pathToFileURL(path.join(root, 'server/src/settings.ts')).href);
const html = await import(pathToFileURL(path.join(root, 'client/src/statisticsHtml.ts')).href);

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** VS Code's own colours for the variables the view uses (Dark Modern, Light Modern, Dark High Contrast). */
export const THEMES = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'editor-background': '#1f1f1f', foreground: '#cccccc', descriptionForeground: '#9d9d9d', 'editorWidget-background': '#202020',
      'panel-border': '#2b2b2b', focusBorder: '#0078d4', 'list-hoverBackground': '#2a2d2e', 'charts-foreground': '#cccccc',
      'charts-lines': 'rgba(204, 204, 204, 0.5)', 'charts-blue': '#3794ff', 'charts-red': '#f14c4c', 'charts-green': '#89d185',
      'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-purple': '#b180d7',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'editor-background': '#ffffff', foreground: '#3b3b3b', descriptionForeground: '#717171', 'editorWidget-background': '#f8f8f8',
      'panel-border': '#e5e5e5', focusBorder: '#005fb8', 'list-hoverBackground': '#f2f2f2', 'charts-foreground': '#616161',
      'charts-lines': 'rgba(97, 97, 97, 0.5)', 'charts-blue': '#1a85ff', 'charts-red': '#e51400', 'charts-green': '#388a34',
      'charts-yellow': '#bf8803', 'charts-orange': '#d18616', 'charts-purple': '#652d90',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      'editor-background': '#000000', foreground: '#ffffff', descriptionForeground: '#ffffff', 'editorWidget-background': '#0c141f',
      contrastBorder: '#6fc3df', focusBorder: '#f38518', 'list-hoverBackground': 'transparent', 'charts-foreground': '#ffffff',
      'charts-lines': 'rgba(255, 255, 255, 0.5)', 'charts-blue': '#3794ff', 'charts-red': '#f14c4c', 'charts-green': '#89d185',
      'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-purple': '#b180d7',
    },
  },
};

const FONT = `--vscode-font-family: "DejaVu Sans", "Liberation Sans", system-ui, sans-serif; --vscode-font-size: 13px;`;

/** The statistics the server would send for a file (entities counted to the end). */
export function statisticsFor(file) {
  const service = createLanguageService({ workspace: { findFiles: async () => [], readFile: async () => undefined } });
  const text = readFileSync(file, 'utf8');
  const doc = { uri: pathToFileURL(path.resolve(file)).href, version: 1, getText: () => text };
  return service.getStatistics(doc, defaultSettings, Infinity);
}

/** The webview page for the data in a theme, its content rendered in (as `update` would). */
export function pageFor(data, theme, fileName) {
  const t = THEMES[theme];
  const vars = Object.entries(t.vars).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  return html.statisticsPage({
    nonce: html.makeNonce(),
    cspSource: "'self'",
    body: html.statisticsBody(data, fileName),
    bodyClass: t.bodyClass,
    extraStyle: `:root { ${vars} ${FONT} }`,
  });
}

/**
 * Opens the page in Chromium with a stand-in for the webview API (acquireVsCodeApi records what
 * the page posts), and returns the browser, page and a list of problems seen.
 */
export async function openPage(pageHtml, { width = 900, height = 600 } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'transcript-shot-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Anything the page tries to load from outside is a bug: the CSP should stop it, and so do we.
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (problems.push(`request: ${route.request().url()}`), route.abort())));
  await page.addInitScript(() => {
    window.__posted = [];
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'transcript-page-'));
  const file = path.join(dir, 'statistics.html');
  writeFileSync(file, pageHtml);
  await page.goto(pathToFileURL(file).href);
  const close = async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { browser, page, problems, close };
}

/** Tab into the charts, move with the arrows, reveal with Enter and a click; returns what happened. */
export async function keyboardWalk(page) {
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el ? { cls: el.getAttribute('class'), label: el.getAttribute('aria-label'), reveal: el.getAttribute('data-reveal'), row: el.getAttribute('data-row') } : null;
  });
  const steps = {};
  await page.keyboard.press('Tab');
  steps.firstTab = await focused();
  await page.keyboard.press('ArrowDown');
  steps.secondBar = await focused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  steps.timeline = await focused();
  await page.keyboard.press('ArrowRight');
  steps.nextTurn = await focused();
  await page.keyboard.press('ArrowDown');
  steps.rowBelow = await focused();
  await page.keyboard.press(' ');
  steps.posted = await page.evaluate(() => window.__posted);
  await page.click('.seg[data-turn="0"]');
  steps.afterClick = await page.evaluate(() => window.__posted[window.__posted.length - 1]);
  return steps;
}

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, 'docs', 'images');
  const checkOnly = args.includes('--check-only');
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out') ?? path.join(root, 'examples', 'harbour-strike.transcript');
  const data = statisticsFor(file);
  mkdirSync(outDir, { recursive: true });
  let failed = false;
  for (const theme of Object.keys(THEMES)) {
    const { page, problems, close } = await openPage(pageFor(data, theme, path.basename(file)));
    try {
      if (theme === 'dark') {
        const steps = await keyboardWalk(page);
        const ok =
          steps.firstTab?.cls?.includes('bar') &&
          steps.secondBar?.label?.startsWith(data.speakers[1]?.name ?? '') &&
          steps.timeline?.cls === 'seg' &&
          steps.nextTurn?.cls === 'seg' &&
          steps.rowBelow?.row === '1' &&
          steps.posted.filter((m) => m.type === 'reveal').length === 2 &&
          steps.afterClick?.type === 'reveal';
        console.log(`keyboard: ${ok ? 'ok' : 'FAILED'} ${JSON.stringify(steps)}`);
        if (!ok) failed = true;
        // Leave the focus ring on a turn for the picture.
        await page.mouse.move(0, 0);
        await page.focus('.seg[data-turn="3"]');
      }
      if (!checkOnly) {
        const out = path.join(outDir, `statistics-${theme}.png`);
        await page.screenshot({ path: out, fullPage: true });
        console.log(`wrote ${path.relative(root, out)}`);
      }
      if (problems.length) {
        console.error(`${theme}: ${problems.join('\n')}`);
        failed = true;
      }
    } finally {
      await close();
    }
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
