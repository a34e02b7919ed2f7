/**
 * The reviewer's or team's own rules, as a pack in JSON: validated live with the
 * same loader as every pack (precise errors), kept as typed so nothing is lost
 * while it is invalid, and a "try it" box that scans a sample with the engine.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatPack } from '../../core/rules/format.ts';
import { parsePack } from '../../core/rules/load.ts';
import type { Pack } from '../../core/rules/schema.ts';
import type { CompiledEngine } from '../../core/engine/types.ts';
import type { Settings } from '../../platform/settings/schema.ts';
import { PackErrorList, Section } from './common.tsx';
import type { T } from './messages.ts';
import type { OptionsState } from './useOptions.ts';
import { TryIt } from './TryIt.tsx';

export const CUSTOM_FILE = 'custom rules';

/** A starting point that validates, so a reviewer edits rather than writes from nothing. */
export function exampleCustomPack(today: string): string {
  const pack: Pack = {
    id: 'custom',
    name: 'My rules',
    version: '1.0.0',
    date: today,
    languages: ['en', 'es'],
    sources: [{ name: 'reviewer' }],
    licence: 'internal',
    rules: [
      {
        id: 'custom.example',
        status: 'experimental',
        title: 'Example: a street name for oxycodone',
        category: 'opioid',
        severity: 'medium',
        tier: 'B',
        canonical: 'oxycodone',
        terms: { en: ['hillbilly heroin'], es: ['heroína de pueblo'] },
        examples: { positive: ['hillbilly heroin 30 pills', 'heroína de pueblo barata'], negative: ['a documentary about hillbilly life', 'heroína de la película'] },
      },
    ],
  };
  return formatPack(pack);
}

export function CustomRulesSection({ t, state, update, compile }: { t: T; state: OptionsState; update: (change: (s: Settings) => void) => Promise<void>; compile: ((packs: Pack[]) => CompiledEngine) | null }) {
  const saved = state.loaded.settings.customRules;
  const [text, setText] = useState(saved);
  const [debounced, setDebounced] = useState(saved);
  const id = useId();
  // Follow the saved rules (another tab, sync, policy) only while the editor shows them: a
  // late storage event must never overwrite what the reviewer is typing.
  const synced = useRef(saved);
  useEffect(() => {
    const previous = synced.current;
    synced.current = saved;
    setText((current) => (current === previous ? saved : current));
  }, [saved]);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const result = useMemo(() => (debounced.trim() ? parsePack(debounced, CUSTOM_FILE) : null), [debounced]);

  const enabledPacks = useMemo(() => {
    const all = [...state.bundled, ...state.installed.map((p) => p.pack)];
    return all.filter((p) => state.loaded.settings.packsEnabled[p.id] !== false);
  }, [state]);
  const packsForTry = result?.ok ? [...enabledPacks.filter((p) => p.id !== result.pack.id), result.pack] : enabledPacks;

  return (
    <Section id="custom" title={t('customTitle')}>
      <p className="hint" id={`${id}-hint`}>
        {t('customHint')}
      </p>
      <label htmlFor={id}>{t('customEditor')}</label>
      <textarea
        id={id}
        className="code"
        rows={16}
        spellCheck={false}
        value={text}
        aria-invalid={result ? !result.ok : false}
        aria-describedby={`${id}-hint ${id}-state`}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== saved && void update((s) => void (s.customRules = text))}
      />
      <div className="row">
        <button type="button" onClick={() => void update((s) => void (s.customRules = text))} disabled={text === saved}>
          {t('save')}
        </button>
        {!text.trim() && (
          <button type="button" onClick={() => setText(exampleCustomPack(new Date().toISOString().slice(0, 10)))}>
            {t('startFromExample')}
          </button>
        )}
        <span id={`${id}-state`} role="status" aria-live="polite" className={result?.ok ? 'ok' : ''}>
          {result === null ? t('customEmpty') : result.ok ? t.plural('customValid', result.pack.rules.length) : ''}
        </span>
      </div>
      {result && !result.ok && <PackErrorList t={t} errors={result.errors} id="custom-errors" />}
      <TryIt t={t} packs={packsForTry} compile={compile} />
    </Section>
  );
}
