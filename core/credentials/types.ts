/**
 * The shape every credential type module shares, so the registry can run them all the same way.
 * A type module knows one credential: how it is written on a page, how to check it offline, and
 * where a reviewer confirms it.
 */
import type { CredentialResult } from '../findings.ts';
import type { PageLink } from '../engine/types.ts';

/**
 * What a credential proves, which decides whether it answers the need for one (see assess.ts):
 * - `seller`: a licence or accreditation of whoever sells (DEA, NPI, LegitScript, .pharmacy, EU logo,
 *   GPhC premises, COFEPRIS licence, 药品经营许可证, 互联网药品信息服务资格证书). Only these satisfy the
 *   requirement.
 * - `platform`: the marketplace's own filing (药品网络交易第三方平台备案凭证): the platform may host drug
 *   sellers, which says nothing about this seller.
 * - `product`: a product's marketing authorisation (INVIMA, COFEPRIS "Reg. No.", ANMAT certificado):
 *   the product is approved, not the seller.
 * - `identity`: a company or tax identity (NIF/CIF, 统一社会信用代码): who the seller is, not a licence.
 */
export type CredentialKind = 'seller' | 'platform' | 'product' | 'identity';

export interface CredentialScanContext {
  /** The page URL, when known (saved pages and JSONL records may have none). */
  url: string | null;
  /** Lower-case host of `url`, or null. */
  host: string | null;
  /** Registrable domain of `url` (example.co.uk for shop.example.co.uk), or null. */
  site: string | null;
  /** The scan date: certificates that expire are judged against it, never against the clock. */
  now: Date;
}

export interface CredentialType {
  /** Stable id, the `type` of every result this module produces. */
  id: string;
  kind: CredentialKind;
  /** For people: "US DEA registration". */
  name: string;
  /**
   * A cheap test on the whole page's normalised text: when it fails, `fromText` cannot find anything
   * on the page and is skipped. Must accept every text `fromText` can read (registry.test.ts checks).
   */
  hint?: RegExp;
  /** Finds and checks this credential in one block of NFKC-normalised text. */
  fromText?(text: string, ctx: CredentialScanContext): CredentialResult[];
  /** Finds and checks this credential in the page's links and images (seals, logos). */
  fromLinks?(links: readonly PageLink[], ctx: CredentialScanContext): CredentialResult[];
  /** Checks what the page address itself proves (a .pharmacy domain). */
  fromPage?(ctx: CredentialScanContext): CredentialResult[];
}
