import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_NAMES, applyManaged, isLocked } from './managed.ts';
import { defaultSettings } from './schema.ts';

describe('applyManaged', () => {
  it('forces policy values and locks their paths', () => {
    const effective = applyManaged(defaultSettings(), {
      reportEndpoint: 'https://cases.example.org/intake',
      marketplaces: ['shop.example.org'],
      disabledPacks: ['core-es'],
      locale: 'es',
    });
    expect(effective.settings.submission.endpoint).toBe('https://cases.example.org/intake');
    expect(effective.settings.sites.marketplaces).toEqual(['shop.example.org']);
    expect(effective.settings.packsEnabled).toEqual({ 'core-es': false });
    expect(effective.settings.locale).toBe('es');
    expect(effective.locked).toEqual(['locale', 'packsEnabled', 'sites.marketplaces', 'submission.endpoint']);
    expect(effective.problems).toEqual([]);
    expect(isLocked(effective.locked, 'packsEnabled.core-en')).toBe(true);
    expect(isLocked(effective.locked, 'sites.allow')).toBe(false);
  });

  it('ignores and reports invalid or unknown policies without touching the settings', () => {
    const effective = applyManaged(defaultSettings(), {
      reportEndpoint: 'ftp://cases.example.org',
      marketplaces: ['ok.example.org', 'bad domain'],
      colour: 'blue',
    });
    expect(effective.settings).toEqual(defaultSettings());
    expect(effective.locked).toEqual([]);
    expect(effective.problems.map((p) => p.policy)).toEqual(['reportEndpoint', 'marketplaces', 'colour']);
    expect(effective.problems[1]?.problem).toContain('at 1');
  });

  it('does nothing without a policy', () => {
    expect(applyManaged(defaultSettings(), undefined).locked).toEqual([]);
  });
});

describe('managed_schema.json', () => {
  it('declares exactly the policies the extension reads', () => {
    const schema = JSON.parse(readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_NAMES].sort());
  });
});
