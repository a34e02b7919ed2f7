/**
 * NABP credentials (US National Association of Boards of Pharmacy).
 *
 * `nabp-pharmacy-domain`: NABP is the sole registry operator of the .pharmacy top-level domain and
 * grants a name only after verifying the pharmacy (or pharmacy-related business) against its
 * standards, and takes it back when they are no longer met. So when the page's own registrable domain is a
 * .pharmacy name, the check is complete offline: valid. Lookalikes prove nothing and produce no
 * result: pharmacy.example.com, example-pharmacy.com, example.pharmacy.evil.com.
 *
 * `nabp-digital-pharmacy`: the Digital Pharmacy Accreditation (formerly VIPPS) seal, which links to
 * NABP (safe.pharmacy, nabp.pharmacy). A seal linking there is unverified (open the link); a seal
 * linking to NABP's page for another domain, or an NABP seal image linking anywhere but NABP, is
 * invalid.
 */
import type { CredentialResult } from '../findings.ts';
import type { PageLink } from '../engine/types.ts';
import { cleanDomain, hostIsWithin, hostOf, isMarketplaceSite, registrableDomain } from './domain.ts';
import { invalid, unverified, valid } from './result.ts';
import type { CredentialScanContext, CredentialType } from './types.ts';

export const NABP_DOMAIN_TYPE = 'nabp-pharmacy-domain';
export const NABP_ACCREDITATION_TYPE = 'nabp-digital-pharmacy';
const NABP_LOOKUP = 'https://safe.pharmacy/buy-safely/';
const NABP_HOSTS = ['safe.pharmacy', 'nabp.pharmacy', 'nabp.net'];
// Every NABP_SEAL_HINT alternative contains one of these (cheap first test for thousands of links).
const NABP_PREFILTER = /nabp|vipps|pharmacy/i;
const NABP_SEAL_HINT = /\bnabp\b|nabp[-_]|digital[-_ ]?pharmacy[-_ ]?accredit|\bvipps\b|vipps[-_]|safe\.pharmacy/i;

/** True when the host's registrable domain sits directly under the .pharmacy TLD. */
export function isPharmacyTld(host: string): boolean {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  return labels.length >= 2 && labels[labels.length - 1] === 'pharmacy' && (labels[labels.length - 2] ?? '') !== '';
}

export function checkPharmacyDomain(ctx: CredentialScanContext): CredentialResult[] {
  if (ctx.host === null || !isPharmacyTld(ctx.host)) return [];
  const site = registrableDomain(ctx.host);
  if (NABP_HOSTS.some((h) => hostIsWithin(ctx.host ?? '', h))) return []; // NABP's own pages
  return [
    valid(
      NABP_DOMAIN_TYPE,
      site,
      `the page is on ${site}: NABP grants .pharmacy names only to pharmacies and pharmacy businesses it has verified (status at ${NABP_LOOKUP})`,
    ),
  ];
}

/** A domain an NABP link names (?url=, ?domain=, ?s= or a path segment), or null. */
function namedDomain(href: string): string | null {
  const url = new URL(href.trim());
  for (const key of ['url', 'domain', 'site', 'website', 's']) {
    const v = url.searchParams.get(key);
    if (v) return cleanDomain(v);
  }
  return null;
}

export function checkNabpLinks(links: readonly PageLink[], ctx: CredentialScanContext): CredentialResult[] {
  const results: CredentialResult[] = [];
  for (const link of links) {
    const host = hostOf(link.href);
    const toNabp = host !== null && NABP_HOSTS.some((h) => hostIsWithin(host, h));
    const label = `${link.src ?? ''} ${link.text}`;
    const looksLikeSeal = NABP_PREFILTER.test(label) && NABP_SEAL_HINT.test(label);
    if (toNabp) {
      const named = namedDomain(link.href);
      if (named !== null && ctx.site !== null && registrableDomain(named) !== ctx.site && !isMarketplaceSite(ctx.site)) {
        results.push(invalid(NABP_ACCREDITATION_TYPE, named, `NABP link names ${named}, not this site (${ctx.site})`));
      } else if (named !== null || looksLikeSeal) {
        results.push(
          unverified(NABP_ACCREDITATION_TYPE, named ?? host, `NABP accreditation link; confirm the site is listed at ${link.href.trim()}`),
        );
      }
    } else if (looksLikeSeal && link.src !== undefined && link.href.trim() !== '') {
      results.push(
        invalid(
          NABP_ACCREDITATION_TYPE,
          host ?? link.href.trim(),
          `NABP accreditation seal links to ${host ?? link.href.trim()}, not to NABP (${NABP_LOOKUP})`,
        ),
      );
    }
  }
  return results;
}

export const nabpPharmacyDomain: CredentialType = {
  id: NABP_DOMAIN_TYPE,
  kind: 'seller',
  name: 'NABP-verified .pharmacy domain',
  fromPage: checkPharmacyDomain,
};

export const nabpDigitalPharmacy: CredentialType = {
  id: NABP_ACCREDITATION_TYPE,
  kind: 'seller',
  name: 'NABP Digital Pharmacy Accreditation',
  fromLinks: checkNabpLinks,
};
