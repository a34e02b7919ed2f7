/**
 * Hostile and broken pages (issue #10): big pages, deep nesting, junk structured data and
 * page-supplied URLs must not crash the adapters or blow the time budget.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ListingFacts } from '../../core/findings.ts';
import { extractListing } from '../../core/adapters/index.ts';

const linkedom = (html: string): Document => parseHTML(html).document as unknown as Document;

describe('hostile pages', () => {
  it('reads a 3 MB search page of 10,000 result cards within the budget', () => {
    const card = (i: number): string => `<li class="product-card"><a href="/p/${i}">Item ${i} with a fairly long descriptive name</a><span class="price">$${i}.99</span><p class="card-description">Some text about item ${i} that pads the page out.</p></li>`;
    const html = `<!doctype html><html lang="en-US"><head><title>Search</title><link rel="canonical" href="https://shop.example/search?q=item"></head><body><nav><a>Pharmacy</a></nav><ul class="results">${Array.from({ length: 10000 }, (_, i) => card(i)).join('')}</ul><footer>f</footer></body></html>`;
    expect(html.length).toBeGreaterThan(2_000_000);
    const doc = linkedom(html);
    const started = performance.now();
    const { facts, roots } = extractListing(doc, null);
    const ms = performance.now() - started;
    expect(facts.pageType).toBe('search');
    expect(roots.length).toBe(10000);
    expect(ms).toBeLessThan(4000);
  }, 30_000);

  it('reads a 3 MB item page with a huge description and many JSON-LD blocks within the budget', () => {
    const filler = '<p>' + 'Plain description text. '.repeat(40) + '</p>';
    const ld = '<script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1}]}</script>';
    const html = `<!doctype html><html lang="en-GB"><head>${ld.repeat(2000)}<script type="application/ld+json">{"@type":"Product","name":"Big Page Kettle","offers":{"price":"12.00","priceCurrency":"GBP"}}</script></head><body><header><nav>menu</nav></header><main><h1>Big Page Kettle</h1><span>£12.00</span><div id="description">${filler.repeat(3000)}</div></main></body></html>`;
    expect(html.length).toBeGreaterThan(2_500_000);
    const started = performance.now();
    const { facts } = extractListing(linkedom(html), null);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(facts).toMatchObject({ title: 'Big Page Kettle', price: { amount: 12, currency: 'GBP', text: '£12.00' } });
  }, 30_000);

  it('survives 5,000 levels of nesting', () => {
    const html = `<html><body>${'<div>'.repeat(5000)}<h1>Deep</h1>${'</div>'.repeat(5000)}</body></html>`;
    expect(() => extractListing(linkedom(html), null)).not.toThrow();
  }, 30_000);

  it('ignores junk in structured data: wrong types, absurd prices, bad currency codes, script URLs', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"Product","name":["Mug"],"offers":[{"price":{"x":1}},{"price":"-5","priceCurrency":"ZZZ"},{"price":"7.5","priceCurrency":"eur","seller":{"name":"Mugs","url":"javascript:alert(1)"}}]}</script>
      <link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x"></head><body><h1>Mug</h1></body></html>`;
    const { facts } = extractListing(linkedom(html), null);
    expect(ListingFacts.safeParse(facts).success).toBe(true);
    expect(facts.marketplace).toBeNull();
    expect(facts.title).toBe('Mug');
    // The junk offers are skipped, the readable one is taken; its seller's script URL is not.
    expect(facts.price).toEqual({ amount: 7.5, currency: 'EUR', text: '7.5' });
    expect(facts.seller).toEqual({ name: 'Mugs', id: null, url: null });
  });

  it('does not take selectors from page content (ids with quotes and brackets)', () => {
    const html = `<html><body><div id='x"]'><h1 class="]['">Odd "quoted" [title]</h1><span>€ 3,50</span></div></body></html>`;
    const { facts } = extractListing(linkedom(html), null);
    expect(facts.title).toBe('Odd "quoted" [title]');
  });
});

describe('page type from the address', () => {
  const product = `<html><head><meta property="og:type" content="product"><script type="application/ld+json">{"@type":"Product","name":"Kettle","offers":{"price":"9.99","priceCurrency":"USD"}}</script></head><body><h1>Kettle</h1></body></html>`;
  it('keeps a product page an item page when its link carries the search that led to it', () => {
    expect(extractListing(linkedom(product), new URL('https://shop.example/p/kettle?q=kettle')).facts.pageType).toBe('item');
  });
  it('calls a search path a search page', () => {
    expect(extractListing(linkedom('<html><body><h1>Results</h1></body></html>'), new URL('https://shop.example/search?q=kettle')).facts.pageType).toBe('search');
  });
});

describe('declared addresses', () => {
  it('does not let a page borrow a marketplace adapter by declaring its host', () => {
    const html = `<html><head><link rel="canonical" href="https://www.amazon.com/dp/B000000000"><title>My shop</title></head><body><h1>Pills</h1></body></html>`;
    expect(extractListing(linkedom(html), null).adapter).toBe('generic');
    // A URL the caller knows (the live page, a fetched URL) is trusted.
    expect(extractListing(linkedom(html), new URL('https://www.amazon.com/dp/B000000000')).adapter).toBe('amazon');
  });
});
