/**
 * Highlights on a marketplace listing, in both browsers: what is painted and where, what
 * is listed but not painted (hidden text, attributes, structured data), the badge, the
 * toggle, and what a page script can observe of it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  BROWSERS,
  countPixels,
  readHighlights,
  startFixtureServer,
  tabState,
  waitForReport,
} from './harness.ts';
import type { ExtensionBrowser, FixtureServer, TestPage } from './harness.ts';

/** #d93025 at 30 % (alpha 0x4d) over white, as painted for high-severity highlights by default. */
const HIGH_ON_WHITE: [number, number, number] = [244, 192, 189];

/** Records every mutation a page script could see, from before any other script runs. */
const PAGE_WATCH = `(() => {
  const seen = [];
  Object.defineProperty(window, '__pageSaw', { value: seen });
  // From DOMContentLoaded (the parser's own insertions are done; the inspector starts later, at document_idle).
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) seen.push(r.type + ':' + (r.target.nodeName || '') + ':' + (r.attributeName || '') + ':' + Array.from(r.addedNodes).map((n) => n.nodeName).join(','));
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();`;

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('highlights in $kind', ({ kind, launch }) => {
  let b: ExtensionBrowser;
  let page: TestPage;
  let tabId: number;
  beforeAll(async () => {
    b = await launch(server, { initScript: PAGE_WATCH });
    page = await b.newPage(server.url('inpage/amazon-en.html'));
    tabId = await b.tabIdOf(page);
    // The late review arrives 800 ms after load: wait until it is in the report.
    await waitForReport(b, tabId, (r) => r.findings.some((f) => f.element.includes('late-review')));
  });
  afterAll(async () => {
    await b?.close();
  });

  it('paints visible matches where they stand, split words and leetspeak included', async () => {
    const highlights = await readHighlights(page);
    const painted = highlights.flatMap((h) => h.ranges.map((r) => ({ ...r, frame: h.frame, name: h.name })));
    const texts = painted.filter((r) => r.frame === 0).map((r) => r.text);
    expect(texts).toContain('Oxycodone');
    // <b>oxy</b>codone is one word painted as two ranges, one per text node.
    expect(texts).toEqual(expect.arrayContaining(['oxy', 'codone']));
    expect(texts).toContain('0xyc0d0ne');
    expect(texts).toContain('xanax'); // arrived after load
    // Each painted range sits on its text: the title's range is inside the title element.
    const title = await page.evaluate(() => {
      const r = document.getElementById('productTitle')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const oxy = painted.find((r) => r.text === 'Oxycodone')!;
    expect(oxy.rect.x).toBeGreaterThanOrEqual(title.x - 1);
    expect(oxy.rect.y).toBeGreaterThanOrEqual(title.y - 1);
    expect(oxy.rect.y + oxy.rect.height).toBeLessThanOrEqual(title.y + title.height + 1);
    expect(oxy.rect.width).toBeGreaterThan(50);
    // The srcdoc iframe's text is painted in the iframe's own registry.
    expect(painted.some((r) => r.frame === 1 && r.text === 'oxycodone')).toBe(true);
    // Hidden text is never painted (it is listed instead).
    expect(texts).not.toContain('tramadol');
    expect(painted.filter((r) => r.text === 'fentanyl').length).toBeLessThanOrEqual(1); // the shadow-DOM one only
  });

  it('uses highlight names a page cannot guess, different on every load', async () => {
    const first = (await readHighlights(page)).map((h) => h.name);
    expect(first.length).toBeGreaterThanOrEqual(4);
    for (const name of first) expect(name).toMatch(/^h[a-z0-9]{24}$/);
    const other = await b.newPage(server.url('inpage/quiet.html', 'www.ebay.com'));
    await other.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
    const second = (await readHighlights(other)).map((h) => h.name);
    expect(second.some((n) => first.includes(n))).toBe(false);
    await other.close();
  });

  it('lists what is not painted with its element and why it is hidden', async () => {
    const { report } = await tabState(b, tabId);
    const findings = report!.findings;
    const where = (w: string) => findings.filter((f) => f.finding.where === w);
    expect(where('hidden').map((f) => f.detail)).toEqual(expect.arrayContaining([expect.stringContaining('display: none')]));
    expect(where('hidden').some((f) => f.detail.includes('coloured like its background') || f.element.includes('ghost'))).toBe(true);
    expect(where('attribute').some((f) => f.element === 'img#landingImage[alt]')).toBe(true);
    expect(where('structured-data').some((f) => f.detail.startsWith('JSON-LD'))).toBe(true);
    expect(where('shadow-dom').some((f) => f.painted)).toBe(true);
    expect(where('iframe').some((f) => f.painted)).toBe(true);
    for (const f of [...where('hidden'), ...where('attribute'), ...where('structured-data')]) expect(f.painted).toBe(false);
  });

  it('shows the count on the toolbar badge', async () => {
    const { report } = await tabState(b, tabId);
    const count = report!.findings.length + report!.truncated;
    expect(count).toBeGreaterThanOrEqual(8);
    expect(await badgeText(b, tabId)).toBe(String(count));
  });

  it('paints highlight colours on screen, and removes them when toggled off', async () => {
    await page.bringToFront();
    const on = await page.screenshot('listing-highlighted');
    const coloured = await countPixels(b, on, HIGH_ON_WHITE);
    expect(coloured).toBeGreaterThan(300);
    await b.extension((api, id: number) => api.tabs.sendMessage(id, { kind: 'inpage/highlights', on: false }, { frameId: 0 }), tabId);
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size === 0);
    await page.bringToFront();
    const off = await page.screenshot('listing-highlights-off');
    expect(await countPixels(b, off, HIGH_ON_WHITE)).toBeLessThan(coloured / 20);
    await b.extension((api, id: number) => api.tabs.sendMessage(id, { kind: 'inpage/highlights', on: true }, { frameId: 0 }), tabId);
    await page.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
    const state = await waitForReport(b, tabId, (r) => r.highlightsOn);
    expect(state.report!.painter).toBe('highlight-api');
  });

  it('adds nothing a page script can see in the DOM of a page without scripts', async () => {
    const quiet = await b.newPage(server.url('inpage/quiet.html', 'www.ebay.com'));
    const quietTab = await b.tabIdOf(quiet);
    await waitForReport(b, quietTab, (r) => r.findings.length >= 3);
    await new Promise((r) => setTimeout(r, 500));
    const seen = await quiet.evaluate(() => ({
      mutations: (window as unknown as { __pageSaw: string[] }).__pageSaw,
      adopted: document.adoptedStyleSheets.length,
      sheets: document.styleSheets.length,
      attributes: Array.from(document.querySelectorAll('*')).flatMap((el) => el.getAttributeNames()).sort().join(','),
      highlights: (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size,
    }));
    expect(seen.mutations).toEqual([]);
    expect(seen.adopted).toBe(0);
    expect(seen.sheets).toBe(1); // the page's own <style>
    expect(seen.attributes).toBe('alt,charset,class,height,hidden,lang,src,width');
    // What a page CAN see: the highlight registry has entries (under random names).
    expect(seen.highlights).toBeGreaterThan(0);
    await quiet.close();
  });

  it(`reports a scan well under the long-task line (${kind})`, async () => {
    const { report } = await tabState(b, tabId);
    expect(report!.stats.longestSliceMs, `longest slice in ${report!.stats.longestSlicePhase}`).toBeLessThan(50);
    expect(report!.stats.blocks).toBeGreaterThan(5);
  });
});
