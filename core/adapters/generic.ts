/**
 * The generic adapter: listing facts from what any page declares about itself — JSON-LD
 * Product/Offer/Organization, OpenGraph (og:title, product:price:amount/currency), microdata
 * (itemprop name/price/priceCurrency/seller) — and from the visible <h1>. Site adapters fall back
 * to it field by field when their own selectors find nothing (see index.ts).
 */
import type { ListingFacts } from '../findings.ts';
import type { AdapterContext, SiteAdapter } from './types.ts';
import { closestSafe, metaContent, ownText, pageLang, safeQueryAll, squash, textOf, outermost, toUrl } from './dom.ts';
import { parsePrice, priceFromValue, type Price, type PriceHints } from './price.ts';
import { remember } from './memo.ts';
import { jsonLdNodes, jsonLdOrganizationNames, jsonLdProducts, microdataProduct, typesOf } from './structured.ts';
import { holdsChrome, isChrome } from './chrome.ts';

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
  // The first offer with a readable price (junk offers first in the list are skipped).
  for (const offer of product?.offers ?? []) {
    price = priceFromValue(offer.price, offer.currency, priceHints(doc, context, offer.currency));
    if (price) break;
  }
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
  if (offerSeller?.sellerName) seller = { name: offerSeller.sellerName, id: null, url: toUrl(offerSeller.sellerUrl, context.url)?.href ?? null };
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
  const nodes = jsonLdNodes(doc);
  if (nodes.some((n) => typesOf(n).includes('searchresultspage'))) return true;
  const url = context.url;
  if (!url) return false;
  if (/\/(search|s|sch|busca|buscar|suche|recherche|wholesale)(\/|$|\.)/i.test(url.pathname)) return true;
  // A search parameter alone is weaker evidence (product links carry "?q=" from the search that
  // led to them): it counts only when the page does not declare itself one product.
  if (!/[?&](q|k|query|keyword|keywords|_nkw|search_query|searchtext|text)=/i.test(url.search)) return false;
  const oneProduct = jsonLdProducts(doc, nodes).length === 1 || /product/i.test(metaContent(doc, 'og:type') ?? '');
  return !oneProduct;
}

/**
 * The listing's own elements: the Product microdata scope, or the closest block holding both the
 * title heading and the price, when that block is not page chrome and holds no chrome.
 */
export function genericRoots(doc: Document, context: AdapterContext, priceText: string | null = null): Element[] {
  if (searchLike(doc, context)) return searchResultItems(doc);
  const micro = microdataProduct(doc);
  const roots: Element[] = [];
  if (micro.scope && isListingBlock(micro.scope) && textOf(micro.scope).length <= 8000) roots.push(micro.scope);
  const facts = genericFacts(doc, context);
  const heading = listingHeading(doc, `${documentTitle(doc)} ${metaContent(doc, 'og:title') ?? ''} ${facts.title ?? ''}`);
  if (heading) roots.push(...headingBlocks(doc, heading, priceText ?? facts.price?.text ?? null));
  roots.push(...descriptionBlocks(doc));
  return outermost(roots);
}

/** Names shops give result items. */
const RESULT_ITEM = /product|result|item|card|tile|listing|offer/i;

/**
 * The result items of a search page: the page's Product microdata scopes when it marks up two or
 * more; otherwise the largest group of sibling blocks named like items that each link somewhere
 * and show a price.
 */
export function searchResultItems(doc: Document): Element[] {
  const scopes = safeQueryAll(doc, '[itemscope][itemtype]').filter((el) => /schema\.org\/Product$/i.test(el.getAttribute('itemtype') ?? ''));
  if (scopes.length >= 2) return outermost(scopes).filter(isListingBlock);
  const groups = new Map<Element, Element[]>();
  for (const el of safeQueryAll(doc, 'li[class], article, div[class]')) {
    const parent = el.parentElement;
    if (!parent || !RESULT_ITEM.test(el.getAttribute('class') ?? '')) continue;
    if ((el.textContent ?? '').length > 3000 || !el.querySelector('a[href]')) continue;
    const group = groups.get(parent) ?? [];
    group.push(el);
    groups.set(parent, group);
  }
  let best: Element[] = [];
  for (const group of groups.values()) {
    const priced = group.filter((el) => shownAmounts(el, 1) > 0);
    if (priced.length >= 3 && priced.length > best.length) best = priced;
  }
  return best.filter(isListingBlock);
}

