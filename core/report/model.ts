/**
 * The report model: one source of truth for what a filed report contains. Types are
 * derived from these schemas; the published JSON Schema is generated from them too
 * (docs/schema/report.schema.json, kept in step by a test).
 *
 * A filed report version is immutable and hashed; its workflow status (submitted,
 * acknowledged) and delivery state live beside it in ReportState, so moving a
 * report along the workflow never rewrites what was filed.
 */
import * as z from 'zod/mini';
import { Category, CredentialResult, Finding, ListingFacts, Severity } from '../findings.ts';
import { Artifact, MissingArtifact, Sha256 } from '../evidence/manifest.ts';

export const REPORT_STATUSES = ['draft', 'filed', 'submitted', 'acknowledged'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _.:/-]{0,39}$/u;

export const ReportFinding = z.object({
  ...Finding.shape,
  /** The rule pack (and its version) that flagged it; null when the scan did not say. */
  packId: z.nullable(z.string()),
  packVersion: z.nullable(z.string()),
  /** A text-fragment link so the next reader lands on the finding. Empty when the text is not linkable. */
  link: z.string(),
});
export type ReportFinding = z.infer<typeof ReportFinding>;

/** What the reviewer fills in (prefilled from the scan); validated before a report is filed. */
export const ReportForm = z.object({
  category: Category,
  severity: Severity,
  listingUrl: z.url({ protocol: /^https?$/, error: 'the listing URL must be an http(s) URL' }),
  listing: ListingFacts,
  findings: z.array(ReportFinding),
  credentials: z.array(CredentialResult),
  packs: z.array(z.object({ id: z.string(), version: z.string() })),
  notes: z.string().check(z.maxLength(20_000, 'notes are limited to 20,000 characters')),
  caseId: z.string().check(z.maxLength(80, 'a case id is at most 80 characters'), z.regex(/^[\w.:/-]*$/, 'a case id uses letters, digits and - _ . : / only')),
  tags: z.array(z.string().check(z.regex(TAG, 'a tag is 1–40 letters, digits, spaces or - _ . : /'))).check(z.maxLength(20, 'at most 20 tags')),
  reviewerId: z.string().check(z.minLength(1, 'a reviewer id is required to file (set it in the options)'), z.maxLength(120)),
});
export type ReportForm = z.infer<typeof ReportForm>;

/** A draft is whatever the reviewer has typed so far: nothing required, kept as is. */
export const ReportDraft = z.object({
  draftId: z.string(),
  tabId: z.nullable(z.number()),
  /** Set when the draft edits a filed report: filing it makes that report's next version. */
  editsReport: z.nullable(z.object({ id: z.string(), version: z.number() })),
  savedAt: z.string(),
  form: z.object({
    category: z.string(),
    severity: z.string(),
    listingUrl: z.string(),
    listing: ListingFacts,
    findings: z.array(ReportFinding),
    credentials: z.array(CredentialResult),
    packs: z.array(z.object({ id: z.string(), version: z.string() })),
    notes: z.string(),
    caseId: z.string(),
    tags: z.array(z.string()),
    reviewerId: z.string(),
  }),
});
export type ReportDraft = z.infer<typeof ReportDraft>;

export const ChainLink = z.object({
  /** Position in this profile's append-only chain, from 1. */
  seq: z.number().check(z.int(), z.minimum(1)),
  /** Hash of the report at seq - 1; GENESIS_HASH for the first. */
  prevHash: Sha256,
});
export type ChainLink = z.infer<typeof ChainLink>;

export const GENESIS_HASH = '0'.repeat(64);

/** A filed report version. Everything but `hash` is covered by `hash`. */
export const Report = z.object({
  ...ReportForm.shape,
  schema: z.literal('listing-inspector/report@1'),
  id: z.string().check(z.minLength(8)),
  version: z.number().check(z.int(), z.minimum(1)),
  /** Hash of the version this one replaces; null for version 1. */
  previousVersionHash: z.nullable(Sha256),
  /** When this version was filed (UTC ISO 8601). */
  filedAt: z.string(),
  evidence: z.array(Artifact),
  missingEvidence: z.array(MissingArtifact),
  chain: ChainLink,
  hash: Sha256,
});
export type Report = z.infer<typeof Report>;
export type UnsealedReport = Omit<Report, 'hash'>;

export const DELIVERY_STATES = ['none', 'queued', 'sending', 'retrying', 'delivered', 'failed'] as const;
export const DeliveryState = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** Mutable workflow state beside the immutable versions. */
export const ReportState = z.object({
  id: z.string(),
  status: ReportStatus,
  latestVersion: z.number(),
  delivery: z.object({
    state: DeliveryState,
    attempts: z.number(),
    lastError: z.nullable(z.string()),
    nextAttemptAt: z.nullable(z.string()),
    deliveredAt: z.nullable(z.string()),
    receipt: z.nullable(z.string()),
  }),
  updatedAt: z.string(),
});
export type ReportState = z.infer<typeof ReportState>;

/** Allowed workflow moves: forward only, so a report's history reads in one direction. */
export const STATUS_MOVES: Record<ReportStatus, readonly ReportStatus[]> = {
  draft: ['filed'],
  filed: ['submitted'],
  submitted: ['acknowledged'],
  acknowledged: [],
};

export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return STATUS_MOVES[from].includes(to);
}
