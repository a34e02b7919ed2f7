import { describe, expect, it } from 'vitest';
import { casCheckDigit, casProblem, isValidCas } from './cas.ts';

describe('CAS check digits', () => {
  // From DOMAIN.md §2, each tied to its substance by an independent list.
  const valid = ['39742-60-4', '21409-26-7', '23056-29-3', '125541-22-2', '1609-66-1', '79099-07-3', '41232-97-7', '437-38-7', '96-48-0', '7732-18-5', '2785346-75-8'];
  it.each(valid)('accepts %s', (cas) => {
    expect(isValidCas(cas)).toBe(true);
    expect(casProblem(cas)).toBeNull();
  });

  it('computes the weighted sum from the right: 7732-18 (water) → 5', () => {
    // 8·1 + 1·2 + 2·3 + 3·4 + 7·5 + 7·6 = 105 → 5
    expect(casCheckDigit('773218')).toBe(5);
  });

  it('rejects the mistyped norfentanyl number from a public table (1609-66-5)', () => {
    expect(isValidCas('1609-66-5')).toBe(false);
    expect(casProblem('1609-66-5')).toBe('check digit is 5, but 1609-66 calls for 1');
  });

  it.each([
    ['79099073', 'not in the form'],
    ['79099-7-3', 'not in the form'],
    ['1-00-0', 'not in the form'],
    ['12345678-00-0', 'not in the form'],
    ['79099–07–3', 'not in the form'],
    ['05-00-0', 'starts with 0'],
    [' 79099-07-3', 'not in the form'],
  ])('rejects %s (%s)', (cas, why) => {
    expect(isValidCas(cas)).toBe(false);
    expect(casProblem(cas)).toContain(why);
  });

  it('catches every single-digit typo in the check digit', () => {
    for (let d = 0; d <= 9; d++) expect(isValidCas(`79099-07-${d}`)).toBe(d === 3);
  });
});