/** Where shops put the listing's description (schema.org, WooCommerce, Shopify, Magento, PrestaShop, …). */
const DESCRIPTION = [
  '[itemprop="description"]',
  '#description',
  '#tab-description',
  '#product-description',
  '#productDescription',
  '[class*="product-description" i]',
  '[class*="productDescription" i]',
  '[class*="product__description" i]',
  '[class*="product-details" i]',
  '[class*="productDetails" i]',
  '[id*="description" i]',
  '[class*="description" i]',
].join(', ');

/** Recommendation carousels and product cards repeat other listings' descriptions. */
const OTHER_LISTINGS = /card|tile|carousel|slider|swiper|recommend|related|similar|upsell|cross-?sell|also-?(bought|viewed)/i;

/**
 * The description blocks: text-bearing blocks whose id or class says "description", not
 * inside chrome and not inside cards or carousels of other listings.
 */
function descriptionBlocks(doc: Document): Element[] {
  const blocks: Element[] = [];
  for (const el of safeQueryAll(doc, DESCRIPTION)) {
    if (!/^(DIV|SECTION|ARTICLE|P|UL|OL|DL|TD|DD|MAIN)$/i.test(el.tagName)) continue;
    const length = (el.textContent ?? '').length;
    if (length < 40 || length > 60000) continue;
    let other = false;
    for (let p: Element | null = el, depth = 0; p && depth < 6; p = p.parentElement, depth += 1) {
      if (OTHER_LISTINGS.test(`${p.id} ${p.getAttribute('class') ?? ''}`)) other = true;
    }
    if (!other && isListingBlock(el)) blocks.push(el);
  }
  return blocks;
}

/** A block is part of the listing when it is not inside chrome and holds no chrome, nor the whole body. */
export function isListingBlock(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'HTML' || tag === 'BODY') return false;
  if (isChrome(el)) return false;
  return !holdsChrome(el);
}

/** Longest text a single listing's block has; beyond it a block is a page section. */
const MAX_BLOCK = 8000;

/** Containers of other listings, by the names shops give them. */
const OTHER_LISTINGS_CONTAINER =
  '[class*="carousel" i], [class*="slider" i], [class*="swiper" i], [class*="recommend" i], [class*="related" i], [class*="similar" i], [class*="upsell" i], [id*="carousel" i], [id*="related" i], [id*="recommend" i], [data-aut-id="itemBox"]';

/** Distinct amounts shown as short price labels inside the element (stops counting at `enough`). */
function shownAmounts(root: Element, enough: number): number {
  const amounts = new Set<number>();
  for (const el of safeQueryAll(root, 'span, div, p, b, strong, ins, del, s, bdi')) {
    const text = ownText(el);
    if (text.length === 0 || text.length > 24 || !/\d/.test(text)) continue;
    // A price label carries a currency sign or word ("Rs 22,300" counts even where "Rs" is ambiguous).
    const price = parsePrice(text);
    if (price && (price.currency || /[^\d\s.,%+\-–()]/u.test(text))) amounts.add(price.amount);
    if (amounts.size >= enough) break;
  }
  return amounts.size;
}

/**
 * The block shows other listings: a recommendation container showing two or more prices or item
 * links, or prices of many different amounts (a grid of other items; one listing shows a price,
 * a former price, a saving, shipping, instalments).
 */
function holdsOtherListings(block: Element): boolean {
  const containers = safeQueryAll(block, OTHER_LISTINGS_CONTAINER);
  // Cards of other listings, each with its own price (OLX's "itemBox"), or one carousel of them.
  if (containers.filter((c) => shownAmounts(c, 1) > 0).length >= 2) return true;
  for (const container of containers) {
    if (safeQueryAll(container, 'a[href] img').length >= 2 || shownAmounts(container, 2) >= 2) return true;
  }
  return shownAmounts(block, 6) >= 6;
}

/**
 * The element's largest ancestor (itself included) that is still one listing's block: no chrome,
 * no other listings, not a whole page section.
 */
function modestBlock(el: Element): Element {
  let best = el;
  let current = el.parentElement;
  for (let depth = 0; current && depth < 8; depth += 1, current = current.parentElement) {
    if (!isListingBlock(current) || textOf(current).length > MAX_BLOCK || holdsOtherListings(current)) break;
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
