/**
 * The findings model: what a scan reports. This is the stable contract that the
 * CLI prints, the extension shows and reports carry (issue #3, extended by #10).
 */
import * as z from 'zod/mini';

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** Categories of controlled substances and their precursors (not prescription medicines, nor how something is sold). */
export const CONTROLLED_CATEGORIES = [
  'opioid',
  'benzodiazepine',
  'stimulant',
  'cathinone',
  'hallucinogen',
  'dissociative',
  'ghb',
  'cannabis',
  'steroid',
  'precursor',
] as const;

export const CATEGORIES = [
  ...CONTROLLED_CATEGORIES,
  'rx-drug',
  'rx-without-prescription',
  'evasion',
  'paraphernalia',
  'pharmacy-claim',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Where on the page the matched text stands. */
export const WHERES = ['visible', 'hidden', 'attribute', 'shadow-dom', 'iframe', 'structured-data'] as const;
export const Where = z.enum(WHERES);
export type Where = z.infer<typeof Where>;

/**
 * Which part of the page a text block belongs to. Findings in the listing itself
 * (title, description, seller block) weigh fully; navigation, menus and footers
 * are not the listing and weigh far less (issue #10).
 */
export const ZONES = ['listing', 'page'] as const;
export const Zone = z.enum(ZONES);
export type Zone = z.infer<typeof Zone>;

/** Obfuscation tricks the normaliser undoes; a finding records which ones it took to match. */
export const TRICKS = [
  'homoglyph',
  'leetspeak',
  'diacritics',
  'fullwidth',
  'zero-width',
  'separators',
  'repeated-letters',
  'misspelling',
  'split-across-elements',
  'hidden-text',
  'traditional-chinese',
  'cas-number',
] as const;
export const Trick = z.enum(TRICKS);
export type Trick = z.infer<typeof Trick>;

export const Finding = z.object({
  ruleId: z.string(),
  /** Canonical term, e.g. "oxycodone", whatever the page wrote. */
  term: z.string(),
  category: Category,
  severity: Severity,
  /** The text exactly as it stands on the page (an exact substring of the block's text). */
  matched: z.string(),
  where: Where,
  /** A short excerpt around the match. */
  context: z.string(),
  /** Listing content or page chrome (menus, footers): see Zone. */
  zone: Zone,
  /** The disguises undone to match, e.g. ["leetspeak"] for "0xyc0d0ne". */
  tricks: z.array(Trick),
  /** Why it matched, for people: "0xyc0d0ne → oxycodone (leetspeak)". */
  explanation: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const CREDENTIAL_STATUSES = ['valid', 'invalid', 'unverified'] as const;
export const CredentialStatus = z.enum(CREDENTIAL_STATUSES);
export type CredentialStatus = z.infer<typeof CredentialStatus>;

export const CredentialResult = z.object({
  type: z.string(),
  value: z.string(),
  status: CredentialStatus,
  reason: z.string(),
});
export type CredentialResult = z.infer<typeof CredentialResult>;

export const VERDICTS = ['violation', 'review', 'clear'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

export const PAGE_TYPES = ['item', 'search', 'other'] as const;

/** Listing facts from a site adapter (issue #10). Unknown is null, never a guess. */
export const ListingFacts = z.object({
  marketplace: z.nullable(z.string()),
  pageType: z.enum(PAGE_TYPES),
  title: z.nullable(z.string()),
  listingId: z.nullable(z.string()),
  price: z.nullable(
    z.object({ amount: z.number(), currency: z.nullable(z.string()), text: z.string() }),
  ),
  seller: z.nullable(
    z.object({ name: z.nullable(z.string()), id: z.nullable(z.string()), url: z.nullable(z.string()) }),
  ),
});
export type ListingFacts = z.infer<typeof ListingFacts>;

export const EMPTY_LISTING: ListingFacts = {
  marketplace: null,
  pageType: 'other',
  title: null,
  listingId: null,
  price: null,
  seller: null,
};

/** One scanned page or record: one JSON object per line of `scan --format jsonl`. */
export const PageResult = z.object({
  url: z.string(),
  source: z.string(),
  scannedAt: z.string(),
  packs: z.array(z.object({ id: z.string(), version: z.string() })),
  verdict: Verdict,
  listing: ListingFacts,
  findings: z.array(Finding),
  credentials: z.array(CredentialResult),
  credentialRequired: z.boolean(),
  missingCredential: z.boolean(),
});
export type PageResult = z.infer<typeof PageResult>;
