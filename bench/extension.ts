/**
 * The real content script, measured (issue #7): the built extension in headless Chromium (the
 * e2e harness), generated pages served under a marketplace host so the inspector runs on its own
 * as it does for a reviewer. It reports its own scan time (from start to painted) and longest
 * slice; the page-world long-task probe sees every task; a CDP CPU profile gives the content
 * script's own main-thread time for a full scan and for the rescan after 100 cards are appended.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { CHROME_BUILD, LONG_TASK_PROBE, launchChromium, readLongTasks, startFixtureServer, tabState, waitForReport } from '../test/e2e/harness.ts';
import type { ExtensionBrowser, TestPage } from '../test/e2e/harness.ts';
import { median, type Timed } from './node.ts';
import { card } from './pages.ts';
import { ROOT } from './paths.ts';

const PAGES_DIR = join(ROOT, 'test/output/bench/pages');
/** A marketplace host from the default list: the content script runs there without a click. */
const HOST = 'www.amazon.com';

export interface ContentScriptPage {
  name: string;
  textNodes: number;
  chars: number;
  /** The inspector's own figure: wall time of the full scan, start to painted. */
  scanMs: number;
  longestSliceMs: number;
  longestSlicePhase: string;
  /** Longest main-thread task the page saw (PerformanceObserver long tasks; 0 = none over 50 ms). */
  longestTaskMs: number;
  /** All main-thread work from navigation to the report: page load included (CDP TaskDuration). */
  taskMs: number;
  treeWalker: Timed;
  findings: number;
}

export interface ContentScriptIncremental {
  cards: number;
  /** Content-script CPU (CDP profile) for the rescan the appended cards caused. */
  incrementalCpuMs: number;
  /** Content-script CPU for a full scan of the same page. */
  fullCpuMs: number;
  ratio: number;
}

/** Whether the built extension carries the content script (npm run build first). */
export function contentScriptBuilt(): string | null {
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) return 'no Chrome build (.output/chrome-mv3): run npm run build';
  if (!existsSync(join(CHROME_BUILD, 'inspector.js'))) return 'the build has no content script (inspector.js)';
  return null;
}

/** Cumulative main-thread seconds of every task (CDP TaskDuration). */
async function mainThread(page: TestPage): Promise<{ read: () => Promise<{ task: number }> }> {
  const raw = page.raw as PwPage;
  const cdp = await raw.context().newCDPSession(raw);
  await cdp.send('Performance.enable');
  return {
    async read() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { task: value('TaskDuration') };
    },
  };
}

const ms = (seconds: number) => Math.round(seconds * 1000 * 10) / 10;

function treeWalkerRead(): { ms: number; textNodes: number; chars: number } {
  const started = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes += 1;
    chars += (node as Text).data.length;
  }
  return { ms: performance.now() - started, textNodes, chars };
}

async function measureOne(b: ExtensionBrowser, url: string, name: string, runs: number): Promise<{ page: TestPage; tabId: number; result: ContentScriptPage }> {
  const page = await b.newPage();
  const script = await mainThread(page);
  const before = await script.read();
  await page.goto(url);
  const tabId = await b.tabIdOf(page);
  const state = await waitForReport(b, tabId, (r) => r.stats.scanMs > 0, 300_000);
  const after = await script.read();
  const report = state.report;
  if (!report) throw new Error(`no report for ${name}`);
  const walks: number[] = [];
  let textNodes = 0;
  let chars = 0;
  for (let i = 0; i < runs + 1; i++) {
    const r = await page.evaluate(treeWalkerRead);
    if (i > 0) walks.push(r.ms);
    textNodes = r.textNodes;
    chars = r.chars;
  }
  const longTasks = await readLongTasks(page);
  return {
    page,
    tabId,
    result: {
      name,
      textNodes,
      chars,
      scanMs: report.stats.scanMs,
      longestSliceMs: report.stats.longestSliceMs,
      longestSlicePhase: (report.stats as { longestSlicePhase?: string }).longestSlicePhase ?? '',
      longestTaskMs: longTasks.longestTask,
      taskMs: ms(after.task - before.task),
      treeWalker: { runs: walks.map((w) => Math.round(w * 100) / 100), median: median(walks) },
      findings: report.findings.length + report.truncated,
    },
  };
}

