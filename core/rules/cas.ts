/**
 * CAS registry numbers: up to ten digits in three parts, the last a check digit equal to
 * the sum of the other digits, each multiplied by its position counted from the right,
 * modulo 10 (CAS "Check Digit Verification of CAS Registry Numbers").
 */

export const CAS_FORMAT = /^(\d{2,7})-(\d{2})-(\d)$/;

export function isValidCas(cas: string): boolean {
  const parts = CAS_FORMAT.exec(cas);
  if (!parts) return false;
  const digits = `${parts[1]}${parts[2]}`;
  return casCheckDigit(digits) === Number(parts[3]);
}

/** The check digit for the digits before it. */
export function casCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += (digits.charCodeAt(digits.length - 1 - i) - 48) * (i + 1);
  }
  return sum % 10;
}
