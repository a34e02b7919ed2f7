/**
 * Every site adapter on a small self-written page in its site's structure: recognised by host
 * and (saved pages have no URL) by structure alone, the facts it reads, and listing blocks that
 * leave out the menus and footers.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ListingFacts } from '../../core/findings.ts';
import { extractListing, findAdapter } from '../../core/adapters/index.ts';
import { chromeElements } from '../../core/adapters/chrome.ts';
import { textOf } from '../../core/adapters/dom.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/adapters');
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const linkedom = (html: string): Document => parseHTML(html).document as unknown as Document;

interface Case {
  file: string;
  adapter: string;
  /** When false the page declares no address, so only its structure can tell the adapter. */
  declaresUrl: boolean;
  url?: string;
  facts: Partial<ListingFacts>;
  /** Text that must stand in the listing blocks: description, seller block. */
  inListing?: string[];
}

const CASES: Case[] = [
  { file: 'amazon.html', adapter: 'amazon', declaresUrl: true, facts: { pageType: 'item', title: 'Garden Hose Splitter, 2-Way', listingId: 'B0TEST1234', price: { amount: 12.49, currency: 'USD', text: '$12.49' }, seller: { name: 'Hose Depot', id: 'A1TESTSELLER', url: 'https://www.amazon.com/gp/help/seller/at-a-glance.html?seller=A1TESTSELLER' } }, inListing: ['Brass body', 'Hose Depot'] },
  { file: 'amazon-jp.html', adapter: 'amazon', declaresUrl: true, facts: { pageType: 'item', title: '電気ケトル 1.0L', listingId: 'B0JPTEST01', price: { amount: 2480, currency: 'JPY', text: '￥2,480' }, seller: { name: 'Amazon.co.jp', id: null, url: null } } },
  { file: 'amazon-tabular.html', adapter: 'amazon', declaresUrl: true, facts: { pageType: 'item', title: 'LED Desk Lamp', price: { amount: 24.99, currency: 'USD', text: '$24.99' }, seller: { name: 'Bright Home Co', id: null, url: null } }, inListing: ['Bright Home Co'] },
  { file: 'amazon-search.html', adapter: 'amazon', declaresUrl: false, url: 'https://www.amazon.de/s?k=schlauch', facts: { pageType: 'search' } },
  { file: 'ebay.html', adapter: 'ebay', declaresUrl: true, facts: { pageType: 'item', title: 'Vintage Brass Desk Lamp', listingId: '123456789012', price: { amount: 45, currency: 'GBP', text: '£45.00' }, seller: { name: 'lampcollector', id: 'lampcollector', url: 'https://www.ebay.co.uk/usr/lampcollector' } }, inListing: ['Works fine.', 'lampcollector'] },
  { file: 'aliexpress.html', adapter: 'aliexpress', declaresUrl: false, facts: { pageType: 'item', title: 'Silicone Phone Case for Model X', price: { amount: 3.57, currency: 'USD', text: 'US $3.57' }, seller: { name: 'Case World Store', id: '1102345', url: 'https://www.aliexpress.com/store/1102345' } } },
  { file: 'alibaba.html', adapter: 'alibaba', declaresUrl: true, facts: { pageType: 'item', title: 'Steel Garlic Press', listingId: '1600123456789', price: { amount: 2.1, currency: 'USD', text: 'US$2.10 - 2.80' }, seller: { name: 'Ningbo Kitchen Tools Co., Ltd.', id: 'ningbokitchen', url: 'https://ningbokitchen.en.alibaba.com/' } }, inListing: ['Ningbo Kitchen Tools'] },
  { file: '1688.html', adapter: 'alibaba', declaresUrl: true, facts: { title: '不锈钢压蒜器 厨房工具', listingId: '612345678901', price: { amount: 12.5, currency: 'CNY', text: '¥12.50' }, seller: { name: '义乌市厨具厂', id: 'shop1234', url: 'https://shop1234.1688.com/' } } },
  { file: 'mercadolibre.html', adapter: 'mercadolibre', declaresUrl: true, facts: { pageType: 'item', title: 'Zapatillas Running Hombre', listingId: 'MLA1234567890', price: { amount: 45999.5, currency: 'ARS', text: '$ 45.999,50' }, seller: { name: 'DEPORTES SUR', id: 'DEPORTES.SUR', url: 'https://www.mercadolibre.com.ar/perfil/DEPORTES.SUR' } }, inListing: ['Talles 39 a 45.', 'DEPORTES SUR'] },
  { file: 'etsy.html', adapter: 'etsy', declaresUrl: true, facts: { pageType: 'item', title: 'Handgemachte Tasse aus Steinzeug', listingId: '987654321', price: { amount: 24.5, currency: 'EUR', text: '24,50 €' }, seller: { name: 'TonWerkstatt', id: 'TonWerkstatt', url: 'https://www.etsy.com/de/shop/TonWerkstatt' } }, inListing: ['TonWerkstatt', '24,50 €'] },
  { file: 'walmart.html', adapter: 'walmart', declaresUrl: true, facts: { pageType: 'item', title: 'Quiet Desk Fan, 6 inch', listingId: '123456789', price: { amount: 19.88, currency: 'USD', text: '$19.88' }, seller: { name: 'Cool Breeze LLC', id: '101234', url: 'https://www.walmart.com/seller/101234' } }, inListing: ['Cool Breeze LLC'] },
  { file: 'shopify.html', adapter: 'shopify', declaresUrl: false, facts: { pageType: 'item', title: 'Cafeteira Expresso 15 bar', listingId: '4412345678', price: { amount: 89.9, currency: 'EUR', text: '€89,90 EUR' }, seller: { name: 'Loja Café', id: null, url: null } }, inListing: ['Pressão de 15 bar.'] },
  { file: 'taobao.html', adapter: 'taobao', declaresUrl: true, facts: { pageType: 'item', title: '纯棉短袖T恤 男款', listingId: '678901234567', price: { amount: 59, currency: 'CNY', text: '¥ 59.00' }, seller: { name: '棉服小店', id: 'shop123456', url: 'https://shop123456.taobao.com/' } } },
  { file: 'jd.html', adapter: 'jd', declaresUrl: true, facts: { pageType: 'item', title: '不锈钢保温杯 500ml', listingId: '100012345678', price: { amount: 89, currency: 'CNY', text: '￥ 89.00' }, seller: { name: '杯具旗舰店', id: '1000001', url: 'https://mall.jd.com/index-1000001.html' } } },
  { file: 'rakuten.html', adapter: 'rakuten', declaresUrl: true, facts: { pageType: 'item', title: '静岡緑茶 100g', price: { amount: 1280, currency: 'JPY', text: '1,280円' }, seller: { name: 'お茶屋さん', id: 'ochaya', url: 'https://www.rakuten.co.jp/ochaya/' } } },
  { file: 'yahoo-japan.html', adapter: 'yahoo-japan', declaresUrl: true, facts: { pageType: 'item', title: 'ヴィンテージ 腕時計', listingId: 'x123456789', price: { amount: 3500, currency: 'JPY', text: '3,500円' } } },
  // craigslist.org serves the US and Canada alike and the page has no lang: "$" alone does not tell the currency.
  { file: 'craigslist.html', adapter: 'craigslist', declaresUrl: true, facts: { pageType: 'item', title: 'Road bike 54cm', listingId: '7712345678', price: { amount: 350, currency: null, text: '$350' }, seller: { name: 'by owner', id: null, url: null } }, inListing: ['Lightly used road bike.'] },
  { file: 'olx.html', adapter: 'olx', declaresUrl: true, facts: { pageType: 'item', title: 'Rower miejski damski', price: { amount: 450, currency: 'PLN', text: '450 zł' }, seller: { name: 'Anna', id: null, url: null } }, inListing: ['Stan dobry.', 'Anna'] },
  { file: 'facebook-marketplace.html', adapter: 'facebook-marketplace', declaresUrl: false, url: 'https://www.facebook.com/marketplace/item/555666777/', facts: { pageType: 'item', title: 'Oak dining table', listingId: '555666777', price: { amount: 120, currency: null, text: '$120' }, seller: { name: 'Jordan Lee', id: '100012345', url: 'https://www.facebook.com/marketplace/profile/100012345/' } }, inListing: ['Solid oak, seats six.', 'Jordan Lee'] },
  { file: 'generic-jsonld.html', adapter: 'generic', declaresUrl: true, facts: { marketplace: 'trailshop.example.co.uk', pageType: 'item', title: 'Waterproof Walking Boots', listingId: 'WB-42', price: { amount: 79, currency: 'GBP', text: '£79.00' }, seller: { name: 'Peak Outdoor', id: null, url: 'https://peak.example/' } }, inListing: ['Leather uppers.', '£79.00'] },
  { file: 'generic-og.html', adapter: 'generic', declaresUrl: true, facts: { marketplace: 'casasur.cl', pageType: 'item', title: 'Lámpara de mesa nórdica', price: { amount: 24990, currency: 'CLP', text: '$24.990' }, seller: { name: 'Casa Sur', id: null, url: null } } },
  { file: 'generic-microdata.html', adapter: 'generic', declaresUrl: false, facts: { marketplace: null, pageType: 'item', title: 'Théière en fonte 1,2 L', price: { amount: 34.9, currency: 'EUR', text: '34,90 €' }, seller: { name: 'Maison du Thé', id: null, url: null } }, inListing: ['Maison du Thé', '34,90 €'] },
];

