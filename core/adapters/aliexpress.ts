/** AliExpress in every locale (aliexpress.com, .us, .ru, es.aliexpress.com, …). */
import { hasAny } from './dom-index.ts';
import { safeQuery } from './dom.ts';
import { defineSiteAdapter, sellerFrom } from './site.ts';

export const aliexpressAdapter = defineSiteAdapter({
  id: 'aliexpress',
  hosts: /(^|\.)aliexpress\.(com|us|ru)$/i,
  structure: (doc) =>
    hasAny(doc, 'h1[data-pl="product-title"], .product-title-text, [data-pl="store-name"], .shop-name') &&
    /aliexpress/i.test(doc.querySelector('title')?.textContent ?? '') ,
  title: ['h1[data-pl="product-title"]', '.product-title-text', '[class*="title--wrap"] h1', '.product-title'],
  price: ['[class*="price--current"] [class*="price--currentPriceText"]', '.product-price-current', '.product-price-value', '.uniform-banner-box-price', '[class*="price--current"]', '.price--current'],
  seller: (doc, context) =>
    sellerFrom(doc, ['[data-pl="store-name"]', '.shop-name a', '.store-header a[href*="/store/"]', '[class*="store-info--name"]', '.store-name'], context, (url) => url.pathname.match(/\/store\/(\d+)/)?.[1] ?? null),
  listingId: (_doc, context) => context.url?.pathname.match(/\/item\/(?:[^/]*\/)?(\d{8,20})\.html/)?.[1] ?? null,
  pageType: (doc, context) => (/\/(wholesale|w\/wholesale|category)/.test(context.url?.pathname ?? '') || safeQuery(doc, '#card-list, .list--gallery--C2f2tvm') ? 'search' : null),
  roots: ['[class*="pdp-info"]', '.product-info', '[class*="product-main"]', '#product-description', '.product-description', '[class*="store-info"]', '.store-header'],
  searchRoots: ['#card-list > *', '.list-item', '[class*="search-card-item"]'],
});
