/**
 * China, 药品经营许可证 (Drug Trading Licence), which every drug wholesaler and retailer — and every
 * online drug shop — must hold. Number: province abbreviation + two classification letters + a 4-digit
 * area code + a 5-digit sequence, e.g. 琼AA898000001. First letter: A wholesale, B retail chain
 * headquarters, C retail chain store, D single retail pharmacy; second letter: A legal-person, B
 * non-legal-person enterprise (药品经营许可证管理办法, 2004; kept by the 2023 measures †).
 *
 * A province character followed by letters and digits is common in other numbers too (licence plates
 * are 粤B12345), so the exact shape — 2 letters + 9 digits, standing alone — is required.
 */
import type { CredentialResult } from '../findings.ts';
import { CN_PROVINCES, CN_PROVINCE_CLASS, NMPA_LOOKUP } from './cn-provinces.ts';
import { findStandalone, toSimplifiedForCredentials } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const CN_DRUG_TRADING_LICENCE_TYPE = 'cn-drug-trading-licence';

const BUSINESS: Readonly<Record<string, string>> = {
  A: 'wholesale',
  B: 'retail chain headquarters',
  C: 'retail chain store',
  D: 'single retail pharmacy',
};
const ENTITY: Readonly<Record<string, string>> = { A: 'legal person', B: 'non-legal-person enterprise' };

export function validateDrugTradingLicence(written: string): CredentialResult {
  const value = toSimplifiedForCredentials(written.normalize('NFKC')).replace(/\s+/g, '').toUpperCase();
  const m = /^(.)([A-Z])([A-Z])(\d+)$/u.exec(value);
  if (!m) return invalid(CN_DRUG_TRADING_LICENCE_TYPE, value, 'not a licence number: expected e.g. 琼AA898000001');
  const [, province = '', business = '', entity = '', digits = ''] = m;
  if (CN_PROVINCES[province] === undefined) {
    return invalid(CN_DRUG_TRADING_LICENCE_TYPE, value, `${province} is not a provincial abbreviation`);
  }
  if (digits.length !== 9) {
    return invalid(CN_DRUG_TRADING_LICENCE_TYPE, value, `wrong length: ${digits.length} digits, licence numbers have 9 (area code + sequence)`);
  }
  const businessName = BUSINESS[business];
  const entityName = ENTITY[entity];
  if (businessName === undefined || entityName === undefined) {
    return invalid(
      CN_DRUG_TRADING_LICENCE_TYPE,
      value,
      `classification ${business}${entity} does not exist: first letter A–D (business), second A or B (entity)`,
    );
  }
  return unverified(
    CN_DRUG_TRADING_LICENCE_TYPE,
    value,
    `format correct (${CN_PROVINCES[province]}, ${businessName}, ${entityName}); confirm at ${NMPA_LOOKUP}`,
  );
}

// Any two letters and 7–11 digits when labelled (so a wrong class or length is reported); the bare
// pattern only in its exact valid shape.
const STRICT = String.raw`${CN_PROVINCE_CLASS}[A-D][AB]\d{9}`;
const LABELLED = String.raw`药品经营许可证(?:编号|证号|号)?\s*[:：]?\s*(${CN_PROVINCE_CLASS}[A-Za-z]{2}\d{7,11})`;

const LABELLED_RE = new RegExp(`${LABELLED}(?!\\d)`, 'gu');

export function findDrugTradingLicences(text: string): string[] {
  const found = findStandalone(text, STRICT, true).map((v) => v.raw);
  for (const m of text.matchAll(LABELLED_RE)) if (m[1] !== undefined) found.push(m[1]);
  return [...new Set(found)];
}

export const cnDrugTradingLicence: CredentialType = {
  id: CN_DRUG_TRADING_LICENCE_TYPE,
  kind: 'seller',
  name: 'China 药品经营许可证',
  hint: /[A-Za-z]{2}\d{7}/,
  fromText: (text) => findDrugTradingLicences(text).map(validateDrugTradingLicence),
};
