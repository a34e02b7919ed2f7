/**
 * Browser-side benchmarks (issue #7), in headless Debian Chromium, same run, same pages:
 * the in-page scan-and-highlight pipeline against a bare TreeWalker read (the floor), against one
 * combined RegExp with CSS highlights, and against mark.js 8.11.1 with the same terms; the
 * incremental cost of 100 appended cards against a full rescan; the longest task during a scan.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Pack } from '../core/rules/schema.ts';
import { median, type Timed } from './node.ts';
import { card } from './pages.ts';
import { ROOT } from './paths.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Records the longest task the page sees (Chromium's long-task entries, 50 ms and up). */
const LONG_TASK_PROBE = `(() => {
  window.__liLongest = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__liLongest = Math.max(window.__liLongest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  } catch {}
})();`;

export async function bundleEntry(): Promise<string> {
  // Vite (already the build tool) bundles the in-page pipeline into one script for the page.
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(ROOT, 'bench/browser/entry.ts'), formats: ['iife'], name: 'ListingInspectorBench' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const first = outputs[0];
  const chunk = first && 'output' in first ? first.output[0] : undefined;
  if (!chunk || chunk.type !== 'chunk') throw new Error('bench bundle: no output');
  return chunk.code;
}

export interface BenchBrowser {
  page(html: string, options?: { markjs?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium plus a local server that hands out the generated pages by number. */
export async function openBrowser(): Promise<BenchBrowser> {
  const bundle = await bundleEntry();
  const markjs = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const html = pages.get(request.url ?? '');
    if (html === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(LONG_TASK_PROBE);
  let counter = 0;
  return {
    async page(html, options = {}) {
      const path = `/page-${counter++}.html`;
      pages.set(path, html);
      const page = await context.newPage();
      await page.goto(origin + path, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      if (options.markjs) await page.addScriptTag({ content: markjs });
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

type Bench = {
  compile(packs: Pack[]): { ms: number; terms: number };
  treeWalkerRead(): { ms: number; textNodes: number; chars: number };
  pipeline(sliceMs: number): Promise<{ ms: number; busyMs: number; mapMs: number; paintMs: number; matches: number; ranges: number; slices: number; maxSliceMs: number }>;
  incremental(cardsHtml: string, sliceMs: number): Promise<{ ms: number; busyMs: number; appendMs: number; matches: number }>;
  combinedRegex(terms: string[]): { ms: number; matches: number };
  markjs(terms: string[], selector: string): { ms: number; marks: number };
};
type Win = { __liBench: Bench; __liLongest: number };

const SLICE_MS = 8;

function timed(values: number[]): Timed {
  return { runs: values.map((v) => Math.round(v * 100) / 100), median: median(values) };
}

export interface PageBench {
  textNodes: number;
  chars: number;
  terms: number;
  compileMs: number;
  treeWalker: Timed;
  /** Wall time from start to painted highlights, yields included. */
  scan: Timed;
  /** Main-thread time the scan itself took (sum of its slices). */
  scanBusy: Timed;
  /** Of the busy time: building the text map (DOM walk, computed styles), and painting. */
  textMap: Timed;
  paint: Timed;
  matches: number;
  slices: number;
  maxSliceMs: number;
  longestTaskMs: number;
  regex: Timed;
  regexMatches: number;
}

/** Floor, pipeline and combined regex on one page with one set of packs. */
export async function measurePage(browser: BenchBrowser, html: string, packs: Pack[], terms: string[], runs: number): Promise<PageBench> {
  const page = await browser.page(html);
  try {
    const compile = await page.evaluate((p) => (window as unknown as Win).__liBench.compile(p), packs);
    const walks: number[] = [];
    let textNodes = 0;
    let chars = 0;
    for (let i = 0; i < runs + 1; i++) {
      const r = await page.evaluate(() => (window as unknown as Win).__liBench.treeWalkerRead());
      if (i > 0) walks.push(r.ms); // the first read warms caches; all contenders get a warm-up
      textNodes = r.textNodes;
      chars = r.chars;
    }
    await page.evaluate((s) => (window as unknown as Win).__liBench.pipeline(s), SLICE_MS);
    await page.evaluate(() => ((window as unknown as Win).__liLongest = 0));
    const scans: number[] = [];
    const busy: number[] = [];
    const mapping: number[] = [];
    const painting: number[] = [];
    let last = { matches: 0, slices: 0, maxSliceMs: 0 };
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate((s) => (window as unknown as Win).__liBench.pipeline(s), SLICE_MS);
      scans.push(r.ms);
      busy.push(r.busyMs);
      mapping.push(r.mapMs);
      painting.push(r.paintMs);
      last = { matches: r.matches, slices: r.slices, maxSliceMs: Math.max(last.maxSliceMs, r.maxSliceMs) };
    }
    const longestTaskMs = await page.evaluate(() => (window as unknown as Win).__liLongest);
    const regexes: number[] = [];
    let regexMatches = 0;
    for (let i = 0; i < runs + 1; i++) {
      const r = await page.evaluate((t) => (window as unknown as Win).__liBench.combinedRegex(t), terms);
      if (i > 0) regexes.push(r.ms);
      regexMatches = r.matches;
    }
    return {
      textNodes,
      chars,
      terms: compile.terms,
      compileMs: compile.ms,
      treeWalker: timed(walks),
      scan: timed(scans),
      scanBusy: timed(busy),
      textMap: timed(mapping),
      paint: timed(painting),
      matches: last.matches,
      slices: last.slices,
      maxSliceMs: last.maxSliceMs,
      longestTaskMs,
      regex: timed(regexes),
      regexMatches,
    };
  } finally {
    await page.close();
  }
}

export interface IncrementalBench {
  cards: number;
  incremental: Timed;
  /** The page's own cost of inserting the cards and recalculating style, paid with or without a scanner. */
  append: Timed;
  fullRescan: Timed;
}

/** Appends `cards` result cards to a scanned page and scans only them, against a full rescan. */
export async function measureIncremental(browser: BenchBrowser, html: string, packs: Pack[], terms: string[], cards: number, runs: number): Promise<IncrementalBench> {
  const incremental: number[] = [];
  const append: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.page(html);
    try {
      await page.evaluate((p) => (window as unknown as Win).__liBench.compile(p), packs);
      await page.evaluate((s) => (window as unknown as Win).__liBench.pipeline(s), SLICE_MS);
      const added = Array.from({ length: cards }, (_, k) => card(100_000 + i * cards + k, { terms, every: 10 })).join('');
      const inc = await page.evaluate(([h, s]) => (window as unknown as Win).__liBench.incremental(h, s), [added, SLICE_MS] as const);
      incremental.push(inc.ms);
      append.push(inc.appendMs);
      const rescan = await page.evaluate((s) => (window as unknown as Win).__liBench.pipeline(s), SLICE_MS);
      full.push(rescan.ms);
    } finally {
      await page.close();
    }
  }
  return { cards, incremental: timed(incremental), append: timed(append), fullRescan: timed(full) };
}

export interface MarkBench {
  terms: number;
  chars: number;
  markjs: Timed;
  marks: number;
}

/** mark.js with `terms` on a page; one run per fresh page (it rewrites the DOM). */
export async function measureMarkjs(browser: BenchBrowser, html: string, terms: string[], runs: number): Promise<MarkBench> {
  const times: number[] = [];
  let marks = 0;
  let chars = 0;
  for (let i = 0; i < runs; i++) {
    const page = await browser.page(html, { markjs: true });
    try {
      chars = (await page.evaluate(() => (window as unknown as Win).__liBench.treeWalkerRead())).chars;
      const r = await page.evaluate(([t, sel]) => (window as unknown as Win).__liBench.markjs(t, sel), [terms, 'body'] as const);
      times.push(r.ms);
      marks = r.marks;
    } finally {
      await page.close();
    }
  }
  return { terms: terms.length, chars, markjs: timed(times), marks };
}
