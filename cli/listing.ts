/**
 * The listing facts and listing roots of a parsed page, from the site adapters
 * (core/adapters). The CLI and the extension use the same adapters, so both paths give
 * the same facts for the same page (issue #10).
 */
import type { AdapterContext, SiteAdapter } from '../core/adapters/types.ts';
import { EMPTY_LISTING } from '../core/findings.ts';
import type { ListingFacts } from '../core/findings.ts';

export interface PageListing {
  facts: ListingFacts;
  roots: Element[];
}

// TODO(2026-11-29): use core/adapters/index.ts `extractListing` once the adapters branch lands in main.
const ADAPTERS: readonly SiteAdapter[] = [];

/** The adapter for a page: by host when the URL is known, else by page structure. */
function findAdapter(doc: Document, url: URL | null): SiteAdapter | null {
  if (url) {
    const byHost = ADAPTERS.find((a) => a.matchesHost(url.hostname));
    if (byHost) return byHost;
  }
  return ADAPTERS.find((a) => a.matchesDocument(doc)) ?? null;
}

export function extractListing(doc: Document, url: URL | null): PageListing {
  const adapter = findAdapter(doc, url);
  if (!adapter) return { facts: EMPTY_LISTING, roots: [] };
  const context: AdapterContext = { url };
  return { facts: adapter.extract(doc, context), roots: adapter.listingRoots(doc, context) };
}
