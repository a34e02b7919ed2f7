/** The reports UI's translator, in the reviewer's chosen language (or the browser's). */
import { useEffect, useState } from 'react';
import { browserLanguage, resolveLocale, translator, type Locale } from '../../platform/i18n.ts';
import { loadEffectiveSettings } from '../../platform/settings/store.ts';
import { messages } from './messages.ts';

export function useReportsT() {
  const [locale, setLocale] = useState<Locale>(() => resolveLocale('auto', browserLanguage()));
  useEffect(() => {
    loadEffectiveSettings()
      .then(({ settings }) => setLocale(resolveLocale(settings.locale, browserLanguage())))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return translator(messages, locale);
}

export type ReportsT = ReturnType<typeof useReportsT>;
