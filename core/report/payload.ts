/**
 * The JSON payload sent to a team's case system (documented in docs/submission.md).
 * It carries the report version in full, the evidence manifest (hashes, not bytes:
 * evidence bundles are large and are exported on request), and the DSA
 * statement-of-reasons shape for teams that forward it.
 */
import { toDsaStatement, type DsaStatement } from './dsa.ts';
import type { Report } from './model.ts';

export const PAYLOAD_SCHEMA = 'listing-inspector/submission@1';

export interface SubmissionPayload {
  schema: typeof PAYLOAD_SCHEMA;
  idempotencyKey: string;
  sentAt: string;
  extension: { name: string; version: string };
  report: Report;
  evidence: Array<{ kind: string; file: string; mediaType: string; size: number; sha256: string }>;
  statementOfReasons: DsaStatement;
}

export function buildPayload(report: Report, idempotencyKey: string, sentAt: string, extensionVersion: string): SubmissionPayload {
  return {
    schema: PAYLOAD_SCHEMA,
    idempotencyKey,
    sentAt,
    extension: { name: 'Listing Inspector', version: extensionVersion },
    report,
    evidence: report.evidence.map(({ kind, file, mediaType, size, sha256 }) => ({ kind, file, mediaType, size, sha256 })),
    statementOfReasons: toDsaStatement(report),
  };
}
