/**
 * Dynamic pages in both browsers: infinite scroll scanned incrementally, single-page
 * navigation rescanned, no double injection, Spanish and Chinese listings, and the scan
 * of a large page (about 15,000 text nodes, 1 million characters) with its longest task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, LONG_TASK_PROBE, panelRequest, readHighlights, readLongTasks, startFixtureServer, tabState, waitForReport } from './harness.ts';
import type { ExtensionBrowser, FixtureServer } from './harness.ts';

let server: FixtureServer;

/** A search page of 3,000 result cards, 5 text nodes each (15,000), about 1 million characters. */
function largePage(): string {
  const filler = 'Ergonomic memory-foam cushion with breathable cover, machine washable, fits most office chairs and car seats. ';
  const cards: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const title = i % 100 === 7 ? `Oxycodone 30mg tablets, lot ${i}` : `Seat cushion model ${i}`;
    cards.push(`<li class="s-item"><div class="s-item__title">${title}</div><span class="price">$${(i % 90) + 10}.99</span><p>${filler}${filler}${filler}</p><span class="ship">Free shipping</span><span class="seller">seller${i} (99.1%)</span></li>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cushion | eBay</title></head><body><h1>Results</h1><ul class="srp-results">${cards.join('')}</ul></body></html>`;
}

beforeAll(async () => {
  server = await startFixtureServer();
  server.alias('/marketplace/item/*', 'inpage/spa.html');
  const large = largePage();
  server.route('/inpage/large.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(large);
  });
});
afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('dynamic pages in $kind', ({ kind, launch }) => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launch(server, { initScript: LONG_TASK_PROBE });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('scans infinite-scroll results as they arrive, without rescanning the page', async () => {
    const page = await b.newPage(server.url('inpage/infinite-search.html', 'www.ebay.com'));
    const tabId = await b.tabIdOf(page);
    const oxy = (r: { findings: Array<{ finding: { term: string } }> }) => r.findings.filter((f) => f.finding.term === 'oxycodone').length;
    const first = await waitForReport(b, tabId, (r) => oxy(r) === 4);
    const blocks = first.report!.stats.blocks;
    await page.evaluate(() => (window as unknown as { loadMore(n: number): void }).loadMore(100));
    const after = await waitForReport(b, tabId, (r) => oxy(r) === 24);
    // New cards were scanned as subtrees: the full scan's numbers stand, rescans counted.
    expect(after.report!.stats.blocks).toBe(blocks);
    expect(after.report!.stats.rescans).toBeGreaterThanOrEqual(1);
    const painted = (await readHighlights(page)).flatMap((h) => h.ranges).filter((r) => r.text === 'Oxycodone');
    expect(painted.length).toBe(24);
    await page.close();
  });

  it('rescans on single-page navigation and forgets the previous listing', async () => {
    const page = await b.newPage(server.url('marketplace/item/1/', 'www.facebook.com'));
    const tabId = await b.tabIdOf(page);
    const clean = await waitForReport(b, tabId);
    expect(clean.report!.findings).toEqual([]);
    await page.evaluate(() => (window as unknown as { openItem(id: string): void }).openItem('2'));
    const second = await waitForReport(b, tabId, (r) => r.url.endsWith('/marketplace/item/2/') && r.findings.length >= 2);
    expect(second.report!.findings.map((f) => f.finding.term)).toEqual(expect.arrayContaining(['oxycodone', 'fentanyl']));
    expect(second.report!.result.verdict).toBe('violation');
    await page.evaluate(() => (window as unknown as { openItem(id: string): void }).openItem('3'));
    const third = await waitForReport(b, tabId, (r) => r.url.endsWith('/marketplace/item/3/'));
    await waitForReport(b, tabId, (r) => r.url.endsWith('/item/3/') && r.findings.length === 0);
    expect(third.report!.url).toContain('/item/3/');
    // No host permission on facebook.com: the style sheet falls back to the document's adopted sheets.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    await page.close();
  });

  it('runs once per page even when injected again on request', async () => {
    const page = await b.newPage(server.url('inpage/quiet.html', 'www.ebay.com'));
    const tabId = await b.tabIdOf(page);
    await waitForReport(b, tabId, (r) => r.findings.length >= 3);
    const names = (await readHighlights(page)).map((h) => h.name).sort();
    await panelRequest(b, { kind: 'panel/inspect', tabId });
    await new Promise((r) => setTimeout(r, 800));
    expect((await readHighlights(page)).map((h) => h.name).sort()).toEqual(names);
    await page.close();
  });

  it('reads Spanish and Chinese listings, hidden text included', async () => {
    const es = await b.newPage(server.url('inpage/mercadolibre-es.html', 'articulo.mercadolibre.com.mx'));
    const esTab = await b.tabIdOf(es);
    const esState = await waitForReport(b, esTab, (r) => r.findings.some((f) => f.finding.where === 'hidden'));
    const esTerms = esState.report!.findings.map((f) => `${f.finding.term}/${f.finding.where}`);
    expect(esTerms).toEqual(expect.arrayContaining(['oxycodone/visible', 'fentanyl/visible', 'oxycodone/hidden', 'fentanyl/hidden', 'alprazolam/visible']));
    expect(esState.report!.result.listing.marketplace).toBe('mercadolibre');
    // "Xan<i>ax</i>" is one word across two elements.
    const esPainted = (await readHighlights(es)).flatMap((h) => h.ranges.map((r) => r.text));
    expect(esPainted).toEqual(expect.arrayContaining(['Xan', 'ax']));
    await es.screenshot('listing-es');
    await es.close();

    const zh = await b.newPage(server.url('inpage/alibaba-zh.html', 'detail.1688.com'));
    const zhTab = await b.tabIdOf(zh);
    const zhState = await waitForReport(b, zhTab, (r) => r.findings.some((f) => f.finding.where === 'hidden'));
    const zhTerms = zhState.report!.findings.map((f) => `${f.finding.term}/${f.finding.where}`);
    expect(zhTerms).toEqual(expect.arrayContaining(['fentanyl/visible', 'oxycodone/visible', 'tramadol/hidden']));
    // "羟考</span>酮": split across elements, painted in two pieces.
    const zhPainted = (await readHighlights(zh)).flatMap((h) => h.ranges.map((r) => r.text));
    expect(zhPainted).toEqual(expect.arrayContaining(['羟考', '酮', '芬太尼']));
    await zh.screenshot('listing-zh');
    await zh.close();
  });

  it('scans a large page (15,000 text nodes, 1 million characters) without a long task', async () => {
    const page = await b.newPage(server.url('inpage/large.html', 'www.ebay.com'));
    const tabId = await b.tabIdOf(page);
    const state = await waitForReport(b, tabId, (r) => r.stats.chars > 1_000_000, 60_000);
    const { stats } = state.report!;
    const tasks = await readLongTasks(page);
    const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    console.log(`[${kind}] large page: ${stats.chars} chars, ${stats.blocks} blocks, scan ${stats.scanMs} ms, longest slice ${stats.longestSliceMs} ms (${stats.longestSlicePhase}), adapter ${stats.adapterMs} ms, scanner's longest slice ${stats.scannerSliceMs} ms; long tasks ${JSON.stringify(tasks.longTasks.map(Math.round))}, timer gaps ${JSON.stringify(tasks.gaps.map(Math.round))}, DOMContentLoaded at ${Math.round(loaded)} ms`);
    expect(state.report!.findings.filter((f) => f.finding.term === 'oxycodone').length).toBe(30);
    // The scanner's own slices (text map, engine round trips, painting) stay under the long-task line.
    // The site adapter reads the DOM in one synchronous pass (core/adapters): measured on its own;
    // on this 3,000-result page it took ~30 ms in Chromium and ~80 ms in Firefox (a known limit, see README).
    expect(stats.scannerSliceMs).toBeLessThan(50);
    expect(stats.adapterMs).toBeLessThan(kind === 'firefox' ? 150 : 60);
    const { report } = await tabState(b, tabId);
    expect(report!.findings.length).toBeGreaterThanOrEqual(30);
    await page.close();
  });
});
