import { describe, expect, it } from 'vitest';
import { cnCreditCode, creditCodeCheckChar, validateCreditCode } from './cn-credit-code.ts';

const ctx = { url: null, host: null, site: null, now: new Date('2026-11-29T00:00:00Z') };

// Codes of well-known companies, from their public business licences.
const KNOWN = ['91330100799655058B', '9144030071526726XG', '914403001922038216', '91350100M000100Y43'];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(KNOWN)('%s passes the mod-31 check', (code) => {
    const r = validateCreditCode(code);
    expect(r.status).toBe('unverified');
    expect(r.reason).toContain('not a drug licence');
  });

  it('accepts lower case and fullwidth', () => {
    expect(validateCreditCode('9144030071526726xg').status).toBe('unverified');
    expect(validateCreditCode('９１３３０１００７９９６５５０５８Ｂ').status).toBe('unverified');
  });

  it.each([
    ['91330100799655058C', /check character is C, GB 32100-2015 calls for B/],
    ['9144030071526726XA', /calls for G/],
    ['91330100799655058', /wrong length: 17/],
    ['91330100799655058BB', /wrong length: 19/],
    ['9133010079965505IB', /I is not used/],
    ['91AB0100799655058B', /6-digit administrative division/],
  ])('%s is invalid', (code, reason) => {
    expect(validateCreditCode(code)).toMatchObject({ status: 'invalid', reason: expect.stringMatching(reason) });
  });

  it('computes the check character with weights 3^i mod 31', () => {
    expect(creditCodeCheckChar('91330100799655058')).toBe('B');
    expect(creditCodeCheckChar('9133010079965505I')).toBeNull();
  });

  it('reads labelled codes, including a label touching the code', () => {
    const find = (t: string) => (cnCreditCode.fromText?.(t, ctx) ?? []).map((r) => `${r.status} ${r.value}`);
    expect(find('统一社会信用代码：91330100799655058B')).toEqual(['unverified 91330100799655058B']);
    expect(find('营业执照信用代码91330100799655058B（浙江）')).toEqual(['unverified 91330100799655058B']);
    expect(find('运单号 91330100799655058B')).toEqual([]);
  });
});
