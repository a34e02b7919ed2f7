/**
 * Finds every credential a page shows — numbers in its text, seals and logos in its links, what its
 * own address proves — checks each, and returns them deduplicated.
 *
 * Text is NFKC-normalised first (fullwidth digits and brackets become ASCII). Credentials are read in
 * every block, menus and footers included: a Chinese shop footer's licences are credentials even
 * though they are not the listing (issue #10). Numbers that need a label to be told from SKUs and
 * phone numbers (DEA, NPI, GPhC, NIF, credit codes) are read only next to their label.
 */
import type { CredentialResult } from '../findings.ts';
import type { PageLink, TextBlock } from '../engine/types.ts';
import { hostOf, registrableDomain } from './domain.ts';
import { CREDENTIAL_TYPES } from './registry.ts';
import { normalizeCredentialText } from './text.ts';
import type { CredentialScanContext } from './types.ts';

export interface CredentialExtractionInput {
  blocks: readonly TextBlock[];
  links: readonly PageLink[];
  url: string | null;
  /** The scan date; expiring certificates are judged against it. */
  now: Date;
}

const STATUS_RANK = { valid: 0, unverified: 1, invalid: 2 } as const;

export function credentialContext(url: string | null, now: Date): CredentialScanContext {
  const host = hostOf(url);
  return { url, host, site: host === null ? null : registrableDomain(host), now };
}

/**
 * One result per type and value. When the same credential is read twice with different outcomes
 * (a LegitScript record linked both with and without its seal), the strongest outcome stands: the
 * page did show it that way somewhere.
 */
export function dedupeCredentials(results: readonly CredentialResult[]): CredentialResult[] {
  const byKey = new Map<string, CredentialResult>();
  for (const r of results) {
    const key = `${r.type}\u0000${r.value}`;
    const seen = byKey.get(key);
    if (seen === undefined || STATUS_RANK[r.status] < STATUS_RANK[seen.status]) byKey.set(key, r);
  }
  return [...byKey.values()];
}

export function extractCredentials(input: CredentialExtractionInput): CredentialResult[] {
  if (Number.isNaN(input.now.getTime())) throw new RangeError('extractCredentials: `now` is an invalid Date');
  const ctx = credentialContext(input.url, input.now);
  const texts = input.blocks.map((b) => normalizeCredentialText(b.text)).filter((t) => t.trim() !== '');
  const pageText = texts.join('\n');
  const results: CredentialResult[] = [];
  for (const type of CREDENTIAL_TYPES) {
    if (type.fromPage) results.push(...type.fromPage(ctx));
    if (type.fromLinks) results.push(...type.fromLinks(input.links, ctx));
    if (type.fromText && (type.hint === undefined || type.hint.test(pageText))) {
      for (const text of texts) results.push(...type.fromText(text, ctx));
    }
  }
  return dedupeCredentials(results);
}
