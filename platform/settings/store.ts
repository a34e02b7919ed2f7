/**
 * Settings in browser storage: the reviewer's own in storage.local (the source of
 * truth on this machine), a synced copy in storage.sync when sync is on, and the
 * organisation's policy in storage.managed on top. Reading never throws: stored
 * data is repaired and the repairs reported; a missing or broken policy is ignored
 * and reported.
 *
 * Other parts read settings through loadEffectiveSettings() and watchSettings().
 * Storage keys: local "settings" ({version, updatedAt, settings}), sync "settings",
 * "subscriptions", "customRules", and the managed policies of managed_schema.json.
 */
import { browser } from 'wxt/browser';
import { applyManaged } from './managed.ts';
import type { Effective } from './managed.ts';
import { envelope, repairSettings } from './repair.ts';
import type { Repair, StoredSettings } from './repair.ts';
import type { Settings } from './schema.ts';
import { SYNC_KEYS, mergeSynced, planSync } from './sync.ts';
import type { SyncProblem } from './sync.ts';

const KEY = 'settings';

export interface LoadedSettings extends Effective {
  /** The reviewer's own settings, before policy: what the options page edits. */
  own: Settings;
  repairs: Repair[];
  updatedAt: number;
}

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox rejects when no policy is installed for the extension: that is "no policy".
    return {};
  }
}

export async function loadEffectiveSettings(): Promise<LoadedSettings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<StoredSettings> | undefined;
  let loaded = repairSettings(stored);
  let updatedAt = typeof stored?.updatedAt === 'number' ? stored.updatedAt : 0;
  if (loaded.settings.sync.enabled) {
    try {
      const synced = await browser.storage.sync.get([...SYNC_KEYS]);
      const merged = mergeSynced(loaded.settings, updatedAt, synced);
      if (merged.changed) {
        const again = repairSettings(envelope(merged.settings as Settings, merged.updatedAt));
        loaded = { ...again, repairs: [...loaded.repairs, ...again.repairs] };
        updatedAt = merged.updatedAt;
      }
    } catch {
      // Sync unavailable (signed out, disabled by policy): local settings stand.
    }
  }
  const effective = applyManaged(loaded.settings, await readManaged());
  return { ...effective, own: loaded.settings, repairs: loaded.repairs, updatedAt };
}

export type SaveResult = { synced: boolean; syncProblems: SyncProblem[]; syncError?: string };

/** Saves locally (always), then to storage.sync when on; a sync problem never loses the local save. */
export async function saveSettings(settings: Settings, now = Date.now()): Promise<SaveResult> {
  await browser.storage.local.set({ [KEY]: envelope(settings, now) });
  if (!settings.sync.enabled) return { synced: false, syncProblems: [] };
  const plan = planSync(settings, now);
  if ('problems' in plan) return { synced: false, syncProblems: plan.problems };
  try {
    await browser.storage.sync.set(plan.plan.items);
    return { synced: true, syncProblems: [] };
  } catch (error) {
    return { synced: false, syncProblems: [], syncError: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Turning sync on in a browser pulls what the reviewer's other browsers already synced
 * before pushing anything, so the first browser's settings are not overwritten by this
 * one's defaults. Parts nobody synced yet keep this browser's values.
 */
export async function enableSync(own: Settings): Promise<SaveResult> {
  let synced: Record<string, unknown> = {};
  try {
    synced = await browser.storage.sync.get([...SYNC_KEYS]);
  } catch {
    // Sync unavailable: the switch is saved and the next save reports the failure.
  }
  const merged = mergeSynced({ ...own, sync: { enabled: true } }, 0, synced);
  const { settings } = repairSettings(envelope(merged.settings as Settings));
  return saveSettings({ ...settings, sync: { enabled: true } });
}

/** Calls back whenever own, synced or managed settings change. */
export function watchSettings(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && KEY in changes) || (area === 'sync' && SYNC_KEYS.some((k) => k in changes))) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
