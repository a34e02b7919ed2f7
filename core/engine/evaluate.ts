/**
 * Rule evaluation: from raw automaton hits to findings.
 *
 * 1. Every block is normalised and scanned once; each hit is verified against the page
 *    text (word boundaries for Latin terms, which word breaks a disguise may add,
 *    repeated letters on short terms) and recorded as a candidate, a cue or an exclusion.
 * 2. Long words the automaton missed are tried for misspellings; CAS numbers are checked.
 * 3. Exclusions near a candidate suppress it ("fentanyl test strips"), unless an evasion
 *    phrase is near too — sellers add "test strip" to dodge filters (DOMAIN.md §4).
 * 4. Rules without context requirements are accepted; they provide the "drug", "rx-drug"
 *    and "evasion" cues for rules that need context ("sin receta" near a prescription
 *    drug; "snow" near a quantity), which are then decided until nothing changes.
 */
import { F_BOUNDARY, F_DIGIT, F_STANDALONE, normalize, SkeletonBuffer, type Skeleton } from '../normalize/index.ts';
import { CUE_PRICE, CUE_QUANTITY, PAYLOAD_CUE, PAYLOAD_EXCLUSION, type CompiledPacks } from './compiled.ts';
import { findCasNumbers } from './cas-scan.ts';
import { findPrices, findQuantities } from './cues.ts';
import { decide, Positions, type BlockWords, type Candidate } from './decide.ts';
import type { EngineScan, TextBlock } from './types.ts';
import { trickBit, verifiedLast, verifiedTricks, verify } from './verify.ts';

/** Blocks are apart by this many words for context windows: a title and its description are near, not adjacent. */
const BLOCK_GAP = 3;
const MISSPELLING = trickBit('misspelling');
const CAS_NUMBER = trickBit('cas-number');

export function evaluate(compiled: CompiledPacks, blocks: readonly TextBlock[]): EngineScan {
  const words: BlockWords[] = [];
  const candidates: Candidate[] = [];
  const cues = new Positions();
  const exclusions = new Positions();
  const buffer = new SkeletonBuffer();
  let covered = new Uint8Array(256);
  let tokenBase = 0;

  // The block being scanned, read by the one hit handler below (no closure per block).
  let b = 0;
  let skeleton: Skeleton = normalize('', buffer);
  const candidate = (rule: number, first: number, last: number, tricks: number): Candidate => ({
    rule,
    block: b,
    start: skeleton.start[first] as number,
    end: skeleton.end[last] as number,
    tokenStart: tokenBase + (skeleton.token[first] as number),
    tokenEnd: tokenBase + (skeleton.token[last] as number),
    tricks,
  });
  const onHit = (patternId: number, end: number): void => {
    const start = end - (compiled.automaton.patternLengths[patternId] as number) + 1;
    for (const payload of compiled.payloads[patternId] ?? []) {
      const packed = verify(skeleton, start, end, payload.phrase);
      if (packed < 0) continue;
      const last = verifiedLast(packed);
      if (payload.kind === PAYLOAD_CUE || payload.kind === PAYLOAD_EXCLUSION) {
        const tokenStart = tokenBase + (skeleton.token[start] as number);
        const tokenEnd = tokenBase + (skeleton.token[last] as number);
        (payload.kind === PAYLOAD_CUE ? cues : exclusions).add(payload.id, tokenStart, tokenEnd);
        continue;
      }
      let tricks = verifiedTricks(packed);
      if (payload.variant && tricks === 0) tricks = MISSPELLING;
      candidates.push(candidate(payload.id, start, last, tricks));
      covered.fill(1, start, last + 1);
    }
  };

  for (b = 0; b < blocks.length; b++) {
    const block = blocks[b] as TextBlock;
    skeleton = normalize(block.text, buffer);
    if (covered.length < skeleton.length) covered = new Uint8Array(skeleton.length * 2);
    else covered.fill(0, 0, skeleton.length);
    compiled.automaton.scan(skeleton.codes, skeleton.length, onHit);
    findMisspellings(compiled, skeleton, covered, (rule, first, last) => candidates.push(candidate(rule, first, last, MISSPELLING)));
    const hasDigits = containsDigit(skeleton);
    if (hasDigits) {
      for (const hit of findCasNumbers(block.text, compiled)) {
        const first = skeletonIndexAt(skeleton, hit.start);
        const last = Math.max(first, skeletonIndexAt(skeleton, hit.end - 1));
        for (const rule of hit.rules) {
          candidates.push({ ...candidate(rule, first, last, CAS_NUMBER), start: hit.start, end: hit.end });
        }
      }
    }
    words.push({ tokenBase, firstToken: tokenBase, lastToken: tokenBase + skeleton.tokenCount, hasDigits });
    tokenBase += skeleton.tokenCount + BLOCK_GAP;
  }

  const addPatternCues = (b: number) => {
    const block = blocks[b] as TextBlock;
    const info = words[b] as BlockWords;
    if (!info.hasDigits && !/\b(?:qp|hp|zips?|eight)\b/i.test(block.text)) return;
    const quantities = findQuantities(block.text);
    const prices = findPrices(block.text);
    if (quantities.length + prices.length === 0) return;
    const skeleton = normalize(block.text, buffer);
    for (const span of quantities) addCue(cues, CUE_QUANTITY, skeleton, info.tokenBase, span);
    for (const span of prices) addCue(cues, CUE_PRICE, skeleton, info.tokenBase, span);
  };
  return decide(compiled, blocks, words, candidates, cues, exclusions, addPatternCues);
}

function containsDigit(skeleton: Skeleton): boolean {
  for (let i = 0; i < skeleton.length; i++) if (((skeleton.flags[i] as number) & F_DIGIT) !== 0) return true;
  return false;
}

function addCue(cues: Positions, id: number, skeleton: Skeleton, base: number, span: { start: number; end: number }): void {
  if (skeleton.length === 0) return;
  const first = skeletonIndexAt(skeleton, span.start);
  const last = skeletonIndexAt(skeleton, span.end - 1);
  cues.add(id, base + (skeleton.token[first] as number), base + (skeleton.token[last] as number));
}

/** The skeleton character covering (or first after) an original offset. */
function skeletonIndexAt(skeleton: Skeleton, offset: number): number {
  let lo = 0;
  let hi = skeleton.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((skeleton.end[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words of the skeleton not covered by an exact match, tried against the misspelling index. */
function findMisspellings(
  compiled: CompiledPacks,
  skeleton: Skeleton,
  covered: Uint8Array,
  found: (rule: number, first: number, last: number) => void,
): void {
  if (compiled.fuzzy.size === 0) return;
  const { codes, flags, length } = skeleton;
  let i = 0;
  while (i < length) {
    const f = flags[i] as number;
    if ((f & F_STANDALONE) !== 0) {
      i++;
      continue;
    }
    let j = i + 1;
    let letters = isLowerLetter(codes[i] as number);
    while (j < length && ((flags[j] as number) & (F_BOUNDARY | F_STANDALONE)) === 0) {
      if (!isLowerLetter(codes[j] as number)) letters = false;
      j++;
    }
    const wordLength = j - i;
    if (letters && wordLength >= 6 && covered[i] === 0 && compiled.fuzzy.mayMatch(codes, i, j)) {
      const word = String.fromCharCode(...codes.subarray(i, j));
      for (const entry of compiled.fuzzy.lookup(word)) found(entry.rule, i, j - 1);
    }
    i = j;
  }
}

function isLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
