/**
 * The generic adapter: listing facts from what any page declares about itself — JSON-LD
 * Product/Offer/Organization, OpenGraph (og:title, product:price:amount/currency), microdata
 * (itemprop name/price/priceCurrency/seller) — and from the visible <h1>. Site adapters fall back
 * to it field by field when their own selectors find nothing (see index.ts).
 */
import type { ListingFacts } from '../findings.ts';
import type { AdapterContext, SiteAdapter } from './types.ts';
import { closestSafe, metaContent, pageLang, safeQueryAll, squash, textOf, outermost } from './dom.ts';
import { parsePrice, priceFromValue, type Price, type PriceHints } from './price.ts';
import { remember } from './memo.ts';
import { jsonLdNodes, jsonLdOrganizationNames, jsonLdProducts, microdataProduct, typesOf } from './structured.ts';
import { chromeElements, isChrome } from './chrome.ts';

type Seller = NonNullable<ListingFacts['seller']>;

/** Hints for price parsing from the page itself: host, language, declared currency. */
export function priceHints(doc: Document, context: AdapterContext, currency: string | null = null): PriceHints {
  return {
    currency: currency ?? metaContent(doc, 'product:price:currency', 'og:price:currency'),
    host: context.url?.hostname ?? null,
    lang: pageLang(doc),
  };
}

/** Headings that are page chrome even when they are <h1>: dialogs, banners, menus, carts. */
function headingCandidates(doc: Document): Element[] {
  return safeQueryAll(doc, 'h1').filter((h1) => {
    const text = textOf(h1);
    if (text.length < 2 || text.length > 400) return false;
    if (isChrome(h1)) return false;
    return !closestSafe(h1, '[role="dialog"], dialog, [aria-modal="true"], [hidden], [aria-hidden="true"], [class*="cookie" i], [id*="cookie" i], [class*="consent" i], [class*="privacy" i], [class*="banner" i]');
  });
}

function tokens(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 1));
}

/** Share of the heading's words that also stand in the reference text (the <title>, og:title). */
function overlap(heading: string, reference: string): number {
  const a = tokens(heading);
  if (a.size === 0) return 0;
  const b = tokens(reference);
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / a.size;
}

/**
 * The visible heading that names the listing: among the page's <h1>s (menus, dialogs and banners
 * excluded), the one sharing most words with the document title and og:title, the longer on ties
 * (category headings are short; product names are not).
 */
export function listingHeading(doc: Document, reference: string | null): Element | null {
  const candidates = headingCandidates(doc);
  if (candidates.length <= 1) return candidates[0] ?? null;
  const ref = reference ?? '';
  let best: Element | null = null;
  let bestScore = -1;
  for (const h1 of candidates) {
    const text = textOf(h1);
    const score = overlap(text, ref) * 1000 + Math.min(text.length, 200);
    if (score > bestScore) {
      best = h1;
      bestScore = score;
    }
  }
  return best;
}

function documentTitle(doc: Document): string {
  return squash(doc.querySelector('title')?.textContent ?? '');
}

/** Who runs the site (og:site_name, Organization/WebSite name, application-name): the seller on a retailer's own page. */
export function siteOperator(doc: Document, nodes = jsonLdNodes(doc)): string | null {
  return metaContent(doc, 'og:site_name') ?? jsonLdOrganizationNames(nodes)[0] ?? metaContent(doc, 'application-name');
}

export interface GenericFacts extends ListingFacts {
  /** The page's operator, used as the seller only where the adapter says the site sells itself. */
  siteOperator: string | null;
}

/** Listing facts from structured data and the visible heading. */
export function genericFacts(doc: Document, context: AdapterContext): GenericFacts {
  return remember(`generic ${context.url?.href ?? ''}`, () => readGenericFacts(doc, context));
}

function readGenericFacts(doc: Document, context: AdapterContext): GenericFacts {
  const nodes = jsonLdNodes(doc);
  const products = jsonLdProducts(doc, nodes);
  const product = products.find((p) => p.name) ?? products[0] ?? null;
  const micro = microdataProduct(doc);
  const ogTitle = metaContent(doc, 'og:title');
  const heading = listingHeading(doc, `${documentTitle(doc)} ${ogTitle ?? ''} ${product?.name ?? ''}`);
  const headingText = heading ? textOf(heading) : null;
  const declared = product?.name ?? micro.name ?? null;
  // The visible heading is the title as the buyer reads it; structured names often append the
  // model or variant. Prefer the heading when it is a substantial part of the declared name.
  const headingFits =
    headingText !== null && declared !== null && overlap(headingText, declared) >= 0.8 && headingText.length >= 0.4 * declared.length;
  const title = (headingFits ? headingText : declared) ?? headingText ?? ogTitle;

  let price: Price | null = null;
  const offer = product?.offers[0];
  if (offer) price = priceFromValue(offer.price, offer.currency, priceHints(doc, context, offer.currency));
  if (!price) {
    const amount = metaContent(doc, 'product:price:amount', 'og:price:amount');
    const currency = metaContent(doc, 'product:price:currency', 'og:price:currency');
    price = priceFromValue(amount, currency, priceHints(doc, context, currency));
  }
  if (!price && micro.price) {
    price = priceFromValue(micro.price, micro.currency, priceHints(doc, context, micro.currency));
  }

  let seller: Seller | null = null;
  const offerSeller = product?.offers.find((o) => o.sellerName);
  if (offerSeller?.sellerName) seller = { name: offerSeller.sellerName, id: null, url: offerSeller.sellerUrl };
  else if (micro.seller) seller = { name: micro.seller, id: null, url: null };

  const isProduct = products.length > 0 || micro.scope !== null || /product/i.test(metaContent(doc, 'og:type') ?? '');
  return {
    marketplace: marketplaceFromHost(context.url),
    pageType: searchLike(doc, context) ? 'search' : isProduct || price ? 'item' : 'other',
    title,
    listingId: product?.sku ?? null,
    price,
    seller,
    siteOperator: siteOperator(doc, nodes),
  };
}

