/**
 * UK (Great Britain) General Pharmaceutical Council registration numbers: 7 digits, the first digit
 * telling the register (NHS Data Dictionary): 1 pharmacy premises, 2 pharmacist, 5 pharmacy
 * technician. No check digit is published, so a well-formed number is unverified: the GPhC registers
 * are the check. The GPhC's voluntary internet pharmacy logo links to the premises' register entry
 * on pharmacyregulation.org; such a link is read like a labelled number.
 */
import type { CredentialResult } from '../findings.ts';
import type { PageLink } from '../engine/types.ts';
import { hostIsWithin, hostOf } from './domain.ts';
import { findLabelled, stripSeparators } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const UK_GPHC_TYPE = 'uk-gphc';
const LOOKUP = 'https://www.pharmacyregulation.org/registers';
const REGISTERS: Readonly<Record<string, string>> = {
  '1': 'pharmacy premises',
  '2': 'pharmacist',
  '5': 'pharmacy technician',
};

export function validateGphc(written: string): CredentialResult {
  const value = stripSeparators(written);
  if (!/^\d+$/.test(value)) return invalid(UK_GPHC_TYPE, value, 'a GPhC registration number is 7 digits');
  if (value.length !== 7) return invalid(UK_GPHC_TYPE, value, `wrong length: ${value.length} digits, GPhC numbers have 7`);
  const register = REGISTERS[value[0] ?? ''];
  if (register === undefined) {
    return invalid(UK_GPHC_TYPE, value, `GPhC numbers start with 1 (premises), 2 (pharmacist) or 5 (technician), not ${value[0]}`);
  }
  return unverified(UK_GPHC_TYPE, value, `format correct (${register}); confirm on the GPhC register at ${LOOKUP}`);
}

const LABEL = String.raw`\bGPhC\b|General Pharmaceutical Council|[Rr]egistered [Pp]harmacy (?:[Nn]umber|[Nn]o\b)`;
const VALUE = String.raw`\d{3}[ -]?\d{4}|\d{1,12}`;

export function checkGphcLinks(links: readonly PageLink[]): CredentialResult[] {
  const results: CredentialResult[] = [];
  for (const link of links) {
    const host = hostOf(link.href);
    if (host === null || !hostIsWithin(host, 'pharmacyregulation.org')) continue;
    const number = /(?:^|\/)(\d{7})(?:\/|$)/.exec(new URL(link.href.trim()).pathname);
    if (number?.[1] !== undefined) results.push(validateGphc(number[1]));
  }
  return results;
}

export const ukGphc: CredentialType = {
  id: UK_GPHC_TYPE,
  kind: 'seller',
  name: 'UK GPhC registration',
  hint: /GPhC|General Pharmaceutical Council|[Rr]egistered [Pp]harmacy/,
  fromText: (text) => findLabelled(text, LABEL, VALUE, 40).map((v) => validateGphc(v.raw)),
  fromLinks: checkGphcLinks,
};
