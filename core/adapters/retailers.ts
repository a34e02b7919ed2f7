/**
 * Retailers that sell their own stock (and a few that also host third-party sellers): the site
 * is the seller unless the page names another. Each entry is small; the generic adapter fills
 * whatever its selectors do not find.
 */
import { hasAny } from './dom-index.ts';
import { firstOf, metaContent, ownText, safeQuery, textOf } from './dom.ts';
import { remember } from './memo.ts';
import { parsePrice } from './price.ts';
import { priceHints } from './generic.ts';
import { defineSiteAdapter, hostPattern, sellerFrom } from './site.ts';

/** The names a page gives its site (og:site_name, application-name, <title>), read once per extraction. */
const siteName = (doc: Document): string =>
  remember('site-name', () => `${metaContent(doc, 'og:site_name') ?? ''} ${metaContent(doc, 'application-name') ?? ''} ${doc.querySelector('title')?.textContent ?? ''}`);

export const costcoAdapter = defineSiteAdapter({
  id: 'costco',
  hosts: hostPattern('costco.com', 'costco.ca', 'costco.co.uk', 'costco.com.mx', 'costco.co.jp', 'costco.co.kr', 'costco.com.tw', 'costco.com.au'),
  structure: (doc) => /costco wholesale/i.test(siteName(doc)),
  title: ['h1[itemprop="name"]', '.product-h1-container h1', '.product-title h1', 'h1.product-title'],
  // Members-only prices are rendered client-side; the meta tag carries the price for everyone.
  price: ['#pull-right-price .value', '.your-price .value', 'meta[property="product:price:amount"]'],
  currency: (doc) => doc.querySelector('meta[property="product:price:currency"]')?.getAttribute('content') ?? null,
  firstPartySeller: 'Costco',
  listingId: (_doc, context) => context.url?.pathname.match(/\.product\.(\d+)\.html/)?.[1] ?? null,
  roots: ['.product-h1-container', '#product-details', '.product-info-description', '#product-tab1', '#pull-right-price', '.product-page-container .row.top-content'],
  searchRoots: ['.product-list .product'],
});

export const bestbuyAdapter = defineSiteAdapter({
  id: 'bestbuy',
  hosts: hostPattern('bestbuy.com', 'bestbuy.ca'),
  structure: (doc) => /bestbuy\.com|best buy/i.test(siteName(doc)),
  title: ['.sku-title h1', 'h1'],
  price: ['[data-testid="price-block-customer-price"] span', '.priceView-customer-price span', '[data-testid="customer-price"] span'],
  currency: (_doc, context) => (/bestbuy\.ca$/i.test(context.url?.hostname ?? '') ? 'CAD' : 'USD'),
  // Best Buy's Marketplace names third-party sellers in the fulfillment block.
  seller: (doc, context) => sellerFrom(doc, ['[data-testid="marketplace-seller-name"]', '.marketplace-seller-name'], context),
  firstPartySeller: 'Best Buy',
  listingId: (doc, context) =>
    context.url?.searchParams.get('skuId') ?? textOf(safeQuery(doc, '.sku .product-data-value, [data-testid="sku"]')).match(/\d{6,8}/)?.[0] ?? null,
  // Recommendation carousels reuse the product classes (.sku-title, price blocks): the listing
  // blocks come from the heading instead (generic roots).
  searchRoots: ['.sku-item', 'li.sku-item'],
});

export const wayfairAdapter = defineSiteAdapter({
  id: 'wayfair',
  hosts: hostPattern('wayfair.com', 'wayfair.ca', 'wayfair.co.uk', 'wayfair.de', 'allmodern.com', 'jossandmain.com', 'birchlane.com'),
  structure: (doc) => /wayfair/i.test(siteName(doc)),
  title: ['[data-hb-id="Heading"] h1', 'h1[data-hb-id]', 'h1'],
  price: ['[data-test-id="PriceDisplay"]', '.SFPrice [data-test-id="PriceDisplay"]'],
  firstPartySeller: 'Wayfair',
  listingId: (_doc, context) => context.url?.pathname.match(/-(w\d{6,})\.html/i)?.[1]?.toUpperCase() ?? null,
  roots: ['[data-enzyme-id="PdpLayout-infoBlock"]', '.ProductDetailInfoBlock', '#CollapsePanel-0', '[data-hb-id="ProductOverview"]'],
});

