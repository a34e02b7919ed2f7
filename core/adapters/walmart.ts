/** Walmart (walmart.com, walmart.ca, walmart.com.mx). */
import { hasAny } from './dom-index.ts';
import { defineSiteAdapter, hostPattern, sellerFrom } from './site.ts';

export const walmartAdapter = defineSiteAdapter({
  id: 'walmart',
  hosts: hostPattern('walmart.com', 'walmart.ca', 'walmart.com.mx'),
  structure: (doc) => hasAny(doc, '[data-testid="product-title"], [itemprop="price"][data-seo-id="hero-price"], [data-automation-id="product-title"]') && /walmart/i.test(doc.querySelector('title')?.textContent ?? ''),
  title: ['h1[itemprop="name"]', '[data-testid="product-title"]', '[data-automation-id="product-title"]', 'h1'],
  price: ['[itemprop="price"][data-seo-id="hero-price"]', '[data-testid="price-wrap"] [itemprop="price"]', '[data-automation-id="product-price"]', '[itemprop="price"]'],
  currency: (_doc, context) => (/walmart\.ca$/i.test(context.url?.hostname ?? '') ? 'CAD' : /walmart\.com\.mx$/i.test(context.url?.hostname ?? '') ? 'MXN' : 'USD'),
  // "Sold and shipped by <seller>": Walmart itself or a Marketplace seller with a profile link.
  seller: (doc, context) =>
    sellerFrom(doc, ['[data-testid="product-seller-info"] a[href*="/seller/"]', 'a[data-testid="seller-name-link"]', '[data-testid="product-seller-info"] [data-testid="seller-name"]', '.seller-name'], context, (url) => url.pathname.match(/\/seller\/(\d+)/)?.[1] ?? null),
  listingId: (_doc, context) => context.url?.pathname.match(/\/ip\/(?:[^/]+\/)?(\d{5,})/)?.[1] ?? null,
  pageType: (_doc, context) => (/^\/(search|browse)/.test(context.url?.pathname ?? '') ? 'search' : null),
  roots: ['[data-testid="product-title"]', '[data-testid="price-wrap"]', '[data-testid="product-seller-info"]', '[data-testid="product-description"]', '#item-product-details', '[data-testid="flex-container"] section'],
  searchRoots: ['[data-item-id]'],
});
