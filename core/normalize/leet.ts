/** Leetspeak: when a digit or @/$ inside a word stands for a letter. */
import { LEET, QUANTITY_UNIT } from './tables.ts';
import { KIND_DIGIT, KIND_LETTER, KIND_SEPARATOR, codePointInfo, type Word } from './chars.ts';

export function isLowerAscii(cp: number): boolean {
  return cp >= 0x61 && cp <= 0x7a;
}

function kindAt(source: string, i: number, word: Word): number {
  if (i < word.from || i >= word.to) return KIND_SEPARATOR;
  return codePointInfo(source, i).info.kind;
}

/**
 * Whether the digit or symbol at `at` stands for a letter. Digits are leetspeak only inside
 * words with at least three letters, between letters ("0xyc0d0ne", "tr4m4d0l") or as a
 * leading 0, 3 or 4 before a longer word; never in quantities ("30mg"), codes with
 * few letters ("M30", "3-MMC", "2C-B") or trailing numbers ("oxy30").
 */
export function leetFor(source: string, at: number, cp: number, word: Word): string | null {
  const ch = String.fromCharCode(cp);
  const letter = LEET[ch];
  if (letter === undefined || word.letters < 3) return null;
  // Neighbours are ASCII in every case that matters here: one code unit each side.
  const before = kindAt(source, at - 1, word) === KIND_LETTER;
  if (ch === '@' || ch === '$') {
    if (!before) return null;
    // "info@pharma.com" is an address, "$20" a price.
    if (ch === '@' && source.charCodeAt(word.to) === 0x2e) return null;
    if (kindAt(source, at + 1, word) === KIND_DIGIT) return null;
    return letter;
  }
  let runStart = at;
  while (kindAt(source, runStart - 1, word) === KIND_DIGIT) runStart--;
  let runEnd = at + 1;
  while (kindAt(source, runEnd, word) === KIND_DIGIT) runEnd++;
  const letterBefore = kindAt(source, runStart - 1, word) === KIND_LETTER;
  // "30mg", "xanax10mg": a number with its unit. One digit inside a word is a letter even
  // when the rest reads as a unit: "isotretin0in" is not 0 inches.
  if ((!letterBefore || runEnd - runStart > 1) && QUANTITY_UNIT.test(source.slice(runEnd, word.to).toLowerCase())) return null;
  const letterAfter = kindAt(source, runEnd, word) === KIND_LETTER;
  if (letterBefore && letterAfter) return letter;
  // A single trailing 0, 1, 3 or 5 after a longer word ("fentanil0"); "oxy30" keeps its number.
  if (letterBefore && !letterAfter && runEnd === word.to && runEnd - runStart === 1 && word.letters >= 5 && '0135'.includes(ch)) {
    return letter;
  }
  // A leading 0 before four letters ("0xy…"); a leading 3 or 4 only before five, since
  // short codes such as "3mmc" or "4fa" begin with a real digit.
  if (!letterBefore && letterAfter && runStart === word.from && runEnd - runStart === 1) {
    if (ch === '0' && word.letters >= 4) return letter;
    if ((ch === '3' || ch === '4') && word.letters >= 5) return letter;
  }
  return null;
}
