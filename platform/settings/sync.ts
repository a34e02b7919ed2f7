/**
 * What goes to storage.sync, and whether it fits. Chrome counts an item as its key
 * plus the JSON of its value, in bytes; QUOTA_BYTES_PER_ITEM is 8192 and QUOTA_BYTES
 * 102400 (Firefox enforces the same figures). Packs never sync (too big): only
 * settings and subscription URLs do. The submission token stays on this machine.
 * Pure: the store writes the plan.
 */
import type { Settings } from './schema.ts';

export const QUOTA_BYTES_PER_ITEM = 8192;
export const QUOTA_BYTES = 102_400;

/** Synced settings are split so one big part (custom rules) does not crowd out the rest. */
export const SYNC_KEYS = ['settings', 'subscriptions', 'customRules'] as const;
export type SyncKey = (typeof SYNC_KEYS)[number];

export interface SyncPlan {
  items: Record<SyncKey, unknown>;
  bytes: Record<SyncKey, number>;
  total: number;
}

export type SyncProblem =
  | { kind: 'item-too-large'; key: SyncKey; bytes: number; limit: number }
  | { kind: 'total-too-large'; bytes: number; limit: number };

export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** The synced part of the settings: no token, no per-browser sync switch. */
export function syncedPart(settings: Settings, updatedAt: number): Record<SyncKey, unknown> {
  const { submission, subscriptions, customRules, sync: _sync, ...rest } = settings;
  return {
    settings: { updatedAt, settings: { ...rest, submission: { endpoint: submission.endpoint } } },
    subscriptions: { updatedAt, subscriptions },
    customRules: { updatedAt, customRules },
  };
}

export function planSync(settings: Settings, updatedAt: number): { plan: SyncPlan } | { problems: SyncProblem[] } {
  const items = syncedPart(settings, updatedAt);
  const bytes = {} as Record<SyncKey, number>;
  const problems: SyncProblem[] = [];
  let total = 0;
  for (const key of SYNC_KEYS) {
    bytes[key] = itemBytes(key, items[key]);
    total += bytes[key];
    if (bytes[key] > QUOTA_BYTES_PER_ITEM) {
      problems.push({ kind: 'item-too-large', key, bytes: bytes[key], limit: QUOTA_BYTES_PER_ITEM });
    }
  }
  if (total > QUOTA_BYTES) problems.push({ kind: 'total-too-large', bytes: total, limit: QUOTA_BYTES });
  return problems.length ? { problems } : { plan: { items, bytes, total } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies what storage.sync holds onto local settings, part by part, when that part
 * is newer. The result still goes through repair (the store does that), since
 * another browser may run another version.
 */
export function mergeSynced(
  local: Settings,
  localUpdatedAt: number,
  synced: Partial<Record<SyncKey, unknown>>,
): { settings: Record<string, unknown>; changed: boolean; updatedAt: number } {
  const out: Record<string, unknown> = structuredClone(local);
  let changed = false;
  let updatedAt = localUpdatedAt;
  const newer = (part: unknown): part is Record<string, unknown> & { updatedAt: number } =>
    isRecord(part) && typeof part.updatedAt === 'number' && part.updatedAt > localUpdatedAt;
  const general = synced.settings;
  if (newer(general) && isRecord(general.settings)) {
    const incoming = general.settings;
    const endpoint = isRecord(incoming.submission) ? incoming.submission.endpoint : undefined;
    Object.assign(out, incoming, { submission: { ...local.submission, endpoint: endpoint ?? local.submission.endpoint } });
    changed = true;
    updatedAt = Math.max(updatedAt, general.updatedAt);
  }
  if (newer(synced.subscriptions)) {
    out.subscriptions = synced.subscriptions.subscriptions;
    changed = true;
    updatedAt = Math.max(updatedAt, synced.subscriptions.updatedAt);
  }
  if (newer(synced.customRules)) {
    out.customRules = synced.customRules.customRules;
    changed = true;
    updatedAt = Math.max(updatedAt, synced.customRules.updatedAt);
  }
  out.sync = local.sync;
  return { settings: out, changed, updatedAt };
}
