/**
 * The options page's state: effective settings (own + policy), installed packs and
 * subscription statuses, kept current through storage change events (another
 * browser syncing, a policy arriving, the background installing an update).
 */
import { useCallback, useEffect, useState } from 'react';
import * as z from 'zod/mini';
import { bundledPacks } from '../../platform/packs/bundled.ts';
import { getInstalledPacks, getUpdateStatuses, onPacksChanged } from '../../platform/packs/store.ts';
import type { InstalledPack, UpdateStatus } from '../../platform/packs/store.ts';
import { Settings } from '../../platform/settings/schema.ts';
import { enableSync, loadEffectiveSettings, saveSettings, watchSettings } from '../../platform/settings/store.ts';
import type { LoadedSettings, SaveResult } from '../../platform/settings/store.ts';
import type { Pack } from '../../core/rules/schema.ts';

export interface OptionsState {
  loaded: LoadedSettings;
  bundled: Pack[];
  installed: InstalledPack[];
  packProblems: string[];
  statuses: Record<string, UpdateStatus>;
}

export type SaveStatus = { kind: 'idle' } | { kind: 'saved'; result: SaveResult } | { kind: 'invalid'; message: string };

export function useOptions() {
  const [state, setState] = useState<OptionsState | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: 'idle' });

  const reload = useCallback(async () => {
    const [loaded, packs, statuses] = await Promise.all([loadEffectiveSettings(), getInstalledPacks(), getUpdateStatuses()]);
    setState({ loaded, bundled: bundledPacks(), installed: packs.installed, packProblems: packs.problems, statuses });
  }, []);

  useEffect(() => {
    void reload();
    const offSettings = watchSettings(() => void reload());
    const offPacks = onPacksChanged(() => void reload());
    return () => {
      offSettings();
      offPacks();
    };
  }, [reload]);

  /** Applies a change to the reviewer's own settings and saves it when the result is valid. */
  const update = useCallback(
    async (change: (draft: Settings) => void) => {
      if (!state) return;
      const draft = structuredClone(state.loaded.own);
      change(draft);
      const parsed = z.safeParse(Settings, draft);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        setSaveStatus({ kind: 'invalid', message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
        return;
      }
      const result = await saveSettings(parsed.data);
      setSaveStatus({ kind: 'saved', result });
      await reload();
    },
    [state, reload],
  );

  const turnSyncOn = useCallback(async () => {
    if (!state) return;
    setSaveStatus({ kind: 'saved', result: await enableSync(state.loaded.own) });
    await reload();
  }, [state, reload]);

  return { state, update, reload, saveStatus, turnSyncOn };
}
