import { describe, expect, it } from 'vitest';
import { countTerms, diffPacks } from './diff.ts';
import { makePack, makeRule } from '../../test/fixtures/packs.ts';

describe('diffPacks', () => {
  const v1 = makePack('1.0.0', [
    makeRule('opioid.oxycodone', { en: ['oxycodone', 'oxy'], es: ['oxicodona'] }),
    makeRule('opioid.fentanyl', { en: ['fentanyl'] }),
  ]);

  it('reports a first install as all rules and terms added', () => {
    const diff = diffPacks(null, v1);
    expect(diff.fromVersion).toBeNull();
    expect(diff.rulesAdded).toEqual(['opioid.fentanyl', 'opioid.oxycodone']);
    expect(diff.termsAdded).toBe(4);
    expect(diff.termsRemoved).toBe(0);
  });

  it('finds added, removed and changed rules with their term changes', () => {
    const v2 = makePack('1.1.0', [
      makeRule('opioid.oxycodone', { en: ['oxycodone', 'oxys'], es: ['oxicodona'] }, { severity: 'medium' }),
      makeRule('stimulant.cocaine', { en: ['cocaine'], es: ['cocaína'] }),
    ]);
    const diff = diffPacks(v1, v2);
    expect(diff).toEqual({
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      rulesAdded: ['stimulant.cocaine'],
      rulesRemoved: ['opioid.fentanyl'],
      rulesChanged: [
        {
          id: 'opioid.oxycodone',
          fields: ['severity', 'terms'],
          termsAdded: [{ language: 'en', term: 'oxys' }],
          termsRemoved: [{ language: 'en', term: 'oxy' }],
        },
      ],
      termsAdded: 3,
      termsRemoved: 2,
    });
  });

  it('ignores key order and reports nothing for an identical pack', () => {
    const reordered = makePack('1.0.1', [
      makeRule('opioid.fentanyl', { en: ['fentanyl'] }),
      makeRule('opioid.oxycodone', { es: ['oxicodona'], en: ['oxycodone', 'oxy'] }, { canonical: 'oxycodone' }),
    ]);
    const diff = diffPacks(v1, reordered);
    expect(diff.rulesAdded).toEqual([]);
    expect(diff.rulesRemoved).toEqual([]);
    expect(diff.rulesChanged).toEqual([]);
  });

  it('treats the same term moved to another language as removed and added', () => {
    const moved = makePack('1.0.2', [
      makeRule('opioid.oxycodone', { intl: ['oxycodone'], en: ['oxy'], es: ['oxicodona'] }),
      makeRule('opioid.fentanyl', { en: ['fentanyl'] }),
    ]);
    const change = diffPacks(v1, moved).rulesChanged[0];
    expect(change?.termsAdded).toEqual([{ language: 'intl', term: 'oxycodone' }]);
    expect(change?.termsRemoved).toEqual([{ language: 'en', term: 'oxycodone' }]);
  });

  it('counts terms across languages', () => {
    expect(countTerms(v1)).toBe(4);
  });
});
