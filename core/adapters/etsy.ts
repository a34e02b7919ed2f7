/** Etsy listings in every language (etsy.com/es/listing/…, etsy.com/de/…). */
import { hasAny } from './dom-index.ts';
import { defineSiteAdapter, sellerFrom } from './site.ts';

export const etsyAdapter = defineSiteAdapter({
  id: 'etsy',
  hosts: /(^|\.)etsy\.com$/i,
  structure: (doc) => hasAny(doc, '#listing-page-cart, [data-buy-box-region], [data-appears-component-name*="listing"]') && /etsy/i.test(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? doc.querySelector('title')?.textContent ?? ''),
  // The first <h1> may be the privacy-settings dialog: the listing's heading is inside the buy box.
  title: ['#listing-page-cart h1', '[data-buy-box-listing-title]', 'h1[data-listing-id]', 'h1.wt-text-body-03'],
  price: ['[data-buy-box-region="price"] .wt-text-title-03', '[data-buy-box-region="price"] [data-selector="price-only"]', '[data-buy-box-region="price"] p', '[data-selector="price-only"]'],
  seller: (doc, context) =>
    sellerFrom(doc, ['#listing-page-cart a[href*="/shop/"]', '[data-shop-name]', 'a[href*="/shop/"][data-shop-id]'], context, (url) => url.pathname.match(/\/shop\/([^/?#]+)/)?.[1] ?? null),
  listingId: (_doc, context) => context.url?.pathname.match(/\/listing\/(\d+)/)?.[1] ?? null,
  pageType: (_doc, context) => (/\/(search|c)(\/|$)/.test(context.url?.pathname ?? '') ? 'search' : null),
  roots: ['#listing-page-cart', '#wt-content-toggle-product-details-read-more', '[data-product-details-description-text-content]', '#product-details-content-toggle', '[data-appears-component-name="listing_page_shop_info"]', '.image-carousel-container'],
  searchRoots: ['[data-search-results] li', '.v2-listing-card'],
});
