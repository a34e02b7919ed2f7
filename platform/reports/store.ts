/**
 * Reading and writing reports, drafts and evidence. Evidence is written before the
 * report that cites it, and each write is its own transaction, so a crash or a full
 * disk at any point leaves what was already saved intact.
 */
import { sha256Hex } from '../../core/evidence/hash.ts';
import { decryptWithKey, encryptWithKey } from '../../core/evidence/encryption.ts';
import { chainEntry, type ChainEntry } from '../../core/report/chain.ts';
import type { Report, ReportDraft, ReportState } from '../../core/report/model.ts';
import type { OutboxEntry } from '../../core/report/outbox.ts';
import { openReportsDb, type StoredBlob, type StoredCapture, type StoredDraft } from './db.ts';

/** A derived AES-GCM key plus the salt and iterations it came from, while the reviewer has unlocked. */
export interface EvidenceKey {
  key: CryptoKey;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
}

export class QuotaError extends Error {
  constructor(detail: string) {
    super(`Not enough storage space to keep this evidence (${detail}). Nothing already saved was lost; free space (export and delete old reports, or empty the browser's disk) and try again.`);
    this.name = 'QuotaError';
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Refuse before capturing when the space left cannot hold it: better a clear message than half a report. */
export async function checkQuota(neededBytes: number): Promise<void> {
  const estimate = await navigator.storage?.estimate?.();
  if (!estimate?.quota) return;
  const free = estimate.quota - (estimate.usage ?? 0);
  if (free < neededBytes) {
    throw new QuotaError(`about ${Math.round(free / 1e6)} MB free, about ${Math.round(neededBytes / 1e6)} MB needed`);
  }
}

export async function putBlob(bytes: Uint8Array<ArrayBuffer>, key: EvidenceKey | null = null): Promise<string> {
  const sha256 = await sha256Hex(bytes);
  const db = await openReportsDb();
  const existing = await db.get('blobs', sha256);
  // Same bytes already kept: done, unless encryption is now on and they are stored in clear.
  if (existing && (existing.encryption || !key)) return sha256;
  let record: StoredBlob = { sha256, data: bytes, encryption: null, size: bytes.byteLength };
  if (key) {
    const envelope = await encryptWithKey(key.key, key.salt, key.iterations, bytes);
    record = { sha256, data: envelope.ciphertext, encryption: { salt: envelope.salt, iv: envelope.iv, iterations: envelope.iterations }, size: bytes.byteLength };
  }
  try {
    await db.put('blobs', record);
  } catch (error) {
    if (isQuotaError(error)) throw new QuotaError('the disk or the browser quota is full');
    throw error;
  }
  return sha256;
}

export class LockedError extends Error {
  constructor() {
    super('This evidence is encrypted: unlock it with your passphrase on the reports page first.');
    this.name = 'LockedError';
  }
}

export async function getBlob(sha256: string, key: EvidenceKey | null = null): Promise<Uint8Array<ArrayBuffer> | null> {
  const record = await (await openReportsDb()).get('blobs', sha256);
  if (!record) return null;
  if (!record.encryption) return record.data;
  if (!key) throw new LockedError();
  return decryptWithKey(key.key, { v: 1, alg: 'AES-GCM-256/PBKDF2-SHA256', ciphertext: record.data, ...record.encryption });
}

export async function isBlobEncrypted(sha256: string): Promise<boolean> {
  return Boolean((await (await openReportsDb()).get('blobs', sha256))?.encryption);
}

export async function putCapture(capture: StoredCapture): Promise<void> {
  await (await openReportsDb()).put('captures', capture);
}

export async function getCapture(captureId: string): Promise<StoredCapture | undefined> {
  return (await openReportsDb()).get('captures', captureId);
}

export async function saveDraft(draft: StoredDraft): Promise<void> {
  await (await openReportsDb()).put('drafts', draft);
}

export async function getDraft(draftId: string): Promise<StoredDraft | undefined> {
  return (await openReportsDb()).get('drafts', draftId);
}

export async function listDrafts(): Promise<StoredDraft[]> {
  return (await openReportsDb()).getAll('drafts');
}

export async function deleteDraft(draftId: string): Promise<void> {
  await (await openReportsDb()).delete('drafts', draftId);
}

export type DraftRecord = StoredDraft;
export type { ReportDraft };

/** The newest report in the chain, or null when none was filed yet. */
export async function chainHead(): Promise<Report | null> {
  const db = await openReportsDb();
  const cursor = await db.transaction('versions').store.openCursor(null, 'prev');
  return cursor?.value ?? null;
}

/**
 * Append a sealed report if the head is still the one it was sealed against.
 * Returns false when another append won the race: reseal against the new head and retry.
 */
export async function appendIfHead(report: Report, expectedHeadSeq: number | null, state: ReportState, draftId: string | null): Promise<boolean> {
  const db = await openReportsDb();
  const tx = db.transaction(['versions', 'states', 'drafts'], 'readwrite');
  const versions = tx.objectStore('versions');
  const cursor = await versions.openCursor(null, 'prev');
  const headSeq = cursor?.value.chain.seq ?? null;
  if (headSeq !== expectedHeadSeq) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  await versions.add(report);
  await tx.objectStore('states').put(state);
  // The draft goes in the same transaction: filed and draft never both exist, nor neither.
  if (draftId) await tx.objectStore('drafts').delete(draftId);
  await tx.done;
  return true;
}

/** Every filed version in chain order. */
export async function allVersions(): Promise<Report[]> {
  return (await openReportsDb()).getAll('versions');
}

export async function versionsOf(id: string): Promise<Report[]> {
  const db = await openReportsDb();
  return db.getAllFromIndex('versions', 'byId', IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]));
}

