/**
 * Evidence artifacts and their manifest. An artifact's hash is taken over the bytes
 * exactly as captured (the PNG the browser returned, the MHTML blob, the snapshot
 * string's UTF-8 bytes), never over a re-rendering, whose hash would change on every save.
 */
import * as z from 'zod/mini';

export const ARTIFACT_KINDS = [
  'screenshot-visible',
  'screenshot-full',
  'html-snapshot',
  'mhtml',
  'findings',
  'metadata',
] as const;
export const ArtifactKind = z.enum(ARTIFACT_KINDS);
export type ArtifactKind = z.infer<typeof ArtifactKind>;

/** File names inside a report's evidence folder, one per kind. */
export const ARTIFACT_FILES: Record<ArtifactKind, { file: string; mediaType: string }> = {
  'screenshot-visible': { file: 'screenshot-visible.png', mediaType: 'image/png' },
  'screenshot-full': { file: 'screenshot-full.png', mediaType: 'image/png' },
  'html-snapshot': { file: 'snapshot.html', mediaType: 'text/html;charset=utf-8' },
  mhtml: { file: 'page.mhtml', mediaType: 'multipart/related' },
  findings: { file: 'findings.json', mediaType: 'application/json' },
  metadata: { file: 'metadata.json', mediaType: 'application/json' },
};

const SHA256 = /^[0-9a-f]{64}$/;
export const Sha256 = z.string().check(z.regex(SHA256, 'a lowercase hex SHA-256'));

export const Artifact = z.object({
  kind: ArtifactKind,
  file: z.string(),
  mediaType: z.string(),
  size: z.number().check(z.int(), z.minimum(0)),
  sha256: Sha256,
  capturedAt: z.string(),
});
export type Artifact = z.infer<typeof Artifact>;

/** Evidence that could not be captured, and why (e.g. MHTML in Firefox): recorded, never silently absent. */
export const MissingArtifact = z.object({ kind: ArtifactKind, reason: z.string() });
export type MissingArtifact = z.infer<typeof MissingArtifact>;

export const CaptureMetadata = z.object({
  requestedUrl: z.string(),
  finalUrl: z.string(),
  title: z.string(),
  /** UTC, ISO 8601 with "Z". */
  capturedAt: z.string(),
  browser: z.object({ name: z.string(), version: z.string(), userAgent: z.string() }),
  extensionVersion: z.string(),
  packs: z.array(z.object({ id: z.string(), version: z.string() })),
  reviewerId: z.string(),
  viewport: z.nullable(z.object({ width: z.number(), height: z.number(), devicePixelRatio: z.number() })),
  /** How long capture took, in milliseconds, for the record and for measuring. */
  durationMs: z.number(),
});
export type CaptureMetadata = z.infer<typeof CaptureMetadata>;

/** Artifacts as captured, before hashing. */
export interface CapturedArtifact {
  kind: ArtifactKind;
  bytes: Uint8Array<ArrayBuffer>;
  capturedAt: string;
}
