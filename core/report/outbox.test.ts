import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffDelay, classifyStatus, dueEntries, idempotencyKey, isDue, lease, newEntry, nextWake, parseRetryAfter, settle } from './outbox.ts';

const NOW = Date.parse('2026-11-29T14:00:00Z');
const HASH = 'ab'.repeat(32);

describe('outbox backoff', () => {
  it('doubles the ceiling each attempt, caps it, and jitters within [ceiling/2, ceiling]', () => {
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF.baseMs / 2);
    expect(backoffDelay(1, () => 1)).toBe(BACKOFF.baseMs);
    expect(backoffDelay(3, () => 1)).toBe(BACKOFF.baseMs * 4);
    expect(backoffDelay(40, () => 1)).toBe(BACKOFF.maxMs);
    expect(backoffDelay(40, () => 0)).toBe(BACKOFF.maxMs / 2);
  });

  it('honours Retry-After when it asks for longer', () => {
    expect(backoffDelay(1, () => 0, 120_000)).toBe(120_000);
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 14:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
  });

  it('classifies responses: retry transient failures, stop on client errors, 409 means already filed', () => {
    expect(classifyStatus(201)).toBe('delivered');
    expect(classifyStatus(409)).toBe('delivered');
    expect(classifyStatus(503)).toBe('retry');
    expect(classifyStatus(429)).toBe('retry');
    expect(classifyStatus(408)).toBe('retry');
    expect(classifyStatus(401)).toBe('rejected');
    expect(classifyStatus(422)).toBe('rejected');
  });
});

describe('outbox entries', () => {
  it('keep one idempotency key per report version across retries', () => {
    const entry = newEntry('r1', 2, HASH, NOW);
    expect(entry.key).toBe(idempotencyKey('r1', 2, HASH));
    const retried = settle(lease(entry, NOW), { kind: 'retry', error: 'HTTP 503', retryAfterMs: null }, NOW, () => 1);
    expect(retried.key).toBe(entry.key);
    expect(idempotencyKey('r1', 3, HASH)).not.toBe(entry.key);
  });

  it('are due at their time and not while leased; a lost lease is retried after it expires', () => {
    const entry = newEntry('r1', 1, HASH, NOW);
    expect(isDue(entry, NOW)).toBe(true);
    const leased = lease(entry, NOW);
    expect(leased.attempts).toBe(1);
    expect(isDue(leased, NOW + 1000)).toBe(false);
    // The worker died mid-send: no settle ever came. After the lease, it is due again.
    expect(isDue(leased, NOW + BACKOFF.leaseMs + 1)).toBe(true);
    expect(nextWake([leased])).toBe(NOW + BACKOFF.leaseMs);
    // A shorter request timeout takes a shorter lease.
    expect(lease(entry, NOW, 7_000).leaseUntil).toBe(NOW + 7_000);
  });

  it('retry with backoff, then deliver; delivered entries are never due again', () => {
    let entry = lease(newEntry('r1', 1, HASH, NOW), NOW);
    entry = settle(entry, { kind: 'retry', error: 'timeout', retryAfterMs: null }, NOW, () => 1);
    expect(entry).toMatchObject({ state: 'pending', lastError: 'timeout', nextAttemptAt: NOW + BACKOFF.baseMs, leaseUntil: null });
    expect(dueEntries([entry], NOW)).toEqual([]);
    expect(dueEntries([entry], NOW + BACKOFF.baseMs)).toEqual([entry]);
    entry = settle(lease(entry, NOW + BACKOFF.baseMs), { kind: 'delivered', receipt: 'case-1' }, NOW + BACKOFF.baseMs);
    expect(entry.state).toBe('delivered');
    expect(isDue(entry, NOW + 10 * BACKOFF.maxMs)).toBe(false);
    expect(nextWake([entry])).toBeNull();
  });

  it('stop on a rejection and after the last attempt, keeping the error', () => {
    const rejected = settle(lease(newEntry('r1', 1, HASH, NOW), NOW), { kind: 'rejected', error: 'HTTP 401: bad token' }, NOW);
    expect(rejected).toMatchObject({ state: 'failed', lastError: 'HTTP 401: bad token' });
    const exhausted = settle({ ...newEntry('r2', 1, HASH, NOW), attempts: BACKOFF.maxAttempts }, { kind: 'retry', error: 'HTTP 500', retryAfterMs: null }, NOW);
    expect(exhausted.state).toBe('failed');
    expect(exhausted.lastError).toMatch(/gave up after 12 attempts/);
  });

  it('orders due entries oldest first and wakes at the earliest', () => {
    const a = { ...newEntry('a', 1, HASH, NOW), nextAttemptAt: NOW + 500 };
    const b = { ...newEntry('b', 1, HASH, NOW), nextAttemptAt: NOW + 100 };
    expect(dueEntries([a, b], NOW + 1000).map((entry) => entry.reportId)).toEqual(['b', 'a']);
    expect(nextWake([a, b])).toBe(NOW + 100);
  });
});
