/**
 * Verifying an automaton hit against the page text: word boundaries, the word breaks a
 * disguise may add, repeated letters, and which disguises the match took.
 */
import { TRICKS, type Trick } from '../findings.ts';
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

/** Tricks as bits (TRICKS order): hits are many and most are discarded, so no Set per hit. */
export function trickBit(trick: Trick): number {
  return 1 << TRICKS.indexOf(trick);
}

export function trickList(bits: number): Trick[] {
  return TRICKS.filter((_, i) => (bits & (1 << i)) !== 0);
}

/** verify() packs the match's last index and its trick bits into one number. */
const TRICK_SPACE = 1 << TRICKS.length;
export function verifiedLast(packed: number): number {
  return Math.floor(packed / TRICK_SPACE);
}
export function verifiedTricks(packed: number): number {
  return packed % TRICK_SPACE;
}

const ZERO_WIDTH = trickBit('zero-width');
const HOMOGLYPH = trickBit('homoglyph');
const LEETSPEAK = trickBit('leetspeak');
const DIACRITICS = trickBit('diacritics');
const FULLWIDTH = trickBit('fullwidth');
const TRADITIONAL = trickBit('traditional-chinese');
const SEPARATORS = trickBit('separators');
const REPEATED = trickBit('repeated-letters');
const MISSPELLING = trickBit('misspelling');

/**
 * Whether a hit at skeleton [start, end] is a real occurrence of the phrase, and which
 * disguises it took. Latin phrases need word boundaries at both ends (a trailing plural
 * "s" is allowed); extra word breaks inside are a disguise ("o x y c o d o n e",
 * "oxy-codone") accepted for spaced-out letters or long terms; repeated letters must
 * match exactly on short terms. Returns -1, or the last index and trick bits packed
 * (verifiedLast, verifiedTricks).
 */
export function verify(skeleton: Skeleton, start: number, end: number, phrase: CompiledPhrase): number {
  const flags = skeleton.flags;
  if (phrase.needsLeftBoundary && start > 0) {
    const f = flags[start] as number;
    if ((f & F_BOUNDARY) === 0 && ((flags[start - 1] as number) & F_STANDALONE) === 0) return -1;
  }
  let last = end;
  if (phrase.needsRightBoundary && !isWordEnd(skeleton, end)) {
    // A plural: "xanax" → "xanaxes" is a stretch, "perc" → "percs" is common.
    if (phrase.letterCount >= 4 && skeleton.codes[end + 1] === 0x73 && isWordEnd(skeleton, end + 1)) last = end + 1;
    // A phrase ending in a number meets its unit written on: "oxy 30" in "Oxy 30mg".
    else if (!isDigitCode(skeleton.codes[end] as number) || !unitFollows(skeleton, end + 1)) return -1;
  }
  let tricks = 0;
  let extraBreaks = 0;
  let extraBreaksAtSpaces = 0;
  let ownBreaksSeen = 0;
  let singleLetterPieces = 0;
  let pieces = 1;
  let pieceLength = 0;
  let moreRepeats = false;
  let fewerRepeats = false;
  for (let i = start; i <= end; i++) {
    const f = flags[i] as number;
    const offset = i - start;
    if (i > start && (f & F_BOUNDARY) !== 0 && (f & F_STANDALONE) === 0) {
      if (phrase.breaks.includes(offset)) ownBreaksSeen++;
      else {
        extraBreaks++;
        // "oxy-codone", "tra . madoll" split a word with punctuation; "sin semillas" is two real words.
        if (!/\S/.test(skeleton.source.slice(skeleton.end[i - 1] as number, skeleton.start[i] as number))) extraBreaksAtSpaces++;
      }
      if (pieceLength === 1) singleLetterPieces++;
      pieces++;
      pieceLength = 0;
    }
    pieceLength++;
    if (i > start && (f & F_ZERO_WIDTH) !== 0) tricks |= ZERO_WIDTH;
    if (f & F_HOMOGLYPH) tricks |= HOMOGLYPH;
    if (f & F_LEET) tricks |= LEETSPEAK;
    if (f & F_DIACRITIC) tricks |= DIACRITICS;
    if (f & F_FULLWIDTH) tricks |= FULLWIDTH;
    if (f & F_TRADITIONAL) tricks |= TRADITIONAL;
    const run = skeleton.run[i] as number;
    const expected = phrase.runs[offset] as number;
    if (run > expected) moreRepeats = true;
    else if (run < expected) fewerRepeats = true;
  }
  if (pieceLength === 1) singleLetterPieces++;
  // The phrase's own word breaks must be there: "test e" is not "teste", "tren a" not "trena".
  if (ownBreaksSeen < phrase.breaks.length) return -1;
  if (extraBreaks > 0) {
    const spacedOut = singleLetterPieces >= pieces - 1;
    if (!spacedOut && (phrase.letterCount < 6 || extraBreaks > 2 || extraBreaksAtSpaces > 0)) return -1;
    tricks |= SEPARATORS;
  }
  // Letters added ("oxyyycodooone") disguise terms of five letters or more; letters dropped
  // ("aderall") only long terms, since "tooter" and "totter" fold alike.
  if (moreRepeats) {
    if (phrase.letterCount < 5) return -1;
    tricks |= REPEATED;
  }
  if (fewerRepeats) {
    if (phrase.letterCount < 7) return -1;
    tricks |= MISSPELLING;
  }
  return last * TRICK_SPACE + tricks;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The word's remaining letters from `from` are a dose or weight unit. */
function unitFollows(skeleton: Skeleton, from: number): boolean {
  let unit = '';
  for (let i = from; i < skeleton.length && unit.length <= 3; i++) {
    const f = skeleton.flags[i] as number;
    if (i > from && (f & (F_BOUNDARY | F_STANDALONE)) !== 0) break;
    unit += String.fromCharCode(skeleton.codes[i] as number).repeat(skeleton.run[i] as number);
  }
  return DOSE_UNITS.has(unit);
}

const DOSE_UNITS = new Set(['mg', 'mcg', 'ug', 'g', 'gr', 'ml', 'iu', 'x', 'pcs']);

function isWordEnd(skeleton: Skeleton, index: number): boolean {
  if (index + 1 >= skeleton.length) return true;
  const next = skeleton.flags[index + 1] as number;
  return (next & (F_BOUNDARY | F_STANDALONE)) !== 0;
}
