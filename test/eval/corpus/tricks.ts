/**
 * Disguises that sellers use, applied deterministically so the corpus shows exactly the
 * characters a scanner meets in the wild (issue #8). Each function is a pure string transform.
 */

const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' };
const GREEK: Record<string, string> = { o: 'ο', a: 'α', i: 'ι', v: 'ν', t: 'τ', k: 'κ' };

/** Swaps the Latin letters that have a Cyrillic look-alike (о, а, е, р, с, х, у, і). */
export function cyrillic(word: string): string {
  return [...word].map((ch) => CYRILLIC[ch] ?? ch).join('');
}

/** Swaps only the letter `o` for Greek omicron: the subtlest homoglyph. */
export function greekO(word: string): string {
  return word.replaceAll('o', GREEK.o ?? 'o');
}

/** ASCII to fullwidth forms (ｏｘｙ), as CJK input methods produce. */
export function fullwidth(word: string): string {
  return [...word]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : ch;
    })
    .join('');
}

/** A zero-width space after every `every` letters: invisible, but it breaks naive matching. */
export function zeroWidth(word: string, every = 2, mark = '\u200b'): string {
  const chars = [...word];
  return chars.map((ch, i) => (i > 0 && i % every === 0 ? mark + ch : ch)).join('');
}

/** Soft hyphens inside the word: invisible unless the line breaks there. */
export function softHyphens(word: string): string {
  return zeroWidth(word, 3, '\u00ad');
}

/** Every letter separated: "o.x.y", "o-x-y", "o x y". */
export function spaced(word: string, separator: string): string {
  return [...word].join(separator);
}

/** Numbers for letters, the classic spam disguise. */
export function leet(word: string, letters = 'oeais'): string {
  const map: Record<string, string> = { o: '0', e: '3', a: '4', i: '1', s: '5', t: '7' };
  return [...word].map((ch) => (letters.includes(ch) ? (map[ch] ?? ch) : ch)).join('');
}

/** Doubles the vowels: "oxyycoodone"-style stretching. */
export function stretched(word: string): string {
  return word.replace(/[aeiou]/g, (v) => v + v);
}
