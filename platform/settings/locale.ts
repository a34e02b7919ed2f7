/**
 * The UI language for any extension surface (popup, panel, reports page, report
 * HTML): the reviewer's choice, or the organisation's, or the browser's language.
 */
import { browserLanguage, resolveLocale } from '../i18n.ts';
import type { Locale } from '../i18n.ts';
import { loadEffectiveSettings, watchSettings } from './store.ts';

export async function loadUiLocale(): Promise<Locale> {
  const { settings } = await loadEffectiveSettings();
  return resolveLocale(settings.locale, browserLanguage());
}

/** Calls back with the locale now and whenever it changes (the reviewer switches it in the options page). */
export function watchUiLocale(listener: (locale: Locale) => void): () => void {
  let last: Locale | null = null;
  const emit = () =>
    void loadUiLocale().then((locale) => {
      if (locale !== last) listener((last = locale));
    });
  emit();
  return watchSettings(emit);
}
