/** Alibaba.com (B2B, international) and 1688.com (its Chinese wholesale sister site). */
import { hasAny } from './dom-index.ts';
import { defineSiteAdapter, sellerFrom } from './site.ts';

/** A supplier's shop lives on its own subdomain: "huizhouyongli.en.alibaba.com", "shop1234.1688.com". */
function supplierId(url: URL): string | null {
  return url.hostname.match(/^([a-z0-9-]+)\.(?:en\.alibaba|1688)\.com$/i)?.[1] ?? null;
}

export const alibabaAdapter = defineSiteAdapter({
  id: 'alibaba',
  hosts: /(^|\.)(alibaba\.com|1688\.com)$/i,
  structure: (doc) =>
    hasAny(doc, 'h1.ma-title, .module-pdp-main, [class*="detail-title"], .d-title, #mod-detail-title') &&
    /alibaba|1688/i.test(doc.querySelector('title')?.textContent ?? '') ,
  title: ['h1.ma-title', '.product-title h1', '[class*="product-title"] h1', '.module-pdp-title h1', '#mod-detail-title h1', '.d-title', '.title-text'],
  price: ['.ma-ref-price', '.ma-spec-price', '.price-range .price', '[class*="price-item"] [class*="price"]', '.module-pdp-price .price', '.price-text', '.price-now', '.price-original-sku .value', '.price'],
  // Alibaba quotes B2B prices in US dollars unless a symbol says otherwise; 1688 in yuan.
  currency: (_doc, context) => (/1688\.com$/i.test(context.url?.hostname ?? '') ? 'CNY' : /alibaba\.com$/i.test(context.url?.hostname ?? '') ? 'USD' : null),
  seller: (doc, context) => sellerFrom(doc, ['a.company-name', '.company-name', '[class*="company-name"] a', '.shop-name a', '.company-name-container'], context, supplierId),
  listingId: (_doc, context) =>
    context.url?.pathname.match(/_(\d{8,14})\.html/)?.[1] ?? context.url?.pathname.match(/\/offer\/(\d{8,14})\.html/)?.[1] ?? null,
  pageType: (_doc, context) => (/\/(trade\/search|selloffer|wholesale|s\/)/.test(context.url?.pathname ?? '') || context.url?.hostname.startsWith('s.1688.com') ? 'search' : null),
  roots: ['.module-pdp-main', '.layout-detail .layout-left', '#module_product_detail', '.detail-decorate-root', '.company-name-container', '#mod-detail', '.region-detail-gallery', '.mod-detail-description', '.ma-main', '.do-entry'],
  searchRoots: ['.organic-list .list-no-v2-outter', '.offer-list-row .offer-item', '[class*="search-card"]'],
});
