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
  F_DIGIT,
  normalize,
  SkeletonBuffer,
  type Skeleton,
} from '../normalize/index.ts';
import {
  CUE_DRUG,
  CUE_EVASION,
  CUE_PRICE,
  CUE_QUANTITY,
  CUE_RX_DRUG,
  PAYLOAD_CUE,
  PAYLOAD_EXCLUSION,
  type CompiledPacks,
  type CompiledRule,
} from './compiled.ts';
import { findCasNumbers } from './cas-scan.ts';
import { findPrices, findQuantities } from './cues.ts';
import type { CompiledPhrase } from './terms.ts';
import type { EngineScan, Match, SuppressedMatch, TextBlock } from './types.ts';

/** Blocks are apart by this many words for context windows: a title and its description are near, not adjacent. */
const BLOCK_GAP = 3;
/** How far an evasion phrase overrides an exclusion, in words. */
const EVASION_OVERRIDE_WINDOW = 40;
const CONTEXT_CHARS = 60;

interface Candidate {
  rule: number;
  block: number;
  /** Original [start, end) in the block's text. */
  start: number;
  end: number;
  /** Word positions across all blocks, for context windows. */
  tokenStart: number;
  tokenEnd: number;
  tricks: Set<Trick>;
}

/** Where each block's words start, and whether it has digits (for cues found by pattern). */
interface BlockWords {
  tokenBase: number;
  firstToken: number;
  lastToken: number;
  hasDigits: boolean;
}

/** Sorted word positions per cue or exclusion phrase. */
class Positions {
  private readonly lists = new Map<number, number[]>();
  add(id: number, start: number, end: number): void {
    let list = this.lists.get(id);
    if (!list) this.lists.set(id, (list = []));
    list.push(start, end);
  }
  /** Any span of `id` overlapping [from, to]. Spans are few per page: a linear pass is enough. */
  near(id: number, from: number, to: number): boolean {
    const list = this.lists.get(id);
    if (!list) return false;
    for (let i = 0; i < list.length; i += 2) {
      if ((list[i + 1] as number) >= from && (list[i] as number) <= to) return true;
    }
    return false;
  }
}

export function evaluate(compiled: CompiledPacks, blocks: readonly TextBlock[]): EngineScan {
  const words: BlockWords[] = [];
  const candidates: Candidate[] = [];
  const cues = new Positions();
  const exclusions = new Positions();
  const buffer = new SkeletonBuffer();
  let covered = new Uint8Array(256);
  let tokenBase = 0;

  blocks.forEach((block, b) => {
    const skeleton = normalize(block.text, buffer);
    const candidate = (rule: number, first: number, last: number, tricks: Set<Trick>): Candidate => ({
      rule,
      block: b,
      start: skeleton.start[first] as number,
      end: skeleton.end[last] as number,
      tokenStart: tokenBase + (skeleton.token[first] as number),
      tokenEnd: tokenBase + (skeleton.token[last] as number),
      tricks,
    });
    if (covered.length < skeleton.length) covered = new Uint8Array(skeleton.length * 2);
    else covered.fill(0, 0, skeleton.length);
    compiled.automaton.scan(skeleton.codes, skeleton.length, (patternId, end) => {
      const length = compiled.automaton.patternLengths[patternId] as number;
      const start = end - length + 1;
      for (const payload of compiled.payloads[patternId] ?? []) {
        const verified = verify(skeleton, start, end, payload.phrase);
        if (!verified) continue;
        const last = verified.last;
        const tokenStart = tokenBase + (skeleton.token[start] as number);
        const tokenEnd = tokenBase + (skeleton.token[last] as number);
        if (payload.kind === PAYLOAD_CUE) cues.add(payload.id, tokenStart, tokenEnd);
        else if (payload.kind === PAYLOAD_EXCLUSION) exclusions.add(payload.id, tokenStart, tokenEnd);
        else {
          if (payload.variant && verified.tricks.size === 0) verified.tricks.add('misspelling');
          candidates.push(candidate(payload.id, start, last, verified.tricks));
          covered.fill(1, start, last + 1);
        }
      }
    });
    findMisspellings(compiled, skeleton, covered, (rule, first, last) =>
      candidates.push(candidate(rule, first, last, new Set<Trick>(['misspelling']))),
    );
    const hasDigits = containsDigit(skeleton);
    if (hasDigits) {
      for (const hit of findCasNumbers(block.text, compiled)) {
        const first = skeletonIndexAt(skeleton, hit.start);
        const last = Math.max(first, skeletonIndexAt(skeleton, hit.end - 1));
        for (const rule of hit.rules) {
          candidates.push({ ...candidate(rule, first, last, new Set<Trick>(['cas-number'])), start: hit.start, end: hit.end });
        }
      }
    }
    words.push({ tokenBase, firstToken: tokenBase, lastToken: tokenBase + skeleton.tokenCount, hasDigits });
    tokenBase += skeleton.tokenCount + BLOCK_GAP;
  });

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

/** Blocks are in word order: the first block whose words reach `token`. */
function firstBlockEndingAfter(words: readonly BlockWords[], token: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] as BlockWords).lastToken < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

