/**
 * US National Provider Identifier: 10 digits, first digit 1 (individual) or 2 (organisation, which
 * is what a pharmacy holds), last digit a Luhn check digit computed over "80840" + the first nine
 * digits (80840 is the ISO 7812 prefix for US health identifiers; it adds a constant 24 to the sum).
 * 1234567893 is the standard valid example.
 *
 * Extraction needs an "NPI" label: a bare 10-digit number is far more often a phone number, an order
 * id or a barcode than a provider identifier.
 */
import type { CredentialResult } from '../findings.ts';
import { findLabelled, stripSeparators } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const NPI_TYPE = 'npi';

/** Standard Luhn: true when the digit string (check digit last) passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function npiLookupUrl(npi: string): string {
  // The registry's JSON API answers the same question: https://npiregistry.cms.hhs.gov/api/?version=2.1&number=<npi>
  return `https://npiregistry.cms.hhs.gov/provider-view/${npi}`;
}

export function validateNpi(written: string): CredentialResult {
  const value = stripSeparators(written);
  if (!/^\d+$/.test(value)) return invalid(NPI_TYPE, value, 'an NPI is 10 digits');
  if (value.length !== 10) return invalid(NPI_TYPE, value, `wrong length: ${value.length} digits, an NPI has 10`);
  if (value[0] !== '1' && value[0] !== '2') {
    return invalid(NPI_TYPE, value, `an NPI starts with 1 (individual) or 2 (organisation), not ${value[0]}`);
  }
  if (!luhnValid(`80840${value}`)) {
    return invalid(NPI_TYPE, value, 'check digit wrong (Luhn over 80840 + the number)');
  }
  const holder = value[0] === '2' ? 'organisation' : 'individual';
  return unverified(
    NPI_TYPE,
    value,
    `format and check digit correct (${holder}); confirm the holder and, for a pharmacy, a pharmacy taxonomy at ${npiLookupUrl(value)}`,
  );
}

const LABEL = String.raw`\bNPI\b|[Nn]ational [Pp]rovider [Ii]dentifier`;
// Grouped 10-digit forms first, then any digit run, so a labelled number of the wrong length is
// reported as invalid rather than skipped, and a phone number after the NPI is never swallowed.
const VALUE = String.raw`\d{3}[ -]?\d{3}[ -]?\d{4}|\d{4}[ -]\d{3}[ -]\d{3}|\d{1,15}`;

export const npi: CredentialType = {
  id: NPI_TYPE,
  kind: 'seller',
  name: 'US National Provider Identifier',
  hint: /NPI|[Nn]ational [Pp]rovider/,
  fromText: (text) => findLabelled(text, LABEL, VALUE).map((v) => validateNpi(v.raw)),
};
