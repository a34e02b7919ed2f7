/**
 * Verifying an automaton hit against the page text: word boundaries, the word breaks a
 * disguise may add, repeated letters, and which disguises the match took.
 */
import type { Trick } from '../findings.ts';
import {
  F_BOUNDARY,
  F_DIACRITIC,
  F_FULLWIDTH,
  F_HOMOGLYPH,
  F_LEET,
  F_STANDALONE,
  F_TRADITIONAL,
  F_ZERO_WIDTH,
  type Skeleton,
} from '../normalize/index.ts';
import type { CompiledPhrase } from './terms.ts';

export interface Verified {
  last: number;
  tricks: Set<Trick>;
}

/**
 * Whether a hit at skeleton [start, end] is a real occurrence of the phrase, and which
 * disguises it took. Latin phrases need word boundaries at both ends (a trailing plural
 * "s" is allowed); extra word breaks inside are a disguise ("o x y c o d o n e",
 * "oxy-codone") accepted for spaced-out letters or long terms; repeated letters must
 * match exactly on short terms.
 */
export function verify(skeleton: Skeleton, start: number, end: number, phrase: CompiledPhrase): Verified | null {
  const flags = skeleton.flags;
  if (phrase.needsLeftBoundary && start > 0) {
    const f = flags[start] as number;
    if ((f & F_BOUNDARY) === 0 && ((flags[start - 1] as number) & F_STANDALONE) === 0) return null;
  }
  let last = end;
  if (phrase.needsRightBoundary && !isWordEnd(skeleton, end)) {
    // A plural: "xanax" → "xanaxes" is a stretch, "perc" → "percs" is common.
    if (phrase.letterCount >= 4 && skeleton.codes[end + 1] === 0x73 && isWordEnd(skeleton, end + 1)) last = end + 1;
    else return null;
  }
  const tricks = new Set<Trick>();
  let extraBreaks = 0;
  let singleLetterPieces = 0;
  let pieces = 1;
  let pieceLength = 0;
  let runsDiffer = false;
  for (let i = start; i <= end; i++) {
    const f = flags[i] as number;
    const offset = i - start;
    if (i > start && (f & F_BOUNDARY) !== 0 && (f & F_STANDALONE) === 0) {
      if (!phrase.breaks.includes(offset)) extraBreaks++;
      if (pieceLength === 1) singleLetterPieces++;
      pieces++;
      pieceLength = 0;
    }
    pieceLength++;
    if (i > start && (f & F_ZERO_WIDTH) !== 0) tricks.add('zero-width');
    if (f & F_HOMOGLYPH) tricks.add('homoglyph');
    if (f & F_LEET) tricks.add('leetspeak');
    if (f & F_DIACRITIC) tricks.add('diacritics');
    if (f & F_FULLWIDTH) tricks.add('fullwidth');
    if (f & F_TRADITIONAL) tricks.add('traditional-chinese');
    if (skeleton.run[i] !== phrase.runs[offset]) runsDiffer = true;
  }
  if (pieceLength === 1) singleLetterPieces++;
  if (extraBreaks > 0) {
    const spacedOut = singleLetterPieces >= pieces - 1;
    if (!spacedOut && (phrase.letterCount < 6 || extraBreaks > 2)) return null;
    tricks.add('separators');
  }
  if (runsDiffer) {
    if (phrase.letterCount < 5) return null;
    tricks.add('repeated-letters');
  }
  return { last, tricks };
}

function isWordEnd(skeleton: Skeleton, index: number): boolean {
  if (index + 1 >= skeleton.length) return true;
  const next = skeleton.flags[index + 1] as number;
  return (next & (F_BOUNDARY | F_STANDALONE)) !== 0;
}