export const parisAdapter = defineSiteAdapter({
  id: 'paris',
  hosts: hostPattern('paris.cl'),
  structure: (doc) => hasAny(doc, '.pdpMod--modSeller, .sellerParis, .sellerMkp'),
  // The heading starts with a brand badge (<span class="PdpTitle--brand">): the name is the heading's own text.
  titleFrom: (doc) => ownText(safeQuery(doc, 'h1.js-product-name')) || null,
  // The first price block in the document is the listing's (Paris card price, then internet and
  // normal prices); later ones belong to recommendations.
  price: ['.price-tc', '.item-price'],
  seller: (doc, context) => sellerFrom(doc, ['.pdpMod--modSeller .sellerMkp', '.pdpMod--modSeller .sellerParis', '.sellerMkp', '.sellerParis'], context),
  firstPartySeller: 'Paris.cl',
  listingId: (doc, context) => safeQuery(doc, '.product-detail[data-pid], [data-pid]')?.getAttribute('data-pid') ?? context.url?.pathname.match(/-([A-Z0-9]{6,})\.html$/i)?.[1] ?? null,
  roots: ['#pdpMain .pdp-main-info', '.pdpMod--modSeller', '[id^="collapsible-description"]', '.pdp-description'],
});

export const pchomeAdapter = defineSiteAdapter({
  id: 'pchome',
  hosts: hostPattern('pcstore.com.tw', 'pchome.com.tw'),
  structure: (doc) => /PChome/i.test(siteName(doc)),
  title: ['#inside_title h1', 'td h1', 'h1'],
  // "一次付清特價 7 折 294 元": the sale price follows the discount, in New Taiwan dollars.
  priceFrom: (doc, context) => {
    const cell = Array.from(doc.querySelectorAll('td, div')).find((el) => /^\s*一次付清特價/.test(el.textContent ?? '') && (el.textContent ?? '').length < 80);
    const text = textOf(cell).replace(/^一次付清特價\s*(\d+\s*折)?\s*/, '');
    return parsePrice(text, { ...priceHints(doc, context), currency: 'TWD' });
  },
  seller: (doc, context) => {
    const store = context.url?.pathname.match(/^\/([a-z0-9_]+)\//i)?.[1] ?? null;
    const named = textOf(firstOf(doc, ['#name-title .style4', '#name-title']));
    // Stores with an image banner name themselves only in the description: "… -PChome 24h購物｜PChome商店街".
    const described = (doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '').match(/-\s*([^-｜]+)｜[^｜]*$/u)?.[1]?.trim() ?? '';
    const name = named || described || null;
    return name || store ? { name, id: store, url: store && context.url ? `${context.url.origin}/${store}/` : null } : null;
  },
  listingId: (_doc, context) => context.url?.pathname.match(/\/(M\d{6,})\.htm/)?.[1] ?? null,
  roots: ['#inside_title', '#inside_content', '.prod_info', '#ProdInfo'],
});

export const liveAuctioneersAdapter = defineSiteAdapter({
  id: 'liveauctioneers',
  hosts: hostPattern('liveauctioneers.com'),
  structure: (doc) => /liveauctioneers/i.test(siteName(doc)),
  title: ['h1[class*="title"]', 'h1'],
  // The lot's own bid box sits next to its heading; the page also lists other lots with bids.
  priceFrom: (doc, context) => {
    const box = safeQuery(doc, '[class*="biddingBox" i] [class*="price" i]');
    if (box) return parsePrice(textOf(box), { ...priceHints(doc, context), currency: doc.querySelector('meta[property="product:price:currency"]')?.getAttribute('content') ?? null });
    const heading = safeQuery(doc, 'h1');
    for (let block = heading?.parentElement ?? null, depth = 0; block && depth < 8; block = block.parentElement, depth += 1) {
      const bid = block.querySelector('[class*="item-current-bid" i], [class*="current-bid" i]');
      if (bid) return parsePrice(textOf(bid), { ...priceHints(doc, context), currency: doc.querySelector('meta[property="product:price:currency"]')?.getAttribute('content') ?? null });
    }
    return null;
  },
  seller: (doc, context) => sellerFrom(doc, ['a[href*="/auctioneer/"][class*="name"]', '[class*="seller-name"] a', '[class*="auctioneer"] a[href*="/auctioneer/"]'], context, (url) => url.pathname.match(/\/auctioneer\/(\d+)/)?.[1] ?? null),
  listingId: (_doc, context) => context.url?.pathname.match(/\/item\/(\d+)/)?.[1] ?? null,
  roots: ['[class*="item-page-container"] [class*="item-info"]', '[class*="ItemPageContent"]', '[class*="lot-details"]', '[class*="item-description"]'],
});

/** Smaller first-party shops from the real-page set, all read through the generic adapter plus their name. */
function shop(id: string, domains: string[], name: string, marker: RegExp, price: string[] = [], roots: string[] = []) {
  return defineSiteAdapter({
    id,
    hosts: hostPattern(...domains),
    structure: (doc) => marker.test(siteName(doc)),
    price,
    firstPartySeller: name,
    roots,
  });
}

export const johnLewisAdapter = shop('johnlewis', ['johnlewis.com'], 'John Lewis & Partners', /john lewis/i, ['[data-test="product-price"]', '.price--large'], ['[data-test="product-details"]', '.product-detail__description']);
export const kiabiAdapter = defineSiteAdapter({
  id: 'kiabi',
  hosts: hostPattern('kiabi.com', 'kiabi.es', 'kiabi.it', 'kiabi.be'),
  structure: (doc) => /^\s*kiabi\b/i.test(siteName(doc)),
  // The <h1> drops the range and sizes that the og:title keeps ("… Lingerie du s au xxl - noir - Kiabi - 20,00€").
  title: ['meta[property="og:title"]'],
  cleanTitle: (title) => title.replace(/\s+-\s+Kiabi(\s+-\s+[^-]*)?$/i, ''),
  price: ['.productPrice_price', '[itemprop="price"]'],
  firstPartySeller: 'Kiabi',
});
export const namshiAdapter = shop('namshi', ['namshi.com'], 'Namshi', /namshi/i);
export const emagAdapter = defineSiteAdapter({
  id: 'emag',
  hosts: hostPattern('emag.ro', 'emag.bg', 'emag.hu'),
  structure: (doc) => /emag\.(ro|bg|hu)/i.test(siteName(doc)),
  // The decimals stand in <sup>: "173<sup>34</sup> <span>Lei</span>" shows 173,34 Lei.
  priceFrom: (doc, context) => {
    const el = safeQuery(doc, '.product-page-pricing .product-new-price');
    const whole = ownText(el);
    if (!el || !/^\d[\d.]*$/.test(whole)) return null;
    const cents = textOf(el.querySelector('sup'));
    const unit = textOf(el.querySelector('span'));
    return parsePrice(`${whole}${/^\d{2}$/.test(cents) ? ',' + cents : ''} ${unit}`.trim(), priceHints(doc, context));
  },
  firstPartySeller: 'eMAG',
  roots: ['.product-page-pricing', '#product-details'],
});
export const getItAdapter = shop('getit', ['getit.co.il'], 'GetIT', /getit/i);
export const eklinikaAdapter = shop('eklinika', ['eklinika.hr'], 'eKlinika', /eklinika/i, ['.ek-product-price .ek-slider-pricenew', '.ek-slider-pricenew']);
export const vsezaociAdapter = shop('vsezaoci', ['vsezaoci.si'], 'Vsezaoci.si', /vsezaoci/i, ['li.price', '.price-new-live']);
export const stockCenterAdapter = shop('stockcenter', ['stockcenter.com.ar'], 'StockCenter', /stock ?center/i, ['.product-detail .price', '.prices .price', '.price']);
