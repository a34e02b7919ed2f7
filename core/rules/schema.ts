/**
 * The rule-pack format: one source of truth for what a pack may contain. Packs are
 * data (JSON under rules/), validated here; a JSON Schema for editors is generated
 * from these definitions (npm run schema).
 *
 * Design follows DOMAIN.md §4: tier A flags alone, tier B flags and escalates with
 * an evasion phrase or a missing credential, tier C (ambiguous slang, emoji) only
 * counts with drug context nearby. Exclusions (negative context) suppress a match
 * unless an evasion phrase is present, since sellers add "test strip" to dodge filters.
 */
import * as z from 'zod/mini';
import { Category, Severity } from '../findings.ts';

export const RULE_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
export const PACK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CUE_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Cues a rule's context can require. Built-in ones are computed by the engine;
 * packs may define more as named term lists (Pack.cues).
 *  - quantity: a dose or amount ("5g", "30mg", "x100", "1oz", "QP", "10ml")
 *  - price: a price ("$20", "20 USD", "¥300")
 *  - drug: a tier A or B finding of a drug category nearby
 *  - rx-drug: a finding of a prescription-only drug (rule.rxOnly) nearby
 *  - evasion: a finding of the evasion category nearby
 */
export const BUILTIN_CUES = ['quantity', 'price', 'drug', 'rx-drug', 'evasion'] as const;

const TermList = z.array(z.string().check(z.minLength(1), z.maxLength(80)));

export const Terms = z.object({
  /** Language-neutral names: brands, codes (4-MMC, M30), INNs spelled the same everywhere. */
  intl: z.optional(TermList),
  en: z.optional(TermList),
  es: z.optional(TermList),
  zh: z.optional(TermList),
  emoji: z.optional(TermList),
});
export type Terms = z.infer<typeof Terms>;
export const TERM_LANGUAGES = ['intl', 'en', 'es', 'zh', 'emoji'] as const;

export const Exclusion = z.object({
  /** Words or phrases that, near the match, mean a benign use ("test strips", "free", "receta de cocina"). */
  terms: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** Tokens either side (or on `side`) to look in. */
  window: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(40))),
  side: z.optional(z.enum(['before', 'after', 'both'])),
});
export type Exclusion = z.infer<typeof Exclusion>;

export const Requirement = z.object({
  /** Any one of these cues (built-in or pack-defined) within `window` tokens. */
  cues: z.array(z.string().check(z.regex(CUE_NAME))).check(z.minLength(1)),
  window: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(200))),
});
export type Requirement = z.infer<typeof Requirement>;

export const Rule = z.object({
  id: z.string().check(z.regex(RULE_ID, 'lowercase words joined by "." or "-", e.g. "opioid.oxycodone"')),
  status: z.enum(['experimental', 'stable', 'deprecated']),
  title: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  category: Category,
  severity: Severity,
  tier: z.enum(['A', 'B', 'C']),
  /** The canonical term reported for any match of this rule. */
  canonical: z.string().check(z.minLength(1)),
  terms: Terms,
  /** Prescription-only medicine: a listing selling it needs a pharmacy credential. */
  rxOnly: z.optional(z.boolean()),
  /** Edit distance 1 for long terms (≥ 7 letters). On by default; off for terms with close benign neighbours. */
  fuzzy: z.optional(z.boolean()),
  context: z.optional(
    z.object({
      requires: z.optional(Requirement),
      excludes: z.optional(z.array(Exclusion)),
    }),
  ),
  /** CAS registry numbers that identify this substance (checksum-validated). */
  cas: z.optional(z.array(z.string().check(z.regex(/^\d{2,7}-\d{2}-\d$/, 'a CAS number like 79099-07-3')))),
  /** Known benign uses a reviewer may meet. */
  falsePositives: z.optional(z.array(z.string())),
  references: z.optional(z.array(z.string())),
  examples: z.object({
    positive: z.array(z.string()).check(z.minLength(2)),
    negative: z.array(z.string()).check(z.minLength(2)),
  }),
});
export type Rule = z.infer<typeof Rule>;

export const Source = z.object({
  name: z.string().check(z.minLength(1)),
  url: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const Pack = z.object({
  $schema: z.optional(z.string()),
  id: z.string().check(z.regex(PACK_ID, 'lowercase words joined by "-"')),
  name: z.string().check(z.minLength(1)),
  version: z.string().check(z.regex(SEMVER, 'a semantic version like 1.2.0')),
  date: z.string().check(z.regex(ISO_DATE, 'a date like 2026-11-29')),
  description: z.optional(z.string()),
  languages: z.array(z.enum(['en', 'es', 'zh'])).check(z.minLength(1)),
  sources: z.array(Source).check(z.minLength(1)),
  licence: z.string().check(z.minLength(1)),
  /** Named term lists that rules may require as context, e.g. "pill-words". */
  cues: z.optional(z.record(z.string().check(z.regex(CUE_NAME)), z.array(z.string().check(z.minLength(1))))),
  rules: z.array(Rule),
});
export type Pack = z.infer<typeof Pack>;
