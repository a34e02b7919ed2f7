/**
 * The options page's state: effective settings (own + policy), installed packs and
 * subscription statuses, kept current through storage change events (another
 * browser syncing, a policy arriving, the background installing an update).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
  /** The reviewer's own settings as last read from storage: what the next change applies to. */
  const own = useRef<Settings | null>(null);
  /** Only the latest read wins: a slow read started before a save must not bring old values back. */
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const [loaded, packs, statuses] = await Promise.all([loadEffectiveSettings(), getInstalledPacks(), getUpdateStatuses()]);
    if (mine !== generation.current) return;
    own.current = loaded.own;
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

  // Changes apply one after another to the latest saved settings, so two quick changes
  // (a toggle, then a colour) never overwrite each other with a stale copy.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enqueue = useCallback((work: () => Promise<void>) => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  /**
   * Applies a change to the reviewer's own settings and saves it when the result is valid.
   * The change runs later (queued): callers read event values first, never inside it.
   */
  const update = useCallback(
    (change: (draft: Settings) => void) =>
      enqueue(async () => {
        if (!own.current) return;
        const draft = structuredClone(own.current);
        change(draft);
        const parsed = z.safeParse(Settings, draft);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          setSaveStatus({ kind: 'invalid', message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
          return;
        }
        const result = await saveSettings(parsed.data);
        generation.current++;
        own.current = parsed.data;
        setSaveStatus({ kind: 'saved', result });
        await reload();
      }),
    [enqueue, reload],
  );

  const turnSyncOn = useCallback(
    () =>
      enqueue(async () => {
        if (!own.current) return;
        setSaveStatus({ kind: 'saved', result: await enableSync(own.current) });
        await reload();
      }),
    [enqueue, reload],
  );

  return { state, update, reload, saveStatus, turnSyncOn };
}
