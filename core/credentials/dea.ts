/**
 * US DEA registration numbers: 2 letters + 7 digits, the 7th a check digit.
 *
 * First letter, the registrant type (DEA registration record layout): A/B/F/G practitioners,
 * hospitals/clinics, pharmacies, teaching institutions (A was the original practitioner letter; B then
 * F then G followed as each ran out); M mid-level practitioners; P/R manufacturers, distributors,
 * researchers, labs, importers/exporters, narcotic treatment programs; X the former DATA-waiver
 * (buprenorphine) prescriber identifier, retired in 2023 but still seen on older pages.
 * H is accepted as the next practitioner letter after G †(reported, not confirmed in a DEA source).
 * Second letter: the registrant's surname initial, or 9 for a business address.
 * Check digit: (d1+d3+d5) + 2×(d2+d4+d6); its units digit equals d7 (F91234563 passes).
 *
 * Extraction needs a "DEA" label next to the number: SKUs and model numbers on marketplace pages
 * match the bare 2-letters-7-digits shape, and one in ten of those passes the check digit by chance.
 */
import type { CredentialResult } from '../findings.ts';
import { findLabelled } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const DEA_TYPE = 'dea';
const LOOKUP =
  'DEA Registration Validation (https://www.deadiversion.usdoj.gov/, registrant login required); ' +
  'a number with a correct check digit is trivial to invent';

const REGISTRANT_TYPES: Readonly<Record<string, string>> = {
  A: 'practitioner/pharmacy (pre-1985 series)',
  B: 'practitioner/hospital/pharmacy',
  F: 'practitioner/hospital/pharmacy',
  G: 'practitioner/hospital/pharmacy',
  H: 'practitioner/hospital/pharmacy',
  M: 'mid-level practitioner',
  P: 'manufacturer/distributor/researcher/narcotic treatment program',
  R: 'manufacturer/distributor/researcher/narcotic treatment program',
  X: 'DATA-waived prescriber (retired 2023)',
};

/** The check digit the first six digits call for. */
export function deaCheckDigit(sixDigits: string): number {
  const d = [...sixDigits].map(Number);
  const odd = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0);
  const even = (d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0);
  return (odd + 2 * even) % 10;
}

/** Checks one DEA number as written (case and a space or hyphen after the letters are tolerated). */
export function validateDea(written: string): CredentialResult {
  const value = written.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z][A-Z0-9]\d+$/.test(value)) {
    return invalid(DEA_TYPE, value, 'not a DEA number: expected 2 letters followed by 7 digits');
  }
  const digits = value.slice(2);
  if (digits.length !== 7) {
    return invalid(DEA_TYPE, value, `wrong length: ${digits.length} digits after the letters, DEA numbers have 7`);
  }
  const first = value[0] ?? '';
  const registrant = REGISTRANT_TYPES[first];
  if (registrant === undefined) {
    return invalid(DEA_TYPE, value, `first letter ${first} is not a DEA registrant type (A, B, F, G, H, M, P, R, X)`);
  }
  const second = value[1] ?? '';
  if (!/[A-Z9]/.test(second)) {
    return invalid(DEA_TYPE, value, `second character ${second} must be the surname initial or 9`);
  }
  const expected = deaCheckDigit(digits.slice(0, 6));
  if (Number(digits[6]) !== expected) {
    return invalid(DEA_TYPE, value, `check digit is ${digits[6]}, the first six digits call for ${expected}`);
  }
  return unverified(DEA_TYPE, value, `format and check digit correct (${registrant}); confirm at ${LOOKUP}`);
}

const LABEL = String.raw`\bDEA\b|[Dd]rug [Ee]nforcement [Aa]dministration`;
// Loose on purpose: a labelled number of the wrong length is reported as invalid, not ignored.
const VALUE = String.raw`[A-Za-z][A-Za-z0-9][ -]?\d{5,9}`;

export const dea: CredentialType = {
  id: DEA_TYPE,
  kind: 'seller',
  name: 'US DEA registration',
  hint: /DEA|[Dd]rug [Ee]nforcement/,
  fromText: (text) => findLabelled(text, LABEL, VALUE).map((v) => validateDea(v.raw)),
};
