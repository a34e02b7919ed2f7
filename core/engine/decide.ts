/**
 * Deciding which candidates become findings: exclusions, context requirements, and the
 * finding each accepted candidate becomes (see evaluate.ts for the whole sequence).
 */
import {
  CUE_DRUG,
  CUE_EVASION,
  CUE_PRICE,
  CUE_QUANTITY,
  CUE_RX_DRUG,
  type CompiledPacks,
  type CompiledRule,
} from './compiled.ts';
import type { EngineScan, Match, SuppressedMatch, TextBlock } from './types.ts';
import { trickBit, trickList } from './verify.ts';

const CAS_NUMBER = trickBit('cas-number');

/** How far an evasion phrase overrides an exclusion, in words. */
const EVASION_OVERRIDE_WINDOW = 40;
const CONTEXT_CHARS = 60;

export interface Candidate {
  rule: number;
  block: number;
  /** Original [start, end) in the block's text. */
  start: number;
  end: number;
  /** Word positions across all blocks, for context windows. */
  tokenStart: number;
  tokenEnd: number;
  /** Trick bits (verify.ts). */
  tricks: number;
}

/** Where each block's words start, and whether it has digits (for cues found by pattern). */
export interface BlockWords {
  tokenBase: number;
  firstToken: number;
  lastToken: number;
  hasDigits: boolean;
}

/** Sorted word positions per cue or exclusion phrase. */
export class Positions {
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

export function decide(
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
  const unique = dedupe(candidates);

  // Evasion phrases that need no context are known first: they switch exclusions off nearby
  // (but not their own: "escrow … for real estate closing" is excluded by its own rule).
  const evasions = unique.filter((c) => {
    const rule = compiled.rules[c.rule] as CompiledRule;
    return rule.isEvasion && !rule.requires;
  });
  const evasionNear = (c: Candidate) =>
    evasions.some(
      (e) =>
        e !== c &&
        !(e.block === c.block && e.start < c.end && c.start < e.end) &&
        e.tokenEnd >= c.tokenStart - EVASION_OVERRIDE_WINDOW &&
        e.tokenStart <= c.tokenEnd + EVASION_OVERRIDE_WINDOW,
    );

  for (const c of unique) {
    const rule = compiled.rules[c.rule] as CompiledRule;
    const excludedBy = rule.excludes.find((exclusion) => {
      const from = exclusion.side === 'after' ? c.tokenStart : c.tokenStart - exclusion.window;
      const to = exclusion.side === 'before' ? c.tokenEnd : c.tokenEnd + exclusion.window;
      return exclusion.phrases.some((phrase) => exclusions.near(phrase, from, to));
    });
    // A valid listed CAS number is never excused by a benign word nearby (DOMAIN.md §4).
    if (excludedBy && !evasionNear(c) && (c.tricks & CAS_NUMBER) === 0) {
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
  const tricks = new Set(trickList(c.tricks));
  // A match spelled as one of the rule's own terms used no disguise, however it was found.
  if (entry.literals.has(matched.toLowerCase())) {
    for (const trick of [...tricks]) if (trick !== 'cas-number') tricks.delete(trick);
  }
  if (block.where === 'hidden') tricks.add('hidden-text');
  if (block.elementBoundaries?.some((offset) => offset > start && offset < end)) tricks.add('split-across-elements');
  const names = [...tricks];
  return {
    ruleId: rule.id,
    term: rule.canonical,
    category: rule.category,
    severity: rule.severity,
    matched,
    where: block.where,
    zone: block.zone,
    context: excerpt(block.text, start, end),
    tricks: names,
    explanation: `“${matched}” → ${rule.canonical}${names.length ? ` (${names.join(', ')})` : ''} · ${rule.title}`,
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
