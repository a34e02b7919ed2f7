/**
 * The EU common logo for online sale of medicines (Reg. (EU) 699/2014). The logo must link to the
 * seller's entry on the list of the national competent authority whose flag it shows; a logo linking
 * anywhere else is not the logo.
 *
 * Status:
 * - unverified: the link goes to a national authority's list (open it: the entry must name this
 *   site's domain — the logo's authenticity is that entry, which cannot be read offline).
 * - invalid: something that presents itself as the logo (image or text) links elsewhere, or links
 *   nowhere.
 * Spain's register (AEMPS Distafarma) is reported under its own type, es-aemps (see es-aemps.ts).
 */
import type { CredentialResult } from '../findings.ts';
import type { PageLink } from '../engine/types.ts';
import { authorityForHost } from './eu-authorities.ts';
import { hostOf } from './domain.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const EU_LOGO_TYPE = 'eu-common-logo';

/**
 * What the logo's image names and alt texts say: "common logo", "logo común", "logo comune",
 * "gemeinsames Logo", the logo's own text ("Click to verify if this website is operating legally",
 * "Haga clic para verificar si este sitio web opera legalmente"). A bare "EU logo" or "logo UE" is not
 * enough: Spanish shops carry the NextGenerationEU funding logo, which has nothing to do with medicines.
 */
const LOGO_HINT = new RegExp(
  [
    String.raw`common[-_ ]?logo`,
    String.raw`logo[-_ ]?(?:com[uú]n|comune|commun)\b`,
    String.raw`logotipo[-_ ]?com[uú]n`,
    String.raw`gemeinsame[sn]?[-_ ]?logo`,
    String.raw`(?:eu|ue|europe\w*)[-_ ]?logo[-_ ]?(?:\w+[-_ ])?(?:pharm|farm|apothek|medic|online[-_ ]?sale|venta)`,
    String.raw`versandhandel[-_ ]?logo`,
    String.raw`verify if this website`,
    String.raw`verificar si este sitio`,
    String.raw`verificare se (?:questo|il) sito`,
    String.raw`ob diese website`,
    String.raw`v[ée]rifier (?:si|que) ce site`,
  ].join('|'),
  'i',
);

// Every LOGO_HINT alternative contains one of these; testing them first keeps thousands of ordinary
// links away from the long alternation.
const LOGO_PREFILTER = /logo|verif|website|überprüf/i;

const NO_LINK = '(no link)';

export function looksLikeEuLogo(link: PageLink): boolean {
  const text = `${link.src ?? ''} ${link.text}`;
  return LOGO_PREFILTER.test(text) && LOGO_HINT.test(text);
}

/** One link's verdict, or null when the link is neither the logo nor a register link. */
export function checkEuLogoLink(link: PageLink): CredentialResult | null {
  const href = link.href.trim();
  const host = hostOf(href);
  const logo = looksLikeEuLogo(link);
  const match = host === null ? null : authorityForHost(host);
  if (match?.authority.country === 'ES') return null; // es-aemps reports Spain
  if (match !== null && (match.register || logo)) {
    const { country, authority } = match.authority;
    return unverified(
      EU_LOGO_TYPE,
      href,
      `links to ${authority} (${country}), the national authority's list; confirm the entry there names this site's domain`,
    );
  }
  if (!logo) return null;
  if (host === null) return invalid(EU_LOGO_TYPE, href || NO_LINK, 'EU common logo that links to no national authority list');
  return invalid(EU_LOGO_TYPE, href, `EU common logo links to ${host}, which is not a national competent authority`);
}

/**
 * All logo links of a page. A logo image recorded on its own (no href) is "linking nowhere" only when
 * no logo or register link on the page goes to an authority: pages record the anchor and its image
 * as separate links, and the anchor carries the verdict.
 */
export function checkEuLogoLinks(links: readonly PageLink[]): CredentialResult[] {
  const results = links.flatMap((link) => checkEuLogoLink(link) ?? []);
  const linked = results.some((r) => r.status === 'unverified') || links.some((l) => checkAempsStyleRegister(l));
  return linked ? results.filter((r) => r.value !== NO_LINK) : results;
}

/** A link into Spain's register, which es-aemps.ts reports (kept here to avoid an import cycle). */
function checkAempsStyleRegister(link: PageLink): boolean {
  const host = hostOf(link.href);
  return host !== null && authorityForHost(host)?.authority.country === 'ES';
}

export const euCommonLogo: CredentialType = {
  id: EU_LOGO_TYPE,
  kind: 'seller',
  name: 'EU common logo for online sale of medicines',
  fromLinks: checkEuLogoLinks,
};
