/**
 * Shopify storefronts, on any domain: recognised by the platform's own traces (cdn.shopify.com
 * assets, the Shopify.theme object, /products/<handle> URLs). The store is the seller.
 */
import { metaContent, safeQuery, safeQueryAll } from './dom.ts';
import { defineSiteAdapter } from './site.ts';

function isShopify(doc: Document): boolean {
  if (safeQuery(doc, 'link[href*="cdn.shopify.com"], script[src*="cdn.shopify.com"], meta[name="shopify-digital-wallet"], meta[name="shopify-checkout-api-token"]')) return true;
  return safeQueryAll(doc, 'script:not([src])').some((s) => /\bShopify\.(theme|shop)\s*=/.test(s.textContent ?? ''));
}

export const shopifyAdapter = defineSiteAdapter({
  id: 'shopify',
  hosts: /(^|\.)myshopify\.com$/i,
  structure: isShopify,
  title: ['.product__title h1', 'h1.product__title', 'h1.product-single__title', 'h1.product_title', '.product-title h1', '.product__info-container h1', 'product-info h1'],
  price: ['.product__info-container .price-item--sale', '.product__info-container .price-item--regular', '.price__sale .price-item--sale', '.product-single__price', '[data-product-price]', '.product__price', '.price .money', '[itemprop="price"]'],
  currency: (doc) => metaContent(doc, 'og:price:currency', 'product:price:currency') ?? safeQuery(doc, '[itemprop="priceCurrency"]')?.getAttribute('content') ?? null,
  // A storefront sells its own stock; og:site_name names the shop.
  seller: (doc) => {
    const name = metaContent(doc, 'og:site_name');
    return name ? { name, id: null, url: null } : null;
  },
  listingId: (doc) => safeQuery(doc, 'form[action*="/cart/add"] [name="id"], input[name="product-id"]')?.getAttribute('value') ?? null,
  pageType: (_doc, context) => (/^\/search/.test(context.url?.pathname ?? '') ? 'search' : /^\/(collections\/[^/]+\/)?products\//.test(context.url?.pathname ?? '') ? 'item' : null),
  roots: ['.product__info-container', '.product-single__meta', '.product__info', '.product-single', '.product__description', '.product-single__description', '[itemtype*="schema.org/Product"]', 'product-info', '.product'],
  searchRoots: ['.grid__item .card-wrapper', '.product-card'],
});
