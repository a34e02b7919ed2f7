/**
 * Saved HTML pages for the static scan: parse with linkedom (fragments too), find the
 * page's own URL, build its text map with the static visibility probe, and scan it.
 */
import { parseHTML } from 'linkedom';
import { buildTextMap, staticVisibilityProbe } from '../core/page/index.ts';
import type { TextMap } from '../core/page/index.ts';
import type { ListingFacts, PageResult } from '../core/findings.ts';
import { extractListing } from '../core/adapters/index.ts';
import { declaredUrl } from '../core/adapters/dom.ts';
import type { ScanPageFn } from './page-input.ts';

/** Fragments (no html/head/body tag) get a document around them, as a browser would give them. */
export function parseHtmlDocument(html: string): Document {
  const whole = /<(html|head|body)[\s>]/i.test(html);
  const source = whole ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as Document;
}

function absoluteHttpUrl(value: string | null | undefined, base?: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The base for relative links: `<base href>` resolved against the page URL, else the page URL. */
export function baseUrlOf(doc: Document, pageUrl: string | null): string | undefined {
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  return absoluteHttpUrl(base, pageUrl ?? undefined) ?? pageUrl ?? undefined;
}

/**
 * The static text map of a parsed page; srcdoc iframes are parsed with linkedom too. On an
 * item page the page's title and meta descriptions describe the item: they are listing text.
 */
export function staticTextMap(doc: Document, listing: { roots: readonly Element[]; facts: ListingFacts }, baseUrl: string | undefined): TextMap {
  return buildTextMap(doc, {
    visibility: staticVisibilityProbe,
    listingRoots: listing.roots,
    ...(listing.facts.pageType === 'item' ? { metadataZone: 'listing' as const } : {}),
    parseHtml: parseHtmlDocument,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
  });
}

function httpUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface HtmlOrigin {
  /** The file, "stdin", or the URL asked for. */
  source: string;
  /** Where a capture or a browser says the page came from (MHTML's snapshot URL, the tab's URL). */
  capturedUrl: string | null;
  /** The URL when neither the capture nor the page says one: a file:// URL or "". */
  fallbackUrl: string;
  /** Iframe documents saved beside the page (MHTML), keyed by the iframe's src, read as its srcdoc. */
  frames?: ReadonlyMap<string, () => string>;
}

/**
 * Scans one page's HTML as the static scan does: parse, find its URL (capture, then canonical
 * link or og:url, then the fallback), let the site adapter say what the listing is, build the
 * text map, and hand it to the page assembly. Shared by `scan` and `capture`.
 */
export function scanHtml(html: string, origin: HtmlOrigin, scanPage: ScanPageFn): PageResult {
  const doc = parseHtmlDocument(html);
  const frames = origin.frames;
  if (frames && frames.size > 0) {
    for (const iframe of Array.from(doc.querySelectorAll('iframe[src]'))) {
      const frame = frames.get(iframe.getAttribute('src') ?? '');
      if (frame && !iframe.hasAttribute('srcdoc')) iframe.setAttribute('srcdoc', frame());
    }
  }
  // Only a captured URL is known; a saved page's canonical or og:url is what the page claims,
  // and extractListing weighs that claim against the page's structure itself.
  const capturedUrl = httpUrl(origin.capturedUrl);
  const pageUrl = capturedUrl ?? declaredUrl(doc)?.href ?? null;
  const listing = extractListing(doc, capturedUrl ? new URL(capturedUrl) : null);
  const map = staticTextMap(doc, listing, baseUrlOf(doc, pageUrl));
  return scanPage({ url: pageUrl ?? origin.fallbackUrl, source: origin.source, blocks: map.blocks, links: map.links, listing: listing.facts });
}

