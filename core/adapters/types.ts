/**
 * Site adapters: one small module per marketplace family, recognised by host and by
 * page structure (saved pages have no URL). Adapters take a Document as an argument
 * so the extension (live DOM) and the CLI (parsed HTML) share them unchanged.
 */
import type { ListingFacts } from '../findings.ts';

export interface AdapterContext {
  /** The page's URL when known (live pages, or a saved page's canonical/og:url); null otherwise. */
  url: URL | null;
}

export interface SiteAdapter {
  /** Stable id, also the `marketplace` value it reports, e.g. "amazon", "mercadolibre". */
  readonly id: string;
  /** True when the host belongs to this marketplace family (amazon.co.uk, amazon.com.mx, …). */
  matchesHost(host: string): boolean;
  /** True when the page's structure is this marketplace's, for pages without a URL. */
  matchesDocument(doc: Document): boolean;
  /** The listing facts; unknown is null, never a guess. */
  extract(doc: Document, context: AdapterContext): ListingFacts;
  /**
   * The elements that are the listing itself (title, price, description, seller block, for a
   * search page the result items). Text outside them is page chrome: menus, footers, navigation,
   * recommendations. Empty when the adapter cannot tell (then the page-level heuristics decide).
   */
  listingRoots(doc: Document, context: AdapterContext): Element[];
}
