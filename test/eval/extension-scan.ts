/**
 * The corpus through the built extension, directly: headless Chromium with the extension (the e2e
 * harness), each page served under its canonical host (every host name resolves to the local
 * fixture server), and the PageResult the content script itself reported to the background.
 *
 * The inspector runs by itself only on marketplace hosts; elsewhere a reviewer asks for it ("Inspect
 * this page", which grants activeTab), and headless Chromium cannot click. So the evaluation runs a
 * copy of the built extension whose manifest also declares the content script for every host: the
 * same inspector.js, the same background, only injected without the click. This is the reviewer's
 * path; the evaluation uses it when the CLI's `scan --browser` is not built.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PageResult } from '../../core/findings.ts';
import { CHROME_BUILD, OUTPUT_DIR, launchChromium, startFixtureServer, tabState, waitForReport } from '../e2e/harness.ts';
import type { ExtensionBrowser } from '../e2e/harness.ts';
import type { ScanOutput } from './scanner.ts';

/** The report is throttled (200 ms); content that pages add right after load needs a moment more. */
const SETTLE_MS = 700;

/** The built extension with the content script declared for every host (see above). */
export function everywhereBuild(): string {
  const dir = join(OUTPUT_DIR, 'eval/extension-everywhere');
  rmSync(dir, { recursive: true, force: true });
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    content_scripts?: Array<{ matches: string[] }>;
    host_permissions?: string[];
  };
  const script = manifest.content_scripts?.[0];
  if (!script) throw new Error('the Chrome build declares no content script');
  script.matches = ['http://*/*', 'https://*/*'];
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://*/*', 'https://*/*'];
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return dir;
}

async function scanOne(b: ExtensionBrowser, url: string): Promise<PageResult> {
  const page = await b.newPage(url);
  try {
    const tabId = await b.tabIdOf(page);
    await waitForReport(b, tabId, () => true, 60_000);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const report = (await tabState(b, tabId)).report;
    if (!report) throw new Error('the report went away');
    return PageResult.parse(report.result);
  } finally {
    await page.close();
  }
}

/** Scans `files` (names under `dir`), each at the host of its canonical URL. */
export async function scanWithExtension(dir: string, pages: ReadonlyArray<{ file: string; url: string }>): Promise<ScanOutput> {
  const started = performance.now();
  const server = await startFixtureServer({ root: dir });
  const b = await launchChromium(server, { extensionDir: everywhereBuild() });
  const results: PageResult[] = [];
  const errors: string[] = [];
  try {
    for (const { file, url } of pages) {
      const served = server.url(file, new URL(url).hostname);
      try {
        results.push(await scanOne(b, served));
      } catch (error) {
        errors.push(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
  } finally {
    await b.close();
    await server.close();
  }
  return { results, errors, seconds: (performance.now() - started) / 1000 };
}
