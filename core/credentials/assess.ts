/**
 * Does this listing need a seller credential, and is one missing?
 *
 * Required when the listing itself (zone 'listing': title, description, seller block) sells
 * prescription-only drugs (a match flagged `rxOnly`, or of category rx-drug / rx-without-prescription),
 * sells controlled substances or their precursors (opioid … steroid, precursor: selling them lawfully
 * takes a registration such as a DEA number), or presents itself as a pharmacy (a 'pharmacy-claim'
 * match). Visible matches in page chrome (zone 'page': menus, footers) never create the need: a marketplace's
 * menu link to its own pharmacy does not make a listing a pharmacy, and a Chinese shop footer's
 * drug-licence text is the platform's, not a drug listing (issue #10).
 *
 * Missing when required and no credential of kind `seller` (see types.ts) is valid or unverified.
 * Product registrations, company identities and the platform's own filing are reported in the reason
 * but do not answer the need: they say the product is approved, who the seller is, or that the
 * platform may host drug sellers — not that this seller may sell this drug.
 */
import { CONTROLLED_CATEGORIES as CONTROLLED_CATEGORY_LIST, type Category, type CredentialResult } from '../findings.ts';
import type { Match, TextBlock } from '../engine/types.ts';
import { countsAsListing } from '../verdict.ts';
import { credentialKind } from './registry.ts';

export interface CredentialNeedInput {
  matches: readonly Match[];
  credentials: readonly CredentialResult[];
  blocks: readonly TextBlock[];
  pageType: 'item' | 'search' | 'other';
}

export interface CredentialNeed {
  credentialRequired: boolean;
  missingCredential: boolean;
  reason: string;
}

export const CONTROLLED_CATEGORIES: ReadonlySet<Category> = new Set<Category>(CONTROLLED_CATEGORY_LIST);
const RX_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['rx-drug', 'rx-without-prescription']);

/** The zone that decides, as in the verdict policy: the block's own zone when the match points at a known block. */
function zoneOf(match: Match, blocks: readonly TextBlock[]): 'listing' | 'page' {
  return countsAsListing({ zone: blocks[match.block]?.zone ?? match.zone }) ? 'listing' : 'page';
}

function terms(matches: readonly Match[], limit = 3): string {
  const unique = [...new Set(matches.map((m) => m.term))];
  const shown = unique.slice(0, limit).join(', ');
  return unique.length > limit ? `${shown} and ${unique.length - limit} more` : shown;
}

function describe(c: CredentialResult): string {
  return `${c.type} ${c.value} (${c.status})`;
}

export function assessCredentialNeed(input: CredentialNeedInput): CredentialNeed {
  const listing = input.matches.filter((m) => zoneOf(m, input.blocks) === 'listing');
  const chrome = input.matches.filter((m) => zoneOf(m, input.blocks) === 'page');
  const rx = listing.filter((m) => m.rxOnly || RX_CATEGORIES.has(m.category));
  const controlled = listing.filter((m) => CONTROLLED_CATEGORIES.has(m.category));
  const pharmacy = listing.filter((m) => m.category === 'pharmacy-claim');

  const grounds: string[] = [];
  if (rx.length > 0) grounds.push(`sells prescription-only drugs (${terms(rx)})`);
  if (controlled.length > 0) grounds.push(`sells controlled substances or precursors (${terms(controlled)})`);
  if (pharmacy.length > 0) grounds.push(`presents itself as a pharmacy (${terms(pharmacy)})`);

  if (grounds.length === 0) {
    const chromeClaims = chrome.filter(
      (m) => m.category === 'pharmacy-claim' || m.rxOnly || RX_CATEGORIES.has(m.category) || CONTROLLED_CATEGORIES.has(m.category),
    );
    const note =
      chromeClaims.length > 0
        ? `; ${chromeClaims.length} mention(s) in menus or footers (${terms(chromeClaims)}) are page chrome, not the listing`
        : '';
    return {
      credentialRequired: false,
      missingCredential: false,
      reason: `no credential needed: the listing neither sells prescription-only or controlled drugs nor presents itself as a pharmacy${note}`,
    };
  }

  const scope = input.pageType === 'search' ? 'a listed item' : 'the listing';
  const need = `${scope} ${grounds.join(' and ')}`;
  const seller = input.credentials.filter((c) => credentialKind(c.type) === 'seller');
  const good = seller.filter((c) => c.status === 'valid' || c.status === 'unverified');
  const perItem = input.pageType === 'search' ? '; on a search page, check each seller of the listed items' : '';
  if (good.length > 0) {
    return {
      credentialRequired: true,
      missingCredential: false,
      reason: `credential required because ${need}; shown: ${good.map(describe).join(', ')}${perItem}`,
    };
  }
  const notes: string[] = [];
  const bad = seller.filter((c) => c.status === 'invalid');
  if (bad.length > 0) notes.push(`invalid: ${bad.map((c) => `${c.type} ${c.value} (${c.reason})`).join('; ')}`);
  for (const [kind, what] of [
    ['product', 'product registrations approve the product, not the seller'],
    ['identity', 'company identities say who sells, not that they may sell drugs'],
    ['platform', "the platform's own filing does not license its sellers"],
  ] as const) {
    const found = input.credentials.filter((c) => credentialKind(c.type) === kind);
    if (found.length > 0) notes.push(`${what}: ${found.map(describe).join(', ')}`);
  }
  const detail = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  return {
    credentialRequired: true,
    missingCredential: true,
    reason: `credential missing: ${need}, and no valid or unverified seller credential is shown${detail}${perItem}`,
  };
}
