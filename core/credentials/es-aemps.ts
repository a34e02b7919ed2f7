/**
 * Spain: pharmacies may sell non-prescription medicines online only when listed in AEMPS's register
 * of online pharmacies (Distafarma; Real Decreto 870/2013), and their EU common logo must link to it.
 * Prescription medicines may not be sold online in Spain at all, so a Spanish site selling them is
 * illegal on its face whatever it shows.
 *
 * Status: a link to Distafarma (or an EU-logo link to AEMPS) is unverified — the register entry must
 * be opened to see that it names this site. An EU logo showing Spain but linking elsewhere is reported
 * by eu-common-logo.ts as invalid.
 */
import type { CredentialResult } from '../findings.ts';
import type { PageLink } from '../engine/types.ts';
import { authorityForHost } from './eu-authorities.ts';
import { looksLikeEuLogo } from './eu-common-logo.ts';
import { hostOf } from './domain.ts';
import { unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const ES_AEMPS_TYPE = 'es-aemps';
export const DISTAFARMA_URL = 'https://distafarma.aemps.es/';

export function checkAempsLink(link: PageLink): CredentialResult | null {
  const href = link.href.trim();
  const host = hostOf(href);
  if (host === null) return null;
  const match = authorityForHost(host);
  if (match?.authority.country !== 'ES') return null;
  if (!match.register && !looksLikeEuLogo(link)) return null; // an ordinary link to the agency's site
  return unverified(
    ES_AEMPS_TYPE,
    href,
    'links to the AEMPS register of online pharmacies (Distafarma); confirm the entry names this site and that only non-prescription medicines are sold online',
  );
}

export const esAemps: CredentialType = {
  id: ES_AEMPS_TYPE,
  kind: 'seller',
  name: 'Spain AEMPS online-pharmacy register',
  fromLinks: (links) => links.flatMap((link) => checkAempsLink(link) ?? []),
};