interface Verified {
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
function verify(skeleton: Skeleton, start: number, end: number, phrase: CompiledPhrase): Verified | null {
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

function decide(
  compiled: CompiledPacks,
  blocks: readonly TextBlock[],
  words: BlockWords[],
  candidates: Candidate[],
  cues: Positions,
  exclusions: Positions,
  addPatternCues: (block: number) => void,
): EngineScan {
  const suppressed: SuppressedMatch[] = [];
  const live: Candidate[] = [];
  const evasionSpans: number[] = [];
  const unique = dedupe(candidates);

  // Evasion phrases that need no context are known first: they switch exclusions off nearby.
  for (const c of unique) {
    const rule = compiled.rules[c.rule] as CompiledRule;
    if (rule.isEvasion && !rule.requires) evasionSpans.push(c.tokenStart, c.tokenEnd);
  }
  const evasionNear = (c: Candidate) => {
    for (let i = 0; i < evasionSpans.length; i += 2) {
      if ((evasionSpans[i + 1] as number) >= c.tokenStart - EVASION_OVERRIDE_WINDOW && (evasionSpans[i] as number) <= c.tokenEnd + EVASION_OVERRIDE_WINDOW) return true;
    }
    return false;
  };

  for (const c of unique) {
    const rule = compiled.rules[c.rule] as CompiledRule;
    const excludedBy = rule.excludes.find((exclusion) => {
      const from = exclusion.side === 'after' ? c.tokenStart : c.tokenStart - exclusion.window;
      const to = exclusion.side === 'before' ? c.tokenEnd : c.tokenEnd + exclusion.window;
      return exclusion.phrases.some((phrase) => exclusions.near(phrase, from, to));
    });
    if (excludedBy && !evasionNear(c)) {
      suppressed.push(suppression(compiled, blocks, c, 'a benign use is named nearby'));
      continue;
    }
    live.push(c);
  }

  // Accept what needs no context, then what the accepted findings give context to.
  const accepted = new Set<Candidate>();
  const giveCues = (c: Candidate) => {
    const rule = compiled.rules[c.rule] as CompiledRule;
    if (rule.isDrug && rule.rule.tier !== 'C') cues.add(CUE_DRUG, c.tokenStart, c.tokenEnd);
    if (rule.rule.rxOnly && rule.rule.tier !== 'C') cues.add(CUE_RX_DRUG, c.tokenStart, c.tokenEnd);
    if (rule.isEvasion) cues.add(CUE_EVASION, c.tokenStart, c.tokenEnd);
  };
  for (const c of live) {
    if (!(compiled.rules[c.rule] as CompiledRule).requires) {
      accepted.add(c);
      giveCues(c);
    }
  }
  // Quantities and prices are found by pattern, only in blocks where a rule may need them.
  const needsPatternCues = new Set<number>();
  for (const c of live) {
    const requires = (compiled.rules[c.rule] as CompiledRule).requires;
    if (!requires || !requires.cues.some((cue) => cue === CUE_QUANTITY || cue === CUE_PRICE)) continue;
    const from = c.tokenStart - requires.window;
    const to = c.tokenEnd + requires.window;
    for (let b = firstBlockEndingAfter(words, from); b < words.length && (words[b] as BlockWords).firstToken <= to; b++) {
      needsPatternCues.add(b);
    }
  }
  for (const b of needsPatternCues) addPatternCues(b);
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of live) {
      if (accepted.has(c)) continue;
      const requires = (compiled.rules[c.rule] as CompiledRule).requires as NonNullable<CompiledRule['requires']>;
      const from = c.tokenStart - requires.window;
      const to = c.tokenEnd + requires.window;
      if (requires.cues.some((cue) => cues.near(cue, from, to) && !isSelfCue(c, cue, compiled))) {
        accepted.add(c);
        giveCues(c);
        changed = true;
      }
    }
  }
  for (const c of live) {
    if (!accepted.has(c)) suppressed.push(suppression(compiled, blocks, c, 'needs drug context nearby'));
  }

