/**
 * Classified-ad sites: Craigslist, OLX (Pakistan/India "data-aut-id" layout and the European
 * "data-cy" layout), UsedVictoria-style local boards, and Facebook Marketplace. Private sellers
 * there rarely give a name: the seller is what the page shows ("by owner", a user name).
 */
import { hasAny } from './dom-index.ts';
import { firstOf, safeQuery, textOf } from './dom.ts';
import { defineSiteAdapter, linkUrl, sellerFrom } from './site.ts';

export const craigslistAdapter = defineSiteAdapter({
  id: 'craigslist',
  hosts: /(^|\.)craigslist\.(org|ca|co\.uk|com\.au)$/i,
  structure: (doc) => hasAny(doc, '#postingbody, #titletextonly, .postingtitletext'),
  title: ['#titletextonly', '.postingtitletext #titletextonly'],
  price: ['.postingtitletext .price', '.price'],
  // Craigslist names no seller; its category line says whether the ad is "by owner" or "by dealer".
  seller: (doc) => {
    const crumb = firstOf(doc, ['.breadcrumbs .category', 'header .breadcrumbs', 'header.global-header', '.crumb.category']);
    const kind = textOf(crumb).match(/\bby (owner|dealer)\b/i)?.[0];
    return kind ? { name: kind.toLowerCase(), id: null, url: null } : null;
  },
  listingId: (doc, context) =>
    context.url?.pathname.match(/\/(\d{8,12})\.html$/)?.[1] ?? textOf(safeQuery(doc, '.postinginfos')).match(/post id:\s*(\d+)/i)?.[1] ?? null,
  pageType: (doc, context) => (/\/search\//.test(context.url?.pathname ?? '') || safeQuery(doc, '.result-row, .cl-search-result') ? 'search' : null),
  roots: ['.postingtitle', '#postingbody', '.mapAndAttrs', '.attrgroup', '.postinginfos'],
  searchRoots: ['.result-row', '.cl-search-result'],
});

export const olxAdapter = defineSiteAdapter({
  id: 'olx',
  hosts: /(^|\.)olx\.(com\.pk|in|co\.id|pl|ua|ro|pt|bg|kz|uz|com\.br|com\.ar|com\.co|com\.ec|com\.pe|co\.za)$/i,
  structure: (doc) => hasAny(doc, '[data-aut-id="itemTitle"], [data-cy="ad_title"], [data-testid="ad_title"]') && /olx/i.test(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? doc.querySelector('title')?.textContent ?? ''),
  title: ['h1[data-aut-id="itemTitle"]', '[data-cy="ad_title"]', '[data-testid="ad_title"] h4', '[data-testid="ad_title"]', 'h1'],
  price: ['[data-aut-id="itemParams"] [data-aut-id="itemPrice"]', '[data-testid="ad-price-container"] h3', '[data-testid="ad-price-container"]'],
  seller: (doc, context) =>
    sellerFrom(doc, ['[data-aut-id="profileCard"] a[href*="/profile/"] div', '[data-aut-id="profileCard"] [class] > a[href*="/profile/"]', '[data-testid="user-profile-user-name"]', '[data-cy="seller_card"] h4'], context, (url) => url.pathname.match(/\/profile\/([^/?#]+)/)?.[1] ?? null),
  listingId: (_doc, context) => context.url?.pathname.match(/-iid-(\d+)/)?.[1] ?? context.url?.pathname.match(/-ID([A-Za-z0-9]+)\.html/)?.[1] ?? null,
  pageType: (doc, context) => (/\/(items|oferty|list)(\/|$)/.test(context.url?.pathname ?? '') || (safeQuery(doc, '[data-aut-id="itemsList"]') && !safeQuery(doc, 'h1')) ? 'search' : null),
  roots: ['[data-testid="ad_title"]', '[data-aut-id="itemParams"]', '[data-aut-id="itemDescriptionContent"]', '[data-aut-id="profileCard"]', '[data-cy="ad_description"]', '[data-cy="seller_card"]', '[data-testid="ad-price-container"]'],
  searchRoots: ['[data-aut-id="itemBox"]', '[data-cy="l-card"]'],
});

/** UsedVictoria and the boards built on its engine (usednanaimo, usedvancouver, …). */
export const usedBoardAdapter = defineSiteAdapter({
  id: 'usedvictoria',
  hosts: /(^|\.)used(victoria|nanaimo|vancouver|kamloops|okanagan|cowichan|edmonton|regina|saskatoon|ottawa|calgary)\.com$/i,
  structure: (doc) => hasAny(doc, '#useditem-description, a.favourite[data-seller]'),
  // The <h1> also holds the favourite button and the price ("$15 · Casio …"): the offer names the item.
  title: ['[itemprop="itemOffered"]'],
  price: ['[itemprop="price"]'],
  currency: (doc) => safeQuery(doc, '[itemprop="priceCurrency"]')?.getAttribute('content') ?? null,
  seller: (doc, context) => {
    const seller = safeQuery(doc, 'a.favourite[data-seller]')?.getAttribute('data-seller');
    const link = safeQuery(doc, 'a[href*="/user/"], a[href*="seller="]');
    return seller ? { name: seller, id: seller, url: linkUrl(link?.getAttribute('href') ?? null, context)?.href ?? null } : null;
  },
  listingId: (doc, context) => context.url?.pathname.match(/_(\d{6,})$/)?.[1] ?? safeQuery(doc, 'a.favourite[data-id]')?.getAttribute('data-id') ?? null,
  roots: ['[itemprop="offers"]', '#useditem-description', '#slides'],
});

/** Facebook Marketplace item pages (/marketplace/item/<id>). */
export const facebookMarketplaceAdapter = defineSiteAdapter({
  id: 'facebook-marketplace',
  hosts: /(^|\.)facebook\.com$/i,
  // The landmark first: the index rules it out cheaply; link targets are not indexed.
  structure: (doc) => hasAny(doc, '[role="main"]') && hasAny(doc, 'a[href*="/marketplace/profile/"], a[href*="/marketplace/item/"]'),
  title: ['[role="main"] h1 span', '[role="main"] h1'],
  price: ['[role="main"] h1 ~ div span', '[role="main"] h1 + div', '[role="main"] [aria-label*="price" i]'],
  seller: (doc, context) => sellerFrom(doc, ['[role="main"] a[href*="/marketplace/profile/"] span', '[role="main"] a[href*="/marketplace/profile/"]'], context, (url) => url.pathname.match(/\/marketplace\/profile\/(\d+)/)?.[1] ?? null),
  listingId: (_doc, context) => context.url?.pathname.match(/\/marketplace\/item\/(\d+)/)?.[1] ?? null,
  pageType: (_doc, context) => (/\/marketplace\/item\//.test(context.url?.pathname ?? '') ? 'item' : /\/marketplace\/(search|category|[a-z]+\/search)/.test(context.url?.pathname ?? '') ? 'search' : null),
  roots: ['[role="main"]'],
  searchRoots: ['[role="main"] a[href*="/marketplace/item/"]'],
});
