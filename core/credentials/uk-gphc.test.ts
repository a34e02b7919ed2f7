import { describe, expect, it } from 'vitest';
import { checkGphcLinks, ukGphc, validateGphc } from './uk-gphc.ts';

const ctx = { url: null, host: null, site: null, now: new Date('2026-11-29T00:00:00Z') };

describe('validateGphc', () => {
  it.each([
    ['1041234', 'pharmacy premises'],
    ['2054321', 'pharmacist'],
    ['5012345', 'pharmacy technician'],
    ['104 1234', 'pharmacy premises'],
    ['１０４１２３４', 'pharmacy premises'],
  ])('%s is unverified (%s)', (written, register) => {
    const r = validateGphc(written);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain(register);
    expect(r.reason).toContain('pharmacyregulation.org');
  });

  it.each([
    ['3041234', /start with 1 \(premises\), 2 \(pharmacist\) or 5/],
    ['104123', /wrong length: 6/],
    ['10412345', /wrong length: 8/],
  ])('%s is invalid', (written, reason) => {
    expect(validateGphc(written)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(reason) });
  });
});

describe('GPhC extraction', () => {
  const find = (text: string) => (ukGphc.fromText?.(text, ctx) ?? []).map((r) => `${r.status} ${r.value}`);
  it('reads labelled numbers', () => {
    expect(find('Registered with the General Pharmaceutical Council, registration number 1041234')).toEqual(['unverified 1041234']);
    expect(find('Superintendent pharmacist: J. Smith (GPhC 2054321)')).toEqual(['unverified 2054321']);
    expect(find('GPhC: 904123')).toEqual(['invalid 904123']);
  });
  it('ignores unlabelled 7-digit numbers', () => {
    expect(find('Company number 1041234')).toEqual([]);
  });
  it('reads the register number from the GPhC internet pharmacy logo link', () => {
    const links = [{ href: 'https://www.pharmacyregulation.org/registers/pharmacy/registrationnumber/1041234', text: 'GPhC registered pharmacy' }];
    expect(checkGphcLinks(links).map((r) => `${r.status} ${r.value}`)).toEqual(['unverified 1041234']);
    expect(checkGphcLinks([{ href: 'https://www.pharmacyregulation.org/standards', text: '' }])).toEqual([]);
  });
});
