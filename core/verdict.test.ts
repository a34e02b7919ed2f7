import { describe, expect, it } from 'vitest';
import type { Match } from './engine/types.ts';
import { decideVerdict } from './verdict.ts';

function match(overrides: Partial<Match>): Match {
  return {
    ruleId: 'r', term: 't', category: 'opioid', severity: 'high', matched: 't', where: 'visible', zone: 'listing',
    context: 't', tricks: [], explanation: '', block: 0, start: 0, end: 1, tier: 'A', packId: 'p', packVersion: '1.0.0',
    rxOnly: false, ...overrides,
  };
}

describe('decideVerdict', () => {
  it('is clear without findings', () => {
    expect(decideVerdict({ matches: [], missingCredential: false }).verdict).toBe('clear');
  });
  it('makes a high finding in the listing a violation', () => {
    expect(decideVerdict({ matches: [match({})], missingCredential: false }).verdict).toBe('violation');
  });
  it('weighs findings in page chrome far less', () => {
    expect(decideVerdict({ matches: [match({ zone: 'page' })], missingCredential: false }).verdict).toBe('clear');
    const many = ['a', 'b', 'c', 'd'].map((term) => match({ zone: 'page', ruleId: term, term }));
    expect(decideVerdict({ matches: many, missingCredential: false }).verdict).toBe('review');
  });
  it('weighs hidden text by its zone: cloaking in the listing, hidden menus in the chrome', () => {
    expect(decideVerdict({ matches: [match({ zone: 'listing', where: 'hidden' })], missingCredential: false }).verdict).toBe('violation');
    expect(decideVerdict({ matches: [match({ zone: 'page', where: 'hidden' })], missingCredential: false }).verdict).toBe('clear');
  });
  it('escalates a prescription drug offered without prescription or credential', () => {
    const rx = match({ category: 'rx-drug', severity: 'medium', rxOnly: true, tier: 'B' });
    expect(decideVerdict({ matches: [rx], missingCredential: false }).verdict).toBe('review');
    expect(decideVerdict({ matches: [rx], missingCredential: true }).verdict).toBe('violation');
    const evasion = match({ category: 'evasion', severity: 'medium', ruleId: 'e', term: 'stealth shipping' });
    expect(decideVerdict({ matches: [rx, evasion], missingCredential: false }).verdict).toBe('violation');
  });
  it('counts a repeated word once', () => {
    const low = Array.from({ length: 10 }, () => match({ severity: 'low', category: 'pharmacy-claim' }));
    expect(decideVerdict({ matches: low, missingCredential: false }).verdict).toBe('clear');
    expect(decideVerdict({ matches: low, missingCredential: true }).verdict).toBe('review');
  });
});
