/** Settings sync across a reviewer's browsers, with the quota spelled out when it is exceeded. */
import { useId } from 'react';
import { formatNumber } from '../../platform/i18n.ts';
import { isLocked } from '../../platform/settings/managed.ts';
import type { Settings } from '../../platform/settings/schema.ts';
import { LockedNote, Section } from './common.tsx';
import type { T } from './messages.ts';
import type { OptionsState, SaveStatus } from './useOptions.ts';

export function syncMessage(t: T, status: SaveStatus): string {
  if (status.kind !== 'saved') return '';
  const { result } = status;
  if (result.syncError) return t('syncFailed', { reason: result.syncError });
  return result.syncProblems
    .map((p) =>
      p.kind === 'item-too-large'
        ? t('syncItemTooLarge', { part: t(`syncPart_${p.key}`), bytes: formatNumber(t.locale, p.bytes), limit: formatNumber(t.locale, p.limit) })
        : t('syncTotalTooLarge', { bytes: formatNumber(t.locale, p.bytes), limit: formatNumber(t.locale, p.limit) }),
    )
    .join(' ');
}

export function SyncSection({ t, state, update, saveStatus, turnSyncOn }: { t: T; state: OptionsState; update: (change: (s: Settings) => void) => Promise<void>; saveStatus: SaveStatus; turnSyncOn: () => Promise<void> }) {
  const locked = isLocked(state.loaded.locked, 'sync.enabled');
  const lockId = useId();
  const problem = syncMessage(t, saveStatus);
  return (
    <Section id="sync" title={t('syncTitle')}>
      <p className="hint">{t('syncHint')}</p>
      <label className="inline">
        <input
          type="checkbox"
          role="switch"
          aria-checked={state.loaded.settings.sync.enabled}
          checked={state.loaded.settings.sync.enabled}
          disabled={locked}
          aria-describedby={locked ? lockId : undefined}
          onChange={(e) => void (e.target.checked ? turnSyncOn() : update((s) => void (s.sync.enabled = false)))}
        />
        {t('syncEnable')}
      </label>
      {locked && <LockedNote t={t} id={lockId} />}
      {problem && (
        <p role="alert" className="errors" id="sync-problem">
          {problem}
        </p>
      )}
    </Section>
  );
}
