/**
 * Mexico, COFEPRIS. Two kinds of number:
 * - `mx-cofepris`: the establishment's licencia sanitaria (required for pharmacies handling narcotics
 *   and psychotropics) or aviso de funcionamiento. Their numbers follow no published format and carry
 *   no check digit, so a labelled number is unverified; only establishments holding one may sell
 *   medicines online.
 * - `mx-cofepris-product`: a product's registro sanitario as printed on packs and listings,
 *   "Reg. No. 123M2015 SSA IV": a sequence number, a letter for the product class (M for allopathic
 *   medicines), the year (2 or 4 digits), "SSA" and the group I–VI of Ley General de Salud art. 226
 *   (I–III are controlled: narcotics and psychotropics, sold only against a retained prescription).
 *   The letter and group meanings are as commonly documented †(not checked against a COFEPRIS text).
 */
import type { CredentialResult } from '../findings.ts';
import { anyCase, findLabelled, findStandalone } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const MX_COFEPRIS_TYPE = 'mx-cofepris';
export const MX_COFEPRIS_PRODUCT_TYPE = 'mx-cofepris-product';
const LOOKUP = 'https://www.gob.mx/cofepris';
// † The public search of registros sanitarios, as linked from COFEPRIS's site.
const PRODUCT_LOOKUP =
  'https://tramiteselectronicos02.cofepris.gob.mx/BuscadorPublicoRegistrosSanitarios/BusquedaRegistroSanitario.aspx';
const GROUPS = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export function validateCofeprisProduct(written: string, now: Date): CredentialResult {
  const value = written.normalize('NFKC').toUpperCase().replace(/\s+/g, ' ').trim();
  const m = /^(\d{1,6}) ?([A-Z]{1,2}) ?(\d{2}|\d{4}) ?SSA(?: ?([IVX]{1,4}))?$/.exec(value);
  if (!m) return invalid(MX_COFEPRIS_PRODUCT_TYPE, value, 'not a registro sanitario: expected e.g. "123M2015 SSA IV"');
  const [, , , year = '', group] = m;
  if (year.length === 4 && (Number(year) < 1950 || Number(year) > now.getUTCFullYear())) {
    return invalid(MX_COFEPRIS_PRODUCT_TYPE, value, `year ${year} is impossible for a registration`);
  }
  if (group !== undefined && !GROUPS.includes(group)) {
    return invalid(MX_COFEPRIS_PRODUCT_TYPE, value, `group ${group} does not exist: medicines are in groups I–VI`);
  }
  const controlled =
    group !== undefined && GROUPS.indexOf(group) <= 2
      ? `; group ${group} is a controlled medicine (narcotic/psychotropic) that needs a retained prescription`
      : '';
  return unverified(
    MX_COFEPRIS_PRODUCT_TYPE,
    value,
    `format correct${controlled}; a product registration, not a seller licence; confirm at ${PRODUCT_LOOKUP}`,
  );
}

export function validateCofeprisLicence(written: string): CredentialResult {
  const value = written.toUpperCase().replace(/\s+/g, ' ').trim();
  const digits = value.replace(/\D/g, '').length;
  if (digits < 4) return invalid(MX_COFEPRIS_TYPE, value, 'too short to be a licence or notice number');
  return unverified(
    MX_COFEPRIS_TYPE,
    value,
    `licencia sanitaria / aviso de funcionamiento numbers have no published format or check digit; confirm with COFEPRIS (${LOOKUP})`,
  );
}

// As printed: no spaces inside "471M2001", upper case, so "5 x 10 SSA" (or a US SSA form) is not read.
const PRODUCT = String.raw`\d{1,6}[A-Z]{1,2}(?:\d{4}|\d{2}) ?SSA(?: ?[IVX]{1,4})?`;
const LICENCE_LABEL = [anyCase('licencia sanitaria'), anyCase('aviso de funcionamiento')].join('|');
// Digit groups, optionally separated by short letter groups ("09 AM 15 0012"), never a whole word.
const LICENCE_VALUE = String.raw`(?:[A-Z]{1,3}[ -]?)?\d[\dA-Z]*(?:[ /-](?:[A-Z]{1,3}[ /-])?\d[\dA-Z]*)*`;

export const mxCofepris: CredentialType = {
  id: MX_COFEPRIS_TYPE,
  kind: 'seller',
  name: 'Mexico COFEPRIS licencia sanitaria / aviso de funcionamiento',
  hint: new RegExp(LICENCE_LABEL, 'u'),
  fromText: (text) => findLabelled(text, LICENCE_LABEL, LICENCE_VALUE).map((v) => validateCofeprisLicence(v.raw)),
};

export const mxCofeprisProduct: CredentialType = {
  id: MX_COFEPRIS_PRODUCT_TYPE,
  kind: 'product',
  name: 'Mexico COFEPRIS registro sanitario (product)',
  hint: /SSA/i,
  fromText: (text, ctx) => findStandalone(text, PRODUCT).map((v) => validateCofeprisProduct(v.raw, ctx.now)),
};
