/**
 * Building an evidence bundle ZIP: manifest with hashes, every artifact, every version
 * of each report, the chain headers, a printable report.html, and optionally a
 * signature over the manifest's exact bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import { canonicalJson } from '../evidence/canonical-json.ts';
import { sha256Canonical, sha256Hex, utf8 } from '../evidence/hash.ts';
import { keyFingerprint, signBytes, type SigningKeys } from '../evidence/signature.ts';
import {
  artifactPath,
  BUNDLE_FORMAT,
  CHAIN_FILE,
  HTML_FILE,
  MANIFEST_FILE,
  reportPath,
  SIGNATURE_FILE,
  type BundleFile,
  type Manifest,
  type SignatureFile,
} from './bundle-model.ts';
import type { ChainEntry } from './chain.ts';
import type { Report } from './model.ts';
import { renderReportHtml } from './report-html.ts';
import { label, REPORT_HTML_LABELS, type ReportHtmlLocale } from './report-html-labels.ts';

export interface BundleInput {
  /** Every version of every report to include. */
  reports: readonly Report[];
  /** Artifact bytes by sha256 (as captured; decrypted if stored encrypted). */
  artifacts: ReadonlyMap<string, Uint8Array<ArrayBuffer>>;
  /** Chain headers from the first to the newest report in the bundle (the whole chain up to it). */
  chain: readonly ChainEntry[];
  caseId: string | null;
  createdAt: string;
  generator: string;
  signing?: SigningKeys | null;
  /** Language of report.html (default English). */
  locale?: ReportHtmlLocale;
}

export class MissingArtifactError extends Error {
  constructor(report: Report, kind: string) {
    super(`report ${report.id} v${report.version}: the ${kind} artifact's bytes are not in the store`);
    this.name = 'MissingArtifactError';
  }
}

export async function fieldHashes(report: Report): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(report)) {
    if (key !== 'hash' && value !== undefined) out[key] = await sha256Canonical(value);
  }
  return out;
}

export async function buildBundle(input: BundleInput): Promise<Uint8Array> {
  const files = new Map<string, { bytes: Uint8Array; file: Omit<BundleFile, 'sha256' | 'size' | 'path'> }>();
  const images = new Map<string, Uint8Array>();
  for (const report of input.reports) {
    files.set(reportPath(report.id, report.version), {
      bytes: utf8(canonicalJson(report)),
      file: { role: 'report', reportId: report.id, version: report.version },
    });
    for (const artifact of report.evidence) {
      const bytes = input.artifacts.get(artifact.sha256);
      if (!bytes) throw new MissingArtifactError(report, artifact.kind);
      const path = artifactPath(report.id, artifact.sha256, artifact.file);
      files.set(path, { bytes, file: { role: 'artifact', reportId: report.id, kind: artifact.kind } });
      if (artifact.mediaType === 'image/png') images.set(path, bytes);
    }
  }
  files.set(CHAIN_FILE, { bytes: utf8(`${JSON.stringify(input.chain, null, 1)}\n`), file: { role: 'chain' } });

  const fingerprint = input.signing ? await keyFingerprint(input.signing.publicJwk) : null;
  const reportIds = [...new Set(input.reports.map((report) => report.id))];
  const htmlText = renderReportHtml({
    title: input.caseId
      ? label(REPORT_HTML_LABELS[input.locale ?? 'en'], 'caseTitle', { id: input.caseId })
      : label(REPORT_HTML_LABELS[input.locale ?? 'en'], 'reportTitle', { id: reportIds[0] ?? '' }),
    locale: input.locale ?? 'en',
    generatedAt: input.createdAt,
    generator: input.generator,
    reports: input.reports,
    artifactPath: (report, artifact) => artifactPath(report.id, artifact.sha256, artifact.file),
    images,
    signature: fingerprint ? { fingerprint } : null,
  });
  files.set(HTML_FILE, { bytes: utf8(htmlText), file: { role: 'html' } });

  const manifestFiles: BundleFile[] = [];
  for (const [path, { bytes, file }] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    manifestFiles.push({ path, sha256: await sha256Hex(bytes), size: bytes.byteLength, ...file });
  }
  const seqs = input.chain.map((entry) => entry.seq);
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    createdAt: input.createdAt,
    generator: input.generator,
    scope: { kind: input.caseId ? 'case' : 'report', caseId: input.caseId, reportIds },
    reports: await Promise.all(
      input.reports.map(async (report) => ({
        id: report.id,
        version: report.version,
        seq: report.chain.seq,
        hash: report.hash,
        fieldHashes: await fieldHashes(report),
      })),
    ),
    files: manifestFiles,
    chain: { from: seqs.length ? Math.min(...seqs) : 0, to: seqs.length ? Math.max(...seqs) : 0 },
    flaggedBy: input.reports.flatMap((report) => flaggedBy(report)),
  };
  // Pretty-printed for people opening the zip; the signature covers these exact bytes.
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);

  const zippable: Zippable = {};
  const mtime = new Date(input.createdAt);
  zippable[MANIFEST_FILE] = [manifestBytes, { mtime }];
  if (input.signing && fingerprint) {
    const signature: SignatureFile = {
      algorithm: 'ECDSA-P256-SHA256',
      signature: await signBytes(input.signing.privateKey, manifestBytes),
      publicKey: input.signing.publicJwk as SignatureFile['publicKey'],
      fingerprint,
    };
    zippable[SIGNATURE_FILE] = [utf8(`${JSON.stringify(signature, null, 2)}\n`), { mtime }];
  }
  for (const [path, { bytes }] of files) {
    // PNG and similar are already compressed: storing them saves time for nothing lost.
    const level = path.endsWith('.png') ? 0 : 6;
    zippable[path] = [bytes, { level, mtime }];
  }
  return zipSync(zippable);
}

function flaggedBy(report: Report): Manifest['flaggedBy'] {
  const counts = new Map<string, Manifest['flaggedBy'][number]>();
  for (const finding of report.findings) {
    const key = `${finding.ruleId}\u0000${finding.packId ?? ''}\u0000${finding.packVersion ?? ''}`;
    const entry = counts.get(key) ?? {
      reportId: report.id,
      version: report.version,
      ruleId: finding.ruleId,
      packId: finding.packId,
      packVersion: finding.packVersion,
      findings: 0,
    };
    entry.findings++;
    counts.set(key, entry);
  }
  return [...counts.values()];
}
