/** Rakuten Ichiba and Yahoo! Japan Shopping / Auctions. Prices are in yen (円, ¥ there is JPY). */
import { hasAny } from './dom-index.ts';
import { defineSiteAdapter, hostPattern, sellerFrom } from './site.ts';

const jpy = (): string => 'JPY';

export const rakutenAdapter = defineSiteAdapter({
  id: 'rakuten',
  hosts: /(^|\.)rakuten\.co\.jp$/i,
  structure: (doc) => hasAny(doc, '.item_name, #rakutenLimitedId_cart, .normal_reserve_item_name, [irc="ItemName"]'),
  title: ['.normal_reserve_item_name', '.item_name', 'h1[class*="item-name"]', 'h1'],
  price: ['.price2', '[class*="price--OX_YW"]', '.important', '#priceCalculationConfig', '.price'],
  currency: jpy,
  seller: (doc, context) => sellerFrom(doc, ['.shop-name a', '[class*="shop-name"] a', '#shopName', '.shopName'], context, (url) => url.pathname.match(/^\/([a-z0-9_-]+)\/?/i)?.[1] ?? null),
  listingId: (_doc, context) => (/^item\.rakuten\.co\.jp$/i.test(context.url?.hostname ?? '') ? context.url?.pathname.split('/').filter(Boolean).join(':') ?? null : null),
  pageType: (_doc, context) => (/^search\.rakuten\.co\.jp$/i.test(context.url?.hostname ?? '') ? 'search' : null),
  roots: ['#rakutenLimitedId_cart', '.item_desc', '#item_desc', '.normal_reserve_item_name', '[class*="item-info"]', '.shop-name'],
  searchRoots: ['.searchresultitem'],
});

export const yahooJapanAdapter = defineSiteAdapter({
  id: 'yahoo-japan',
  hosts: hostPattern('shopping.yahoo.co.jp', 'store.shopping.yahoo.co.jp', 'auctions.yahoo.co.jp', 'page.auctions.yahoo.co.jp', 'paypaymall.yahoo.co.jp'),
  structure: (doc) => hasAny(doc, '.ProductTitle__text, .elName, .mdItemName, [class*="styles_itemName"]'),
  title: ['.ProductTitle__text', '.elName', '.mdItemName .elName', '[class*="styles_itemName"]', 'h1'],
  price: ['.Price__value', '.elPriceNumber', '.mdItemPrice .elPrice', '[class*="styles_price"]'],
  currency: jpy,
  seller: (doc, context) => sellerFrom(doc, ['.Seller__name a', '.elStoreName a', '.mdStoreName a', '[class*="styles_storeName"]'], context, (url) => url.pathname.split('/').filter(Boolean)[0] ?? null),
  listingId: (_doc, context) => context.url?.pathname.match(/\/auction\/([a-z]?\d+)/i)?.[1] ?? context.url?.pathname.split('/').filter(Boolean).pop()?.replace(/\.html$/, '') ?? null,
  pageType: (_doc, context) => (/\/search/.test(context.url?.pathname ?? '') ? 'search' : null),
  roots: ['.ProductMainContent', '.ProductExplanation', '.mdItemInfo', '.mdItemDescription', '#itm_inf', '.Seller'],
  searchRoots: ['.Product', '.LoopList__item'],
});
