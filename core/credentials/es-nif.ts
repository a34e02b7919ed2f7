/**
 * Spanish tax identity numbers (NIF), which Spanish online pharmacies must show (Real Decreto
 * 870/2013 art. 8; LSSI art. 10). One check character each, per the Agencia Tributaria's algorithms:
 * - DNI-based NIF: 8 digits + letter "TRWAGMYFPDXBNJZSQVHLCKE"[number mod 23].
 * - NIE (foreigners): X, Y or Z (read as 0, 1, 2) + 7 digits + the same mod-23 letter.
 * - K, L, M NIFs (Spaniards without DNI): letter + 7 digits + the mod-23 letter of the 7 digits.
 * - Legal entities (formerly CIF): organisation letter + 7 digits + control. Sum the digits in even
 *   positions (2nd, 4th, 6th) and, for the odd positions (1st, 3rd, 5th, 7th), the digit sum of twice
 *   the digit; control digit = (10 − total mod 10) mod 10; control letter = "JABCDEFGHI"[digit].
 *   P, Q, R, S, W (public bodies, foreign entities) and N take the letter; A, B, E, H the digit;
 *   the other letters may take either.
 * A correct NIF identifies a company; it is not a pharmacy licence (kind `identity`).
 */
import type { CredentialResult } from '../findings.ts';
import { findLabelled } from './text.ts';
import { invalid, unverified } from './result.ts';
import type { CredentialType } from './types.ts';

export const ES_NIF_TYPE = 'es-nif';
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_LETTERS = 'JABCDEFGHI';
const LOOKUP = 'the Agencia Tributaria census (https://sede.agenciatributaria.gob.es/)';

export function dniLetter(number: number): string {
  return DNI_LETTERS[number % 23] ?? '';
}

/** The control digit a legal-entity NIF's seven digits call for. */
export function cifControlDigit(sevenDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(sevenDigits[i]);
    if (i % 2 === 1) sum += d;
    else {
      const twice = d * 2;
      sum += Math.floor(twice / 10) + (twice % 10);
    }
  }
  return (10 - (sum % 10)) % 10;
}

function ok(value: string, what: string): CredentialResult {
  return unverified(ES_NIF_TYPE, value, `${what}: control character correct; confirm the holder at ${LOOKUP}`);
}

export function validateNif(written: string): CredentialResult {
  const value = written.normalize('NFKC').replace(/[\s.\-/]/g, '').toUpperCase();
  if (value.length !== 9) return invalid(ES_NIF_TYPE, value, `wrong length: ${value.length} characters, a NIF has 9`);
  const dni = /^(\d{8})([A-Z])$/.exec(value);
  if (dni) {
    const expected = dniLetter(Number(dni[1]));
    return dni[2] === expected ? ok(value, 'DNI-based NIF') : invalid(ES_NIF_TYPE, value, `control letter is ${dni[2]}, the number calls for ${expected}`);
  }
  const nie = /^([XYZ])(\d{7})([A-Z])$/.exec(value);
  if (nie) {
    const expected = dniLetter(Number(`${'XYZ'.indexOf(nie[1] ?? 'X')}${nie[2]}`));
    return nie[3] === expected ? ok(value, 'NIE') : invalid(ES_NIF_TYPE, value, `control letter is ${nie[3]}, the number calls for ${expected}`);
  }
  const klm = /^([KLM])(\d{7})([A-Z])$/.exec(value);
  if (klm) {
    const expected = dniLetter(Number(klm[2]));
    return klm[3] === expected ? ok(value, `${klm[1]} NIF`) : invalid(ES_NIF_TYPE, value, `control letter is ${klm[3]}, the number calls for ${expected}`);
  }
  const cif = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(value);
  if (!cif) return invalid(ES_NIF_TYPE, value, 'not a NIF: expected 8 digits + letter, X/Y/Z + 7 digits + letter, or an organisation letter + 7 digits + control');
  const [, org = '', digits = '', control = ''] = cif;
  const digit = cifControlDigit(digits);
  const letter = CIF_LETTERS[digit] ?? '';
  const takesLetter = 'PQRSWN'.includes(org);
  const takesDigit = 'ABEH'.includes(org);
  const matches = (control === String(digit) && !takesLetter) || (control === letter && !takesDigit);
  if (matches) return ok(value, 'legal-entity NIF (CIF)');
  const expected = takesLetter ? letter : takesDigit ? String(digit) : `${digit} or ${letter}`;
  return invalid(ES_NIF_TYPE, value, `control character is ${control}, organisation ${org} with these digits calls for ${expected}`);
}

const LABEL = String.raw`\b(?:N\.?\s?I\.?\s?F|C\.?\s?I\.?\s?F|N\.?\s?I\.?\s?E|D\.?\s?N\.?\s?I)\b\.?|(?:[Nn]úmero|[Cc]ódigo) de [Ii]dentificación [Ff]iscal`;
const VALUE = String.raw`[A-Za-z]?[ -]?\d{2}[ .-]?\d{3}[ .-]?\d{2,3}[ -]?[A-Za-z0-9]?`;

export const esNif: CredentialType = {
  id: ES_NIF_TYPE,
  kind: 'identity',
  name: 'Spanish NIF/CIF',
  hint: /[NC]\.?\s?I\.?\s?[FE]|D\.?\s?N\.?\s?I|[Ii]dentificación [Ff]iscal/,
  fromText: (text) => findLabelled(text, LABEL, VALUE, 12).map((v) => validateNif(v.raw)),
};
