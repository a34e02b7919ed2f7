/**
 * Compiling phrases (rule terms, cue words, exclusion words) into matcher patterns:
 * each phrase goes through the page-text normaliser, and keeps what verification
 * needs — where its own word breaks are, its repeated-letter runs, and whether its
 * ends need a word boundary (Latin) or not (Chinese, emoji).
 */
import { F_BOUNDARY, F_STANDALONE, normalize, SkeletonBuffer, skeletonText } from '../normalize/index.ts';

/** Phrases are compiled one after another: one buffer serves them all. */
const scratch = new SkeletonBuffer();

export interface CompiledPhrase {
  /** The skeleton the matcher looks for. */
  pattern: string;
  /** Offsets inside the pattern where the phrase itself has a word break ("no prescription" → [2]). */
  breaks: readonly number[];
  /** Repeated-letter runs per pattern character ("adderall" → a,d×2,e,r,a,l×2). */
  runs: Uint8Array;
  needsLeftBoundary: boolean;
  needsRightBoundary: boolean;
  /** Letters and digits as written (repeats counted), for length thresholds. */
  letterCount: number;
  /** Breaks and runs as one string: phrases of one rule that fold alike are kept apart only when it differs. */
  shape: string;
}

export function compilePhrase(phrase: string): CompiledPhrase | null {
  const skeleton = normalize(phrase, scratch);
  if (skeleton.length === 0) return null;
  const breaks: number[] = [];
  for (let i = 1; i < skeleton.length; i++) {
    const flags = skeleton.flags[i] as number;
    if ((flags & F_BOUNDARY) !== 0 && (flags & F_STANDALONE) === 0) breaks.push(i);
  }
  const first = skeleton.flags[0] as number;
  const last = skeleton.flags[skeleton.length - 1] as number;
  let letterCount = 0;
  for (let i = 0; i < skeleton.length; i++) {
    if (((skeleton.flags[i] as number) & F_STANDALONE) === 0) letterCount += skeleton.run[i] as number;
  }
  return {
    pattern: skeletonText(skeleton),
    breaks,
    runs: skeleton.run.slice(0, skeleton.length),
    needsLeftBoundary: (first & F_STANDALONE) === 0,
    needsRightBoundary: (last & F_STANDALONE) === 0,
    letterCount,
    shape: `${breaks.join(',')}|${skeleton.run.subarray(0, skeleton.length).join(',')}`,
  };
}

/**
 * "va1ium" and "vaIium" fold to "vaiium": a term with one or two l's also matches with
 * i in their place, for terms long enough that the variant is no real word.
 */
export function lookalikeVariants(pattern: string): string[] {
  if (pattern.length < 5) return [];
  const positions: number[] = [];
  for (let i = 0; i < pattern.length; i++) if (pattern[i] === 'l') positions.push(i);
  if (positions.length === 0 || positions.length > 2) return [];
  const variants = new Set<string>();
  for (let mask = 1; mask < 1 << positions.length; mask++) {
    const chars = [...pattern];
    positions.forEach((position, bit) => {
      if (mask & (1 << bit)) chars[position] = 'i';
    });
    variants.add(chars.join(''));
  }
  return [...variants];
}
