/**
 * China, 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): 18 characters from the 31-char
 * set 0-9 A-H J-N P Q R T U W X Y (no I, O, S, V, Z) — registration authority (1), entity type (1),
 * administrative division (6 digits), organisation code (9), check character (1). The check: weights
 * 3^i mod 31 over the first 17 characters, check = 31 − (sum mod 31), with 31 read as 0.
 * It is the business licence's number: an identity, not a drug licence (kind `identity`).
 *
 * An 18-character run is common in tracking and order numbers, so extraction needs a label
 * (统一社会信用代码, 信用代码, 营业执照, USCC).
 */
import type { CredentialResult } from '../findings.ts';
import { findLabelled } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const CN_CREDIT_CODE_TYPE = 'cn-credit-code';
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const LOOKUP = 'https://www.gsxt.gov.cn/ (National Enterprise Credit Information Publicity System)';

/** The check character the first 17 characters call for, or null if one is outside the set. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return CHARSET[(31 - (sum % 31)) % 31] ?? null;
}

export function validateCreditCode(written: string): CredentialResult {
  const value = written.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (value.length !== 18) return invalid(CN_CREDIT_CODE_TYPE, value, `wrong length: ${value.length} characters, a credit code has 18`);
  const bad = [...value].find((ch) => !CHARSET.includes(ch));
  if (bad !== undefined) return invalid(CN_CREDIT_CODE_TYPE, value, `${bad} is not used in credit codes (I, O, S, V, Z never appear)`);
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return invalid(CN_CREDIT_CODE_TYPE, value, 'characters 3–8 must be the 6-digit administrative division code');
  }
  const expected = creditCodeCheckChar(value.slice(0, 17));
  if (expected !== value[17]) {
    return invalid(CN_CREDIT_CODE_TYPE, value, `check character is ${value[17]}, GB 32100-2015 calls for ${expected}`);
  }
  return unverified(CN_CREDIT_CODE_TYPE, value, `check character correct (a company identity, not a drug licence); confirm at ${LOOKUP}`);
}

const LABEL = String.raw`统一社会信用代码|社会信用代码|信用代码|营业执照(?:注册号|号码|编号)?|\bUSCC\b|[Uu]nified [Ss]ocial [Cc]redit [Cc]ode`;
// Chinese labels touch the code without a space ("信用代码91330100799655058B"): CJK edges.
const VALUE = String.raw`[0-9A-Za-z]{15,20}`;

export const cnCreditCode: CredentialType = {
  id: CN_CREDIT_CODE_TYPE,
  kind: 'identity',
  name: 'China 统一社会信用代码',
  hint: /代码|营业执照|USCC|[Cc]redit [Cc]ode/,
  fromText: (text) => findLabelled(text, LABEL, VALUE, 8, true).map((v) => validateCreditCode(v.raw)),
};