/**
 * CPU time the extension's own code held the page's main thread, from a CDP CPU profile: every
 * sample whose stack has a chrome-extension:// frame (the content script and the native calls it
 * makes, such as getComputedStyle). Page load, parsing and the page's own scripts are left out.
 */
async function profileExtension<T>(page: TestPage, work: () => Promise<T>): Promise<{ cpuMs: number; result: T }> {
  const raw = page.raw as PwPage;
  const cdp = await raw.context().newCDPSession(raw);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const value = Boolean(node?.callFrame.url.startsWith('chrome-extension://')) || (up !== undefined && isOurs(up));
    ours.set(id, value);
    return value;
  };
  let micros = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (isOurs(id)) micros += profile.timeDeltas?.[i] ?? 0;
  });
  return { cpuMs: Math.round(micros / 100) / 10, result };
}

/**
 * The incremental cost: content-script CPU for the rescan that 100 appended cards cause, against
 * its CPU for a full scan of the same page (forced by a hash change, which the inspector treats as
 * a new listing).
 */
async function measureIncremental(b: ExtensionBrowser, page: TestPage, tabId: number, cards: number): Promise<ContentScriptIncremental> {
  const scanned = (await tabState(b, tabId)).report?.stats;
  const full = await profileExtension(page, async () => {
    await page.evaluate(() => {
      location.hash = 'bench-rescan';
    });
    await waitForReport(b, tabId, (r) => r.url.endsWith('#bench-rescan') && r.stats.scanMs > 0 && r.stats.scanMs !== scanned?.scanMs, 300_000);
  });
  const rescans = (await tabState(b, tabId)).report?.stats.rescans ?? 0;
  const html = Array.from({ length: cards }, (_, k) => card(200_000 + k, { terms: ['oxycodone', 'fentanyl'], every: 10 })).join('');
  const incremental = await profileExtension(page, async () => {
    await page.evaluate((markup: string) => {
      const container = document.createElement('div');
      const parsed = new DOMParser().parseFromString(`<div>${markup}</div>`, 'text/html');
      for (const child of [...(parsed.body.firstElementChild?.childNodes ?? [])]) container.append(document.adoptNode(child));
      (document.querySelector('main') ?? document.body).append(container);
    }, html);
    await waitForReport(b, tabId, (r) => r.stats.rescans > rescans, 120_000);
  });
  return {
    cards,
    incrementalCpuMs: incremental.cpuMs,
    fullCpuMs: full.cpuMs,
    ratio: full.cpuMs > 0 ? Math.round((incremental.cpuMs / full.cpuMs) * 10_000) / 10_000 : NaN,
  };
}

export async function measureContentScript(pages: Array<{ name: string; html: string }>, runs: number): Promise<{ pages: ContentScriptPage[]; incremental: ContentScriptIncremental | null }> {
  mkdirSync(PAGES_DIR, { recursive: true });
  for (const p of pages) writeFileSync(join(PAGES_DIR, `${p.name}.html`), p.html);
  const server = await startFixtureServer({ root: PAGES_DIR });
  const b = await launchChromium(server, { initScript: LONG_TASK_PROBE });
  try {
    const results: ContentScriptPage[] = [];
    let incremental: ContentScriptIncremental | null = null;
    for (const p of pages) {
      const { page, tabId, result } = await measureOne(b, server.url(`${p.name}.html`, HOST), p.name, runs);
      results.push(result);
      if (p.name === 'huge') incremental = await measureIncremental(b, page, tabId, 100);
      await page.close();
    }
    return { pages: results, incremental };
  } finally {
    await b.close();
    await server.close();
  }
}
