/**
 * Whether a page's host is inspected without being asked, from the "where it runs"
 * settings: deny wins over everything; then the marketplace list and the allow list.
 * Pure; patterns are host names, "*.example.com" also matching example.com itself.
 */
import type { Settings } from './schema.ts';

export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) {
    const base = p.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === p;
}

export type SiteDecision = 'deny' | 'marketplace' | 'allow' | 'on-demand';

export function siteDecision(sites: Settings['sites'], host: string): SiteDecision {
  if (sites.deny.some((p) => hostMatches(p, host))) return 'deny';
  if (sites.marketplaces.some((p) => hostMatches(p, host))) return 'marketplace';
  if (sites.allow.some((p) => hostMatches(p, host))) return 'allow';
  return 'on-demand';
}
