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
import { NATIVE_NON_LATIN } from './tables.ts';
import { SkeletonBuffer } from './buffer.ts';
import {
  ASCII_FOLD,
  ASCII_INFO,
  ASCII_KIND,
  KIND_INVISIBLE,
  KIND_LEET_SYMBOL,
  KIND_LETTER,
  KIND_MARK,
  KIND_SEPARATOR,
  KIND_SILENT,
  KIND_STANDALONE,
  infoFor,
  isWordKind,
  readWord,
  type CharInfo,
  type Word,
} from './chars.ts';
import {
  F_BOUNDARY,
  F_DIACRITIC,
  F_DIGIT,
  F_HOMOGLYPH,
  F_LEET,
  F_STANDALONE,
  F_ZERO_WIDTH,
} from './flags.ts';
import { isLowerAscii, leetFor } from './leet.ts';

export * from './flags.ts';
export { SkeletonBuffer } from './buffer.ts';

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
