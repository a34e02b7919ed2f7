/**
 * Structured product data a page declares about itself: JSON-LD (schema.org Product, Offer,
 * AggregateOffer, Organization, including @graph and arrays), and microdata (itemprop). Pages
 * are hostile: malformed JSON is skipped, never thrown, and nothing here runs page code.
 */
import { safeQueryAll, squash, textOf } from './dom.ts';
import { remember } from './memo.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface StructuredOffer {
  price: unknown;
  currency: string | null;
  sellerName: string | null;
  sellerUrl: string | null;
}

export interface StructuredProduct {
  name: string | null;
  sku: string | null;
  offers: StructuredOffer[];
  brand: string | null;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** schema.org types of a node, bare and lower-cased ("http://schema.org/Product" → "product"). */
export function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
}

/** Every JSON object in the page's JSON-LD blocks, depth first, @graph and arrays flattened. */
export function jsonLdNodes(doc: Document): JsonObject[] {
  return remember('jsonld', () => readJsonLd(doc));
}

function readJsonLd(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: Json | undefined, depth: number): void => {
    if (depth > 12 || value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    nodes.push(value);
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (typeof child === 'object' && child !== null) visit(child, depth + 1);
    }
  };
  for (const script of safeQueryAll(doc, 'script[type="application/ld+json" i], script[type="application/ld+json"]')) {
    const source = (script.textContent ?? '')
      .replace(/^\s*<!--/, '')
      .replace(/-->\s*$/, '')
      .replace(/^\s*\/\/<!\[CDATA\[/, '')
      .replace(/\/\/\]\]>\s*$/, '');
    try {
      visit(JSON.parse(source) as Json, 0);
    } catch {
      // Many sites ship JSON-LD with raw newlines inside strings; one more chance without them.
      try {
        visit(JSON.parse(source.replace(/[\r\n\t]+/g, ' ')) as Json, 0);
      } catch {
        // Malformed: the page gets no structured data from this block.
      }
    }
  }
  return [...new Set(nodes)];
}

function str(value: Json | undefined): string | null {
  if (typeof value === 'string') return squash(decodeEntities(value)) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return str(value[0]);
  if (isObject(value)) return str(value['name'] ?? value['@value']);
  return null;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };
// Latin-1 letters by their entity names (&iacute; → í, &Ntilde; → Ñ, &uuml; → ü, …).
for (const [base, marks] of Object.entries({ a: 'grave acute circ tilde uml ring', e: 'grave acute circ uml', i: 'grave acute circ uml', o: 'grave acute circ tilde uml', u: 'grave acute circ uml', y: 'acute uml', n: 'tilde', c: 'cedil' })) {
  const combining: Record<string, string> = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030a', cedil: '\u0327' };
  for (const mark of marks.split(' ')) {
    NAMED_ENTITIES[base + mark] = (base + (combining[mark] ?? '')).normalize('NFC');
    NAMED_ENTITIES[base.toUpperCase() + mark] = (base.toUpperCase() + (combining[mark] ?? '')).normalize('NFC');
  }
}
Object.assign(NAMED_ENTITIES, { szlig: 'ß', aelig: 'æ', oslash: 'ø', euro: '€', pound: '£', reg: '®', trade: '™', copy: '©', ndash: '–', mdash: '—', hellip: '…' });