  const matches = [...accepted].map((c) => toMatch(compiled, blocks, c));
  matches.sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end);
  return { matches, suppressed };
}

/** A drug-context rule cannot be its own context. */
function isSelfCue(c: Candidate, cue: number, compiled: CompiledPacks): boolean {
  const rule = compiled.rules[c.rule] as CompiledRule;
  return (cue === CUE_DRUG && rule.isDrug && rule.rule.tier !== 'C') || (cue === CUE_EVASION && rule.isEvasion);
}

/** One candidate per rule and place: the longest, when hits of a rule overlap. */
function dedupe(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => a.rule - b.rule || a.block - b.block || a.start - b.start || b.end - a.end,
  );
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && previous.rule === c.rule && previous.block === c.block && c.start < previous.end) {
      if (c.end > previous.end) {
        previous.end = c.end;
        previous.tokenEnd = Math.max(previous.tokenEnd, c.tokenEnd);
      }
      continue;
    }
    kept.push(c);
  }
  return kept;
}

function suppression(
  compiled: CompiledPacks,
  blocks: readonly TextBlock[],
  c: Candidate,
  reason: string,
): SuppressedMatch {
  const rule = (compiled.rules[c.rule] as CompiledRule).rule;
  const { start, end } = c;
  const text = (blocks[c.block] as TextBlock).text;
  return { ruleId: rule.id, term: rule.canonical, matched: text.slice(start, end), block: c.block, start, end, reason };
}

function toMatch(compiled: CompiledPacks, blocks: readonly TextBlock[], c: Candidate): Match {
  const entry = compiled.rules[c.rule] as CompiledRule;
  const rule = entry.rule;
  const block = blocks[c.block] as TextBlock;
  const { start, end } = c;
  const matched = block.text.slice(start, end);
  const tricks = new Set(c.tricks);
  // A match spelled as one of the rule's own terms used no disguise, however it was found.
  if (entry.literals.has(matched.toLowerCase())) {
    for (const trick of [...tricks]) if (trick !== 'cas-number') tricks.delete(trick);
  }
  if (block.where === 'hidden') tricks.add('hidden-text');
  if (block.elementBoundaries?.some((offset) => offset > start && offset < end)) tricks.add('split-across-elements');
  const trickList = [...tricks];
  return {
    ruleId: rule.id,
    term: rule.canonical,
    category: rule.category,
    severity: rule.severity,
    matched,
    where: block.where,
    zone: block.zone,
    context: excerpt(block.text, start, end),
    tricks: trickList,
    explanation: `“${matched}” → ${rule.canonical}${trickList.length ? ` (${trickList.join(', ')})` : ''} · ${rule.title}`,
    block: c.block,
    start,
    end,
    tier: rule.tier,
    packId: entry.packId,
    packVersion: entry.packVersion,
    rxOnly: rule.rxOnly === true,
  };
}

function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
