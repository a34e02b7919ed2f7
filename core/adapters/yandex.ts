/** Yandex Market (market.yandex.ru and Беру / pokupki.market.yandex.ru). Prices are in roubles. */
import { hasAny } from './dom-index.ts';
import { defineSiteAdapter, hostPattern, sellerFrom } from './site.ts';

export const yandexMarketAdapter = defineSiteAdapter({
  id: 'yandex-market',
  hosts: hostPattern('market.yandex.ru', 'pokupki.market.yandex.ru', 'market.yandex.kz', 'market.yandex.by'),
  structure: (doc) => /яндекс\.?\s?маркет|беру|yandex market/i.test(doc.querySelector('title')?.textContent ?? '') || hasAny(doc, '[data-zone-name="productCardTitle"], [data-apiary-widget-name*="ProductCard"]'),
  title: ['[data-zone-name="productCardTitle"] h1', 'h1[data-tid]', 'h1'],
  price: ['[data-zone-name="price"] [data-auto="price-value"]', '[data-auto="mainPrice"] span', '[data-auto="price-value"]'],
  currency: () => 'RUB',
  seller: (doc, context) => sellerFrom(doc, ['[data-zone-name="warehouse"]', '[data-zone-name="shop-name"]', '[data-auto="shop-info-name"]', 'a[href*="/shop--"]'], context),
  listingId: (_doc, context) => context.url?.pathname.match(/\/product(?:--[^/]+)?\/(\d+)/)?.[1] ?? null,
  pageType: (_doc, context) => (/^\/search/.test(context.url?.pathname ?? '') ? 'search' : null),
  roots: ['[data-zone-name="summary"]', '[data-zone-name="info"]', '[data-zone-name="specs"]', '[data-zone-name="offer-cart"]', '[data-zone-name="productCardTitle"]', '[data-apiary-widget-name="@marketplace/ProductCardOffer"]', '[data-zone-name="productDescription"]'],
});