/** Some sites HTML-escape strings inside JSON-LD ("&#x27;", "&amp;"). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    const e = entity.toLowerCase();
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : e.startsWith('#') ? parseInt(e.slice(1), 10) : NaN;
    if (e.startsWith('#')) return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    if (NAMED_ENTITIES[entity] !== undefined) return NAMED_ENTITIES[entity];
    return NAMED_ENTITIES[e] ?? whole;
  });
}

function offersOf(node: JsonObject, inheritedCurrency: string | null, depth = 0): StructuredOffer[] {
  if (depth > 4) return [];
  const raw = node['offers'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const offers: StructuredOffer[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    const spec = isObject(item['priceSpecification'])
      ? item['priceSpecification']
      : Array.isArray(item['priceSpecification']) && isObject(item['priceSpecification'][0])
        ? item['priceSpecification'][0]
        : null;
    const currency = str(item['priceCurrency']) ?? (spec ? str(spec['priceCurrency']) : null) ?? inheritedCurrency;
    const price = item['price'] ?? item['lowPrice'] ?? spec?.['price'] ?? null;
    const seller = item['seller'];
    const sellerName = isObject(seller) ? str(seller['name']) : typeof seller === 'string' ? str(seller) : null;
    const sellerUrl = isObject(seller) ? str(seller['url'] ?? seller['@id']) : null;
    // AggregateOffer may nest its individual offers; they carry the seller.
    const nested = offersOf(item, currency, depth + 1);
    if (price !== null && price !== '') offers.push({ price, currency, sellerName, sellerUrl });
    for (const offer of nested) offers.push({ ...offer, sellerName: offer.sellerName ?? sellerName });
  }
  return offers;
}

/** The page's schema.org Product nodes (also lower-case "product", as some sites write it). */
export function jsonLdProducts(doc: Document, nodes = jsonLdNodes(doc)): StructuredProduct[] {
  const products: StructuredProduct[] = [];
  for (const node of nodes) {
    const types = typesOf(node);
    const isProduct = types.some((t) => t === 'product' || t === 'productgroup' || t === 'vehicle' || t === 'car' || t === 'individualproduct');
    if (!isProduct) continue;
    let offers = offersOf(node, null);
    // A product may instead be the itemOffered of an Offer (classified ads, vehicles).
    if (offers.length === 0) {
      const wrapping = nodes.find((n) => n['itemOffered'] === node && typesOf(n).includes('offer'));
      if (wrapping) offers = offersOf({ offers: wrapping }, null);
    }
    products.push({
      name: str(node['name']),
      sku: str(node['sku'] ?? node['productID'] ?? node['mpn']),
      offers,
      brand: str(node['brand']),
    });
  }
  // Some pages (classified ads) publish a bare Offer with an itemOffered instead of a Product.
  if (products.length === 0) {
    for (const node of nodes) {
      if (!typesOf(node).includes('offer')) continue;
      const item = node['itemOffered'];
      const wrapped: JsonObject = { offers: node };
      products.push({
        name: isObject(item) ? str(item['name']) : str(node['name']),
        sku: isObject(item) ? str(item['sku']) : null,
        offers: offersOf(wrapped, null),
        brand: null,
      });
    }
  }
  return products;
}

/** Names of Organization / Store / WebSite nodes: who runs the site. */
export function jsonLdOrganizationNames(nodes: JsonObject[]): string[] {
  // An Organization that is some product's seller, brand or maker is not the site's operator.
  const roles = new Set<Json>();
  for (const node of nodes) {
    for (const key of ['seller', 'brand', 'manufacturer', 'author', 'creator', 'provider', 'offeredBy']) {
      const value = node[key];
      for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) roles.add(item);
    }
  }
  const names: string[] = [];
  for (const node of nodes) {
    if (roles.has(node)) continue;
    const types = typesOf(node);
    if (types.some((t) => t === 'organization' || t === 'store' || t === 'onlinestore' || t === 'website')) {
      const name = str(node['name']);
      if (name) names.push(name);
    }
  }
  return names;
}

export interface MicrodataProduct {
  name: string | null;
  price: string | null;
  currency: string | null;
  seller: string | null;
  scope: Element | null;
}

/** Product microdata (itemprop name/price/priceCurrency/seller), scoped to the Product item when there is one. */
export function microdataProduct(doc: Document): MicrodataProduct {
  return remember('microdata', () => readMicrodata(doc));
}

function readMicrodata(doc: Document): MicrodataProduct {
  const scope =
    safeQueryAll(doc, '[itemscope][itemtype]').find((el) => /schema\.org\/Product$/i.test(el.getAttribute('itemtype') ?? '')) ?? null;
  const root: ParentNode = scope ?? doc;
  const value = (el: Element | undefined): string | null => {
    if (!el) return null;
    const attr = el.getAttribute('content') ?? el.getAttribute('value');
    return squash(attr ?? textOf(el)) || null;
  };
  const nameEl = safeQueryAll(root, '[itemprop="name"]').find((el) => !el.closest('[itemprop="seller"], [itemprop="brand"], [itemprop="review"], [itemprop="author"]'));
  const sellerScope = safeQueryAll(root, '[itemprop="seller"]')[0];
  const sellerName = sellerScope ? (value(safeQueryAll(sellerScope, '[itemprop="name"]')[0]) ?? value(sellerScope)) : null;
  // Without a Product scope, a page-wide price counts only when it is the page's one price
  // (carousels of other items mark up theirs too).
  const prices = safeQueryAll(root, '[itemprop="price"]');
  const currencies = safeQueryAll(root, '[itemprop="priceCurrency"]');
  return {
    name: scope ? value(nameEl) : null,
    price: scope || prices.length === 1 ? value(prices[0]) : null,
    currency: scope || currencies.length === 1 ? value(currencies[0]) : null,
    seller: sellerName,
    scope,
  };
}