/** The newest version of every report. */
export async function latestVersions(): Promise<Report[]> {
  const latest = new Map<string, Report>();
  for (const report of await allVersions()) {
    const seen = latest.get(report.id);
    if (!seen || seen.version < report.version) latest.set(report.id, report);
  }
  return [...latest.values()];
}

export async function chainUpTo(seq: number): Promise<ChainEntry[]> {
  const db = await openReportsDb();
  return (await db.getAll('versions', IDBKeyRange.upperBound(seq))).map(chainEntry);
}

export async function getState(id: string): Promise<ReportState | undefined> {
  return (await openReportsDb()).get('states', id);
}

export async function allStates(): Promise<ReportState[]> {
  return (await openReportsDb()).getAll('states');
}

export async function putState(state: ReportState): Promise<void> {
  await (await openReportsDb()).put('states', state);
}

/** Change a state in one transaction (read, change, write). */
export async function updateState(id: string, change: (state: ReportState) => ReportState): Promise<ReportState | null> {
  const db = await openReportsDb();
  const tx = db.transaction('states', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) {
    await tx.done;
    return null;
  }
  const next = change(current);
  await tx.store.put(next);
  await tx.done;
  return next;
}

export async function allOutbox(): Promise<OutboxEntry[]> {
  return (await openReportsDb()).getAll('outbox');
}

export async function getOutbox(key: string): Promise<OutboxEntry | undefined> {
  return (await openReportsDb()).get('outbox', key);
}

export async function putOutbox(entry: OutboxEntry): Promise<void> {
  await (await openReportsDb()).put('outbox', entry);
}

/** Queue an entry unless one with its key exists (a report version is queued once). */
export async function queueOutbox(entry: OutboxEntry): Promise<boolean> {
  const db = await openReportsDb();
  const tx = db.transaction('outbox', 'readwrite');
  if (await tx.store.getKey(entry.key)) {
    await tx.done;
    return false;
  }
  await tx.store.add(entry);
  await tx.done;
  return true;
}

/** Artifact bytes for a set of reports, decrypted, for bundles. */
export async function artifactBytes(reports: readonly Report[], key: EvidenceKey | null): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
  const out = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const report of reports) {
    for (const artifact of report.evidence) {
      if (out.has(artifact.sha256)) continue;
      const bytes = await getBlob(artifact.sha256, key);
      if (bytes) out.set(artifact.sha256, bytes);
    }
  }
  return out;
}

/** The reviewer's signing keys, made on first use; the private key never leaves the browser. */
export async function signingKeys(): Promise<{ privateKey: CryptoKey; publicJwk: JsonWebKey }> {
  const db = await openReportsDb();
  const stored = await db.get('keys', 'signing');
  if (stored) return stored;
  const subtle = crypto.subtle;
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  const record = { privateKey: pair.privateKey, publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, createdAt: new Date().toISOString() };
  await db.put('keys', record, 'signing');
  return record;
}
