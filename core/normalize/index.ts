/**
 * The normaliser: turns page text into a "skeleton" the matcher scans, undoing the
 * disguises sellers use (homoglyphs, leetspeak, fullwidth forms, diacritics, zero-width
 * characters, separators inside words, repeated letters, Traditional Chinese), while
 * every skeleton character keeps the exact [start, end) of the original text it came
 * from, so a match maps back to exactly what the page shows.
 *
 * Separators (spaces, punctuation) are not in the skeleton: the character after one
 * carries F_BOUNDARY instead. That lets "o x y c o d o n e" and "oxy-codone" reach the
 * matcher as one run while the matcher still knows where the words were.
 *
 * Rule terms go through the same function, so whatever a decision does to page text
 * it does to terms too.
 */
import {
  HOMOGLYPHS,
  LEET,
  NATIVE_NON_LATIN,
  QUANTITY_UNIT,
  TRADITIONAL_TO_SIMPLIFIED,
  isEmojiComponent,
  isInvisible,
} from './tables.ts';

/** A separator, or the start of the text, stands before this character. */
export const F_BOUNDARY = 1;
/** CJK or emoji: a token of its own that needs no word boundary around it. */
export const F_STANDALONE = 2;
export const F_HOMOGLYPH = 4;
export const F_LEET = 8;
export const F_DIACRITIC = 16;
export const F_FULLWIDTH = 32;
/** An invisible character (zero-width space, soft hyphen…) stood right before this one. */
export const F_ZERO_WIDTH = 64;
export const F_TRADITIONAL = 128;
export const F_DIGIT = 256;

export interface Skeleton {
  /** The original text. */
  readonly source: string;
  /** Skeleton characters as UTF-16 code units. */
  readonly codes: Uint16Array;
  readonly length: number;
  /** Original [start, end) of each skeleton character. */
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  readonly flags: Uint16Array;
  /** How many identical letters this character stands for ("oo" → 2): repeated letters are folded. */
  readonly run: Uint8Array;
  /** Word index of each character, for context windows. */
  readonly token: Uint32Array;
  readonly tokenCount: number;
}

const KIND_SEPARATOR = 0;
const KIND_LETTER = 1;
const KIND_DIGIT = 2;
const KIND_STANDALONE = 3;
const KIND_INVISIBLE = 4;
const KIND_SILENT = 5;
const KIND_MARK = 6;
const KIND_LEET_SYMBOL = 7;

interface CharInfo {
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

const ASCII_INFO: CharInfo[] = [];
for (let cp = 0; cp < 128; cp++) ASCII_INFO.push(computeInfo(cp));
/** ASCII kinds and folded letters as flat tables: the fast path for most page text. */
const ASCII_KIND = Uint8Array.from(ASCII_INFO, (info) => info.kind);
const ASCII_FOLD = Uint16Array.from(ASCII_INFO, (info) => (info.out.length === 1 ? info.out.charCodeAt(0) : 0));
const INFO_CACHE = new Map<number, CharInfo>();

function infoFor(cp: number): CharInfo {
  if (cp < 128) return ASCII_INFO[cp] as CharInfo;
  let info = INFO_CACHE.get(cp);
  if (!info) {
    info = computeInfo(cp);
    if (INFO_CACHE.size < 50_000) INFO_CACHE.set(cp, info);
  }
  return info;
}

/**
 * Output buffers, growable and reusable: the engine normalises block after block into
 * the same buffers, since allocating typed arrays per block costs more than the work.
 */
export class SkeletonBuffer {
  codes = new Uint16Array(0);
  start = new Uint32Array(0);
  end = new Uint32Array(0);
  flags = new Uint16Array(0);
  run = new Uint8Array(0);
  token = new Uint32Array(0);
  length = 0;

  reserve(capacity: number): void {
    if (capacity <= this.codes.length) return;
    const copy = <T extends Uint16Array | Uint32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from.subarray(0, this.length));
      return to;
    };
    this.codes = copy(this.codes, new Uint16Array(capacity));
    this.start = copy(this.start, new Uint32Array(capacity));
    this.end = copy(this.end, new Uint32Array(capacity));
    this.flags = copy(this.flags, new Uint16Array(capacity));
    this.run = copy(this.run, new Uint8Array(capacity));
    this.token = copy(this.token, new Uint32Array(capacity));
  }

  push(code: number, start: number, end: number, flags: number, token: number): void {
    if (this.length === this.codes.length) this.reserve(this.codes.length * 2 + 64);
    const i = this.length++;
    this.codes[i] = code;
    this.start[i] = start;
    this.end[i] = end;
    this.flags[i] = flags;
    this.run[i] = 1;
    this.token[i] = token;
  }
}

