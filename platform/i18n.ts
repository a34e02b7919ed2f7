/**
 * The UI's two languages (English, Spanish). Convention: each UI feature keeps its
 * strings in components/<feature>/messages.ts as
 *
 *   export const messages = defineMessages({ en: { title: 'Rule packs' }, es: { title: 'Paquetes de reglas' } });
 *
 * The type makes a key missing in Spanish a compile error, and a unit test
 * (platform/i18n.test.ts) checks every catalogue both ways, placeholders included.
 * Placeholders are {name}; plurals are keys ending in "_one" / "_other", picked by
 * Intl.PluralRules. Dates and numbers go through Intl for the chosen locale.
 * The language follows the browser's unless the reviewer picks one (settings.locale).
 */
import { browser } from 'wxt/browser';
import common from '../components/common/messages.ts';
import panel from '../components/panel/messages.ts';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalePreference = 'auto' | Locale;

export interface Catalogue<K extends string> {
  en: Record<K, string>;
  es: Record<K, string>;
}

export function defineMessages<const E extends Record<string, string>>(catalogue: {
  en: E;
  es: { [K in keyof E]: string };
}): Catalogue<keyof E & string> {
  return catalogue as Catalogue<keyof E & string>;
}

/** "es-MX", "es_419", "ES" → es; anything else → en. */
export function resolveLocale(preference: LocalePreference, browserLanguage: string): Locale {
  if (preference !== 'auto') return preference;
  return /^es\b|^es[-_]/i.test(browserLanguage) ? 'es' : 'en';
}

/** The browser's UI language, from the extension API where there is one. */
export function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator === 'undefined' ? 'en' : navigator.language;
  }
}

export type Params = Record<string, string | number>;

function interpolate(template: string, locale: Locale, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

export function translate<K extends string>(catalogue: Catalogue<K>, locale: Locale, key: K, params?: Params): string {
  return interpolate(catalogue[locale][key] ?? catalogue.en[key] ?? key, locale, params);
}

/** Plural forms: the catalogue has `${base}_one` and `${base}_other`; {count} is the number. */
export function plural<K extends string>(catalogue: Catalogue<K>, locale: Locale, base: string, count: number, params?: Params): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return translate(catalogue, locale, `${base}_${form}` as K, { count, ...params });
}

/** Bound helpers for one catalogue and locale, what components use. */
export function translator<K extends string>(catalogue: Catalogue<K>, locale: Locale) {
  const t = (key: K, params?: Params) => translate(catalogue, locale, key, params);
  t.plural = (base: string, count: number, params?: Params) => plural(catalogue, locale, base, count, params);
  t.locale = locale;
  return t;
}
export type Translator<K extends string> = ReturnType<typeof translator<K>>;

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatDate(locale: Locale, value: Date | number | string, withTime = false): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
}

/** A pack date ("2026-11-29") is a calendar date, not an instant: format it in UTC so it never shifts a day. */
export function formatCalendarDate(locale: Locale, isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/*
 * The page-side panel and in-page strings use one merged table and a current locale, since
 * they render outside React trees that could carry a translator: `t('panel.next')`.
 * Features listed in PANEL_TABLES keep `{ en, es }` tables next to their components.
 */

type Table = Readonly<Record<string, string>>;
const PANEL_TABLES: ReadonlyArray<{ en: Table; es: Table }> = [common, panel];

const mergedTables: Record<Locale, Record<string, string>> = { en: {}, es: {} };
for (const table of PANEL_TABLES) {
  Object.assign(mergedTables.en, table.en);
  Object.assign(mergedTables.es, table.es);
}

let current: Locale = resolveLocale('auto', typeof navigator === 'undefined' ? 'en' : navigator.language);

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The message for `key` in the current language; `{name}` placeholders are filled from params. */
export function t(key: string, params?: Params): string {
  return interpolate(mergedTables[current][key] ?? mergedTables.en[key] ?? key, current, params);
}

/** Every key of every panel table, per locale: for the completeness test. */
export function allKeys(locale: Locale): string[] {
  return Object.keys(mergedTables[locale]);
}
