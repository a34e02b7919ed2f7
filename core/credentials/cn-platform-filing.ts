/**
 * China, 药品网络交易第三方平台备案凭证: the filing a third-party platform that hosts online drug
 * sellers makes with its provincial medical products administration (药品网络销售监督管理办法, 2022).
 * Number: "(京)网药平台备字〔2022〕第000001-000号" — province, year in brackets, a 6-digit sequence and a
 * 3-digit change number (000 for the first filing, 001 after the first change); pages often drop the
 * change number. It is the platform's credential, shown in every shop's footer: it says the platform
 * may host drug sellers, not that this seller may sell drugs (kind `platform`), and it is not a sign
 * that the page sells drugs (issue #10).
 */
import type { CredentialResult } from '../findings.ts';
import { CN_PROVINCES, CN_PROVINCE_CLASS, NMPA_LOOKUP } from './cn-provinces.ts';
import { findStandalone, toSimplifiedForCredentials } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const CN_PLATFORM_FILING_TYPE = 'cn-platform-filing';
// The platform filing system started with the 2022 measures (in force 1 December 2022).
const FIRST_YEAR = 2022;

const OPEN = String.raw`[(\[【〔]`;
const CLOSE = String.raw`[)\]】〕]`;
const PATTERN = String.raw`${OPEN}\s*${CN_PROVINCE_CLASS}\s*${CLOSE}\s*网药平台备字\s*${OPEN}\s*\d{4}\s*${CLOSE}\s*第\s*[0-9Oo]{1,8}(?:\s*-\s*[0-9Oo]{1,4})?\s*号?`;

export function validatePlatformFiling(written: string, now: Date): CredentialResult {
  const compact = toSimplifiedForCredentials(written.normalize('NFKC')).replace(/\s+/g, '').replace(/^[[【〔]/, '(').replace(/^(\(.)[\]】〕]/, '$1)');
  const m = /^\((.)\)网药平台备字.(\d{4}).第([0-9Oo]+)(?:-([0-9Oo]+))?号?$/.exec(compact);
  if (!m) return invalid(CN_PLATFORM_FILING_TYPE, compact, 'not a filing number: expected e.g. (京)网药平台备字〔2022〕第000001-000号');
  const [, province = '', yearText = '', sequence = '', change] = m;
  if (/[Oo]/.test(sequence + (change ?? ''))) {
    return invalid(CN_PLATFORM_FILING_TYPE, compact, 'the number contains the letter O where a digit 0 belongs');
  }
  if (CN_PROVINCES[province] === undefined) return invalid(CN_PLATFORM_FILING_TYPE, compact, `${province} is not a provincial abbreviation`);
  const year = Number(yearText);
  if (year < FIRST_YEAR || year > now.getUTCFullYear()) {
    return invalid(CN_PLATFORM_FILING_TYPE, compact, `year ${year} is impossible: platform filings began in ${FIRST_YEAR}`);
  }
  if (sequence.length !== 6) return invalid(CN_PLATFORM_FILING_TYPE, compact, `the sequence has ${sequence.length} digits, filings have 6`);
  if (change !== undefined && change.length !== 3) {
    return invalid(CN_PLATFORM_FILING_TYPE, compact, `the change number has ${change.length} digits, filings have 3`);
  }
  return unverified(
    CN_PLATFORM_FILING_TYPE,
    compact,
    `format correct (${CN_PROVINCES[province]}, filed ${year}); the platform's own filing, not the seller's licence; confirm at ${NMPA_LOOKUP}`,
  );
}

export const cnPlatformFiling: CredentialType = {
  id: CN_PLATFORM_FILING_TYPE,
  kind: 'platform',
  name: 'China 药品网络交易第三方平台备案凭证',
  hint: /网药平台备字/,
  fromText: (text, ctx) => findStandalone(text, PATTERN, true).map((v) => validatePlatformFiling(v.raw, ctx.now)),
};