/** Facts about the word being read, computed only when a digit or lookalike needs them. */
interface Word {
  /** Code-unit offsets of the word in the source. */
  from: number;
  to: number;
  letters: number;
  latin: boolean;
}

function isWordKind(kind: number): boolean {
  return (
    kind === KIND_LETTER ||
    kind === KIND_DIGIT ||
    kind === KIND_LEET_SYMBOL ||
    kind === KIND_INVISIBLE ||
    kind === KIND_SILENT ||
    kind === KIND_MARK
  );
}

function codePointInfo(source: string, i: number): { info: CharInfo; cp: number; width: number } {
  const unit = source.charCodeAt(i);
  if (unit < 128) return { info: ASCII_INFO[unit] as CharInfo, cp: unit, width: 1 };
  const cp = source.codePointAt(i) as number;
  return { info: infoFor(cp), cp, width: cp > 0xffff ? 2 : 1 };
}

function readWord(source: string, from: number): Word {
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

/**
 * Normalise `source`. With a buffer, the result's arrays are the buffer's, valid until its
 * next use; without one, they are the result's own.
 */
export function normalize(source: string, buffer: SkeletonBuffer = new SkeletonBuffer()): Skeleton {
  const n = source.length;
  const out = buffer;
  out.length = 0;
  out.reserve(n + 16);
  const nativeScript = countNative(source) >= 3;
  let pendingBoundary = true;
  let pendingZeroWidth = false;
  let token = -1;
  let inWord = false;
  let wordFrom = 0;
  let word: Word | null = null;
  let previousCp = -1;
  for (let i = 0; i < n; ) {
    const unit = source.charCodeAt(i);
    // Fast path: ASCII separators and letters (other than a capital I, which may pass for an l).
    if (unit < 128) {
      const asciiKind = ASCII_KIND[unit] as number;
      if (asciiKind === KIND_SEPARATOR) {
        pendingBoundary = true;
        inWord = false;
        previousCp = unit;
        i++;
        continue;
      }
      if (asciiKind === KIND_LETTER && unit !== 0x49) {
        const code = ASCII_FOLD[unit] as number;
        if (!inWord) {
          inWord = true;
          wordFrom = i;
          word = null;
        }
        previousCp = unit;
        const zeroWidth = pendingZeroWidth ? F_ZERO_WIDTH : 0;
        pendingZeroWidth = false;
        if (pendingBoundary) {
          token++;
          pendingBoundary = false;
          out.push(code, i, i + 1, F_BOUNDARY | zeroWidth, token);
        } else {
          const last = out.length - 1;
          if (
            last >= 0 &&
            out.codes[last] === code &&
            ((out.flags[last] as number) & (F_DIGIT | F_STANDALONE)) === 0 &&
            (out.run[last] as number) < 255
          ) {
            out.run[last] = (out.run[last] as number) + 1;
            out.end[last] = i + 1;
            out.flags[last] = (out.flags[last] as number) | zeroWidth;
          } else {
            out.push(code, i, i + 1, zeroWidth, token);
          }
        }
        i++;
        continue;
      }
    }
    let info: CharInfo;
    let cp = unit;
    let width = 1;
    if (unit < 128) info = ASCII_INFO[unit] as CharInfo;
    else {
      cp = source.codePointAt(i) as number;
      width = cp > 0xffff ? 2 : 1;
      info = infoFor(cp);
    }
    const origStart = i;
    const origEnd = i + width;
    i = origEnd;
    const kind = info.kind;
    const wordKind = isWordKind(kind);
    if (wordKind && !inWord) {
      inWord = true;
      wordFrom = origStart;
      word = null;
    } else if (!wordKind) {
      inWord = false;
    }
    const thisCp = cp;
    const lastCp = previousCp;
    previousCp = thisCp;
    switch (kind) {
      case KIND_INVISIBLE:
        pendingZeroWidth = true;
        continue;
      case KIND_SILENT:
        continue;
      case KIND_MARK:
        if (out.length > 0 && !pendingBoundary) {
          out.flags[out.length - 1] = (out.flags[out.length - 1] as number) | F_DIACRITIC;
          out.end[out.length - 1] = origEnd;
        }
        continue;
      case KIND_SEPARATOR:
        pendingBoundary = true;
        continue;
      case KIND_STANDALONE:
        token++;
        for (let c = 0; c < info.out.length; c++) {
          const first = c === 0 ? F_BOUNDARY : 0;
          out.push(info.out.charCodeAt(c), origStart, origEnd, info.flags | F_STANDALONE | first, token);
        }
        pendingBoundary = true;
        pendingZeroWidth = false;
        continue;
    }
    // A letter, digit or @/$ inside a word.
    let folded = info.out;
    let flags = info.flags;
    if (kind === KIND_LETTER) {
      if (info.glyph !== null) {
        word ??= readWord(source, wordFrom);
        if (word.latin || !nativeScript) {
          folded = info.glyph;
          flags |= F_HOMOGLYPH;
        }
      } else if (thisCp === 0x49 && isLowerAscii(lastCp) && isLowerAscii(source.charCodeAt(origEnd))) {
        // A capital I between lower-case letters passes for an l ("vaIium").
        folded = 'l';
        flags |= F_HOMOGLYPH;
      }
    } else {
      word ??= readWord(source, wordFrom);
      const leet = leetFor(source, origStart, thisCp, word);
      if (leet !== null) {
        folded = leet;
        flags |= F_LEET;
      } else if (kind === KIND_LEET_SYMBOL) {
        pendingBoundary = true;
        continue;
      } else {
        flags |= F_DIGIT;
      }
    }
    if (pendingBoundary) {
      token++;
      flags |= F_BOUNDARY;
    }
    if (pendingZeroWidth) flags |= F_ZERO_WIDTH;
    pendingBoundary = false;
    pendingZeroWidth = false;
    for (let c = 0; c < folded.length; c++) {
      const code = folded.charCodeAt(c);
      const last = out.length - 1;
      // Repeated letters fold into one character that remembers its run length.
      if (
        last >= 0 &&
        (flags & (F_BOUNDARY | F_DIGIT)) === 0 &&
        out.codes[last] === code &&
        ((out.flags[last] as number) & (F_DIGIT | F_STANDALONE)) === 0 &&
        (out.run[last] as number) < 255
      ) {
        out.run[last] = (out.run[last] as number) + 1;
        out.end[last] = origEnd;
        out.flags[last] = (out.flags[last] as number) | flags;
        continue;
      }
      out.push(code, origStart, origEnd, flags, token);
      flags &= ~F_BOUNDARY;
    }
  }
  return {
    source,
    codes: out.codes,
    length: out.length,
    start: out.start,
    end: out.end,
    flags: out.flags,
    run: out.run,
    token: out.token,
    tokenCount: token + 1,
  };
}

function isLowerAscii(cp: number): boolean {
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
function leetFor(source: string, at: number, cp: number, word: Word): string | null {
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
  if (QUANTITY_UNIT.test(source.slice(runEnd, word.to).toLowerCase())) return null;
  const letterBefore = kindAt(source, runStart - 1, word) === KIND_LETTER;
  const letterAfter = kindAt(source, runEnd, word) === KIND_LETTER;
  if (letterBefore && letterAfter) return letter;
  // A leading 0 before four letters ("0xy…"); a leading 3 or 4 only before five, since
  // short codes such as "3mmc" or "4fa" begin with a real digit.
  if (!letterBefore && letterAfter && runStart === word.from && runEnd - runStart === 1) {
    if (ch === '0' && word.letters >= 4) return letter;
    if ((ch === '3' || ch === '4') && word.letters >= 5) return letter;
  }
  return null;
}

const NATIVE_G = new RegExp(NATIVE_NON_LATIN.source, 'giu');
function countNative(text: string): number {
  NATIVE_G.lastIndex = 0;
  let found = 0;
  while (NATIVE_G.exec(text) !== null) {
    if (++found >= 3) break;
  }
  return found;
}

/** The skeleton as a string, for tests and term compilation. */
export function skeletonText(skeleton: Skeleton): string {
  let text = '';
  for (let i = 0; i < skeleton.length; i++) text += String.fromCharCode(skeleton.codes[i] as number);
  return text;
}
