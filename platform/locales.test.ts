import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The manifest's own strings (public/_locales): every message in English exists in Spanish and back. */
describe('_locales', () => {
  const read = (locale: string) =>
    JSON.parse(readFileSync(new URL(`../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;

  it('has the same messages in en and es, none empty', () => {
    const en = read('en');
    const es = read('es');
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries({ ...en, ...es })) expect(value.message.trim(), key).not.toBe('');
  });

  it('covers every __MSG_ placeholder the manifest uses', () => {
    const config = readFileSync(new URL('../wxt.config.ts', import.meta.url), 'utf8');
    const used = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) expect(Object.keys(read('en')), key).toContain(key);
  });
});
