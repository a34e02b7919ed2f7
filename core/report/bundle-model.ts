/** The evidence bundle's manifest: what `verify` checks a bundle against. */
import * as z from 'zod/mini';
import { ArtifactKind, Sha256 } from '../evidence/manifest.ts';

export const BUNDLE_FORMAT = 'listing-inspector/bundle@1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig.json';
export const CHAIN_FILE = 'chain.json';
export const HTML_FILE = 'report.html';

export const BundleFile = z.object({
  path: z.string(),
  sha256: Sha256,
  size: z.number(),
  role: z.enum(['report', 'artifact', 'chain', 'html']),
  reportId: z.optional(z.string()),
  version: z.optional(z.number()),
  kind: z.optional(ArtifactKind),
});
export type BundleFile = z.infer<typeof BundleFile>;

export const Manifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  createdAt: z.string(),
  generator: z.string(),
  scope: z.object({ kind: z.enum(['report', 'case']), caseId: z.nullable(z.string()), reportIds: z.array(z.string()) }),
  reports: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      seq: z.number(),
      hash: Sha256,
      /** SHA-256 of each top-level field's canonical JSON, so verify can name the field that changed. */
      fieldHashes: z.record(z.string(), Sha256),
    }),
  ),
  files: z.array(BundleFile),
  chain: z.object({ from: z.number(), to: z.number() }),
  /** Which rule pack version flagged what, per report version. */
  flaggedBy: z.array(
    z.object({ reportId: z.string(), version: z.number(), ruleId: z.string(), packId: z.nullable(z.string()), packVersion: z.nullable(z.string()), findings: z.number() }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;

export const SignatureFile = z.object({
  algorithm: z.literal('ECDSA-P256-SHA256'),
  /** Base64 signature over manifest.json's exact bytes. */
  signature: z.string(),
  publicKey: z.object({ kty: z.string(), crv: z.string(), x: z.string(), y: z.string() }),
  fingerprint: Sha256,
});
export type SignatureFile = z.infer<typeof SignatureFile>;

export function reportPath(id: string, version: number): string {
  return `reports/${id}/v${version}/report.json`;
}

/** Evidence is stored once per report and content (versions usually share it). */
export function artifactPath(id: string, sha256: string, file: string): string {
  return `reports/${id}/evidence/${sha256.slice(0, 12)}-${file}`;
}
