/**
 * The corpus manifest: the answer key for every page under test/fixtures/corpus/ (issue #8).
 * One source of truth: the generator writes it, the evaluation reads it, and both go through
 * this schema, so a label that drifts from the findings contract fails loudly.
 */
import * as z from 'zod/mini';
import { Category, CredentialStatus, TRICKS, Verdict, Where } from '../../core/findings.ts';

/**
 * How a term was disguised or placed on the page. The normaliser's tricks (core/findings.ts)
 * plus placements and phrasings the evaluation also reports recall for, so a weakness in, say,
 * shadow DOM or emoji codes shows up as its own line rather than hiding in the average.
 */
export const EVAL_TRICKS = [
  ...TRICKS,
  'plain',
  'attribute',
  'structured-data',
  'shadow-dom',
  'iframe',
  'chinese-no-spaces',
  'emoji',
  'evasion-phrase',
  'no-prescription',
  'brand-name',
  'slang',
] as const;
export const EvalTrick = z.enum(EVAL_TRICKS);
export type EvalTrick = z.infer<typeof EvalTrick>;

export const LANGUAGES = ['en', 'es', 'zh'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const MARKETPLACES = [
  'amazon',
  'ebay',
  'aliexpress',
  'alibaba',
  'mercadolibre',
  'etsy',
  'shopify-pharmacy',
  'classifieds',
  'b2b-chemical',
  'es-pharmacy',
  'latam-pharmacy',
] as const;
export const Marketplace = z.enum(MARKETPLACES);
export type Marketplace = z.infer<typeof Marketplace>;

export const ExpectedFinding = z.object({
  /** Canonical term as the rule pack reports it (Rule.canonical). */
  term: z.string().check(z.minLength(1)),
  category: Category,
  where: Where,
  trick: EvalTrick,
  /**
   * An acceptable finding that recall does not require: a second, weaker signal on a page
   * that already violates (e.g. a generic "discreet shipping" phrase). Finding it is never a
   * false alarm; missing it costs nothing.
   */
  optional: z.optional(z.boolean()),
});
export type ExpectedFinding = z.infer<typeof ExpectedFinding>;

export const ExpectedCredential = z.object({
  /** Credential type as core/credentials reports it, e.g. "npi", "dea". */
  type: z.string().check(z.minLength(1)),
  value: z.string().check(z.minLength(1)),
  status: CredentialStatus,
});
export type ExpectedCredential = z.infer<typeof ExpectedCredential>;

export const CorpusPage = z.object({
  /** Path relative to test/fixtures/corpus/. */
  file: z.string().check(z.regex(/^[a-z0-9-]+\.html$/)),
  marketplace: Marketplace,
  languages: z.array(Language).check(z.minLength(1)),
  /** The URL the page pretends to live at (its canonical link); credentials are checked against its host. */
  url: z.string(),
  violating: z.boolean(),
  /** What a reviewer would want to know, in one line: why the page is labelled as it is. */
  note: z.string(),
  findings: z.array(ExpectedFinding),
  /** Exact phrases on the page that no finding may fall inside (benign near-misses). */
  mustNotFlag: z.array(z.string().check(z.minLength(1))),
  credentials: z.array(ExpectedCredential),
  credentialRequired: z.boolean(),
  missingCredential: z.boolean(),
  verdict: Verdict,
});
export type CorpusPage = z.infer<typeof CorpusPage>;

export const CorpusManifest = z.object({
  version: z.literal(1),
  description: z.string(),
  pages: z.array(CorpusPage),
});
export type CorpusManifest = z.infer<typeof CorpusManifest>;

/** Parses a manifest and says exactly which page and field is wrong. */
export function parseManifest(json: unknown): CorpusManifest {
  const parsed = CorpusManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`corpus manifest: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}
