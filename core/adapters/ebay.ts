/** eBay in every locale: item pages (old "vi" layout and the 2021+ "x-" layout) and search results. */
import { hasAny } from './dom-index.ts';
import { safeQuery } from './dom.ts';
import { defineSiteAdapter, sellerFrom } from './site.ts';

/** The localised "Details about" label eBay puts inside the title heading for screen readers. */
const DETAILS_ABOUT = /^(details about|détails sur|dettagli su|details zu|detalles (?:acerca )?de|detalhes sobre|szczegóły dotyczące)\s+/i;
/** The "show original title" link after a machine-translated title. */
const ORIGINAL_TITLE = /\s*-?\s*(show original title|mostra il titolo originale|afficher le titre d'origine|originaltitel anzeigen|mostrar (?:el )?título original)\s*$/i;

export const ebayAdapter = defineSiteAdapter({
  id: 'ebay',
  hosts: /(^|\.)ebay\.(com|co\.uk|ca|com\.au|de|fr|it|es|ie|at|ch|be|nl|pl|com\.sg|com\.my|ph|com\.hk|in)$/i,
  structure: (doc) =>
    hasAny(doc, '#gh, #glbfooter') && hasAny(doc, '#itemTitle, .x-item-title, .srp-results, #LeftSummaryPanel'),
  title: ['#itemTitle', 'h1.x-item-title__mainTitle', '.x-item-title__mainTitle', 'h1.it-ttl'],
  cleanTitle: (title) => title.replace(DETAILS_ABOUT, '').replace(ORIGINAL_TITLE, ''),
  price: ['#prcIsum', '#prcIsum_bidPrice', '#mm-saleDscPrc', '.x-price-primary', '.x-bin-price__content .x-price-primary', '#convbinPrice', '[itemprop="price"]'],
  seller: (doc, context) =>
    sellerFrom(
      doc,
      ['.mbg-nw', '.x-sellercard-atf__info__about-seller a span', '[data-testid="x-sellercard-atf"] a span', '[data-testid="str-title"]'],
      context,
      (url) => url.pathname.match(/\/(?:usr|str)\/([^/?#]+)/)?.[1] ?? null,
    ),
  listingId: (doc, context) =>
    context.url?.pathname.match(/\/itm\/(?:[^/]+\/)?(\d{9,15})/)?.[1] ??
    (safeQuery(doc, '#descItemNumber')?.textContent?.trim().match(/^\d{9,15}$/)?.[0] ?? null),
  pageType: (doc, context) =>
    /\/sch\//.test(context.url?.pathname ?? '') || (safeQuery(doc, '.srp-results') && !safeQuery(doc, '#itemTitle, .x-item-title')) ? 'search' : null,
  roots: ['#LeftSummaryPanel', '#RightSummaryPanel', '.x-item-title', '.x-price-section', '.x-sellercard-atf', '#viTabs_0_is', '#desc_wrapper_ctr', '#desc_div', '#vi-desc-maincntr', '[data-testid="x-item-description"]'],
  searchRoots: ['.srp-results .s-item', '.srp-results li[data-view]'],
});
