/**
 * Structured data a page carries for machines: JSON-LD, microdata `content` values and
 * meta/OpenGraph tags. Sellers put drug names there for search engines while keeping the
 * visible text clean, so their text values are scanned as `where: "structured-data"`.
 * URLs, prices, dates and identifiers of images are not text to scan.
 */

/** Keys (JSON-LD) and itemprops (microdata) whose values are words a person wrote. */
const TEXT_KEYS = new Set([
  'name', 'alternatename', 'description', 'disambiguatingdescription', 'brand', 'manufacturer',
  'sku', 'mpn', 'model', 'category', 'keywords', 'headline', 'alternativeheadline', 'abstract',
  'articlebody', 'text', 'reviewbody', 'slogan', 'legalname', 'seller', 'offers', 'itemoffered',
  'activeingredient', 'nonproprietaryname', 'proprietaryname', 'drugclass', 'drugunit',
  'dosageform', 'administrationroute', 'isproprietary', 'prescriptionstatus', 'legalstatus',
  'additionalproperty', 'material', 'color', 'size', 'award', 'caption', 'hasvariant', 'isvariantof',
]);

/** Keys whose string values are never words to scan, whatever object holds them. */
const NON_TEXT_KEYS = new Set(['@context', '@id', '@type', 'url', 'image', 'logo', 'sameas', 'thumbnailurl']);

/** Meta names and OpenGraph properties that describe the page in words. */
const META_NAMES = new Set([
  'description', 'keywords', 'og:title', 'og:description', 'twitter:title', 'twitter:description',
  'product:brand', 'product:category',
]);

export function isTextItemprop(itemprop: string): boolean {
  return itemprop
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .some((p) => TEXT_KEYS.has(p));
}

/** The meta element's name or property when it is one worth scanning, else null. */
export function scannedMetaName(meta: Element): string | null {
  const name = (meta.getAttribute('property') ?? meta.getAttribute('name'))?.trim().toLowerCase();
  return name !== undefined && META_NAMES.has(name) ? name : null;
}

function looksLikeUrl(value: string): boolean {
  return /^(https?:|\/\/|www\.|data:)/i.test(value.trim());
}

/** Types whose text values describe the thing listed, not the site that lists it. */
const LISTING_TYPES = new Set([
  'product', 'individualproduct', 'productgroup', 'productmodel', 'offer', 'aggregateoffer', 'drug',
  'dietarysupplement', 'vehicle', 'book', 'medicalentity', 'substance',
]);

/** Types that describe the site around the listing: breadcrumbs, navigation, the site search. */
const CHROME_TYPES = new Set([
  'breadcrumblist', 'sitenavigationelement', 'wpheader', 'wpfooter', 'wpsidebar', 'website', 'searchaction',
]);

export interface JsonLdValue {
  path: string;
  text: string;
  /** Where the value sits: in a Product/Offer/Drug ('listing'), in breadcrumbs or site navigation ('page'), or neither (null). */
  zone: 'listing' | 'page' | null;
}

function typesOf(obj: Record<string, unknown>): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

const MAX_DEPTH = 24;
const MAX_VALUES = 2000;

/**
 * The text values of a parsed JSON-LD document, with their JSON paths. A value counts when
 * its key is a text key (or it is the `value` of a PropertyValue), or when it sits in an array
 * or object under a text key (`brand: {name}` and `keywords: [..]` alike).
 */
export function jsonLdTextValues(data: unknown): JsonLdValue[] {
  const out: JsonLdValue[] = [];
  type ZoneHint = JsonLdValue['zone'];
  const walk = (node: unknown, path: string, key: string | null, textual: boolean, zone: ZoneHint, depth: number): void => {
    if (out.length >= MAX_VALUES || depth > MAX_DEPTH) return;
    if (typeof node === 'string') {
      if (textual && node.trim() !== '' && !looksLikeUrl(node)) out.push({ path, text: node, zone });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`, key, textual, zone, depth + 1));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const types = typesOf(obj);
    // Chrome wins: a Product's breadcrumb trail is site navigation, and so is anything inside the trail.
    const chrome = zone === 'page' || types.some((t) => CHROME_TYPES.has(t));
    const listing = zone === 'listing' || types.some((t) => LISTING_TYPES.has(t));
    const inner: ZoneHint = chrome ? 'page' : listing ? 'listing' : zone;
    const propertyValue = types.includes('propertyvalue');
    for (const [k, v] of Object.entries(obj)) {
      const lower = k.toLowerCase();
      if (NON_TEXT_KEYS.has(lower)) continue;
      const isText = TEXT_KEYS.has(lower) || (propertyValue && lower === 'value');
      walk(v, `${path}${/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`, lower, isText, inner, depth + 1);
    }
  };
  walk(data, '$', null, false, null, 0);
  return out;
}

/**
 * Parses a JSON-LD script's text. Pages wrap it in HTML comments or CDATA and leave
 * stray control characters; those are tolerated. Null when it still is not JSON.
 */
export function parseJsonLd(source: string): unknown {
  const cleaned = source
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*(\/\/)?\s*<!\[CDATA\[|(\/\/)?\s*\]\]>\s*$/g, '');
  try {
    return JSON.parse(cleaned);
  } catch {
    try {
      // Raw newlines and tabs inside strings are the commonest breakage.
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}
