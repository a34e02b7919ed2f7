/**
 * The submission outbox, as pure logic: what to send next, when to retry, when to
 * give up. The platform layer persists entries (IndexedDB) and wakes on an alarm, so
 * a service-worker or browser restart loses nothing; the idempotency key stays the
 * same across every retry of one report version, so the intake files it once.
 */
import * as z from 'zod/mini';

export const OutboxEntry = z.object({
  /** Idempotency key: one per report version, sent as the Idempotency-Key header. */
  key: z.string(),
  reportId: z.string(),
  version: z.number(),
  queuedAt: z.string(),
  attempts: z.number(),
  /** Epoch ms; the entry is due when now >= nextAttemptAt. */
  nextAttemptAt: z.number(),
  /** Set while a send is under way; a send that outlives its lease (worker killed) is retried. */
  leaseUntil: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  state: z.enum(['pending', 'delivered', 'failed']),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const BACKOFF = {
  baseMs: 2_000,
  maxMs: 30 * 60_000,
  /** After this many attempts the entry stops retrying and asks the reviewer. */
  maxAttempts: 12,
  /** Default lease: a send not settled by then is treated as lost (worker killed mid-request). */
  leaseMs: 60_000,
  /** Lease margin over the request timeout. */
  leaseMarginMs: 5_000,
} as const;

export function idempotencyKey(reportId: string, version: number, reportHash: string): string {
  return `li-${reportId}-v${version}-${reportHash.slice(0, 16)}`;
}

export function newEntry(reportId: string, version: number, reportHash: string, now: number): OutboxEntry {
  return {
    key: idempotencyKey(reportId, version, reportHash),
    reportId,
    version,
    queuedAt: new Date(now).toISOString(),
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    state: 'pending',
  };
}

/**
 * Delay before retry number `attempts` (1 = after the first failure): exponential,
 * capped, with "full jitter" (AWS architecture blog, 2015) so many reviewers' browsers
 * coming back online do not hit the intake at the same moment. `random` is injected for tests.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return retryAfterMs !== null ? Math.max(jittered, Math.min(retryAfterMs, BACKOFF.maxMs)) : jittered;
}

export function isDue(entry: OutboxEntry, now: number): boolean {
  if (entry.state !== 'pending') return false;
  if (entry.leaseUntil !== null && entry.leaseUntil > now) return false;
  return entry.nextAttemptAt <= now;
}

export function dueEntries(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  return entries.filter((entry) => isDue(entry, now)).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
}

/** When the alarm should next fire: the earliest pending retry or lease expiry; null when nothing waits. */
export function nextWake(entries: readonly OutboxEntry[]): number | null {
  let earliest: number | null = null;
  for (const entry of entries) {
    if (entry.state !== 'pending') continue;
    const at = entry.leaseUntil !== null ? Math.max(entry.leaseUntil, entry.nextAttemptAt) : entry.nextAttemptAt;
    earliest = earliest === null ? at : Math.min(earliest, at);
  }
  return earliest;
}

/** Take an entry for one send; the lease should outlast the request's own timeout. */
export function lease(entry: OutboxEntry, now: number, leaseMs: number = BACKOFF.leaseMs): OutboxEntry {
  return { ...entry, attempts: entry.attempts + 1, leaseUntil: now + leaseMs };
}

export type SendOutcome =
  | { kind: 'delivered'; receipt: string | null }
  /** Network error, timeout, 408, 425, 429, 5xx: try again later. */
  | { kind: 'retry'; error: string; retryAfterMs: number | null }
  /** 4xx other than the above: the payload or token is wrong; retrying cannot help. */
  | { kind: 'rejected'; error: string };

export function classifyStatus(status: number): 'delivered' | 'retry' | 'rejected' {
  if (status >= 200 && status < 300) return 'delivered';
  // 409 Conflict from an intake that already has this idempotency key means it was filed: done.
  if (status === 409) return 'delivered';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

export function settle(entry: OutboxEntry, outcome: SendOutcome, now: number, random?: () => number): OutboxEntry {
  const base = { ...entry, leaseUntil: null };
  switch (outcome.kind) {
    case 'delivered':
      return { ...base, state: 'delivered', lastError: null };
    case 'rejected':
      return { ...base, state: 'failed', lastError: outcome.error };
    case 'retry':
      if (entry.attempts >= BACKOFF.maxAttempts) {
        return { ...base, state: 'failed', lastError: `${outcome.error} (gave up after ${entry.attempts} attempts)` };
      }
      return { ...base, lastError: outcome.error, nextAttemptAt: now + backoffDelay(entry.attempts, random, outcome.retryAfterMs) };
  }
}

/** Parse a Retry-After header (seconds or HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
