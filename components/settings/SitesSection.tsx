/**
 * Where the inspector runs: the marketplace list, sites always inspected and
 * sites never inspected. Sites beyond the built-in list need an optional host
 * permission, asked for on the reviewer's click (permissions.request needs a
 * user gesture).
 */
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { isLocked } from '../../platform/settings/managed.ts';
import { Domain } from '../../platform/settings/schema.ts';
import type { Settings } from '../../platform/settings/schema.ts';
import { LockedNote, Section } from './common.tsx';
import type { MessageKey, T } from './messages.ts';
import type { OptionsState } from './useOptions.ts';

type ListKey = 'marketplaces' | 'allow' | 'deny';

function originsFor(domains: readonly string[]): string[] {
  return domains.map((d) => `*://${d}/*`);
}

function DomainList({ t, label, hint, value, locked, onSave }: { t: T; label: string; hint: string; value: string[]; locked: boolean; onSave: (v: string[]) => void }) {
  const [text, setText] = useState(value.join('\n'));
  const [invalid, setInvalid] = useState<string[]>([]);
  const id = useId();
  useEffect(() => setText(value.join('\n')), [value]);
  function commit(next: string) {
    const lines = next
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const bad = lines.filter((l) => !z.safeParse(Domain, l).success);
    setInvalid(bad);
    if (bad.length === 0 && lines.join('\n') !== value.join('\n')) onSave(lines);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        id={id}
        rows={5}
        value={text}
        disabled={locked}
        spellCheck={false}
        aria-invalid={invalid.length > 0}
        aria-describedby={`${id}-hint ${id}-err${locked ? ` ${id}-lock` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          setInvalid([]);
        }}
        onBlur={(e) => commit(e.target.value)}
      />
      {locked && <LockedNote t={t} id={`${id}-lock`} />}
      <p id={`${id}-err`} role={invalid.length ? 'alert' : undefined} className="errors">
        {invalid.length > 0 && t('invalidDomains', { list: invalid.join(', ') })}
      </p>
    </div>
  );
}

export function SitesSection({ t, state, update }: { t: T; state: OptionsState; update: (change: (s: Settings) => void) => Promise<void> }) {
  const { settings, locked } = state.loaded;
  const [granted, setGranted] = useState<boolean | null>(null);
  const [permissionMessage, setPermissionMessage] = useState('');
  const extra = settings.sites.allow;

  useEffect(() => {
    if (extra.length === 0) return setGranted(null);
    browser.permissions.contains({ origins: originsFor(extra) }).then(setGranted, () => setGranted(false));
  }, [extra]);

  async function request() {
    try {
      const ok = await browser.permissions.request({ origins: originsFor(extra) });
      setGranted(ok);
      setPermissionMessage(ok ? t('permissionGranted') : t('permissionDenied'));
    } catch (error) {
      setPermissionMessage(String(error));
    }
  }

  const lists: Array<{ key: ListKey; label: MessageKey; hint: MessageKey }> = [
    { key: 'marketplaces', label: 'marketplaces', hint: 'marketplacesHint' },
    { key: 'allow', label: 'allowSites', hint: 'allowSitesHint' },
    { key: 'deny', label: 'denySites', hint: 'denySitesHint' },
  ];
  return (
    <Section id="sites" title={t('sitesTitle')}>
      {lists.map(({ key, label, hint }) => (
        <DomainList
          key={key}
          t={t}
          label={t(label)}
          hint={t(hint)}
          value={settings.sites[key]}
          locked={isLocked(locked, `sites.${key}`)}
          onSave={(v) => void update((s) => void (s.sites[key] = v))}
        />
      ))}
      {extra.length > 0 && (
        <div className="row">
          <span>{granted ? t('accessGranted') : t('accessNeeded')}</span>
          {!granted && (
            <button type="button" onClick={() => void request()}>
              {t('grantAccess')}
            </button>
          )}
          <span role="status" aria-live="polite">
            {permissionMessage}
          </span>
        </div>
      )}
    </Section>
  );
}
