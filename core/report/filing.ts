/**
 * From a scan to a filed report: prefill the form from a PageResult, then seal a
 * validated form with its evidence into the next link of the chain.
 */
import type { Finding, PageResult, Severity } from '../findings.ts';
import { ARTIFACT_FILES, type Artifact, type CapturedArtifact, type MissingArtifact } from '../evidence/manifest.ts';
import { sha256Hex } from '../evidence/hash.ts';
import { nextLink, sealReport } from './chain.ts';
import { ReportForm, type Report, type ReportDraft } from './model.ts';
import { textFragmentLink } from './text-fragment.ts';

type DraftForm = ReportDraft['form'];

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

/** Where each rule came from, when the scan reported it (engine matches carry packId). */
export type RuleOrigins = ReadonlyMap<string, { packId: string; packVersion: string }>;

function topBy<T extends string>(values: readonly T[], rank: (value: T) => number): T | null {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | null = null;
  for (const [value, count] of counts) {
    if (best === null || rank(value) * 1000 + count > rank(best) * 1000 + (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/** Categories that say how something is sold rather than what. */
const MANNER_CATEGORIES: ReadonlySet<string> = new Set(['rx-without-prescription', 'evasion', 'pharmacy-claim']);

function categoryBasis(findings: readonly Finding[]): string[] {
  const substances = findings.filter((finding) => !MANNER_CATEGORIES.has(finding.category));
  return (substances.length ? substances : findings).map((finding) => finding.category);
}

export function prefillForm(page: PageResult, reviewerId: string, options: { origins?: RuleOrigins; pageText?: string } = {}): DraftForm {
  const listingFindings = page.findings.filter((finding) => finding.zone === 'listing');
  const basis = listingFindings.length ? listingFindings : page.findings;
  const onlyPack = page.packs.length === 1 ? page.packs[0] : undefined;
  const origin = (finding: Finding) => options.origins?.get(finding.ruleId) ?? (onlyPack ? { packId: onlyPack.id, packVersion: onlyPack.version } : null);
  return {
    // The substance's category when one was found (a report is about what is sold; "no prescription"
    // or "stealth shipping" say how), the most severe first, ties broken by how often it was found.
    category: topBy(categoryBasis(basis), (category) => Math.max(...basis.filter((f) => f.category === category).map((f) => SEVERITY_RANK[f.severity]))) ?? '',
    severity: topBy(basis.map((finding) => finding.severity), (severity) => SEVERITY_RANK[severity]) ?? 'low',
    listingUrl: page.url,
    listing: page.listing,
    findings: page.findings.map((finding) => ({
      ...finding,
      packId: origin(finding)?.packId ?? null,
      packVersion: origin(finding)?.packVersion ?? null,
      link: textFragmentLink(page.url, finding, options.pageText === undefined ? {} : { pageText: options.pageText }),
    })),
    credentials: page.credentials,
    packs: page.packs,
    notes: '',
    caseId: '',
    tags: [],
    reviewerId,
  };
}

export interface FormError {
  path: string;
  message: string;
}

/** Validate a draft's form for filing; errors name the field, for the form to show beside it. */
export function validateForm(form: DraftForm): { ok: true; form: ReportForm } | { ok: false; errors: FormError[] } {
  const parsed = ReportForm.safeParse(form);
  if (parsed.success) return { ok: true, form: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

export async function hashArtifacts(captured: readonly CapturedArtifact[]): Promise<Artifact[]> {
  const out: Artifact[] = [];
  for (const artifact of captured) {
    const { file, mediaType } = ARTIFACT_FILES[artifact.kind];
    out.push({ kind: artifact.kind, file, mediaType, size: artifact.bytes.byteLength, sha256: await sha256Hex(artifact.bytes), capturedAt: artifact.capturedAt });
  }
  return out;
}

export interface FileInput {
  form: ReportForm;
  id: string;
  filedAt: string;
  evidence: Artifact[];
  missingEvidence: MissingArtifact[];
  /** The newest report in the chain, or null for the first. */
  head: Pick<Report, 'hash' | 'chain'> | null;
  /** The version this one replaces, when editing a filed report. */
  previous: Report | null;
}

export function fileReport(input: FileInput): Promise<Report> {
  return sealReport({
    ...input.form,
    schema: 'listing-inspector/report@1',
    id: input.id,
    version: input.previous ? input.previous.version + 1 : 1,
    previousVersionHash: input.previous?.hash ?? null,
    filedAt: input.filedAt,
    evidence: input.evidence,
    missingEvidence: input.missingEvidence,
    chain: nextLink(input.head),
  });
}
