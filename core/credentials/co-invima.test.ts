import { describe, expect, it } from 'vitest';
import { coInvima, validateInvima } from './co-invima.ts';

const now = new Date('2026-11-29T00:00:00Z');
const ctx = { url: null, host: null, site: null, now };

describe('validateInvima', () => {
  it.each([
    ['INVIMA 2015M-0016284', 'INVIMA 2015M-0016284'],
    ['invima 2008m-0008144-r1', 'INVIMA 2008M-0008144-R1'],
    ['2015M-0016284', 'INVIMA 2015M-0016284'],
    ['INVIMA 2015 M - 0016284', 'INVIMA 2015M-0016284'],
    ['ＩＮＶＩＭＡ　２０１５Ｍ－００１６２８４', 'INVIMA 2015M-0016284'],
  ])('%s is unverified as %s', (written, value) => {
    const r = validateInvima(written, now);
    expect(r).toMatchObject({ status: 'unverified', value });
    expect(r.reason).toContain('consultaregistro.invima.gov.co');
  });

  it.each([
    ['INVIMA 2015M-016', /sequence has 3 digits/],
    ['INVIMA 2015M-00162841', /sequence has 8 digits/],
    ['INVIMA 2031M-0016284', /year 2031 is impossible/],
    ['INVIMA 1985M-0016284', /year 1985/],
    ['INVIMA 2015DM-0016284', /not a medicine registro sanitario/],
  ])('%s is invalid', (written, reason) => {
    expect(validateInvima(written, now)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(reason) });
  });
});

describe('INVIMA extraction', () => {
  const find = (t: string) => (coInvima.fromText?.(t, ctx) ?? []).map((r) => `${r.status} ${r.value}`);
  it('reads numbers after INVIMA or a registro sanitario label', () => {
    expect(find('Acetaminofén 500 mg · Registro Sanitario INVIMA 2015M-0016284')).toContain('unverified INVIMA 2015M-0016284');
    expect(find('Reg. San. INVIMA2008M-0008144-R1')).toEqual(['unverified INVIMA 2008M-0008144-R1']);
    expect(find('Registro sanitario: 2015M-0016284')).toEqual(['unverified INVIMA 2015M-0016284']);
  });
  it('does not read a Mexican SSA registration or a bare year-M number', () => {
    expect(find('Registro Sanitario 1234M2015 SSA IV')).toEqual([]);
    expect(find('Talla 2015M-0016284')).toEqual([]);
  });
});
