import { describe, expect, it } from 'vitest';
import { formatPack } from '../../core/rules/format.ts';
import { makePack, makeRule } from '../../test/fixtures/packs.ts';
import { selectActivePacks } from './active.ts';
import { bundledPacks } from './bundled.ts';

describe('selectActivePacks', () => {
  const bundled = [makePack('1.0.0', [makeRule('a.one', { en: ['one'] })], 'core'), makePack('1.0.0', [makeRule('b.two', { en: ['two'] })], 'extra')];
  const installed = [makePack('2.0.0', [makeRule('a.one', { en: ['uno'] })], 'core')];

  it('lets an installed pack replace the bundled one with its id, and drops disabled packs', () => {
    const active = selectActivePacks(bundled, installed, { customRules: '', packsEnabled: { extra: false } });
    expect(active.packs.map((p) => `${p.id}@${p.version}`)).toEqual(['core@2.0.0']);
    expect(active.problems).toEqual([]);
  });

  it('runs valid custom rules and reports invalid ones without running them', () => {
    const custom = formatPack(makePack('1.0.0', [makeRule('c.three', { en: ['three'] })], 'custom'));
    expect(selectActivePacks(bundled, [], { customRules: custom, packsEnabled: {} }).packs.map((p) => p.id)).toEqual(['core', 'custom', 'extra']);
    const broken = selectActivePacks(bundled, [], { customRules: custom.replace('"tier": "A"', '"tier": "Z"'), packsEnabled: {} });
    expect(broken.packs.map((p) => p.id)).toEqual(['core', 'extra']);
    expect(broken.problems[0]).toContain('$.rules[0].tier');
  });
});

describe('bundledPacks', () => {
  it('loads every pack shipped in rules/, all valid', () => {
    const packs = bundledPacks();
    expect(packs.length).toBeGreaterThan(0);
    expect(new Set(packs.map((p) => p.id)).size).toBe(packs.length);
  });
});
