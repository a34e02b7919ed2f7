/**
 * Taobao, Tmall and JD (Jingdong): the big Chinese marketplaces. Prices are in yuan (¥/￥ there
 * is CNY); the shop is the seller.
 */
import { hasAny } from './dom-index.ts';
import { defineSiteAdapter, hostPattern, sellerFrom } from './site.ts';

const cny = (): string => 'CNY';

export const taobaoAdapter = defineSiteAdapter({
  id: 'taobao',
  hosts: hostPattern('taobao.com', 'tmall.com', 'tmall.hk'),
  structure: (doc) => hasAny(doc, '#J_Title, .tb-main-title, .tb-detail-hd, [class*="ItemHeader--mainTitle"], [class*="MainTitle--"]'),
  title: ['[class*="ItemHeader--mainTitle"]', '[class*="MainTitle--"]', '.tb-main-title', '.tb-detail-hd h1', '#J_Title h3'],
  price: ['[class*="Price--priceText"]', '[class*="highlightPrice"] [class*="Price--"]', '#J_PromoPriceNum', '.tm-promo-price .tm-price', '#J_StrPrice', '.tm-price', '.tb-rmb-num'],
  currency: cny,
  seller: (doc, context) =>
    sellerFrom(doc, ['[class*="ShopHeader--title"]', '[class*="shopName--"]', '.tb-shop-name a', '.slogo-shopname', '.shop-name-link', '.shop-name a'], context, (url) => url.hostname.match(/^(shop\d+)\./)?.[1] ?? null),
  listingId: (_doc, context) => context.url?.searchParams.get('id') ?? null,
  pageType: (_doc, context) => (/^s\.taobao\.com$|^list\.tmall\.com$/.test(context.url?.hostname ?? '') ? 'search' : null),
  roots: ['[class*="ItemHeader--"]', '[class*="BasicContent--"]', '#J_DetailMeta', '.tb-item-info', '#J_DivItemDesc', '#description', '[class*="ShopHeader--"]', '.tb-shop-info-wrap'],
  searchRoots: ['[class*="Card--doubleCardWrapper"]', '.items .item'],
});

export const jdAdapter = defineSiteAdapter({
  id: 'jd',
  hosts: hostPattern('jd.com', 'jd.hk'),
  structure: (doc) => hasAny(doc, '.sku-name, #spec-list, .summary-price'),
  title: ['.sku-name', '.itemInfo-wrap .sku-name', '#name h1'],
  price: ['.summary-price .p-price', '.p-price', '#jd-price'],
  currency: cny,
  seller: (doc, context) => sellerFrom(doc, ['.J-hove-wrap .name a', '.shopName a', '#crumb-wrap .name a', '.popbox-inner .mt h3 a'], context, (url) => url.hostname.match(/^mall\.jd\.com$/) ? url.pathname.match(/index-(\d+)/)?.[1] ?? null : null),
  listingId: (_doc, context) => context.url?.pathname.match(/\/(\d{5,})\.html/)?.[1] ?? null,
  pageType: (_doc, context) => (/^search\.jd\.com$/.test(context.url?.hostname ?? '') ? 'search' : null),
  roots: ['.itemInfo-wrap', '.product-intro', '#detail', '.J-hove-wrap', '#crumb-wrap .contact'],
  searchRoots: ['#J_goodsList .gl-item'],
});
