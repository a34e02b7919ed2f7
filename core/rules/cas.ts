/**
 * CAS registry numbers: "79099-07-3" is digits, two digits, one check digit. The check
 * digit is the sum of the other digits, each weighted by its position counted from the
 * right (1, 2, 3, ...), modulo 10. Public lists carry typos (DOMAIN.md: norfentanyl is
 * 1609-66-1, a table's 1609-66-5 fails), so packs and the engine both check it.
 */

const CAS_FORMAT = /^(\d{2,7})-(\d{2})-(\d)$/;

/** The check digit the first two blocks call for, e.g. "79099" + "07" → 3. */
export function casCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i + 1);
  }
  return sum % 10;
}

/** True when `s` is a well-formed CAS number ("NNNNNNN-NN-N") whose check digit is right. */
export function isValidCas(s: string): boolean {
  const m = CAS_FORMAT.exec(s);
  if (!m) return false;
  const [, first, second, check] = m as unknown as [string, string, string, string];
  // No CAS number starts with 0: "05-..." is not a registry number.
  if (first.startsWith('0')) return false;
  return casCheckDigit(first + second) === Number(check);
}

/** What is wrong with `s` as a CAS number, or null when it is valid. */
export function casProblem(s: string): string | null {
  const m = CAS_FORMAT.exec(s);
  if (!m) return 'not in the form NNNNNNN-NN-N (2–7 digits, 2 digits, 1 check digit)';
  const [, first, second, check] = m as unknown as [string, string, string, string];
  if (first.startsWith('0')) return 'the first block starts with 0';
  const want = casCheckDigit(first + second);
  if (want !== Number(check)) return `check digit is ${check}, but ${first}-${second} calls for ${want}`;
  return null;
}