describe.each(CASES)('$file', (c) => {
  const html = read(c.file);
  const url = c.url ? new URL(c.url) : null;

  it(`is read by the ${c.adapter} adapter${c.declaresUrl ? ' (declared address)' : ' (structure alone)'}`, () => {
    const doc = linkedom(html);
    expect(extractListing(doc, null).adapter).toBe(c.adapter);
    if (url) expect(findAdapter(doc, url).id).toBe(c.adapter);
  });

  it('reads the listing facts, which satisfy the findings contract', () => {
    const { facts } = extractListing(linkedom(html), url);
    expect(facts).toMatchObject(c.facts);
    expect(ListingFacts.safeParse(facts).success).toBe(true);
  });

  it('returns listing blocks without menus or footers', () => {
    const doc = linkedom(html);
    const { roots, facts } = extractListing(doc, url);
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      expect(chromeElements(root)).toEqual([]);
      expect(['HTML', 'BODY']).not.toContain(root.tagName.toUpperCase());
    }
    const text = roots.map((r) => textOf(r)).join(' ');
    expect(text).not.toMatch(/PillPack|Pharmacy|Pharmacie|Farmacia|Apotheke|京东大药房|ファーマシー/);
    if (facts.pageType === 'item' && facts.title) expect(text).toContain(facts.title.slice(0, 8));
    for (const phrase of c.inListing ?? []) expect(text).toContain(phrase);
  });

  it('gives the same facts under happy-dom as under linkedom (extension and CLI agree)', () => {
    const window = new Window({ url: 'about:blank' });
    window.document.write(html);
    const viaHappy = extractListing(window.document as unknown as Document, url).facts;
    const viaLinkedom = extractListing(linkedom(html), url).facts;
    expect(viaHappy).toEqual(viaLinkedom);
    void window.happyDOM.close();
  });
});

