/**
 * LegitScript certification. A certified site carries a seal served from LegitScript
 * (static.legitscript.com/seals/<id>.js or .png) inside a link to LegitScript's record for the site:
 * legitscript.com/websites/<domain>, or legitscript.com/websites/?checker_keywords=<domain>
 * (older seals: legitscript.com/pharmacy/<domain>).
 *
 * Status:
 * - valid: a seal served by LegitScript links to the record of this very site (registrable domains
 *   equal). That is everything the page can prove offline; the reason still names the record.
 * - unverified: the link names this site but no LegitScript-served seal stands with it, or the page
 *   URL is unknown, or only a seal is present — someone has to open the record.
 * - invalid: the record the seal points to is another domain's (a borrowed seal) — except on a
 *   marketplace, where a seller's seal names the seller's own website: unverified there.
 */
import type { CredentialResult } from '../findings.ts';
import type { PageLink } from '../engine/types.ts';
import { cleanDomain, hostIsWithin, hostOf, isMarketplaceSite, registrableDomain } from './domain.ts';
import { invalid, unverified, valid } from './result.ts';
import type { CredentialScanContext, CredentialType } from './types.ts';

export const LEGITSCRIPT_TYPE = 'legitscript';

export function legitscriptLookupUrl(domain: string): string {
  return `https://www.legitscript.com/websites/?checker_keywords=${encodeURIComponent(domain)}`;
}

/** The domain a LegitScript record link names, or null when the URL is not such a link. */
export function legitscriptRecordDomain(href: string): string | null {
  const host = hostOf(href);
  if (host === null || !hostIsWithin(host, 'legitscript.com')) return null;
  const url = new URL(href.trim());
  const keyword = url.searchParams.get('checker_keywords');
  if (keyword) return cleanDomain(keyword);
  const path = /^\/(?:websites|pharmacy)\/([^/?#]+)/i.exec(url.pathname);
  return path?.[1] ? cleanDomain(safeDecode(path[1])) : null;
}

/** Decodes a path segment; a malformed escape (a hostile page's "%E0%A4%A") is read as written. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The seal id when the URL is a seal asset served by LegitScript, or null. */
export function legitscriptSealId(src: string | undefined): string | null {
  const host = hostOf(src);
  if (host === null || !hostIsWithin(host, 'legitscript.com')) return null;
  const m = /\/seals\/([A-Za-z0-9_-]+)\.(?:js|png|svg|gif)$/i.exec(new URL((src ?? '').trim()).pathname);
  return m?.[1] ?? null;
}

/**
 * Checks one record link against the page. `sealId` is a LegitScript-served seal found with it or
 * elsewhere on the page (pages record the seal image or script and the anchor as separate links).
 */
export function checkLegitscriptRecord(
  recordDomain: string,
  sealId: string | null,
  ctx: CredentialScanContext,
): CredentialResult {
  const lookup = legitscriptLookupUrl(recordDomain);
  if (ctx.site === null) {
    return unverified(LEGITSCRIPT_TYPE, recordDomain, `page address unknown, so the seal's domain cannot be compared; confirm at ${lookup}`);
  }
  if (registrableDomain(recordDomain) !== ctx.site && isMarketplaceSite(ctx.site)) {
    return unverified(
      LEGITSCRIPT_TYPE,
      recordDomain,
      `seal certifies ${recordDomain}, the seller's own site, not this ${ctx.site} listing; confirm the seller operates it and the record at ${lookup}`,
    );
  }
  if (registrableDomain(recordDomain) !== ctx.site) {
    return invalid(
      LEGITSCRIPT_TYPE,
      recordDomain,
      `seal links to LegitScript's record for ${recordDomain}, not for this site (${ctx.site}): a borrowed seal`,
    );
  }
  if (sealId === null) {
    return unverified(
      LEGITSCRIPT_TYPE,
      recordDomain,
      `link to LegitScript's record for this site but no LegitScript-served seal; confirm at ${lookup}`,
    );
  }
  return valid(
    LEGITSCRIPT_TYPE,
    recordDomain,
    `LegitScript seal ${sealId} links to the record for this site (${ctx.site}); record at ${lookup}`,
  );
}

export function checkLegitscriptLinks(links: readonly PageLink[], ctx: CredentialScanContext): CredentialResult[] {
  const seals: string[] = [];
  const records: Array<{ domain: string; seal: string | null }> = [];
  for (const link of links) {
    const seal = legitscriptSealId(link.src) ?? legitscriptSealId(link.href);
    if (seal !== null && !seals.includes(seal)) seals.push(seal);
    const domain = legitscriptRecordDomain(link.href);
    if (domain !== null) records.push({ domain, seal });
  }
  if (records.length === 0) {
    return seals.map((id) =>
      unverified(
        LEGITSCRIPT_TYPE,
        `seal ${id}`,
        'LegitScript seal without a link to its record; confirm the site at https://www.legitscript.com/websites/',
      ),
    );
  }
  return records.map((r) => checkLegitscriptRecord(r.domain, r.seal ?? seals[0] ?? null, ctx));
}

export const legitscript: CredentialType = {
  id: LEGITSCRIPT_TYPE,
  kind: 'seller',
  name: 'LegitScript certification',
  fromLinks: checkLegitscriptLinks,
};
