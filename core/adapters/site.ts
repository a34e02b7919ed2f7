/**
 * The shape every marketplace adapter file fills in: which hosts and page structures are its
 * own, and where on the page its title, price, seller and listing blocks stand. Adding a
 * marketplace is one call to defineSiteAdapter in one file, registered in index.ts.
 */
import type { ListingFacts } from '../findings.ts';
import type { AdapterContext, SiteAdapter } from './types.ts';
import { firstText, outermost, ownText, safeQuery, safeQueryAll, squash, textOf } from './dom.ts';
import { parsePrice, type Price } from './price.ts';
import { isListingBlock, priceHints, searchLike } from './generic.ts';

export type Seller = NonNullable<ListingFacts['seller']>;
export type PageType = ListingFacts['pageType'];

export interface SiteSpec {
  id: string;
  /** Hostnames of this family (tested against the whole hostname). */
  hosts: RegExp;
  /** Recognises the family's page structure when the URL is unknown (saved pages). */
  structure: (doc: Document) => boolean;
  /** Title selectors, most specific first. */
  title?: readonly string[];
  /** A title reader for layouts selectors cannot express; tried before `title`. */
  titleFrom?: (doc: Document, context: AdapterContext) => string | null;
  /** Removes site furniture around the title ("Details about", "mostra il titolo originale"). */
  cleanTitle?: (title: string) => string;
  /** Price selectors, most specific first; the first that parses wins. */
  price?: readonly string[];
  /** A price reader for layouts selectors cannot express; tried before `price`. */
  priceFrom?: (doc: Document, context: AdapterContext) => Price | null;
  /** The currency this site's prices are in when the symbol alone does not tell (e.g. amazon.com → USD). */
  currency?: (doc: Document, context: AdapterContext) => string | null;
  seller?: (doc: Document, context: AdapterContext) => Seller | null;
  listingId?: (doc: Document, context: AdapterContext) => string | null;
  pageType?: (doc: Document, context: AdapterContext) => PageType | null;
  /** The listing's blocks on an item page: title and buy box, description, seller block. */
  roots?: readonly string[];
  /** The result items on a search page. */
  searchRoots?: readonly string[];
  /** The site sells its own stock: when no other seller is named, it is the seller. */
  firstPartySeller?: string;
}

/** The first selector match whose text parses as a price. */
export function priceAt(doc: Document, selectors: readonly string[], context: AdapterContext, currency: string | null): Price | null {
  const hints = priceHints(doc, context, currency);
  for (const selector of selectors) {
    for (const el of safeQueryAll(doc, selector)) {
      if (el.tagName.toUpperCase() === 'META') {
        const price = parsePrice(el.getAttribute('content'), hints);
        if (price) return price;
        continue;
      }
      // The element's own text first: "$229.990" rather than "$229.990 -18%" from a badge inside it.
      const price = parsePrice(ownText(el), hints) ?? parsePrice(textOf(el), hints);
      if (price) return price;
    }
  }
  return null;
}

/** A seller from a name element and an optional profile link. */
export function sellerFrom(doc: Document, nameSelectors: readonly string[], context: AdapterContext, idFromUrl?: (url: URL) => string | null): Seller | null {
  for (const selector of nameSelectors) {
    const el = safeQuery(doc, selector);
    const name = el ? textOf(el) : '';
    if (!el || !name) continue;
    const link = el.closest('a[href]') ?? el.querySelector('a[href]');
    const url = linkUrl(link?.getAttribute('href') ?? null, context);
    return { name, id: url && idFromUrl ? idFromUrl(url) : null, url: url?.href ?? null };
  }
  return null;
}

export function linkUrl(href: string | null, context: AdapterContext): URL | null {
  if (!href || /^\s*(javascript|data):/i.test(href)) return null;
  try {
    const base = context.url ?? undefined;
    const url = base ? new URL(href, base) : new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // Tracking parameters say who clicked, not who sells: drop them so the seller URL is stable.
    for (const key of [...url.searchParams.keys()]) {
      if (/^(_trk|_trksid|ref_?$|ref$|pf_rd_|pd_rd_|spm$|utm_|scm$|gclid$|fbclid$)/i.test(key)) url.searchParams.delete(key);
    }
    return url;
  } catch {
    return null;
  }
}

export function defineSiteAdapter(spec: SiteSpec): SiteAdapter {
  const pageTypeOf = (doc: Document, context: AdapterContext, facts: { title: string | null; price: Price | null }): PageType =>
    spec.pageType?.(doc, context) ?? (searchLike(doc, context) ? 'search' : facts.title || facts.price ? 'item' : 'other');

  return {
    id: spec.id,
    matchesHost: (host) => spec.hosts.test(host.toLowerCase()),
    matchesDocument: (doc) => {
      try {
        return spec.structure(doc);
      } catch {
        return false;
      }
    },
    extract(doc, context) {
      const rawTitle = spec.titleFrom?.(doc, context) ?? (spec.title ? firstText(doc, spec.title) : null);
      const title = rawTitle ? squash(spec.cleanTitle ? spec.cleanTitle(rawTitle) : rawTitle) || null : null;
      const price =
        spec.priceFrom?.(doc, context) ??
        (spec.price ? priceAt(doc, spec.price, context, spec.currency?.(doc, context) ?? null) : null);
      const seller = spec.seller?.(doc, context) ?? (spec.firstPartySeller ? { name: spec.firstPartySeller, id: null, url: null } : null);
      return {
        marketplace: spec.id,
        pageType: pageTypeOf(doc, context, { title, price }),
        title,
        listingId: spec.listingId?.(doc, context) ?? null,
        price,
        seller,
      };
    },
    listingRoots(doc, context) {
      const search = pageTypeOf(doc, context, { title: 'x', price: null }) === 'search';
      const selectors = (search ? spec.searchRoots : spec.roots) ?? [];
      const found = selectors.flatMap((s) => safeQueryAll(doc, s)).filter(isListingBlock);
      return outermost(found);
    },
  };
}

/** Hostname test helper: the host is `domain` or a subdomain of it, for any of the given suffixes. */
export function hostPattern(...domains: string[]): RegExp {
  const escaped = domains.map((d) => d.replace(/[.]/g, '\\.'));
  return new RegExp(`(^|\\.)(${escaped.join('|')})$`, 'i');
}
