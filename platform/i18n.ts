/**
 * A tiny translation helper: `t('panel.next')`. Each feature keeps its English and
 * Spanish tables next to its components (`components/<feature>/messages.ts` exporting
 * `{ en: {...}, es: {...} }`) and is listed in TABLES below. The language follows the
 * browser's unless setLocale() chose one; a missing Spanish string falls back to English,
 * a missing key shows the key (so a gap is visible, never blank).
 */
import common from '../components/common/messages.ts';
import panel from '../components/panel/messages.ts';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

type Table = Readonly<Record<string, string>>;
const TABLES: ReadonlyArray<{ en: Table; es: Table }> = [common, panel];

const merged: Record<Locale, Record<string, string>> = { en: {}, es: {} };
for (const table of TABLES) {
  Object.assign(merged.en, table.en);
  Object.assign(merged.es, table.es);
}

function browserLocale(): Locale {
  const lang = (globalThis.navigator?.language ?? 'en').toLowerCase();
  return lang.startsWith('es') ? 'es' : 'en';
}

let current: Locale = browserLocale();

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The message for `key` in the current language; `{name}` placeholders are filled from params. */
export function t(key: string, params?: Record<string, string | number>): string {
  const template = merged[current][key] ?? merged.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Every key of every table, per locale: for the completeness test. */
export function allKeys(locale: Locale): string[] {
  return Object.keys(merged[locale]);
}
