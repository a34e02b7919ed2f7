/**
 * Text helpers shared by the type modules: normalising a block before the credential patterns run,
 * and finding a value that stands next to its label ("DEA #", "NPI:", "Registro INVIMA").
 */

/**
 * NFKC folds fullwidth digits, letters and punctuation (１２３, ＤＥＡ, （京）, －) to their ASCII forms,
 * so one pattern per credential covers what Chinese and Japanese pages write. Zero-width characters
 * and soft hyphens are dropped: they are how a number is broken to dodge matching.
 */
export function normalizeCredentialText(text: string): string {
  return toSimplifiedForCredentials(text.normalize('NFKC').replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''));
}

/**
 * Mainland licences are issued in Simplified Chinese, but pages (Hong Kong sellers, or text run
 * through a converter to dodge filters) may write them in Traditional: 經營性, 網藥平台備字, (滬).
 * Only the characters of credential labels, numbers and province abbreviations are mapped; the
 * result is the licence as issued.
 */
const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  經: '经', 營: '营', 網: '网', 藥: '药', 備: '备', 許: '许', 證: '证', 統: '统', 會: '会', 碼: '码',
  執: '执', 務: '务', 資: '资', 書: '书', 號: '号', 聯: '联', 鑒: '鉴', 臺: '台', 滬: '沪', 遼: '辽',
  蘇: '苏', 閩: '闽', 貴: '贵', 隴: '陇', 陝: '陕', 寧: '宁', 雲: '云', 贛: '赣', 魯: '鲁', 晉: '晋',
  瓊: '琼', 粵: '粤',
};
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join('')}]`, 'g');

export function toSimplifiedForCredentials(text: string): string {
  return text.replace(TRADITIONAL_CHARS, (ch) => TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch);
}

/** Removes the spaces, hyphens and dots people put inside numbers ("123-456-7893", "52.340"). */
export function stripSeparators(value: string): string {
  return value.normalize('NFKC').replace(/[\s.\-‐‑–—_/]/g, '');
}

/**
 * Compiled patterns, kept because extraction runs every type over every block of a page (thousands
 * of blocks on a big marketplace page): compiling once per pattern rather than once per block.
 */
const compiled = new Map<string, RegExp>();

function cachedRegExp(source: string): RegExp {
  let re = compiled.get(source);
  if (re === undefined) {
    re = new RegExp(source, 'gu');
    compiled.set(source, re);
  }
  return re;
}

export interface LabelledValue {
  /** The value as written (after NFKC), separators kept. */
  raw: string;
  /** Index of the value in the searched text. */
  index: number;
}

/**
 * Finds each value that follows one of the labels within `maxGap` characters of the same line.
 * The gap may hold words ("registration number", "No.", "#", ":") but no digits, so a label never
 * reaches past one number to grab the next. Values must stand alone: no letter or digit touches them.
 *
 * `label` and `value` are regular-expression sources; the caller decides case sensitivity inside them
 * (a lower-case "dea" is the Italian for goddess, not the US Drug Enforcement Administration).
 * With `cjk`, only ASCII letters and digits count as touching the value (Chinese writes no spaces).
 */
export function findLabelled(text: string, label: string, value: string, maxGap = 30, cjk = false): LabelledValue[] {
  const edge = cjk ? '[A-Za-z0-9]' : '[\\p{L}\\p{N}]';
  const pattern = cachedRegExp(`(?:${label})[^\\n\\r\\p{N}]{0,${maxGap}}?(?<!${edge})(${value})(?!${edge})`);
  const found: LabelledValue[] = [];
  for (const m of text.matchAll(pattern)) {
    const raw = m[1];
    if (raw === undefined) continue;
    found.push({ raw, index: (m.index ?? 0) + m[0].length - raw.length });
  }
  return found;
}

/**
 * Finds each standalone occurrence of a pattern: no letter or digit touches it on either side.
 * With `cjk`, only ASCII letters and digits count as touching: Chinese writes no spaces, so
 * "证书编号(京)-非经营性-2023-0001号" must still match.
 */
export function findStandalone(text: string, value: string, cjk = false): LabelledValue[] {
  const edge = cjk ? '[A-Za-z0-9]' : '[\\p{L}\\p{N}]';
  const pattern = cachedRegExp(`(?<!${edge})(${value})(?!${edge})`);
  return [...text.matchAll(pattern)].map((m) => ({ raw: m[1] ?? m[0], index: m.index ?? 0 }));
}

/**
 * A regular-expression source matching the phrase in any letter case, accents optional
 * ("licencia sanitaria" also matches "LICENCIA SANITARIA"). Node 22's RegExp has no inline (?i:).
 */
export function anyCase(phrase: string): string {
  const folds: Readonly<Record<string, string>> = { a: 'aáAÁ', e: 'eéEÉ', i: 'iíIÍ', o: 'oóOÓ', u: 'uúüUÚÜ', n: 'nñNÑ' };
  return [...phrase]
    .map((ch) => {
      if (ch === ' ') return String.raw`\s+`;
      const lower = ch.toLowerCase();
      if (lower === ch.toUpperCase()) return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return `[${folds[lower] ?? lower + ch.toUpperCase()}]`;
    })
    .join('');
}
