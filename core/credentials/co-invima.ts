/**
 * Colombia, INVIMA registro sanitario for medicines: "INVIMA 2015M-0016284", optionally renewed
 * ("-R1", "-R2"). The 4 digits are the year of grant, M marks a medicine, then a 4–7 digit sequence.
 * Other INVIMA classes (DM devices, NSOC cosmetics, RSA foods) are not medicine registrations and are
 * not read here. No check digit: a well-formed number is unverified until looked up.
 */
import type { CredentialResult } from '../findings.ts';
import { anyCase, findLabelled, findStandalone } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const CO_INVIMA_TYPE = 'co-invima';
// † INVIMA's public register search.
const LOOKUP = 'https://consultaregistro.invima.gov.co/';

export function validateInvima(written: string, now: Date): CredentialResult {
  const value = written.normalize('NFKC').toUpperCase().replace(/^INVIMA\s*/, '').replace(/\s+/g, '');
  const m = /^(\d{4})M-?(\d+)(-R\d+)?$/.exec(value);
  const shown = `INVIMA ${value}`;
  if (!m) return invalid(CO_INVIMA_TYPE, shown, 'not a medicine registro sanitario: expected e.g. INVIMA 2015M-0016284');
  const [, year = '', sequence = ''] = m;
  if (sequence.length < 4 || sequence.length > 7) {
    return invalid(CO_INVIMA_TYPE, shown, `wrong length: the sequence has ${sequence.length} digits, expected 4 to 7`);
  }
  if (Number(year) < 1990 || Number(year) > now.getUTCFullYear()) {
    return invalid(CO_INVIMA_TYPE, shown, `year ${year} is impossible for an INVIMA registration`);
  }
  return unverified(CO_INVIMA_TYPE, shown, `format correct (medicine, granted ${year}); a product registration, not a seller licence; confirm at ${LOOKUP}`);
}

const CORE = String.raw`\d{4}\s?M\s?-?\s?\d{1,9}(?:-R\d+)?(?!\s?SSA)`; // never a Mexican "1234M2015 SSA"
const LABEL = [anyCase('registro sanitario'), String.raw`\bR\.?\s?S\.?(?=\s|:)`].join('|');

function findInvima(text: string): string[] {
  // "INVIMA 2015M-0016284" and "INVIMA2015M-0016284" stand alone; "Registro sanitario: 2015M-0016284" needs its label.
  const direct = findStandalone(text, String.raw`INVIMA\s?${CORE}`).map((v) => v.raw);
  const labelled = findLabelled(text, LABEL, CORE, 20).map((v) => v.raw);
  return [...direct, ...labelled];
}

export const coInvima: CredentialType = {
  id: CO_INVIMA_TYPE,
  kind: 'product',
  name: 'Colombia INVIMA registro sanitario',
  hint: new RegExp(`INVIMA|${LABEL}`, 'u'),
  fromText: (text, ctx) => findInvima(text).map((raw) => validateInvima(raw, ctx.now)),
};
