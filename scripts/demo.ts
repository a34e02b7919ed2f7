/**
 * `npm start` after set-up and build: scans the bundled demo listings (demo/) with the
 * CLI and prints what it found, then opens them in Chromium with the extension loaded.
 * With a display, the browser stays open for you; without one (CI, a server), it runs
 * headless and saves screenshots of each highlighted page and its panel instead.
 *
 * The demo pages are served from 127.0.0.1 under marketplace host names, because the
 * content script runs by default on marketplace domains only (see wxt.config.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH, launchChromium, startFixtureServer, ROOT } from '../test/e2e/harness.ts';
import type { PageResult } from '../core/findings.ts';

const DEMO_DIR = path.join(ROOT, 'demo');
const HOSTS: Record<string, string> = {
  'en-classified-listing.html': 'www.craigslist.org',
  'es-mercado-listing.html': 'articulo.mercadolibre.com.co',
  'zh-b2b-chemical.html': 'www.alibaba.com',
  'en-licensed-pharmacy.html': 'www.etsy.com',
};

const pages = readdirSync(DEMO_DIR).filter((name) => name.endsWith('.html')).sort();

console.log('Static scan of the demo listings (npm run --silent cli -- scan --format json demo/*.html):\n');
const scan = spawnSync(process.execPath, ['cli/main.ts', 'scan', '--format', 'json', ...pages.map((p) => path.join('demo', p))], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (scan.status !== 0) {
  console.error(scan.stderr);
  process.exit(scan.status ?? 1);
}
const results = JSON.parse(scan.stdout) as PageResult[];
for (const result of results) {
  const credentials = result.credentials.map((c) => `${c.type} ${c.status}`).join(', ') || 'none';
  console.log(`${path.basename(result.source)}  →  ${result.verdict.toUpperCase()}`);
  console.log(`  listing: ${result.listing.title ?? '(no title)'} · ${result.listing.price?.text ?? 'no price'} · seller ${result.listing.seller?.name ?? 'unknown'}`);
  console.log(`  findings: ${result.findings.length} (${[...new Set(result.findings.map((f) => f.term))].slice(0, 8).join(', ')})`);
  console.log(`  credentials: ${credentials}${result.missingCredential ? ' · MISSING a required credential' : ''}\n`);
}

const headed = Boolean(process.env.DISPLAY) && process.env.CI !== 'true' && !process.argv.includes('--headless');
const server = await startFixtureServer({ root: DEMO_DIR });
try {
  if (headed) await openForPerson();
  else await takeScreenshots();
} finally {
  await server.close();
}

/** A visible browser with the demo pages in tabs; the script ends when the browser is closed. */
async function openForPerson(): Promise<void> {
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'li-demo-')), {
    executablePath: CHROMIUM_PATH,
    headless: false,
    ignoreHTTPSErrors: true,
    viewport: null,
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  for (const name of pages) {
    const page = context.pages()[0]?.url() === 'about:blank' ? context.pages()[0]! : await context.newPage();
    await page.goto(server.url(name, HOSTS[name] ?? 'shop.example'));
  }
  console.log('Chromium is open with the extension on the demo listings; close it to finish.');
  await new Promise((resolve) => context.on('close', resolve));
}

/** Headless: each demo page and its findings panel as screenshots under test/output/. */
async function takeScreenshots(): Promise<void> {
  const browser = await launchChromium(server);
  try {
    for (const name of pages) {
      const page = await browser.newPage(server.url(name, HOSTS[name] ?? 'shop.example'));
      const tabId = await browser.tabIdOf(page);
      // The badge shows once the extension has scanned the page.
      const badge = async () =>
        browser.extension(async (api, id: number) => (await api.action.getBadgeText({ tabId: id })) as string, tabId);
      for (const deadline = Date.now() + 20_000; (await badge()) === '' && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const base = `demo-${name.replace('.html', '')}`;
      const shot = await page.screenshot(base);
      const popup = await browser.openPopup(tabId);
      await new Promise((resolve) => setTimeout(resolve, 800));
      const panel = await popup.screenshot(`${base}-panel`);
      await popup.close();
      console.log(`screenshots: ${path.relative(ROOT, shot)}, ${path.relative(ROOT, panel)}`);
    }
  } finally {
    await browser.close();
  }
}
