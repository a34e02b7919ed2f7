/**
 * Installed packs (imported from a file or URL, or kept up to date by a
 * subscription) in storage.local — packs are too big for storage.sync. A pack is
 * replaced only by a valid one: callers validate first (parsePack, checkSubscription),
 * and this store re-validates what it reads, so a corrupted entry is reported, not run.
 */
import { browser } from 'wxt/browser';
import { validatePack } from '../../core/rules/load.ts';
import type { Pack } from '../../core/rules/schema.ts';
import type { Subscription } from '../settings/schema.ts';
import { checkSubscription } from './update.ts';
import type { FetchLike, UpdateOutcome } from './update.ts';

export type PackSource = { kind: 'file'; name: string } | { kind: 'url'; url: string } | { kind: 'subscription'; url: string };

export interface InstalledPack {
  pack: Pack;
  sha256: string;
  source: PackSource;
  installedAt: number;
}

export interface UpdateStatus {
  checkedAt: number;
  outcome: UpdateOutcome['kind'];
  message: string;
  version?: string;
}

const PACKS_KEY = 'packs';
const STATUS_KEY = 'packUpdates';

interface StoredPacks {
  version: 1;
  installed: InstalledPack[];
}

export async function getInstalledPacks(): Promise<{ installed: InstalledPack[]; problems: string[] }> {
  const raw = (await browser.storage.local.get(PACKS_KEY))[PACKS_KEY] as StoredPacks | undefined;
  const installed: InstalledPack[] = [];
  const problems: string[] = [];
  for (const entry of raw?.installed ?? []) {
    const checked = validatePack(entry?.pack, `installed pack ${String(entry?.pack?.id ?? '?')}`);
    if (checked.ok) installed.push({ ...entry, pack: checked.pack });
    else problems.push(`${checked.errors[0]?.file}: ${checked.errors[0]?.path} ${checked.errors[0]?.message}; it is not run`);
  }
  return { installed, problems };
}

async function writePacks(installed: InstalledPack[]): Promise<void> {
  const stored: StoredPacks = { version: 1, installed };
  await browser.storage.local.set({ [PACKS_KEY]: stored });
}

/** Installs or replaces (same id) a pack that has already been validated. */
export async function installPack(entry: InstalledPack): Promise<void> {
  const { installed } = await getInstalledPacks();
  const rest = installed.filter((p) => p.pack.id !== entry.pack.id);
  await writePacks([...rest, entry].sort((a, b) => a.pack.id.localeCompare(b.pack.id)));
}

export async function removePack(id: string): Promise<void> {
  const { installed } = await getInstalledPacks();
  await writePacks(installed.filter((p) => p.pack.id !== id));
}

export async function getUpdateStatuses(): Promise<Record<string, UpdateStatus>> {
  return ((await browser.storage.local.get(STATUS_KEY))[STATUS_KEY] as Record<string, UpdateStatus> | undefined) ?? {};
}

/** Checks one subscription now, installs an accepted update, and records the outcome for the options page. */
export async function runSubscriptionUpdate(subscription: Subscription, fetchFn?: FetchLike): Promise<UpdateOutcome> {
  const { installed } = await getInstalledPacks();
  const current = installed.find((p) => p.source.kind === 'subscription' && p.source.url === subscription.url);
  const outcome = await checkSubscription(subscription, current, fetchFn);
  if (outcome.kind === 'updated') {
    await installPack({ pack: outcome.pack, sha256: outcome.sha256, source: { kind: 'subscription', url: subscription.url }, installedAt: Date.now() });
  }
  const message =
    outcome.kind === 'updated'
      ? `installed ${outcome.pack.id} ${outcome.pack.version} (verified by ${outcome.verifiedBy})`
      : outcome.kind === 'unchanged'
        ? `up to date (${outcome.version})`
        : outcome.message;
  const statuses = await getUpdateStatuses();
  const version = outcome.kind === 'updated' ? outcome.pack.version : current?.pack.version;
  statuses[subscription.url] = { checkedAt: Date.now(), outcome: outcome.kind, message, ...(version ? { version } : {}) };
  await browser.storage.local.set({ [STATUS_KEY]: statuses });
  return outcome;
}

export function onPacksChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (PACKS_KEY in changes || STATUS_KEY in changes)) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
