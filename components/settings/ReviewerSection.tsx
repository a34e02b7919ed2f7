/**
 * Who files reports and where they go. The reports engineer reads
 * settings.reviewer and settings.submission through loadEffectiveSettings().
 */
import { useEffect, useId, useState } from 'react';
import * as z from 'zod/mini';
import { isLocked } from '../../platform/settings/managed.ts';
import { Settings } from '../../platform/settings/schema.ts';
import type { Settings as SettingsType } from '../../platform/settings/schema.ts';
import { LockedNote, Section } from './common.tsx';
import type { T } from './messages.ts';
import type { OptionsState } from './useOptions.ts';

type Path = 'reviewer.name' | 'reviewer.id' | 'submission.endpoint' | 'submission.token';

function get(settings: SettingsType, path: Path): string {
  const [group, key] = path.split('.') as ['reviewer' | 'submission', string];
  return (settings[group] as Record<string, string>)[key] ?? '';
}

function TextSetting({ t, label, path, state, update, type = 'text', hint }: { t: T; label: string; path: Path; state: OptionsState; update: (change: (s: SettingsType) => void) => Promise<void>; type?: string; hint?: string }) {
  const id = useId();
  const saved = get(state.loaded.settings, path);
  const [value, setValue] = useState(saved);
  const [error, setError] = useState('');
  const locked = isLocked(state.loaded.locked, path);
  useEffect(() => setValue(saved), [saved]);
  const [group, key] = path.split('.') as ['reviewer' | 'submission', 'name'];
  function commit() {
    const schema = (Settings.shape[group].shape as Record<string, z.core.$ZodType>)[key] as z.core.$ZodType;
    const parsed = z.safeParse(schema, value.trim());
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '');
    setError('');
    if (value.trim() !== saved) void update((s) => void ((s[group] as Record<string, string>)[key] = value.trim()));
  }
  const described = [hint ? `${id}-hint` : '', error ? `${id}-err` : '', locked ? `${id}-lock` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        value={value}
        disabled={locked}
        autoComplete="off"
        aria-invalid={error !== ''}
        aria-describedby={described || undefined}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        size={50}
      />
      {locked && <LockedNote t={t} id={`${id}-lock`} />}
      {error && (
        <p id={`${id}-err`} role="alert" className="errors">
          {error}
        </p>
      )}
    </div>
  );
}

export function ReviewerSection({ t, state, update }: { t: T; state: OptionsState; update: (change: (s: SettingsType) => void) => Promise<void> }) {
  return (
    <Section id="reviewer" title={t('reviewerTitle')}>
      <TextSetting t={t} label={t('reviewerName')} path="reviewer.name" state={state} update={update} />
      <TextSetting t={t} label={t('reviewerId')} path="reviewer.id" state={state} update={update} hint={t('reviewerIdHint')} />
      <TextSetting t={t} label={t('endpoint')} path="submission.endpoint" type="url" state={state} update={update} hint={t('endpointHint')} />
      <TextSetting t={t} label={t('token')} path="submission.token" type="password" state={state} update={update} hint={t('tokenHint')} />
    </Section>
  );
}
