/**
 * Saved HTML pages for the static scan: parse with linkedom (fragments too), find the
 * page's own URL, and build its text map with the static visibility probe.
 */
import { parseHTML } from 'linkedom';
import { buildTextMap, staticVisibilityProbe } from '../core/page/index.ts';
import type { TextMap } from '../core/page/index.ts';
import type { ListingFacts } from '../core/findings.ts';

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
