/**
 * What each code point is to the normaliser (letter, digit, separator, Chinese or emoji,
 * invisible, mark) and its folded form, computed once per code point and cached.
 */
import { HOMOGLYPHS, TRADITIONAL_TO_SIMPLIFIED, isEmojiComponent, isInvisible } from './tables.ts';
import { F_DIACRITIC, F_FULLWIDTH, F_TRADITIONAL } from './flags.ts';

export const KIND_SEPARATOR = 0;
export const KIND_LETTER = 1;
export const KIND_DIGIT = 2;
export const KIND_STANDALONE = 3;
export const KIND_INVISIBLE = 4;
export const KIND_SILENT = 5;
export const KIND_MARK = 6;
export const KIND_LEET_SYMBOL = 7;

export interface CharInfo {
  kind: number;
  /** Folded form: NFKC, lower case, no diacritics, Simplified Chinese. */
  out: string;
  flags: number;
  /** Latin lookalike for a non-Latin letter, applied only where the word or block is not genuinely that script. */
  glyph: string | null;
  latin: boolean;
}

const STANDALONE_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u;
const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\p{Nd}/u;
const MARK_RE = /\p{M}/u;
const MARKS_G = /\p{M}/gu;
const LATIN_RE = /\p{Script=Latin}/u;

function classifyFolded(ch: string): number {
  if (STANDALONE_RE.test(ch)) return KIND_STANDALONE;
  if (DIGIT_RE.test(ch)) return KIND_DIGIT;
  if (LETTER_RE.test(ch)) return KIND_LETTER;
  if (ch === '@' || ch === '$') return KIND_LEET_SYMBOL;
  return KIND_SEPARATOR;
}

function computeInfo(cp: number): CharInfo {
  if (isInvisible(cp)) return { kind: KIND_INVISIBLE, out: '', flags: 0, glyph: null, latin: false };
  if (isEmojiComponent(cp)) return { kind: KIND_SILENT, out: '', flags: 0, glyph: null, latin: false };
  const original = String.fromCodePoint(cp);
  if (MARK_RE.test(original)) return { kind: KIND_MARK, out: '', flags: F_DIACRITIC, glyph: null, latin: false };
  let flags = 0;
  let ch = original.normalize('NFKC');
  if (ch !== original && (cp >= 0xff00 && cp <= 0xffef || cp >= 0x1d400 && cp <= 0x1d7ff)) flags |= F_FULLWIDTH;
  ch = ch.toLowerCase();
  const stripped = ch.normalize('NFD').replace(MARKS_G, '');
  if (stripped !== ch && stripped.length > 0) {
    flags |= F_DIACRITIC;
    ch = stripped;
  }
  const simplified = TRADITIONAL_TO_SIMPLIFIED.get(ch);
  if (simplified) {
    flags |= F_TRADITIONAL;
    ch = simplified;
  }
  const kind = ch.length === 0 ? KIND_SEPARATOR : classifyFolded(ch);
  const glyph = kind === KIND_LETTER ? (HOMOGLYPHS[ch] ?? null) : null;
  return { kind, out: ch, flags, glyph, latin: kind === KIND_LETTER && LATIN_RE.test(ch) && glyph === null };
}

export const ASCII_INFO: CharInfo[] = [];
for (let cp = 0; cp < 128; cp++) ASCII_INFO.push(computeInfo(cp));
/** ASCII kinds and folded letters as flat tables: the fast path for most page text. */
export const ASCII_KIND = Uint8Array.from(ASCII_INFO, (info) => info.kind);
export const ASCII_FOLD = Uint16Array.from(ASCII_INFO, (info) => (info.out.length === 1 ? info.out.charCodeAt(0) : 0));
const INFO_CACHE = new Map<number, CharInfo>();

export function infoFor(cp: number): CharInfo {
  if (cp < 128) return ASCII_INFO[cp] as CharInfo;
  let info = INFO_CACHE.get(cp);
  if (!info) {
    info = computeInfo(cp);
    if (INFO_CACHE.size < 50_000) INFO_CACHE.set(cp, info);
  }
  return info;
}

/** Facts about the word being read, computed only when a digit or lookalike needs them. */
export interface Word {
  /** Code-unit offsets of the word in the source. */
  from: number;
  to: number;
  letters: number;
  latin: boolean;
}

export function isWordKind(kind: number): boolean {
  return (
    kind === KIND_LETTER ||
    kind === KIND_DIGIT ||
    kind === KIND_LEET_SYMBOL ||
    kind === KIND_INVISIBLE ||
    kind === KIND_SILENT ||
    kind === KIND_MARK
  );
}

export function codePointInfo(source: string, i: number): { info: CharInfo; cp: number; width: number } {
  const unit = source.charCodeAt(i);
  if (unit < 128) return { info: ASCII_INFO[unit] as CharInfo, cp: unit, width: 1 };
  const cp = source.codePointAt(i) as number;
  return { info: infoFor(cp), cp, width: cp > 0xffff ? 2 : 1 };
}

export function readWord(source: string, from: number): Word {
  const word: Word = { from, to: source.length, letters: 0, latin: false };
  for (let i = from; i < source.length; ) {
    const { info, width } = codePointInfo(source, i);
    if (!isWordKind(info.kind)) {
      word.to = i;
      break;
    }
    if (info.kind === KIND_LETTER) {
      word.letters++;
      if (info.latin) word.latin = true;
    }
    i += width;
  }
  return word;
}
