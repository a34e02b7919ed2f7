/**
 * Hosts and registrable domains, for checks that compare a seal's or logo's domain with the page's.
 *
 * core/ carries no Public Suffix List (it is ~250 kB); this compact table covers the multi-label
 * suffixes of the markets the project serves. An unknown two-label suffix (e.g. a rare ccSLD) makes
 * the registrable domain one label too short, which errs toward "different site" — never toward a
 * false match, because comparisons use the full registrable domain on both sides.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  // United Kingdom, Ireland, Australia, New Zealand, Japan, India, South Africa
  'co.uk', 'org.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'nhs.uk', 'gov.uk', 'ac.uk',
  'com.au', 'net.au', 'org.au', 'co.nz', 'org.nz', 'co.jp', 'ne.jp', 'or.jp',
  'co.in', 'co.za', 'co.il', 'org.il', 'co.kr',
  // Latin America and Spain
  'com.mx', 'org.mx', 'gob.mx', 'com.ar', 'gob.ar', 'gov.ar', 'com.co', 'gov.co', 'com.br',
  'com.pe', 'gob.pe', 'com.ve', 'com.ec', 'com.uy', 'com.py', 'com.bo', 'com.gt', 'com.es', 'gob.es',
  'nom.es', 'org.es',
  // Chinese-speaking markets
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'com.hk', 'com.tw', 'com.sg', 'com.my',
  // Other European public-sector suffixes used by medicines authorities
  'gv.at', 'gov.pl', 'gov.hu', 'gov.lv', 'gov.mt', 'gov.cy', 'public.lu', 'gov.it',
  'com.tr', 'com.ua', 'com.ru',
]);

/**
 * Hosts already parsed. Every link type asks for the host of every link, and big marketplace pages
 * have thousands of links; parsing each once keeps extraction fast. Bounded: cleared when full.
 */
const hostCache = new Map<string, string | null>();
const HOST_CACHE_LIMIT = 20_000;

/** Lower-case host of a URL, or null when the string is not an absolute http(s) URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const text = url.trim();
  // Relative links ("/item/1", "#top") are most of a page's links: reject them before URL throws.
  if (!/^https?:\/\//i.test(text)) return null;
  const cached = hostCache.get(text);
  if (cached !== undefined) return cached;
  let host: string | null = null;
  try {
    host = new URL(text).hostname.toLowerCase().replace(/\.$/, '') || null;
  } catch {
    host = null;
  }
  if (hostCache.size >= HOST_CACHE_LIMIT) hostCache.clear();
  hostCache.set(text, host);
  return host;
}

/** Registrable domain ("eTLD+1") of a host: shop.example.co.uk → example.co.uk. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const suffixLabels = MULTI_LABEL_SUFFIXES.has(lastTwo) ? 2 : 1;
  return labels.slice(-(suffixLabels + 1)).join('.');
}

/** Normalises a domain as a seal or link writes it ("WWW.Example.com/", "https://example.com"). */
export function cleanDomain(value: string): string | null {
  let text = value.trim().toLowerCase();
  if (text === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `https://${text}`;
  const host = hostOf(text);
  if (host === null || !host.includes('.')) return null;
  return host.replace(/^www\./, '');
}

/** True when the host is the domain itself or one of its subdomains. */
export function hostIsWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Marketplaces and social shops, by the first label of their registrable domain (amazon.co.uk,
 * mercadolibre.com.mx…). On these, a seller's seal naming the seller's own website is not borrowed:
 * the listing is not on that website, so it cannot be matched, only looked up.
 */
const MARKETPLACE_NAMES = new Set([
  'amazon', 'ebay', 'etsy', 'walmart', 'target', 'bestbuy', 'costco', 'wayfair', 'craigslist', 'offerup',
  'mercadolibre', 'mercadolivre', 'olx', 'aliexpress', 'alibaba', '1688', 'temu', 'wish', 'shein',
  'taobao', 'tmall', 'jd', 'pinduoduo', 'yangkeduo', 'rakuten', 'yahoo', 'shopee', 'lazada',
  'facebook', 'instagram', 'allegro', 'emag', 'cdiscount', 'bol', 'kaufland', 'otto', 'zalando',
]);

export function isMarketplaceSite(site: string | null): boolean {
  if (site === null) return false;
  return MARKETPLACE_NAMES.has(site.split('.')[0] ?? '');
}
