/**
 * The adapter registry: which adapter reads a page, and the listing facts it reads. Host first
 * (live pages, or a saved page's canonical/og:url), then page structure, then the generic
 * adapter. Site adapters fall back field by field to the generic one when their own selectors
 * find nothing.
 */
import type { ListingFacts } from '../findings.ts';
import type { AdapterContext, SiteAdapter } from './types.ts';
import { declaredUrl, outermost, ownText, safeQueryAll, textOf } from './dom.ts';
import { genericAdapter, genericFacts, genericRoots, priceHints } from './generic.ts';
import { isChrome } from './chrome.ts';
import { withMemo } from './memo.ts';
import { parsePrice, type Price } from './price.ts';
import { amazonAdapter } from './amazon.ts';
import { ebayAdapter } from './ebay.ts';
import { alibabaAdapter } from './alibaba.ts';
import { aliexpressAdapter } from './aliexpress.ts';
import { etsyAdapter } from './etsy.ts';
import { mercadolibreAdapter } from './mercadolibre.ts';
import { walmartAdapter } from './walmart.ts';
import { jdAdapter, taobaoAdapter } from './china.ts';
import { rakutenAdapter, yahooJapanAdapter } from './japan.ts';
import { yandexMarketAdapter } from './yandex.ts';
import { craigslistAdapter, facebookMarketplaceAdapter, olxAdapter, usedBoardAdapter } from './classifieds.ts';
import {
  bestbuyAdapter, costcoAdapter, eklinikaAdapter, emagAdapter, getItAdapter, johnLewisAdapter, kiabiAdapter,
  liveAuctioneersAdapter, namshiAdapter, parisAdapter, pchomeAdapter, stockCenterAdapter, vsezaociAdapter, wayfairAdapter,
} from './retailers.ts';
import { shopifyAdapter } from './shopify.ts';

/**
 * Every site adapter. Host matching tries them all; structure matching runs in this order, so
 * marketplaces with distinctive markup come first and the platform-wide Shopify test last.
 */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  amazonAdapter, ebayAdapter, alibabaAdapter, aliexpressAdapter, etsyAdapter, mercadolibreAdapter, walmartAdapter,
  taobaoAdapter, jdAdapter, rakutenAdapter, yahooJapanAdapter, yandexMarketAdapter,
  craigslistAdapter, olxAdapter, usedBoardAdapter, facebookMarketplaceAdapter,
  costcoAdapter, bestbuyAdapter, wayfairAdapter, parisAdapter, pchomeAdapter, liveAuctioneersAdapter,
  johnLewisAdapter, kiabiAdapter, namshiAdapter, emagAdapter, getItAdapter, eklinikaAdapter, vsezaociAdapter, stockCenterAdapter,
  shopifyAdapter,
];

/**
 * The adapter for a page: by host, then by structure, then generic. `declared` says the URL is
 * only what the page claims (its canonical link): a page may claim any host, so then the host's
 * adapter must also recognise the page's structure.
 */
export function findAdapter(doc: Document, url: URL | null, declared = false): SiteAdapter {
  const host = url?.hostname;
  if (host) {
    const byHost = SITE_ADAPTERS.find((a) => a.matchesHost(host));
    if (byHost && (!declared || byHost.matchesDocument(doc))) return byHost;
  }
  return SITE_ADAPTERS.find((a) => a.matchesDocument(doc)) ?? genericAdapter;
}

export interface ListingExtraction {
  adapter: string;
  facts: ListingFacts;
  roots: Element[];
}

/**
 * The listing facts and listing blocks of a page. `url` is the page's address when known; a saved
 * page without one is read at the address it declares (canonical link, og:url).
 */
export function extractListing(doc: Document, url: URL | null): ListingExtraction {
  return withMemo(() => extract(doc, url));
}

function extract(doc: Document, url: URL | null): ListingExtraction {
  const context: AdapterContext = { url: url ?? declaredUrl(doc) };
  const adapter = findAdapter(doc, context.url, url === null);
  let facts = adapter.extract(doc, context);
  let roots = adapter === genericAdapter ? [] : adapter.listingRoots(doc, context);
  if (adapter !== genericAdapter) {
    // Structured data fills what the site's selectors missed. The site operator is not a
    // fallback seller here: on a marketplace the operator is not the seller.
    const generic = genericFacts(doc, context);
    facts = {
      marketplace: facts.marketplace,
      pageType: facts.pageType === 'other' ? generic.pageType : facts.pageType,
      title: facts.title ?? generic.title,
      listingId: facts.listingId ?? generic.listingId,
      price: facts.price ?? generic.price,
      seller: facts.seller ?? generic.seller,
    };
  }
  if (facts.price && MACHINE_NUMBER.test(facts.price.text)) {
    facts = { ...facts, price: shownPrice(doc, roots, facts.price, context) };
  }
  // The title block belongs to the listing even where the site's selectors miss it.
  const title = facts.title?.slice(0, 24);
  const titleMissing = facts.pageType === 'item' && title && !roots.some((r) => textOf(r).includes(title));
  if (roots.length === 0 || titleMissing) {
    roots = outermost([...roots, ...genericRoots(doc, context, facts.price?.text ?? null)]);
  }
  return { adapter: adapter.id, facts, roots };
}

/** A price written for machines ("1899.00" in JSON-LD or a meta tag), not as the page shows it. */
const MACHINE_NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * Structured data gives the amount; the reviewer wants the price as the page shows it. Look for a
 * short visible text with the same amount, in the listing blocks first, then outside the page
 * chrome; keep the structured value when none is shown.
 */
function shownPrice(doc: Document, roots: readonly Element[], price: Price, context: AdapterContext): Price {
  const hints = { ...priceHints(doc, context), currency: price.currency };
  const scopes: ParentNode[] = [...roots, ...(doc.body ? [doc.body] : [])];
  for (const scope of scopes) {
    for (const el of safeQueryAll(scope, 'span, div, p, b, strong, td, li, dd, ins, bdi, h2, h3, h4')) {
      const raw = el.textContent ?? '';
      if (raw.length > 60 || !/\d/.test(raw) || isChrome(el)) continue;
      // A price label, not a sentence that happens to hold the number.
      if ((raw.match(/\p{L}/gu) ?? []).length > 8) continue;
      for (const text of [ownText(el), textOf(el)]) {
        const shown = parsePrice(text, hints);
        if (shown && shown.amount === price.amount && shown.text !== price.text && !MACHINE_NUMBER.test(shown.text)) {
          return { amount: price.amount, currency: shown.currency ?? price.currency, text: shown.text };
        }
      }
    }
  }
  return price;
}

export type { SiteAdapter, AdapterContext } from './types.ts';
