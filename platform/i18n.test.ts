import { describe, expect, it } from 'vitest';
import type { Catalogue } from './i18n.ts';
import { defineMessages, formatCalendarDate, formatNumber, plural, resolveLocale, translate } from './i18n.ts';

/** Every UI feature's catalogue, found by the naming convention. */
const catalogues = import.meta.glob<Record<string, unknown>>('/components/*/messages.ts', { eager: true });

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

describe('message catalogues', () => {
  it('are found (the convention is in use)', () => {
    expect(Object.keys(catalogues).length).toBeGreaterThan(0);
  });

  for (const [file, module] of Object.entries(catalogues)) {
    for (const [name, value] of Object.entries(module)) {
      const catalogue = value as Catalogue<string>;
      if (!catalogue || typeof catalogue !== 'object' || !('en' in catalogue) || !('es' in catalogue)) continue;
      it(`${file} ${name}: every English key exists in Spanish and vice versa, with the same placeholders`, () => {
        const en = Object.keys(catalogue.en).sort();
        const es = Object.keys(catalogue.es).sort();
        expect(es).toEqual(en);
        for (const key of en) {
          expect(catalogue.en[key]?.trim(), `${key} (en) is empty`).not.toBe('');
          expect(catalogue.es[key]?.trim(), `${key} (es) is empty`).not.toBe('');
          expect(placeholders(catalogue.es[key] ?? ''), `${key} placeholders`).toEqual(placeholders(catalogue.en[key] ?? ''));
        }
        for (const key of en.filter((k) => k.endsWith('_one'))) {
          expect(en, `${key} needs its _other form`).toContain(key.replace(/_one$/, '_other'));
        }
      });
    }
  }
});

describe('i18n helpers', () => {
  const cat = defineMessages({
    en: { hello: 'Hello {name}', rules_one: '{count} rule', rules_other: '{count} rules' },
    es: { hello: 'Hola {name}', rules_one: '{count} regla', rules_other: '{count} reglas' },
  });

  it('chooses Spanish for any Spanish browser language, English otherwise, unless the reviewer picked one', () => {
    expect(resolveLocale('auto', 'es-MX')).toBe('es');
    expect(resolveLocale('auto', 'es_419')).toBe('es');
    expect(resolveLocale('auto', 'es')).toBe('es');
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('auto', 'estonian-nonsense')).toBe('en');
    expect(resolveLocale('en', 'es-ES')).toBe('en');
    expect(resolveLocale('es', 'de')).toBe('es');
  });

  it('fills placeholders and picks plural forms, with numbers formatted for the locale', () => {
    expect(translate(cat, 'es', 'hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(plural(cat, 'en', 'rules', 1)).toBe('1 rule');
    expect(plural(cat, 'es', 'rules', 1234)).toBe('1234 reglas');
    expect(plural(cat, 'en', 'rules', 1234)).toBe('1,234 rules');
  });

  it('formats numbers and calendar dates per locale', () => {
    expect(formatNumber('es', 1234567.5)).toBe('1.234.567,5');
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
    expect(formatCalendarDate('en', '2026-11-29')).toBe('Nov 29, 2026');
    expect(formatCalendarDate('es', '2026-11-29')).toBe('29 nov 2026');
  });
});

describe('global table', () => {
  it('has the same keys in English and Spanish', async () => {
    const { allKeys } = await import('./i18n.ts');
    expect(allKeys('es').sort()).toEqual(allKeys('en').sort());
  });

  it('translates with the locale set, falling back to the key when missing', async () => {
    const { setLocale, t, getLocale } = await import('./i18n.ts');
    setLocale('es');
    expect(getLocale()).toBe('es');
    expect(t('no.such.key')).toBe('no.such.key');
    setLocale('en');
  });
});
