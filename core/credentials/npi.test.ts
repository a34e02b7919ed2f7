import { describe, expect, it } from 'vitest';
import { luhnValid, npi, validateNpi } from './npi.ts';

const ctx = { url: null, host: null, site: null, now: new Date('2026-11-29T00:00:00Z') };

describe('validateNpi', () => {
  it.each([
    ['1234567893', 'individual'],
    ['2987654326', 'organisation'],
    ['123-456-7893', 'individual'],
    ['123 456 7893', 'individual'],
    ['１２３４５６７８９３', 'individual'],
  ])('%s is unverified with the registry URL (%s)', (written, holder) => {
    const r = validateNpi(written);
    expect(r.status).toBe('unverified');
    expect(r.value).toMatch(/^\d{10}$/);
    expect(r.reason).toContain(holder);
    expect(r.reason).toContain(`https://npiregistry.cms.hhs.gov/provider-view/${r.value}`);
  });

  it.each([
    ['1234567890', /check digit wrong/],
    ['2987654321', /check digit wrong/],
    ['123456789', /wrong length: 9 digits/],
    ['12345678931', /wrong length: 11 digits/],
    ['3234567893', /starts with 1 \(individual\) or 2/],
    ['12345A7893', /10 digits/],
  ])('%s is invalid', (written, reason) => {
    const r = validateNpi(written);
    expect(r.status).toBe('invalid');
    expect(r.reason).toMatch(reason);
  });

  it('applies Luhn over the 80840 prefix, not over the bare number', () => {
    expect(luhnValid('808401234567893')).toBe(true);
    expect(luhnValid('1234567893')).toBe(false);
  });
});

describe('NPI extraction from text', () => {
  const find = (text: string) => (npi.fromText?.(text, ctx) ?? []).map((r) => `${r.status} ${r.value}`);

  it('reads labelled numbers and leaves a following phone number alone', () => {
    expect(find('NPI: 1234567893 Tel 555-1234')).toEqual(['unverified 1234567893']);
    expect(find('National Provider Identifier 2987654326')).toEqual(['unverified 2987654326']);
    expect(find('NPI # 123-456-7893')).toEqual(['unverified 1234567893']);
  });

  it('reports a labelled number of the wrong length', () => {
    expect(find('NPI 12345678')).toEqual(['invalid 12345678']);
  });

  it('does not take a bare 10-digit number for an NPI', () => {
    expect(find('Order 1234567893 shipped; call 2987654326')).toEqual([]);
  });
});
