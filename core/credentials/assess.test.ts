import { describe, expect, it } from 'vitest';
import type { CredentialResult, Category } from '../findings.ts';
import type { Match, TextBlock, Zone } from '../engine/types.ts';
import { assessCredentialNeed } from './assess.ts';

const blocks: TextBlock[] = [
  { text: 'Tramadol 50mg 100 tablets — fast shipping', where: 'visible', zone: 'listing' },
  { text: 'Pharmacy · Prescriptions · Health', where: 'visible', zone: 'page' },
];

function match(term: string, category: Category, zone: Zone, rxOnly = false): Match {
  const block = zone === 'listing' ? 0 : 1;
  return {
    ruleId: `test.${term}`,
    term,
    category,
    severity: 'high',
    matched: term,
    where: 'visible',
    context: term,
    zone,
    tricks: [],
    explanation: term,
    block,
    start: 0,
    end: term.length,
    tier: 'B',
    packId: 'test',
    packVersion: '1.0.0',
    rxOnly,
  };
}

const cred = (type: string, status: CredentialResult['status'], value = 'x'): CredentialResult => ({ type, value, status, reason: 'r' });
const assess = (matches: Match[], credentials: CredentialResult[] = [], pageType: 'item' | 'search' | 'other' = 'item') =>
  assessCredentialNeed({ matches, credentials, blocks, pageType });

describe('assessCredentialNeed', () => {
  it('a prescription-only drug in the listing requires a credential; none shown is missing', () => {
    const r = assess([match('tramadol', 'opioid', 'listing', true)]);
    expect(r).toMatchObject({ credentialRequired: true, missingCredential: true });
    expect(r.reason).toContain('sells prescription-only drugs (tramadol)');
  });

  it.each(['opioid', 'benzodiazepine', 'stimulant', 'steroid', 'precursor', 'ghb'] as const)(
    'a controlled-substance category (%s) in the listing requires a credential',
    (category) => {
      expect(assess([match('x', category, 'listing')]).credentialRequired).toBe(true);
    },
  );

  it('rx-drug and rx-without-prescription categories count as prescription-only', () => {
    expect(assess([match('semaglutide', 'rx-drug', 'listing')]).credentialRequired).toBe(true);
    expect(assess([match('no prescription needed', 'rx-without-prescription', 'listing')]).credentialRequired).toBe(true);
  });

  it('a listing presenting itself as a pharmacy requires a credential', () => {
    const r = assess([match('online pharmacy', 'pharmacy-claim', 'listing')]);
    expect(r.credentialRequired).toBe(true);
    expect(r.reason).toContain('presents itself as a pharmacy (online pharmacy)');
  });

  it('a marketplace menu link to its pharmacy does not make the listing a pharmacy (issue #10)', () => {
    const r = assess([match('Amazon Pharmacy', 'pharmacy-claim', 'page'), match('prescriptions', 'rx-drug', 'page', true)]);
    expect(r).toMatchObject({ credentialRequired: false, missingCredential: false });
    expect(r.reason).toContain('are page chrome, not the listing');
  });

  it('the block’s zone decides when a match points at a known block', () => {
    const m = { ...match('Pharmacy', 'pharmacy-claim', 'listing'), block: 1 }; // block 1 is page chrome
    expect(assess([m]).credentialRequired).toBe(false);
  });

  it('weighs hidden text by its zone: cloaking in the listing, hidden menus in the chrome (core/verdict.ts)', () => {
    const hiddenInListing = { ...match('oxycodone', 'opioid', 'listing', true), where: 'hidden' as const };
    expect(assess([hiddenInListing]).credentialRequired).toBe(true);
    const hiddenMenu = { ...match('oxycodone', 'opioid', 'page', true), where: 'hidden' as const };
    expect(assess([hiddenMenu]).credentialRequired).toBe(false);
  });

  it('evasion and paraphernalia alone do not call for a pharmacy credential', () => {
    expect(assess([match('stealth shipping', 'evasion', 'listing'), match('pill press', 'paraphernalia', 'listing')]).credentialRequired).toBe(false);
  });

  it.each([
    ['legitscript', 'valid'],
    ['dea', 'unverified'],
    ['npi', 'unverified'],
    ['nabp-pharmacy-domain', 'valid'],
    ['cn-drug-trading-licence', 'unverified'],
    ['es-aemps', 'unverified'],
  ] as const)('a %s credential (%s) answers the need', (type, status) => {
    const r = assess([match('tramadol', 'opioid', 'listing', true)], [cred(type, status)]);
    expect(r).toMatchObject({ credentialRequired: true, missingCredential: false });
    expect(r.reason).toContain(`${type} x (${status})`);
  });

  it('only invalid seller credentials leave it missing, and the reason says why', () => {
    const r = assess([match('oxycodone', 'opioid', 'listing', true)], [{ type: 'dea', value: 'FB1234564', status: 'invalid', reason: 'check digit is 4' }]);
    expect(r.missingCredential).toBe(true);
    expect(r.reason).toContain('invalid: dea FB1234564 (check digit is 4)');
  });

  it('product registrations, identities and the platform’s filing do not answer the need', () => {
    const r = assess(
      [match('tramadol', 'opioid', 'listing', true)],
      [cred('co-invima', 'unverified'), cred('cn-credit-code', 'unverified'), cred('cn-platform-filing', 'unverified'), cred('unknown-type', 'valid')],
    );
    expect(r.missingCredential).toBe(true);
    expect(r.reason).toContain('product registrations approve the product');
    expect(r.reason).toContain('company identities');
    expect(r.reason).toContain("platform's own filing");
  });

  it('a Chinese shop footer with licences and no drug listing needs nothing', () => {
    const r = assess([], [cred('cn-platform-filing', 'unverified'), cred('cn-internet-drug-info', 'unverified')]);
    expect(r).toMatchObject({ credentialRequired: false, missingCredential: false });
  });

  it('on a search page the need is per listed item', () => {
    const r = assess([match('tramadol', 'opioid', 'listing', true)], [cred('dea', 'unverified')], 'search');
    expect(r.reason).toContain('a listed item sells');
    expect(r.reason).toContain('check each seller');
  });

  it('names at most three terms and counts the rest', () => {
    const terms = ['a', 'b', 'c', 'd', 'e'].map((t) => match(t, 'rx-drug', 'listing', true));
    expect(assess(terms).reason).toContain('(a, b, c and 2 more)');
  });
});
