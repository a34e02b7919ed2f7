/** Amazon in every locale (amazon.com, .co.uk, .de, .fr, .it, .es, .co.jp, .com.mx, .com.br, …). */
import type { AdapterContext } from './types.ts';
import { hasAny } from './dom-index.ts';
import { firstOf, safeQuery, safeQueryAll, squash, textOf } from './dom.ts';
import { defineSiteAdapter, linkUrl, type Seller } from './site.ts';

/** The currency each Amazon storefront prices in, for symbols that do not tell ("$", "¥"). */
const STORE_CURRENCY: Record<string, string> = {
  'amazon.com': 'USD', 'amazon.ca': 'CAD', 'amazon.com.mx': 'MXN', 'amazon.com.br': 'BRL', 'amazon.com.au': 'AUD',
  'amazon.co.jp': 'JPY', 'amazon.cn': 'CNY', 'amazon.sg': 'SGD', 'amazon.in': 'INR', 'amazon.co.uk': 'GBP',
};

function storeCurrency(context: AdapterContext): string | null {
  const host = context.url?.hostname.toLowerCase().replace(/^(www|smile)\./, '') ?? '';
  return STORE_CURRENCY[host] ?? null;
}

/** "Sold by X and Fulfilled by Amazon", "Expédié et vendu par X", "Venduto da X e spedito da Amazon". */
const SOLD_BY = /(?:sold by|vendu par|venduto da|vendido por|verkauf durch|verkauft von|販売元)\s*:?\s*(.+?)(?:\s+(?:and|et|e|y|und)\s+(?:fulfilled|dispatched|shipped|expédié|spedito|enviado|versand)|\s*[.。]|$)/i;

/** "この商品は、Amazon.co.jp が販売、発送します。" */
const JA_SOLD_BY = /(?:この商品は、)?\s*(\S+?)\s*が販売/;

function amazonSeller(doc: Document, context: AdapterContext): Seller | null {
  const trigger = firstOf(doc, ['#sellerProfileTriggerId', '#merchant-info a[href*="seller="]', '#tabular-buybox a[href*="seller="]']);
  if (trigger) {
    const name = squash(trigger.textContent ?? '').replace(/\s+(and|et|e|y|und)\s+(Fulfilled|Dispatched|spedito|Expédié|enviado).*$/i, '').replace(/\s*\.$/, '');
    const url = linkUrl(trigger.getAttribute('href'), context);
    const id = url?.searchParams.get('seller') ?? url?.searchParams.get('me') ?? null;
    if (name) return { name, id, url: url?.href ?? null };
  }
  // The tabular buy box and the offer-display layout name the seller in a labelled cell.
  const cell = firstOf(doc, [
    '#tabular-buybox .tabular-buybox-text[tabular-attribute-name="Sold by"]',
    '#tabular-buybox .tabular-buybox-text[tabular-attribute-name="販売元"]',
    '#merchantInfoFeature_feature_div .offer-display-feature-text-message',
  ]);
  const cellName = textOf(cell);
  if (cellName) return { name: cellName, id: null, url: null };
  for (const el of safeQueryAll(doc, '#merchant-info')) {
    const text = textOf(el);
    const name = (SOLD_BY.exec(text)?.[1] ?? JA_SOLD_BY.exec(text)?.[1])?.trim();
    if (name) return { name, id: null, url: null };
  }
  return null;
}

function asin(doc: Document, context: AdapterContext): string | null {
  const fromUrl = context.url?.pathname.match(/\/(?:dp|gp\/product|gp\/aw\/d)\/([A-Z0-9]{10})/i)?.[1];
  const fromInput = safeQuery(doc, 'input#ASIN, input[name="ASIN"]')?.getAttribute('value');
  const value = fromInput ?? fromUrl ?? null;
  return value && /^[A-Z0-9]{10}$/i.test(value) ? value.toUpperCase() : null;
}

export const amazonAdapter = defineSiteAdapter({
  id: 'amazon',
  hosts: /(^|\.)amazon\.(com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl|com\.be|com\.tr|ae|sa|eg|in|co\.jp|cn|sg|com\.au)$/i,
  structure: (doc) => hasAny(doc, '#productTitle, #nav-logo-sprites, [data-component-type="s-search-result"]') && hasAny(doc, '#navbar, #nav-main, #nav-belt'),
  title: ['#productTitle', '#title', '#btAsinTitle'],
  price: [
    '#corePrice_feature_div .a-price .a-offscreen',
    '#corePriceDisplay_desktop_feature_div .priceToPay .a-offscreen',
    '#corePriceDisplay_desktop_feature_div .a-price .a-offscreen',
    '#corePrice_desktop .a-price .a-offscreen',
    '#priceblock_dealprice',
    '#priceblock_saleprice',
    '#priceblock_ourprice',
    '#price_inside_buybox',
    '#newBuyBoxPrice',
    '#kindle-price',
    '#apex_desktop .a-price .a-offscreen',
    // No buy box: the lowest offer ("New & Used (7) from 99,12 €").
    '#olp-upd-new-used .a-color-price',
    '#olp-upd-new .a-color-price',
    '#olp_feature_div .a-color-price',
  ],
  currency: (_doc, context) => storeCurrency(context),
  seller: amazonSeller,
  listingId: asin,
  pageType: (doc, context) =>
    /^\/s(\/|$)/.test(context.url?.pathname ?? '') || safeQuery(doc, '[data-component-type="s-search-result"]') ? 'search' : null,
  roots: ['#centerCol', '#rightCol', '#ppd', '#feature-bullets', '#productDescription_feature_div', '#productDescription', '#aplus_feature_div', '#aplus', '#detailBullets_feature_div', '#productDetails_feature_div', '#prodDetails'],
  searchRoots: ['[data-component-type="s-search-result"]'],
});
