/**
 * Where the content script runs without being asked: marketplace domains where
 * prohibited-drug listings are reported. Match patterns cannot wildcard a TLD, so each
 * country site is listed. Other sites are inspected on demand (toolbar, context menu),
 * or always once the reviewer grants that one site (optional host permission).
 */
const TLDS: Record<string, readonly string[]> = {
  amazon: ['com', 'co.uk', 'de', 'fr', 'es', 'it', 'nl', 'se', 'pl', 'com.be', 'ca', 'com.mx', 'com.br', 'co.jp', 'in', 'com.au', 'sg', 'ae', 'sa', 'com.tr', 'eg'],
  ebay: ['com', 'co.uk', 'de', 'fr', 'es', 'it', 'nl', 'at', 'ch', 'ie', 'pl', 'be', 'ca', 'com.au', 'com.hk', 'com.sg', 'com.my', 'ph'],
  mercadolibre: ['com.ar', 'com.mx', 'com.co', 'cl', 'com.pe', 'com.uy', 'com.ve', 'com.ec', 'com.bo', 'com.py', 'com.do', 'com.pa', 'co.cr', 'com.gt', 'com.hn', 'com.ni', 'com.sv'],
  walmart: ['com', 'ca', 'com.mx'],
  olx: ['pl', 'com.br', 'ro', 'pt', 'ua', 'bg', 'kz', 'uz', 'com.pk', 'co.id', 'ba'],
  rakuten: ['co.jp', 'com', 'fr', 'de'],
};

/** Single domains (every subdomain included). */
const DOMAINS = [
  'aliexpress.com', 'aliexpress.us', 'aliexpress.ru', 'alibaba.com', '1688.com', 'mercadolivre.com.br',
  'etsy.com', 'taobao.com', 'tmall.com', 'jd.com', 'craigslist.org', 'dhgate.com', 'made-in-china.com',
  'indiamart.com', 'wallapop.com', 'milanuncios.com', 'wish.com', 'temu.com', 'tradeindia.com',
];

export const MARKETPLACE_DOMAINS: readonly string[] = [
  ...Object.entries(TLDS).flatMap(([name, tlds]) => tlds.map((tld) => `${name}.${tld}`)),
  ...DOMAINS,
];

/** Content-script match patterns: every marketplace domain and its subdomains, plus Facebook Marketplace. */
export const MARKETPLACE_MATCHES: readonly string[] = [
  ...MARKETPLACE_DOMAINS.map((d) => `*://*.${d}/*`),
  '*://*.facebook.com/marketplace/*',
];

/**
 * Host permissions for the same domains (not Facebook: a host permission cannot be limited
 * to /marketplace/, and all of facebook.com is more than the inspector needs). They add
 * nothing a content script on those hosts could not already do; they let the background
 * insert the highlight style sheet there (scripting.insertCSS needs them).
 */
export const MARKETPLACE_HOST_PERMISSIONS: readonly string[] = MARKETPLACE_DOMAINS.map((d) => `*://*.${d}/*`);

/** True when the URL is on a marketplace the content script runs on by default. */
export function isMarketplaceUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  if ((host === 'facebook.com' || host.endsWith('.facebook.com')) && parsed.pathname.startsWith('/marketplace/')) return true;
  return MARKETPLACE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}
