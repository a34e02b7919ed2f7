import { describe, expect, it } from 'vitest';
import { deaCheckDigit, dea, validateDea } from './dea.ts';

const ctx = { url: null, host: null, site: null, now: new Date('2026-11-29T00:00:00Z') };

describe('validateDea', () => {
  it.each([
    ['F91234563', 'business address (9), the standard example'],
    ['AB1234563', 'pre-1985 practitioner series'],
    ['BJ6125341', 'surname initial J'],
    ['MX1234563', 'mid-level practitioner'],
    ['f91234563', 'lower case is read as upper case'],
    ['F9-1234563', 'hyphen after the letters'],
    ['ＦＡ１２３４５６３', 'fullwidth letters and digits'],
  ])('%s is unverified: check digit passes (%s)', (written) => {
    const r = validateDea(written);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain('check digit correct');
    expect(r.reason).toContain('deadiversion.usdoj.gov');
    expect(r.value).toMatch(/^[A-Z][A-Z9]\d{7}$/);
  });

  it.each([
    ['F91234564', /check digit is 4, the first six digits call for 3/],
    ['AB1234560', /check digit is 0/],
    ['F9123456', /wrong length: 6 digits/],
    ['F912345631', /wrong length: 8 digits/],
    ['Z91234563', /first letter Z is not a DEA registrant type/],
    ['Q91234563', /first letter Q/],
    ['1F1234563', /not a DEA number/],
    ['F81234563', /second character 8 must be the surname initial or 9/],
  ])('%s is invalid', (written, reason) => {
    const r = validateDea(written);
    expect(r.status).toBe('invalid');
    expect(r.reason).toMatch(reason);
  });

  it('computes the check digit as (d1+d3+d5) + 2×(d2+d4+d6), units digit', () => {
    expect(deaCheckDigit('123456')).toBe(3); // 1+3+5 = 9; 2×(2+4+6) = 24; 33
    expect(deaCheckDigit('612534')).toBe(1); // 6+2+3 = 11; 2×(1+5+4) = 20; 31
  });
});

describe('DEA extraction from text', () => {
  const find = (text: string) => dea.fromText?.(text, ctx) ?? [];

  it.each([
    'DEA # F91234563',
    'DEA Reg. No.: F91234563',
    'Our DEA registration number is F91234563.',
    'Drug Enforcement Administration registration F91234563',
  ])('reads the number next to its label: %s', (text) => {
    expect(find(text).map((r) => r.value)).toEqual(['F91234563']);
  });

  it('reports a labelled number of the wrong length as invalid rather than skipping it', () => {
    expect(find('DEA: F9123456')).toEqual([expect.objectContaining({ status: 'invalid', value: 'F9123456' })]);
  });

  it('ignores a DEA-shaped string with no label (a SKU or model number)', () => {
    expect(find('Model FG1234563, SKU AB1234563')).toEqual([]);
  });

  it('ignores the Italian word "dea" and numbers past another number', () => {
    expect(find('la dea F91234563')).toEqual([]);
    expect(find('DEA 2024 AB1234563')).toEqual([]);
  });
});
