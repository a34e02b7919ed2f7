/**
 * Page skeletons imitating the structure of each marketplace family: the ids, class names and
 * block order their real item pages use (title, price, seller card, description, chrome), so the
 * site adapters and the listing/page zoning meet what they will meet in the wild. Everything is
 * self-contained: inline CSS only, no external resources.
 */
import type { Language, Marketplace } from '../manifest.ts';

export interface RenderInput {
  lang: Language;
  url: string;
  /** Plain text title: goes into <title> and, unless titleHtml is given, the page heading. */
  title: string;
  /** Trusted corpus markup for the heading when the title itself carries a trick. */
  titleHtml?: string;
  price: string;
  seller: string;
  /** Trusted corpus markup: the listing's description. */
  body: string;
  /** Trusted corpus markup added to <head> (JSON-LD, meta tags). */
  head?: string;
  /** Trusted corpus markup for the footer (licences, seals). */
  footer?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const BASE_CSS =
  'body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#111;background:#fff}' +
  'a{color:#0645ad}header,footer{padding:8px 16px}main{padding:16px;max-width:1100px}' +
  '.gallery{width:320px;height:240px;background:#eee;float:left;margin-right:16px}' +
  'footer{clear:both;border-top:1px solid #ccc;font-size:12px;color:#555}';

function shell(input: RenderInput, css: string, bodyHtml: string): string {
  return `<!DOCTYPE html>
<html lang="${input.lang === 'zh' ? 'zh-CN' : input.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(input.title)}</title>
<link rel="canonical" href="${escapeHtml(input.url)}">
<meta property="og:url" content="${escapeHtml(input.url)}">
<style>${BASE_CSS}${css}</style>
${input.head ?? ''}
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}

const heading = (input: RenderInput) => input.titleHtml ?? escapeHtml(input.title);
const footer = (input: RenderInput, chrome: string) =>
  `<footer>${chrome}${input.footer ? `<div class="legal">${input.footer}</div>` : ''}</footer>`;

function amazon(i: RenderInput): string {
  return shell(
    i,
    '#nav-belt{background:#131921;color:#fff}#nav-belt a{color:#fff;margin-right:12px}.a-price{color:#b12704;font-size:24px}.a-offscreen{position:absolute;left:-10000px}',
    `<header id="navbar"><div id="nav-belt"><a id="nav-logo" href="/">amazon</a>
<a href="/gp/bestsellers">Best Sellers</a><a href="/gp/todays-deals">Today's Deals</a><a href="/pharmacy">Amazon Pharmacy</a><a href="/gp/help">Customer Service</a></div></header>
<main id="dp-container"><div class="gallery" id="imgTagWrapperId"></div>
<div id="centerCol"><h1 id="title"><span id="productTitle">${heading(i)}</span></h1>
<a id="bylineInfo" href="/stores">Visit the ${escapeHtml(i.seller)} Store</a>
<div id="corePrice_feature_div"><span class="a-price"><span class="a-offscreen">${escapeHtml(i.price)}</span><span aria-hidden="true">${escapeHtml(i.price)}</span></span></div>
<div id="feature-bullets"><h2>About this item</h2>${i.body}</div></div>
<div id="merchant-info">Ships from and sold by <a id="sellerProfileTriggerId" href="/sp?seller=A1">${escapeHtml(i.seller)}</a>.</div></main>
${footer(i, '<a href="/conditions">Conditions of Use</a> · <a href="/privacy">Privacy Notice</a> · © 1996-2026, Amazon.com, Inc.')}`,
  );
}

function ebay(i: RenderInput): string {
  return shell(
    i,
    '.x-price-primary{font-size:24px;font-weight:bold}.ux-layout-section{margin:8px 0}',
    `<header id="gh"><a id="gh-logo" href="/">ebay</a> <form id="gh-f"><input id="gh-ac" placeholder="Search for anything"></form></header>
<nav class="breadcrumbs"><a href="/b/Health-Beauty">Health &amp; Beauty</a> › <a href="/b/Other">Other</a></nav>
<main id="mainContent"><div class="gallery ux-image-carousel"></div>
<div class="x-item-title"><h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">${heading(i)}</span></h1></div>
<div class="x-price-primary"><span class="ux-textspans">${escapeHtml(i.price)}</span></div>
<div class="x-sellercard-atf"><div class="x-sellercard-atf__info__about-seller"><span class="ux-textspans">${escapeHtml(i.seller)}</span></div></div>
<div id="viTabs_0_is" class="ux-layout-section"><h2>Item description from the seller</h2><div class="d-item-description">${i.body}</div></div></main>
${footer(i, 'Copyright © 1995-2026 eBay Inc. All Rights Reserved. <a href="/help/policies">User Agreement</a>')}`,
  );
}

function aliexpress(i: RenderInput): string {
  return shell(
    i,
    '.product-price-value{color:#e62e04;font-size:26px}.store-header{background:#fafafa;padding:6px}',
    `<header class="site-header"><a href="/">AliExpress</a> <span>Free shipping · 免运费</span></header>
<div class="store-header"><a class="store-name" href="/store/1102">${escapeHtml(i.seller)}</a> <span>98.4% positive feedback</span></div>
<main class="pdp-wrap"><div class="gallery magnifier-image"></div>
<div class="product-info"><h1 class="product-title-text" data-pl="product-title">${heading(i)}</h1>
<div class="product-price"><span class="product-price-value">${escapeHtml(i.price)}</span></div>
<div id="product-description" class="detail-desc-decorate-richtext">${i.body}</div></div></main>
${footer(i, 'AliExpress.com. © 2010-2026. All rights reserved.')}`,
  );
}

function alibaba(i: RenderInput): string {
  return shell(
    i,
    '.price-list{color:#f60;font-size:22px}.do-entry-list td{border:1px solid #ddd;padding:4px}',
    `<header class="sc-hd"><a href="/">Alibaba.com</a> <span>Source now</span></header>
<main class="detail-main"><div class="gallery main-image"></div>
<div class="product-title"><h1 title="${escapeHtml(i.title)}">${heading(i)}</h1></div>
<div class="price-list"><span class="price">${escapeHtml(i.price)}</span> <span class="moq">Min. order: 1 kilogram</span></div>
<div class="company-name"><a href="/company_profile.html">${escapeHtml(i.seller)}</a> <span class="verified">Verified Supplier</span></div>
<div class="detail-desc module_productDescription">${i.body}</div></main>
${footer(i, 'Alibaba.com Site: International · 1999-2026 Alibaba.com. All rights reserved.')}`,
  );
}

function mercadolibre(i: RenderInput): string {
  return shell(
    i,
    '.nav-header{background:#fff159;padding:8px}.andes-money-amount{font-size:32px}',
    `<header class="nav-header"><a class="nav-logo" href="/">Mercado Libre</a> <input class="nav-search-input" placeholder="Buscar productos, marcas y más…"></header>
<main class="ui-pdp-container"><div class="gallery ui-pdp-gallery"></div>
<div class="ui-pdp-header"><span class="ui-pdp-subtitle">Nuevo | +100 vendidos</span><h1 class="ui-pdp-title">${heading(i)}</h1></div>
<div class="ui-pdp-price"><span class="andes-money-amount"><span class="andes-money-amount__currency-symbol">$</span><span class="andes-money-amount__fraction">${escapeHtml(i.price.replace(/^\$\s*/, ''))}</span></span></div>
<div class="ui-pdp-seller"><h2 class="ui-pdp-seller__header__title">Vendido por <span>${escapeHtml(i.seller)}</span></h2></div>
<div class="ui-pdp-description"><h2 class="ui-pdp-description__title">Descripción</h2><p class="ui-pdp-description__content">${i.body}</p></div></main>
${footer(i, 'Copyright © 1999-2026 MercadoLibre S.R.L. <a href="/ayuda">Ayuda</a>')}`,
  );
}

function etsy(i: RenderInput): string {
  return shell(
    i,
    '.wt-text-title-larger{font-size:26px}.shop-name{color:#222}',
    `<header class="wt-bg-white"><a href="/">Etsy</a> <input placeholder="Search for anything"></header>
<main class="listing-page"><div class="gallery image-carousel-container"></div>
<div data-buy-box-region="price"><p class="wt-text-title-larger">${escapeHtml(i.price)}</p></div>
<h1 class="wt-text-body-01" data-buy-box-listing-title="true">${heading(i)}</h1>
<div class="shop-name"><a href="/shop/x">${escapeHtml(i.seller)}</a> · Star Seller</div>
<div id="wt-content-toggle-product-details-read-more" data-product-details-description-text-content>${i.body}</div></main>
${footer(i, '© 2026 Etsy, Inc. <a href="/legal">Terms of Use</a>')}`,
  );
}

function shopifyPharmacy(i: RenderInput): string {
  return shell(
    i,
    '.announcement-bar{background:#0a7b52;color:#fff;padding:4px}.price-item{font-size:22px}',
    `<div class="announcement-bar">${i.lang === 'es' ? 'Envío gratis desde $50' : 'Free shipping on orders over $99'}</div>
<header class="header"><a class="header__heading-link" href="/">${escapeHtml(i.seller)}</a>
<nav class="header__inline-menu"><a href="/collections/all">${i.lang === 'es' ? 'Tienda' : 'Shop'}</a> <a href="/pages/about">${i.lang === 'es' ? 'Nosotros' : 'About us'}</a> <a href="/pages/contact">${i.lang === 'es' ? 'Contacto' : 'Contact'}</a></nav></header>
<main id="MainContent" class="product"><div class="gallery product__media"></div>
<div class="product__info-container"><h1 class="product__title">${heading(i)}</h1>
<div class="price"><span class="price-item price-item--regular">${escapeHtml(i.price)}</span></div>
<div class="product__description rte">${i.body}</div>
<button class="product-form__submit">${i.lang === 'es' ? 'Agregar al carrito' : 'Add to cart'}</button></div></main>
${footer(i, `© 2026 ${escapeHtml(i.seller)} · Powered by Shopify`)}`,
  );
}

function classifieds(i: RenderInput): string {
  return shell(
    i,
    '.postingtitle{font-size:20px}.price{font-weight:bold;margin-left:8px}#postingbody{white-space:pre-wrap}',
    `<header class="global-header"><a href="/">classifieds</a> &gt; <a href="/search/sss">for sale</a> &gt; <a href="/search/hab">health &amp; beauty</a></header>
<main class="body"><h1 class="postingtitle"><span id="titletextonly">${heading(i)}</span><span class="price">${escapeHtml(i.price)}</span></h1>
<section id="postingbody">${i.body}</section>
<div class="postinginfos"><p class="postinginfo">posted by: ${escapeHtml(i.seller)}</p><p class="postinginfo">post id: 7712093412</p></div></main>
${footer(i, '© 2026 classifieds · <a href="/about/help">help</a> · <a href="/about/safety">safety</a>')}`,
  );
}

function b2bChemical(i: RenderInput): string {
  return shell(
    i,
    '.spec-table td,.spec-table th{border:1px solid #ccc;padding:4px 8px}.company-box{background:#f4f8ff;padding:8px}',
    `<header class="top-bar"><a href="/">Chem-Trade 化工商城</a> <span>Global chemical sourcing</span></header>
<main class="pro-detail"><div class="gallery pro-img"></div>
<h1 class="pro-name">${heading(i)}</h1>
<div class="pro-price">FOB Price: <span class="price">${escapeHtml(i.price)}</span></div>
<div class="pro-desc">${i.body}</div>
<div class="company-box"><span class="com-name">${escapeHtml(i.seller)}</span> <span class="member">Gold Member since 2019</span></div></main>
${footer(i, 'Copyright © 2026 Chem-Trade. All rights reserved.')}`,
  );
}

function pharmacyShop(i: RenderInput, country: 'es' | 'latam'): string {
  const nav =
    country === 'es'
      ? '<a href="/parafarmacia">Parafarmacia</a> <a href="/dermocosmetica">Dermocosmética</a> <a href="/bebe">Bebé y mamá</a>'
      : '<a href="/medicamentos">Medicamentos</a> <a href="/cuidado-personal">Cuidado personal</a> <a href="/ofertas">Ofertas</a>';
  return shell(
    i,
    '.topbar{background:#1d8f5a;color:#fff;padding:6px}.product-price{font-size:24px;color:#1d8f5a}',
    `<div class="topbar">${country === 'es' ? 'Envío gratuito a partir de 49 €' : 'Envío a todo el país'}</div>
<header class="site-header"><a class="logo" href="/">${escapeHtml(i.seller)}</a><nav class="menu">${nav}</nav></header>
<main class="product-view"><div class="gallery product-image"></div>
<div class="product-shop"><h1 class="product-name" itemprop="name">${heading(i)}</h1>
<div class="product-price" itemprop="price">${escapeHtml(i.price)}</div>
<div class="product-description std">${i.body}</div></div></main>
${footer(i, country === 'es' ? 'Atención al cliente 900 000 000 · Política de privacidad' : 'Atención al cliente · Términos y condiciones')}`,
  );
}

export function renderPage(marketplace: Marketplace, input: RenderInput): string {
  switch (marketplace) {
    case 'amazon':
      return amazon(input);
    case 'ebay':
      return ebay(input);
    case 'aliexpress':
      return aliexpress(input);
    case 'alibaba':
      return alibaba(input);
    case 'mercadolibre':
      return mercadolibre(input);
    case 'etsy':
      return etsy(input);
    case 'shopify-pharmacy':
      return shopifyPharmacy(input);
    case 'classifieds':
      return classifieds(input);
    case 'b2b-chemical':
      return b2bChemical(input);
    case 'es-pharmacy':
      return pharmacyShop(input, 'es');
    case 'latam-pharmacy':
      return pharmacyShop(input, 'latam');
  }
}
