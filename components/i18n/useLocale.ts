/**
 * React hook for any extension UI: the current locale and a translator for a
 * feature's catalogue, updated live when the reviewer switches language.
 *
 *   const t = useTranslator(messages);   // messages from components/<feature>/messages.ts
 *   t('title'); t.plural('findings', n); formatDate(t.locale, when)
 */
import { useEffect, useMemo, useState } from 'react';
import { browserLanguage, resolveLocale, translator } from '../../platform/i18n.ts';
import type { Catalogue, Locale, Translator } from '../../platform/i18n.ts';
import { watchUiLocale } from '../../platform/settings/locale.ts';

export function useLocale(): Locale {
  // Start from the browser's language so the first paint is already in the right language
  // for most reviewers; the stored choice arrives a moment later.
  const [locale, setLocale] = useState<Locale>(() => resolveLocale('auto', browserLanguage()));
  useEffect(() => watchUiLocale(setLocale), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return locale;
}

export function useTranslator<K extends string>(catalogue: Catalogue<K>): Translator<K> {
  const locale = useLocale();
  return useMemo(() => translator(catalogue, locale), [catalogue, locale]);
}
