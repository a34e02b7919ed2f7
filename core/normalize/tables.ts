/**
 * Character tables for the normaliser. Kept as data, one concern each.
 */
import { SIMPLIFIED, TRADITIONAL } from './traditional.ts';

/**
 * Letters of other scripts that look like Latin ones (after lower-casing), from
 * Unicode's confusables data (UTS #39) for Cyrillic, Greek, Armenian and Latin lookalikes.
 * Only letters that pass for a Latin letter in running text are listed.
 */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic (upper-case forms fold to these first)
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ү: 'y',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
  // Armenian
  օ: 'o', ս: 'u', հ: 'h', ո: 'n', ց: 'g', զ: 'q',
  // Latin lookalikes that diacritic folding leaves alone
  ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ɩ: 'i', ɪ: 'i', ʟ: 'l', ɴ: 'n', ʀ: 'r', ᴏ: 'o', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e',
  ᴋ: 'k', ᴍ: 'm', ᴘ: 'p', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't',
  ƀ: 'b', ɇ: 'e', ɨ: 'i', ʉ: 'u', ƶ: 'z', ß: 'ss', æ: 'ae', œ: 'oe',
};

/**
 * Cyrillic and Greek letters with no Latin lookalike: when a block has several, it is
 * genuine Cyrillic or Greek text, and only mixed-script words are folded.
 */
export const NATIVE_NON_LATIN = /[бгджзийлпфцчшщъыьэюяґђћљњџγδζθλξπσςφψω]/u;

/** Leetspeak: digits and symbols standing for letters inside words. */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Units that make a digit run a quantity ("30mg"), not leetspeak. */
export const QUANTITY_UNIT = /^(?:mg|mcg|ug|µg|g|gr|grs|kg|ml|oz|lb|lbs|x|iu|pcs|pc|mm|cm|in|ft|gb|tb|mb|mah|hz)$/;

/**
 * Code points that carry no visible text: zero-width spaces and joiners, soft hyphen,
 * word joiner, invisible operators, BOM, Mongolian vowel separator, combining grapheme
 * joiner, and the tag characters used to smuggle text.
 */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/** Emoji modifiers and selectors: dropped without counting as a disguise. */
export function isEmojiComponent(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3;
}

/** Traditional → Simplified Chinese, one character each (OpenCC's table, see traditional.ts). */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const traditional = [...TRADITIONAL];
  const simplified = [...SIMPLIFIED];
  if (traditional.length !== simplified.length) throw new Error('traditional.ts: the two tables differ in length');
  traditional.forEach((char, i) => {
    const target = simplified[i];
    if (target && target !== char) map.set(char, target);
  });
  return map;
})();
