/**
 * Which packs run: the bundled ones, the installed ones (an installed pack replaces a
 * bundled pack with the same id: a team chose it), and the reviewer's custom rules
 * once they validate — minus the packs switched off (by the reviewer or by policy).
 * The content script and the "try it" box build their engine from this.
 */
import { parsePack } from '../../core/rules/load.ts';
import type { Pack } from '../../core/rules/schema.ts';
import type { Settings } from '../settings/schema.ts';
import { loadEffectiveSettings, watchSettings } from '../settings/store.ts';
import { bundledPacks } from './bundled.ts';
import { getInstalledPacks, onPacksChanged } from './store.ts';

export const CUSTOM_RULES_FILE = 'custom rules';

export interface ActivePacks {
  packs: Pack[];
  /** Why something the reviewer set up is not running (invalid custom rules, a corrupted stored pack). */
  problems: string[];
}

/** Pure: the selection itself. */
export function selectActivePacks(bundled: readonly Pack[], installed: readonly Pack[], settings: Pick<Settings, 'customRules' | 'packsEnabled'>): ActivePacks {
  const byId = new Map<string, Pack>();
  for (const pack of bundled) byId.set(pack.id, pack);
  for (const pack of installed) byId.set(pack.id, pack);
  const problems: string[] = [];
  if (settings.customRules.trim()) {
    const custom = parsePack(settings.customRules, CUSTOM_RULES_FILE);
    if (custom.ok) byId.set(custom.pack.id, custom.pack);
    else problems.push(`custom rules are not running: ${custom.errors.length} error(s), first at ${custom.errors[0]?.path}: ${custom.errors[0]?.message}`);
  }
  const packs = [...byId.values()].filter((pack) => settings.packsEnabled[pack.id] !== false).sort((a, b) => a.id.localeCompare(b.id));
  return { packs, problems };
}

export async function loadActivePacks(): Promise<ActivePacks> {
  const [{ settings }, installed] = await Promise.all([loadEffectiveSettings(), getInstalledPacks()]);
  const active = selectActivePacks(
    bundledPacks(),
    installed.installed.map((entry) => entry.pack),
    settings,
  );
  return { packs: active.packs, problems: [...installed.problems, ...active.problems] };
}

/** Calls back whenever the set of active packs may have changed. */
export function watchActivePacks(listener: () => void): () => void {
  const offSettings = watchSettings(listener);
  const offPacks = onPacksChanged(listener);
  return () => {
    offSettings();
    offPacks();
  };
}
