/**
 * The options page: every setting a reviewer or team lead changes, in English or
 * Spanish, usable by keyboard alone (skip links, landmarks, visible focus).
 */
import { useEffect, useId } from 'react';
import type { CompiledEngine } from '../../core/engine/types.ts';
import type { Pack } from '../../core/rules/schema.ts';
import { browserLanguage, resolveLocale, translator } from '../../platform/i18n.ts';
import type { LocalePreference } from '../../platform/i18n.ts';
import { isLocked } from '../../platform/settings/managed.ts';
import { AppearanceSection } from './AppearanceSection.tsx';
import { LockedNote } from './common.tsx';
import { CustomRulesSection } from './CustomRulesSection.tsx';
import { messages } from './messages.ts';
import { PacksSection } from './PacksSection.tsx';
import { ReviewerSection } from './ReviewerSection.tsx';
import { SitesSection } from './SitesSection.tsx';
import { SubscriptionsSection } from './SubscriptionsSection.tsx';
import { SyncSection } from './SyncSection.tsx';
import { useOptions } from './useOptions.ts';

const SECTIONS = ['packs', 'subscriptions', 'custom', 'sites', 'appearance', 'reviewer', 'sync'] as const;

export function OptionsApp({ compile }: { compile: ((packs: Pack[]) => CompiledEngine) | null }) {
  const { state, update, reload, saveStatus, turnSyncOn } = useOptions();
  const localeId = useId();
  const locale = resolveLocale(state?.loaded.settings.locale ?? 'auto', browserLanguage());
  const t = translator(messages, locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('pageTitle');
  }, [locale, t]);

  if (!state) return <p role="status">{t('loading')}</p>;
  const { loaded } = state;
  const localeLocked = isLocked(loaded.locked, 'locale');

  return (
    <div className={`options density-${loaded.settings.appearance.density}`}>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header>
        <h1>{t('pageTitle')}</h1>
        <div className="field inline">
          <label htmlFor={localeId}>{t('language')}</label>{' '}
          <select
            id={localeId}
            value={loaded.settings.locale}
            disabled={localeLocked}
            onChange={(e) => {
              const locale = e.target.value as LocalePreference;
              void update((s) => void (s.locale = locale));
            }}
          >
            <option value="auto">{t('languageAuto')}</option>
            <option value="en" lang="en">
              English
            </option>
            <option value="es" lang="es">
              Español
            </option>
          </select>
          {localeLocked && <LockedNote t={t} id={`${localeId}-lock`} />}
        </div>
      </header>
      <nav aria-label={t('sections')}>
        <ul>
          {SECTIONS.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{t(`${id}Title`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {loaded.locked.length > 0 && (
          <p className="managed-banner" role="note" id="managed-banner">
            <span aria-hidden="true">🔒 </span>
            {t('managedBanner')}
          </p>
        )}
        {(loaded.repairs.length > 0 || loaded.problems.length > 0) && (
          <div role="alert" className="errors" id="repairs">
            {loaded.repairs.length > 0 && <p>{t('repairsIntro')}</p>}
            <ul>
              {loaded.repairs.map((r, i) => (
                <li key={`r${i}`}>
                  <code>{r.path}</code>: {r.problem} — {t(`repair_${r.action === 'reset to default' ? 'reset' : r.action === 'removed' ? 'removed' : 'dropped'}`)}
                </li>
              ))}
              {loaded.problems.map((p, i) => (
                <li key={`p${i}`}>{t('policyProblem', { policy: p.policy, problem: p.problem })}</li>
              ))}
            </ul>
          </div>
        )}
        <p role="status" aria-live="polite" className="save-status" id="save-status">
          {saveStatus.kind === 'saved' ? (saveStatus.result.synced ? t('savedAndSynced') : t('saved')) : saveStatus.kind === 'invalid' ? t('notSaved', { reason: saveStatus.message }) : ''}
        </p>
        <PacksSection t={t} state={state} update={update} reload={reload} />
        <SubscriptionsSection t={t} state={state} update={update} reload={reload} />
        <CustomRulesSection t={t} state={state} update={update} compile={compile} />
        <SitesSection t={t} state={state} update={update} />
        <AppearanceSection t={t} state={state} update={update} />
        <ReviewerSection t={t} state={state} update={update} />
        <SyncSection t={t} state={state} update={update} saveStatus={saveStatus} turnSyncOn={turnSyncOn} />
      </main>
    </div>
  );
}
