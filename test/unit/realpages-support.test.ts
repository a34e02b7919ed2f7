/** The answer-key comparison must be fair, and must fail on wrong answers. */
import { describe, expect, it } from 'vitest';
import { decodeHtml, expectedAmount, expectedSeller, sellerMatches, titleMatches } from './realpages-support.ts';

describe('titleMatches', () => {
  it('accepts equality up to white space, case and quote style', () => {
    expect(titleMatches("Penhook 20.47'' Wide Armchair", 'penhook  20.47’’ wide armchair')).toBe(true);
  });
  it('reads a trailing … as a prefix, and a trailing parenthesis as an annotator note', () => {
    expect(titleMatches('Hose Tee Barb Connector …', 'Hose Tee Barb Connector 20 Pcs')).toBe(true);
    expect(titleMatches('Penhook Wide Armchair (by Wade Logan®)', 'Penhook Wide Armchair')).toBe(true);
  });
  it('accepts containment only when the shorter title is at least 90% of the longer', () => {
    expect(titleMatches('Indesit Washing Machine 6kg', 'Indesit Washing Machine 6kg!')).toBe(true);
    expect(titleMatches('Indesit Washing Machine 6kg', 'Indesit Washing Machine 6kg - £50 (Salford) - by owner')).toBe(false);
    expect(titleMatches('Zdravstvene usluge', 'Ortopedski ulošci')).toBe(false);
    expect(titleMatches('Anything', null)).toBe(false);
  });
});

describe('expectedAmount', () => {
  it('reads the manifest price independently of the parser under test', () => {
    const cases: Array<[string, number | null]> = [
      ['£48.99', 48.99], ['ab 99,12 € (offer listing)', 99.12], ['£5,100.00', 5100], ['$229.990 (Internet $249.990)', 229990],
      ['Rs 635,000', 635000], ['一次付清特價 294 元 (建議售價 $420)', 294], ['$3.499 - $4.059', 3499], ['499€', 499],
      ["none shown – 'Currently unavailable.' (out of stock)", null],
    ];
    for (const [text, amount] of cases) expect(expectedAmount(text), text).toBe(amount);
  });
});

describe('expectedSeller and sellerMatches', () => {
  it('drops annotator notes', () => {
    expect(expectedSeller("Amazon Warehouse (buy box); brand byline 'Visit the Tefal Store'")).toBe('Amazon Warehouse');
    expect(expectedSeller("'Only call no sms' (seller display name)")).toBe('Only call no sms');
    expect(expectedSeller('pchome24h store on PChome 商店街')).toBe('pchome24h');
    expect(expectedSeller(null)).toBeNull();
  });
  it('matches names by letters and digits or as whole words, by name or id', () => {
    expect(sellerMatches('Best Buy', { name: 'BestBuy.com', id: null }, 'bestbuy')).toBe(true);
    expect(sellerMatches('Costco', { name: 'Costco Wholesale', id: null }, 'costco')).toBe(true);
    expect(sellerMatches('pchome24h', { name: 'PChome 24h購物', id: 'pchome24h' }, 'pchome')).toBe(true);
    expect(sellerMatches('Amazon Warehouse', { name: 'Amazon', id: null }, 'amazon')).toBe(false);
    expect(sellerMatches('eKlinika', { name: 'Klinika', id: null }, 'eklinika')).toBe(false);
    expect(sellerMatches('GetIT', null, 'getit')).toBe(false);
  });
  it('for a private seller wants the seller the page shows, never the site', () => {
    expect(sellerMatches('by owner', { name: 'by owner', id: null }, 'craigslist')).toBe(true);
    expect(sellerMatches('private seller', { name: 'zz0z8fix1', id: 'zz0z8fix1' }, 'usedvictoria')).toBe(true);
    expect(sellerMatches('private seller', { name: 'UsedVictoria.com', id: null }, 'usedvictoria')).toBe(false);
  });
});

describe('decodeHtml', () => {
  it('honours the BOM and the declared charset, and never throws on bad bytes', () => {
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    const gbk = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk"><p>'), 0xd6, 0xd0, 0xce, 0xc4]);
    expect(decodeHtml(gbk)).toContain('中文');
    const badUtf8 = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8"><p>'), 0xd6, 0xd0]);
    expect(decodeHtml(badUtf8)).toContain('\ufffd');
    expect(decodeHtml(new TextEncoder().encode('<meta charset="no-such-charset">ok'))).toContain('ok');
  });
});
