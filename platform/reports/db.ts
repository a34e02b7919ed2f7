/**
 * The reports database (IndexedDB through idb). Extension pages and the background
 * share it (same origin), so pages read and export directly; only the background
 * appends to the chain, so appends are serialised in one place.
 *
 * Stores:
 *  - versions: every filed report version, keyed by chain seq (the append-only chain)
 *  - states:   workflow status and delivery state per report id (mutable)
 *  - blobs:    evidence bytes by SHA-256 (content-addressed; optionally encrypted)
 *  - captures: evidence captured for a draft, before it is filed
 *  - drafts:   forms as typed
 *  - outbox:   submissions waiting or done, by idempotency key
 *  - keys:     the reviewer's manifest-signing key pair
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Artifact, MissingArtifact } from '../../core/evidence/manifest.ts';
import type { OutboxEntry } from '../../core/report/outbox.ts';
import type { Report, ReportDraft, ReportState } from '../../core/report/model.ts';
import type { PageResult } from '../../core/findings.ts';

export interface StoredBlob {
  sha256: string;
  /** Plain bytes, or AES-GCM ciphertext when `encryption` is set. The hash is always of the plain bytes. */
  data: Uint8Array<ArrayBuffer>;
  encryption: null | { salt: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer>; iterations: number };
  size: number;
}

export interface StoredCapture {
  captureId: string;
  tabId: number | null;
  capturedAt: string;
  artifacts: Artifact[];
  missing: MissingArtifact[];
  page: PageResult;
}

interface ReportsDb extends DBSchema {
  versions: { key: number; value: Report; indexes: { byId: [string, number] } };
  states: { key: string; value: ReportState };
  blobs: { key: string; value: StoredBlob };
  captures: { key: string; value: StoredCapture };
  drafts: { key: string; value: ReportDraft & { captureId: string | null } };
  outbox: { key: string; value: OutboxEntry; indexes: { byReport: string } };
  /** The reviewer's signing key pair (private key non-extractable), under the key "signing". */
  keys: { key: string; value: { privateKey: CryptoKey; publicJwk: JsonWebKey; createdAt: string } };
}

export type ReportsDatabase = IDBPDatabase<ReportsDb>;
export type StoredDraft = ReportsDb['drafts']['value'];

export const DB_NAME = 'listing-inspector-reports';
const DB_VERSION = 1;

let opening: Promise<ReportsDatabase> | null = null;

export function openReportsDb(): Promise<ReportsDatabase> {
  opening ??= openDB<ReportsDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const versions = db.createObjectStore('versions', { keyPath: 'chain.seq' });
      versions.createIndex('byId', ['id', 'version'], { unique: true });
      db.createObjectStore('states', { keyPath: 'id' });
      db.createObjectStore('blobs', { keyPath: 'sha256' });
      db.createObjectStore('captures', { keyPath: 'captureId' });
      db.createObjectStore('drafts', { keyPath: 'draftId' });
      const outbox = db.createObjectStore('outbox', { keyPath: 'key' });
      outbox.createIndex('byReport', 'reportId');
      db.createObjectStore('keys');
    },
    blocked() {
      // Another extension page holds an older version open; it closes on its next reload.
    },
  });
  return opening;
}
