/** Mercado Libre / Mercado Livre in every country (mercadolibre.com.mx, .com.ar, .cl, mercadolivre.com.br, …). */
import { hasAny } from './dom-index.ts';
import { ownText, safeQuery } from './dom.ts';
import { priceHints } from './generic.ts';
import { parsePrice } from './price.ts';
import { defineSiteAdapter, sellerFrom } from './site.ts';

const COUNTRY_CURRENCY: Record<string, string> = { ar: 'ARS', mx: 'MXN', cl: 'CLP', co: 'COP', uy: 'UYU', pe: 'PEN', br: 'BRL', ve: 'VES', ec: 'USD' };

export const mercadolibreAdapter = defineSiteAdapter({
  id: 'mercadolibre',
  hosts: /(^|\.)mercado(libre|livre)\.(com\.[a-z]{2}|[a-z]{2}|com)$/i,
  structure: (doc) => hasAny(doc, '.ui-pdp-title, .ui-search-layout, .ui-pdp-container'),
  title: ['h1.ui-pdp-title', '.ui-pdp-header__title-container h1', '.item-title__primary'],
  // The price is split into symbol, fraction and superscript cents: "$ 45.999 ⁵⁰" is 45999.50.
  priceFrom: (doc, context) => {
    const box = safeQuery(doc, '.ui-pdp-price__second-line .andes-money-amount, .ui-pdp-price .andes-money-amount');
    const fraction = box ? ownText(safeQuery(box, '.andes-money-amount__fraction')) : '';
    if (!box || !fraction) return null;
    const symbol = ownText(safeQuery(box, '.andes-money-amount__currency-symbol'));
    const cents = ownText(safeQuery(box, '.andes-money-amount__cents'));
    // The decimal mark is the one the fraction does not group with; Mexico writes "1,299.50", the rest "1.299,50".
    const mark = fraction.includes('.') ? ',' : fraction.includes(',') ? '.' : /\.mx$/i.test(context.url?.hostname ?? '') ? '.' : ',';
    return parsePrice(`${symbol} ${fraction}${cents ? mark + cents : ''}`.trim(), {
      ...priceHints(doc, context),
      currency: safeQuery(doc, 'meta[itemprop="priceCurrency"]')?.getAttribute('content') ?? COUNTRY_CURRENCY[context.url?.hostname.split('.').pop() ?? ''] ?? null,
    });
  },
  price: [
    '.ui-pdp-price__second-line .andes-money-amount',
    '.ui-pdp-price__second-line [itemprop="price"]',
    '.ui-pdp-price .andes-money-amount',
    '.price-tag',
  ],
  currency: (doc, context) =>
    safeQuery(doc, '.ui-pdp-price__second-line [itemprop="priceCurrency"], meta[itemprop="priceCurrency"]')?.getAttribute('content') ??
    COUNTRY_CURRENCY[context.url?.hostname.split('.').pop() ?? ''] ??
    null,
  seller: (doc, context) =>
    sellerFrom(
      doc,
      ['.ui-pdp-seller__header__title span', '.ui-pdp-seller__link-trigger span', '.ui-seller-info .ui-pdp-seller__header__title', '.ui-pdp-seller__header__title', 'a[href*="/perfil/"]'],
      context,
      (url) => url.pathname.match(/\/perfil\/([^/?#]+)/)?.[1] ?? url.searchParams.get('seller_id'),
    ),
  listingId: (doc, context) =>
    context.url?.pathname.match(/\/(M[LA-Z]{2}-?\d{6,})/)?.[1]?.replace('-', '') ??
    safeQuery(doc, 'input[name="item_id"]')?.getAttribute('value') ??
    null,
  pageType: (doc, context) => (/^listado\./.test(context.url?.hostname ?? '') || safeQuery(doc, '.ui-search-layout') ? 'search' : null),
  roots: ['.ui-pdp-container__row--header', '.ui-pdp-header', '.ui-pdp-price', '.ui-pdp-description', '.ui-pdp-specs', '.ui-pdp-seller', '.ui-box-component-seller'],
  searchRoots: ['.ui-search-layout__item'],
});