describe('search pages', () => {
  it('marks a generic search page as search, its result items as the listing blocks', () => {
    const { adapter, facts, roots } = extractListing(linkedom(read('generic-search.html')), null);
    expect(adapter).toBe('generic');
    expect(facts.pageType).toBe('search');
    expect(roots.map((r) => textOf(r))).toEqual(['Steel kettle $39.00', 'Glass kettle $45.00', 'Travel kettle $25.50']);
  });

  it('marks eBay search results as a search page, by declared address and by structure', () => {
    const doc = linkedom(read('ebay-search.html'));
    const viaAddress = extractListing(doc, null);
    expect(viaAddress).toMatchObject({ adapter: 'ebay', facts: { pageType: 'search' } });
    expect(viaAddress.roots.map((r) => r.getAttribute('data-view'))).toEqual(['1', '2']);
    const withoutAddress = linkedom(read('ebay-search.html').replace(/<link rel="canonical"[^>]*>/, ''));
    expect(extractListing(withoutAddress, null)).toMatchObject({ adapter: 'ebay', facts: { pageType: 'search' } });
  });

  it('marks Amazon search results as a search page whose blocks are the result items', () => {
    const { facts, roots } = extractListing(linkedom(read('amazon-search.html')), new URL('https://www.amazon.de/s?k=schlauch'));
    expect(facts.pageType).toBe('search');
    expect(roots.map((r) => r.getAttribute('data-asin'))).toEqual(['B0A', 'B0B']);
  });
});

describe('hostile and broken pages', () => {
  it('reads a fragment without <html> and with malformed JSON-LD without throwing', () => {
    const { adapter, facts } = extractListing(linkedom(read('broken-jsonld.html')), null);
    expect(adapter).toBe('generic');
    expect(facts.price).toBeNull();
    expect(ListingFacts.safeParse(facts).success).toBe(true);
  });

  it('reads an empty document', () => {
    const { facts, roots } = extractListing(linkedom(''), null);
    expect(facts).toMatchObject({ title: null, price: null, seller: null, pageType: 'other' });
    expect(roots).toEqual([]);
  });

  it('never resolves javascript: seller links', () => {
    const html = read('ebay.html').replace('https://www.ebay.co.uk/usr/lampcollector', 'javascript:alert(1)');
    expect(extractListing(linkedom(html), null).facts.seller).toEqual({ name: 'lampcollector', id: null, url: null });
  });
});
