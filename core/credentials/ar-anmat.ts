/**
 * Argentina, ANMAT. Pharmacies are licensed by the provinces; ANMAT approves products and runs the
 * national traceability system, where every pharmacy is identified by a GS1 Global Location Number.
 * - `ar-anmat-product`: "Especialidad medicinal autorizada por el Ministerio de Salud. Certificado N°
 *   52.340" (a product certificate, up to 6 digits, often with a thousands dot) and "Disposición ANMAT
 *   N° 1234/17" (an ANMAT decision, number/year). Product approvals, not seller licences.
 * - `ar-anmat`: a labelled GLN (13 digits, GS1 check digit; Argentine GS1 prefixes start 779) — the
 *   establishment's identity in ANMAT's traceability system, the closest thing to a pharmacy number
 *   ANMAT issues.
 * No check digit exists for certificates and dispositions; they are unverified until looked up.
 */
import type { CredentialResult } from '../findings.ts';
import { anyCase, findLabelled, stripSeparators } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const AR_ANMAT_TYPE = 'ar-anmat';
export const AR_ANMAT_PRODUCT_TYPE = 'ar-anmat-product';
// † ANMAT's site; its Vademécum Nacional de Medicamentos searches by certificate number.
const LOOKUP = 'https://www.argentina.gob.ar/anmat';

/** GS1 check digit (GTIN/GLN): weights 3,1,3,… from the right of the payload. */
export function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const d = Number(payload[payload.length - 1 - i]);
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

export function validateAnmatCertificate(written: string): CredentialResult {
  const value = stripSeparators(written);
  const shown = `Certificado N° ${value}`;
  if (!/^\d{1,6}$/.test(value)) return invalid(AR_ANMAT_PRODUCT_TYPE, shown, 'a certificate number is 1 to 6 digits');
  return unverified(AR_ANMAT_PRODUCT_TYPE, shown, `format correct; a product certificate, not a seller licence; confirm at ${LOOKUP}`);
}

export function validateAnmatDisposition(written: string, now: Date): CredentialResult {
  const value = written.replace(/\s+/g, '').replace(/\./g, '');
  const shown = `Disposición ANMAT N° ${value}`;
  const m = /^(\d{1,5})\/(\d{2}|\d{4})$/.exec(value);
  if (!m) return invalid(AR_ANMAT_PRODUCT_TYPE, shown, 'a disposición is number/year, e.g. 1234/2017');
  const year = m[2] ?? '';
  const fullYear = year.length === 2 ? (Number(year) > now.getUTCFullYear() % 100 ? 1900 : 2000) + Number(year) : Number(year);
  if (fullYear < 1992 || fullYear > now.getUTCFullYear()) {
    return invalid(AR_ANMAT_PRODUCT_TYPE, shown, `year ${year} is impossible: ANMAT was created in 1992`);
  }
  return unverified(AR_ANMAT_PRODUCT_TYPE, shown, `format correct; an ANMAT decision, not a seller licence; confirm at ${LOOKUP}`);
}

export function validateGln(written: string): CredentialResult {
  const value = stripSeparators(written);
  if (!/^\d{13}$/.test(value)) return invalid(AR_ANMAT_TYPE, `GLN ${value}`, `wrong length: ${value.length} digits, a GLN has 13`);
  const expected = gs1CheckDigit(value.slice(0, 12));
  if (Number(value[12]) !== expected) {
    return invalid(AR_ANMAT_TYPE, `GLN ${value}`, `GS1 check digit is ${value[12]}, the number calls for ${expected}`);
  }
  const origin = value.startsWith('779') ? 'Argentine GS1 prefix' : 'not an Argentine GS1 prefix (779)';
  return unverified(
    AR_ANMAT_TYPE,
    `GLN ${value}`,
    `check digit correct (${origin}); confirm the establishment in ANMAT's traceability system (${LOOKUP})`,
  );
}

const CERT_LABEL = `${anyCase('certificado')}\\s*(?:N[°ºo]\\.?|Nro\\.?|N[uú]m(?:ero)?\\.?)`;
const DISP_LABEL = `(?:${anyCase('disposici')}[oó]n|Disp\\.)\\s*ANMAT\\s*(?:N[°ºo]\\.?|Nro\\.?)?`;
const GLN_LABEL = String.raw`\bGLN\b`;
// "Certificado N°" and "GLN" are generic words; they are read as ANMAT's only where the block says so.
const ANMAT_CONTEXT = /ANMAT|[Ee]specialidad [Mm]edicinal|Ministerio de Salud/;
const PHARMACY_CONTEXT = /ANMAT|[Ff]armacia|FARMACIA|[Tt]razabilidad/;

export const arAnmatProduct: CredentialType = {
  id: AR_ANMAT_PRODUCT_TYPE,
  kind: 'product',
  name: 'Argentina ANMAT product certificate / disposición',
  hint: /ANMAT|[Ee]specialidad [Mm]edicinal|Ministerio de Salud/,
  fromText: (text, ctx) => [
    ...(ANMAT_CONTEXT.test(text) ? findLabelled(text, CERT_LABEL, String.raw`\d{1,3}(?:\.\d{3})+|\d{1,9}`, 6) : []).map((v) =>
      validateAnmatCertificate(v.raw),
    ),
    ...findLabelled(text, DISP_LABEL, String.raw`\d{1,2}(?:\.?\d{1,3})?\s?/\s?\d{2,4}`, 6).map((v) => validateAnmatDisposition(v.raw, ctx.now)),
  ],
};

export const arAnmat: CredentialType = {
  id: AR_ANMAT_TYPE,
  kind: 'seller',
  name: 'Argentina pharmacy GLN (ANMAT traceability)',
  hint: /\bGLN\b/,
  fromText: (text) =>
    (PHARMACY_CONTEXT.test(text) ? findLabelled(text, GLN_LABEL, String.raw`\d{13}|\d[\d ]{8,20}\d`, 12) : []).map((v) => validateGln(v.raw)),
};
