import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION, envelope, migrate, repairSettings } from './repair.ts';
import { defaultSettings } from './schema.ts';

describe('repairSettings', () => {
  it('gives defaults and no repairs when nothing is stored', () => {
    const loaded = repairSettings(undefined);
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.repairs).toEqual([]);
    expect(loaded.fromVersion).toBeNull();
  });

  it('round-trips valid settings unchanged', () => {
    const settings = defaultSettings();
    settings.reviewer = { name: 'Ana', id: 'r-17' };
    settings.sites.deny = ['example.org'];
    const loaded = repairSettings(envelope(settings, 1));
    expect(loaded.settings).toEqual(settings);
    expect(loaded.repairs).toEqual([]);
  });

  it('repairs only the invalid fields, keeping the rest, and says what it did', () => {
    const settings = defaultSettings() as unknown as Record<string, unknown>;
    const stored = structuredClone(settings) as Record<string, Record<string, unknown>>;
    stored.reviewer = { name: 'Ana', id: 'r-17' };
    stored.appearance = { ...(stored.appearance as object), high: { colour: 'red', line: 'solid' } };
    stored.sites = { marketplaces: ['ebay.com', 'not a domain', 'etsy.com'], allow: [], deny: [] };
    stored.locale = 'fr' as never;
    (stored as Record<string, unknown>).legacyThing = 1;
    const loaded = repairSettings({ version: SETTINGS_VERSION, updatedAt: 1, settings: stored });
    expect(loaded.settings.reviewer).toEqual({ name: 'Ana', id: 'r-17' });
    expect(loaded.settings.appearance.high).toEqual({ colour: '#d93025', line: 'solid' });
    expect(loaded.settings.sites.marketplaces).toEqual(['ebay.com', 'etsy.com']);
    expect(loaded.settings.locale).toBe('auto');
    expect(loaded.repairs.map((r) => [r.path, r.action])).toEqual([
      ['locale', 'reset to default'],
      ['sites.marketplaces[1]', 'removed'],
      ['appearance.high.colour', 'reset to default'],
      ['legacyThing', 'dropped unknown setting'],
    ]);
    expect(loaded.repairs[2]?.problem).toContain('#d93025');
  });

  it('fills settings added since the data was stored without reporting them', () => {
    const partial = { locale: 'es', reviewer: { name: 'Luis', id: '' } };
    const loaded = repairSettings({ version: SETTINGS_VERSION, updatedAt: 1, settings: partial });
    expect(loaded.settings.locale).toBe('es');
    expect(loaded.settings.reviewer.name).toBe('Luis');
    expect(loaded.settings.sites).toEqual(defaultSettings().sites);
    expect(loaded.repairs).toEqual([]);
  });

  it('resets garbage to defaults with one repair, never throwing', () => {
    for (const junk of ['a string', 42, [1, 2], true]) {
      const loaded = repairSettings({ version: SETTINGS_VERSION, updatedAt: 1, settings: junk });
      expect(loaded.settings).toEqual(defaultSettings());
      expect(loaded.repairs.length).toBeGreaterThan(0);
    }
  });

  it('reads a bare, unversioned settings object as version 0', () => {
    const loaded = repairSettings({ locale: 'en' });
    expect(loaded.fromVersion).toBe(0);
    expect(loaded.settings.locale).toBe('en');
  });
});

describe('migrate', () => {
  const chain = {
    1: (s: Record<string, unknown>) => ({ ...s, colour: s.color, color: undefined }),
    2: (s: Record<string, unknown>) => ({ ...s, names: [s.name] }),
  };

  it('runs every step from the stored version to the current one, in order', () => {
    const out = migrate({ color: '#fff', name: 'a' }, 1, chain, 3);
    expect(out.settings).toEqual({ colour: '#fff', color: undefined, name: 'a', names: ['a'] });
    expect(out.repairs).toEqual([]);
  });

  it('starts from the stored version, skipping earlier steps', () => {
    expect(migrate({ name: 'b' }, 2, chain, 3).settings).toEqual({ name: 'b', names: ['b'] });
  });

  it('resets and reports when a step is missing or throws', () => {
    expect(migrate({}, 0, chain, 3).repairs[0]?.problem).toBe('no migration from settings version 0');
    const throwing = { 0: () => { throw new Error('boom'); } };
    expect(migrate({}, 0, throwing, 1).repairs[0]?.problem).toContain('boom');
  });

  it('leaves data from a newer version for field-by-field repair', () => {
    expect(migrate({ locale: 'en' }, 99, chain, 3)).toEqual({ settings: { locale: 'en' }, repairs: [] });
  });
});
