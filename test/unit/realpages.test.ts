/**
 * Listing facts on the real saved pages of ../shared/realpages (issue #10): title, price and
 * seller each right on at least 90% of the pages that show them, page type, and listing blocks
 * that leave out the site's menus and footers. Skips with a message where the folder is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractListing, type ListingExtraction } from '../../core/adapters/index.ts';
import { CHROME_SELECTOR, isChrome, isChromeElement } from '../../core/adapters/chrome.ts';
import { textOf } from '../../core/adapters/dom.ts';
import {
  decodeHtml, expectedAmount, expectedCurrency, expectedSeller, loadManifest, loadPage, locateRealPages, sellerMatches, titleMatches, type ManifestEntry,
} from './realpages-support.ts';

const dir = locateRealPages();

if (dir === null) {
  console.warn('realpages: ../shared/realpages not found (set REALPAGES_DIR): the real-page adapter tests are skipped.');
}

interface Row {
  entry: ManifestEntry;
  result: ListingExtraction;
  ms: number;
}

describe.runIf(dir !== null)('adapters on the real pages', () => {
  const rows: Row[] = [];

  beforeAll(() => {
    for (const entry of loadManifest(dir!)) {
      const started = performance.now();
      const doc = loadPage(dir!, entry);
      // Saved pages have no URL: the adapters must recognise them by their declared address or structure.
      const result = extractListing(doc, null);
      rows.push({ entry, result, ms: performance.now() - started });
    }
  }, 120_000);

  it('reads every page of the manifest', () => {
    expect(rows.length).toBe(loadManifest(dir!).length);
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it('gets title, price and seller right on at least 90% of the pages that show them', () => {
    type Tally = { right: number; shown: number };
    const fields = ['title', 'price', 'seller'] as const;
    const total: Record<(typeof fields)[number], Tally> = { title: { right: 0, shown: 0 }, price: { right: 0, shown: 0 }, seller: { right: 0, shown: 0 } };
    const byMarket = new Map<string, Record<(typeof fields)[number], Tally>>();
    const misses: string[] = [];
    let noPriceRight = 0;
    let noPrice = 0;
    for (const { entry, result } of rows) {
      const facts = result.facts;
      const market = byMarket.get(entry.marketplace) ?? { title: { right: 0, shown: 0 }, price: { right: 0, shown: 0 }, seller: { right: 0, shown: 0 } };
      byMarket.set(entry.marketplace, market);
      const count = (field: (typeof fields)[number], right: boolean, detail: string): void => {
        total[field].shown += 1;
        market[field].shown += 1;
        if (right) {
          total[field].right += 1;
          market[field].right += 1;
        } else misses.push(`${entry.file} ${field}: ${detail}`);
      };
      count('title', titleMatches(entry.product_title, facts.title), `got ${JSON.stringify(facts.title)}`);
      const amount = expectedAmount(entry.price);
      if (amount === null) {
        // "none shown": the right answer is no price at all, never a guess.
        noPrice += 1;
        if (facts.price === null) noPriceRight += 1;
        else misses.push(`${entry.file} price: none shown, got ${JSON.stringify(facts.price)}`);
      } else count('price', facts.price?.amount === amount, `want ${amount}, got ${JSON.stringify(facts.price)}`);
      const seller = expectedSeller(entry.seller);
      if (seller !== null) count('seller', sellerMatches(seller, facts.seller, facts.marketplace), `want ${seller}, got ${JSON.stringify(facts.seller)}`);
    }
    const pct = (t: Tally): string => (t.shown === 0 ? '  -  ' : `${((100 * t.right) / t.shown).toFixed(0).padStart(3)}%`);
    const lines = [`field accuracy on ${rows.length} real pages (pages that show the field):`];
    for (const field of fields) lines.push(`  ${field.padEnd(7)} ${total[field].right}/${total[field].shown} ${pct(total[field])}`);
    lines.push(`  no price shown: ${noPriceRight}/${noPrice} reported as null`);
    lines.push('per marketplace (title / price / seller):');
    for (const [market, t] of [...byMarket].sort()) {
      lines.push(`  ${market.padEnd(22)} ${fields.map((f) => `${t[f].right}/${t[f].shown}`.padStart(5)).join('  ')}`);
    }
    // Currency, where the answer key's sign tells it alone: a wrong code would mislead a reviewer.
    const currencyWrong: string[] = [];
    let currencyShown = 0;
    for (const { entry, result } of rows) {
      const currency = expectedCurrency(entry.price);
      // Judged where the amount is right (a missing price is already counted above).
      if (currency === null || result.facts.price?.amount !== expectedAmount(entry.price)) continue;
      currencyShown += 1;
      if (result.facts.price?.currency !== currency) currencyWrong.push(`${entry.file} currency: want ${currency}, got ${result.facts.price?.currency ?? null}`);
    }
    lines.push(`  currency ${currencyShown - currencyWrong.length}/${currencyShown} (prices read right whose key's sign tells the currency)`);
    misses.push(...currencyWrong);
    if (misses.length) lines.push('misses:', ...misses.map((m) => `  ${m}`));
    console.log(lines.join('\n'));

    for (const field of fields) expect(total[field].right / total[field].shown, field).toBeGreaterThanOrEqual(0.9);
    expect(noPriceRight).toBe(noPrice);
    expect(currencyWrong).toEqual([]);
  });

  it('calls every saved page an item page (none is a search page)', () => {
    const wrong = rows.filter((r) => r.result.facts.pageType !== 'item').map((r) => `${r.entry.file}: ${r.result.facts.pageType}`);
    expect(wrong).toEqual([]);
  });

  it('recognises the marketplaces the answer keys name, by declared address or structure', () => {
    // The manifest names some shops with their country; the adapter ids are the shop's name.
    const adapterFor: Record<string, string> = {
      'paris-cl': 'paris', 'pchome-pcstore': 'pchome', 'shopify-mediamarkt-pt': 'shopify', 'stockcenter-ar': 'stockcenter',
      'getit-il': 'getit', 'eklinika-hr': 'eklinika', 'vsezaoci-si': 'vsezaoci',
    };
    const wrong = rows
      .filter((r) => r.result.adapter !== (adapterFor[r.entry.marketplace] ?? r.entry.marketplace))
      .map((r) => `${r.entry.file}: ${r.result.adapter}`);
    expect(wrong).toEqual([]);
  });

  it('returns listing blocks that hold none of the menus, headers and footers', () => {
    const problems: string[] = [];
    for (const { entry, result } of rows) {
      if (result.roots.length === 0) problems.push(`${entry.file}: no listing blocks`);
      for (const root of result.roots) {
        const tag = root.tagName.toUpperCase();
        if (tag === 'HTML' || tag === 'BODY') problems.push(`${entry.file}: root is <${tag}>`);
        if (isChrome(root)) problems.push(`${entry.file}: root inside chrome`);
        // Checked with a CSS query, independently of the adapters' own walk.
        if (Array.from(root.querySelectorAll(CHROME_SELECTOR)).some(isChromeElement)) problems.push(`${entry.file}: root holds chrome`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves the Amazon Pharmacy / PillPack menu links out of the listing blocks on Amazon pages', () => {
    const amazon = rows.filter((r) => r.entry.marketplace === 'amazon');
    expect(amazon.length).toBeGreaterThan(0);
    for (const { entry, result } of amazon) {
      const text = result.roots.map((r) => textOf(r)).join(' ');
      expect(text, entry.file).not.toMatch(/PillPack|Amazon Pharmacy/i);
      // The title stands in the listing blocks.
      expect(result.facts.title && text.includes(result.facts.title.slice(0, 30)), entry.file).toBeTruthy();
    }
  });

  it('gives the same facts under happy-dom (a browser-like DOM) as under linkedom, on small real pages', async () => {
    // The extension reads the live DOM, the CLI linkedom's: the same adapters must agree.
    const small = rows.filter((r) => /craigslist|etsy|pchome-pcstore-02|vsezaoci|eklinika|usedvictoria/.test(r.entry.file));
    expect(small.length).toBeGreaterThanOrEqual(6);
    for (const { entry, result } of small) {
      const window = new Window({ url: 'about:blank', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
      window.document.write(decodeHtml(readFileSync(join(dir!, entry.file))));
      expect(extractListing(window.document as unknown as Document, null).facts, entry.file).toEqual(result.facts);
      await window.happyDOM.close();
    }
  }, 60_000);

  it('reads each page quickly (parse included)', () => {
    const slowest = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`slowest page: ${slowest.entry.file} ${slowest.ms.toFixed(0)} ms (parse + extract)`);
    expect(slowest.ms).toBeLessThan(5000);
  });
});