/** "www.shop.example.co.uk" → "shop.example.co.uk": a stable id for pages without an adapter. */
export function marketplaceFromHost(url: URL | null): string | null {
  if (!url) return null;
  return url.hostname.toLowerCase().replace(/^(www\d*|m)\./, '') || null;
}

/** Search-result pages: a search URL, or a SearchResultsPage / ItemList declared as the page. */
export function searchLike(doc: Document, context: AdapterContext): boolean {
  const url = context.url;
  if (url && (/\/(search|s|sch|busca|buscar|suche|recherche|wholesale)(\/|$|\.)/i.test(url.pathname) || /[?&](q|k|query|keyword|keywords|_nkw|search_query|searchtext|SearchText|text)=/i.test(url.search))) {
    return true;
  }
  return jsonLdNodes(doc).some((n) => typesOf(n).includes('searchresultspage'));
}

/**
 * The listing's own elements: the Product microdata scope, or the closest block holding both the
 * title heading and the price, when that block is not page chrome and holds no chrome.
 */
export function genericRoots(doc: Document, context: AdapterContext, priceText: string | null = null): Element[] {
  const micro = microdataProduct(doc);
  const roots: Element[] = [];
  if (micro.scope && isListingBlock(micro.scope) && textOf(micro.scope).length <= 8000) roots.push(micro.scope);
  const facts = genericFacts(doc, context);
  const heading = listingHeading(doc, `${documentTitle(doc)} ${metaContent(doc, 'og:title') ?? ''} ${facts.title ?? ''}`);
  if (heading) roots.push(...headingBlocks(doc, heading, priceText ?? facts.price?.text ?? null));
  for (const el of safeQueryAll(doc, '[itemprop="description"], #description, #product-description, #productDescription, [class*="product-description" i], [class*="productDescription" i]')) {
    if (isListingBlock(el)) roots.push(el);
  }
  return outermost(roots);
}

/** A block is part of the listing when it is not inside chrome and holds no chrome, nor the whole body. */
export function isListingBlock(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'HTML' || tag === 'BODY') return false;
  if (isChrome(el)) return false;
  return chromeElements(el).length === 0;
}

/** Text length of a block of modest size: a title with its buy box, a price with its labels. */
const MODEST = 1500;

/** The element's largest ancestor (itself included) of modest size that is still a listing block. */
function modestBlock(el: Element): Element {
  let best = el;
  let current = el.parentElement;
  for (let depth = 0; current && depth < 8; depth += 1, current = current.parentElement) {
    if (!isListingBlock(current) || textOf(current).length > MODEST) break;
    best = current;
  }
  return best;
}

/** The smallest visible, non-chrome element whose text shows the price. */
function priceElement(doc: Document, priceText: string): Element | null {
  let found: Element | null = null;
  for (const el of safeQueryAll(doc.body ?? doc, 'span, div, p, b, strong, td, li, dd, ins, bdi, h2, h3, h4, meta')) {
    const raw = el.textContent ?? '';
    if (raw.length > 200 || !raw.includes(priceText) || isChrome(el)) continue;
    if (!found || found.contains(el)) found = el;
    else break;
  }
  return found;
}

/**
 * The heading's blocks: the nearest ancestor that also shows the price (title plus buy box) when
 * that is of modest size; otherwise the heading's modest block and the price's, separately.
 * Never chrome, never a block holding chrome, never a page section of recommendations.
 */
function headingBlocks(doc: Document, heading: Element, priceText: string | null): Element[] {
  const block = modestBlock(heading);
  const price = priceText && /\D/.test(priceText) ? priceText : null;
  if (!price || textOf(block).includes(price)) return [block];
  const priceEl = priceElement(doc, price);
  return priceEl ? [block, modestBlock(priceEl)] : [block];
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matchesHost: () => true,
  matchesDocument: () => true,
  extract(doc, context) {
    const { siteOperator: operator, ...facts } = genericFacts(doc, context);
    // On a page without a marketplace adapter, an item the site offers without naming another
    // seller is sold by the site itself (a retailer's own product page).
    const seller = facts.seller ?? (operator && facts.pageType === 'item' && facts.price ? { name: operator, id: null, url: null } : null);
    return { ...facts, seller };
  },
  listingRoots: (doc, context) => genericRoots(doc, context),
};

export type { Price };
export { parsePrice };
