/**
 * Pack subscriptions, like an ad blocker's filter lists: a URL checked on an
 * interval, accepted only when it verifies (pinned SHA-256 or Ed25519 signature).
 * The last check's outcome is shown, refusals included, with the installed
 * version that keeps working.
 */
import { useId, useState } from 'react';
import * as z from 'zod/mini';
import { formatDate } from '../../platform/i18n.ts';
import { runSubscriptionUpdate } from '../../platform/packs/store.ts';
import { isLocked } from '../../platform/settings/managed.ts';
import { Subscription } from '../../platform/settings/schema.ts';
import type { Settings } from '../../platform/settings/schema.ts';
import { LockedNote, PackErrorList, Section } from './common.tsx';
import type { T } from './messages.ts';
import type { OptionsState } from './useOptions.ts';
import type { PackError } from '../../core/rules/load.ts';

export function SubscriptionsSection({ t, state, update, reload }: { t: T; state: OptionsState; update: (change: (s: Settings) => void) => Promise<void>; reload: () => Promise<void> }) {
  const { settings, locked } = state.loaded;
  const isManaged = isLocked(locked, 'subscriptions');
  const lockId = useId();
  const [form, setForm] = useState({ url: '', intervalHours: '24', sha256: '', publicKey: '' });
  const [formError, setFormError] = useState('');
  const [checking, setChecking] = useState<string | null>(null);
  const [lastErrors, setLastErrors] = useState<PackError[]>([]);

  async function add() {
    const candidate = {
      url: form.url.trim(),
      intervalHours: Number(form.intervalHours),
      ...(form.sha256.trim() ? { sha256: form.sha256.trim().toLowerCase() } : {}),
      ...(form.publicKey.trim() ? { publicKey: form.publicKey.trim() } : {}),
    };
    const parsed = z.safeParse(Subscription, candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setFormError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
      return;
    }
    if (!parsed.data.sha256 && !parsed.data.publicKey) {
      setFormError(t('needIntegrity'));
      return;
    }
    if (settings.subscriptions.some((s) => s.url === parsed.data.url)) {
      setFormError(t('duplicateSubscription'));
      return;
    }
    setFormError('');
    await update((s) => void s.subscriptions.push(parsed.data));
    setForm({ url: '', intervalHours: '24', sha256: '', publicKey: '' });
  }

  async function checkNow(url: string) {
    const subscription = settings.subscriptions.find((s) => s.url === url);
    if (!subscription) return;
    setChecking(url);
    try {
      const outcome = await runSubscriptionUpdate(subscription);
      setLastErrors(outcome.kind === 'refused' ? (outcome.errors ?? []) : []);
      await reload();
    } finally {
      setChecking(null);
    }
  }

  return (
    <Section id="subscriptions" title={t('subscriptionsTitle')}>
      <p className="hint">{t('subscriptionsHint')}</p>
      {isManaged && <LockedNote t={t} id={lockId} />}
      <ul className="subscriptions">
        {settings.subscriptions.length === 0 && <li>{t('noSubscriptions')}</li>}
        {settings.subscriptions.map((sub) => {
          const status = state.statuses[sub.url];
          return (
            <li key={sub.url} data-subscription={sub.url}>
              <code>{sub.url}</code> · {t.plural('everyHours', sub.intervalHours)} · {sub.publicKey ? t('integritySigned') : t('integrityPinned')}
              <div className={`status status-${status?.outcome ?? 'never'}`} role="status" aria-live="polite">
                {status ? t('lastCheck', { when: formatDate(t.locale, status.checkedAt, true), message: status.message }) : t('neverChecked')}
                {status?.version && ` · ${t('installedVersion', { version: status.version })}`}
              </div>
              <button type="button" disabled={checking !== null} onClick={() => void checkNow(sub.url)} aria-label={t('checkNowFor', { url: sub.url })}>
                {checking === sub.url ? t('checking') : t('checkNow')}
              </button>
              {!isManaged && (
                <button
                  type="button"
                  aria-label={t('removeSubscription', { url: sub.url })}
                  onClick={() => void update((s) => void (s.subscriptions = s.subscriptions.filter((x) => x.url !== sub.url)))}
                >
                  {t('remove')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <PackErrorList t={t} errors={lastErrors} />
      {!isManaged && (
        <form
          className="grid"
          aria-label={t('addSubscription')}
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label>
            {t('packUrl')}
            <input type="url" required name="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
          </label>
          <label>
            {t('intervalHours')}
            <input type="number" min={1} max={720} required name="intervalHours" value={form.intervalHours} onChange={(e) => setForm({ ...form, intervalHours: e.target.value })} />
          </label>
          <label>
            {t('pinnedSha256')}
            <input name="sha256" value={form.sha256} onChange={(e) => setForm({ ...form, sha256: e.target.value })} spellCheck={false} />
          </label>
          <label>
            {t('publicKey')}
            <input name="publicKey" value={form.publicKey} onChange={(e) => setForm({ ...form, publicKey: e.target.value })} spellCheck={false} />
          </label>
          <button type="submit">{t('addSubscription')}</button>
          {formError && (
            <p role="alert" className="errors">
              {formError}
            </p>
          )}
        </form>
      )}
    </Section>
  );
}
