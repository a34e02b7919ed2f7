/**
 * China, 互联网药品信息服务资格证书 (Internet Drug Information Service Qualification Certificate),
 * required of every website or app that provides drug information and shown in its footer:
 * "(京)-非经营性-2023-0001" or "(浙)-经营性-2018-0011" — issuing province, 经营性 (commercial) or
 * 非经营性 (non-commercial), year of issue, sequence number. Valid for 5 years (互联网药品信息服务
 * 管理办法, art. 15 †article number). The number carries the year only, so expiry is judged by year:
 * - issued more than 5 calendar years before the scan year: expired, invalid (the number shown is
 *   the expired certificate's; whether a renewal keeps the number is not confirmed †, so the reason
 *   points to the registry);
 * - issued exactly 5 years before: expires during the scan year, unverified with that caveat;
 * - issued after the scan date's year: impossible, invalid.
 * The scan date is a parameter (ctx.now), never the clock, so results are reproducible.
 */
import type { CredentialResult } from '../findings.ts';
import { CN_PROVINCES, CN_PROVINCE_CLASS, NMPA_LOOKUP } from './cn-provinces.ts';
import { findStandalone, toSimplifiedForCredentials } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const CN_INTERNET_DRUG_INFO_TYPE = 'cn-internet-drug-info';
const VALIDITY_YEARS = 5;

// After NFKC fullwidth brackets and hyphens are ASCII; the dashes people type instead stay literal.
const DASH = String.raw`\s*[-—–－]\s*`;
const PATTERN = String.raw`[(\[【〔]\s*${CN_PROVINCE_CLASS}\s*[)\]】〕]${DASH}(?:非经营性|经营性)${DASH}\d{4}${DASH}\d{3,5}`;

export function validateInternetDrugInfo(written: string, now: Date): CredentialResult {
  const compact = toSimplifiedForCredentials(written.normalize('NFKC')).replace(/\s+/g, '').replace(/[—–－]/g, '-').replace(/[[【〔]/, '(').replace(/[\]】〕]/, ')');
  const m = /^\((.)\)-(非经营性|经营性)-(\d{4})-(\d{3,5})$/.exec(compact);
  if (!m) return invalid(CN_INTERNET_DRUG_INFO_TYPE, compact, 'not a certificate number: expected e.g. (京)-非经营性-2023-0001');
  const [, province = '', scope = '', yearText = ''] = m;
  if (CN_PROVINCES[province] === undefined) {
    return invalid(CN_INTERNET_DRUG_INFO_TYPE, compact, `${province} is not a provincial abbreviation`);
  }
  const year = Number(yearText);
  const scanYear = now.getUTCFullYear();
  // The certificate system dates from the 2004 measures (an earlier 2001 scheme used other numbers).
  if (year < 2001 || year > scanYear) {
    return invalid(CN_INTERNET_DRUG_INFO_TYPE, compact, `year ${year} is impossible for a certificate scanned in ${scanYear}`);
  }
  const kind = scope === '经营性' ? 'commercial (经营性)' : 'non-commercial (非经营性)';
  const where = `${CN_PROVINCES[province]}, ${kind}`;
  if (scanYear - year > VALIDITY_YEARS) {
    return invalid(
      CN_INTERNET_DRUG_INFO_TYPE,
      compact,
      `expired: issued in ${year}, certificates are valid ${VALIDITY_YEARS} years (so at the latest until ${year + VALIDITY_YEARS}); confirm any renewal at ${NMPA_LOOKUP}`,
    );
  }
  const caveat = scanYear - year === VALIDITY_YEARS ? `; issued in ${year}, it expires during ${scanYear}` : '';
  return unverified(CN_INTERNET_DRUG_INFO_TYPE, compact, `format correct (${where})${caveat}; confirm at ${NMPA_LOOKUP}`);
}

export const cnInternetDrugInfo: CredentialType = {
  id: CN_INTERNET_DRUG_INFO_TYPE,
  kind: 'seller',
  name: 'China 互联网药品信息服务资格证书',
  hint: /经营性/,
  fromText: (text, ctx) => findStandalone(text, PATTERN, true).map((v) => validateInternetDrugInfo(v.raw, ctx.now)),
};
