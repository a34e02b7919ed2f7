/**
 * Misspellings: words at edit distance 1 (one letter dropped, added, changed, or two
 * swapped) from a long rule term ("oxycodne", "fentanil", "alprazolan"). Only terms of
 * seven letters or more take part: shorter ones have too many real-word neighbours.
 *
 * Symmetric-delete index: every term and each of its one-letter deletions is a key; a
 * page word is looked up by itself and its deletions, then confirmed by a real
 * Damerau-Levenshtein check. A cheap prefix/suffix filter runs first, because one edit
 * cannot touch both the first three and the last three letters of a long word.
 */
import type { CompiledPhrase } from './terms.ts';

export const FUZZY_MIN_LENGTH = 7;

/** Common words one edit away from a drug name: never a misspelling of it. */
const REAL_WORDS = new Set([
  'morphing',
  'heroine',
  'heroines',
  'codeines',
  'steroidal',
  'methadones',
  'ketamines',
  'stimulate',
  'hydrocodones',
]);

export interface FuzzyEntry {
  rule: number;
  phrase: CompiledPhrase;
}

export class FuzzyIndex {
  private readonly keys = new Map<string, FuzzyEntry[]>();
  /**
   * First and last three letters of every term with the lengths of words one edit away, as
   * numbers: a page word is tried only when its own first or last three letters and length match.
   */
  private readonly prefixes = new Set<number>();
  private readonly suffixes = new Set<number>();
  private readonly exact = new Set<string>();
  private minLength = Infinity;
  private maxLength = 0;

  add(phrase: CompiledPhrase, rule: number): void {
    const term = phrase.pattern;
    this.exact.add(term);
    if (phrase.breaks.length > 0 || term.length < FUZZY_MIN_LENGTH || !/^[a-z]+$/.test(term)) return;
    const entry = { rule, phrase };
    this.put(term, entry);
    for (const key of deletions(term)) this.put(key, entry);
    const n = term.length;
    const prefix = trigram(term.charCodeAt(0), term.charCodeAt(1), term.charCodeAt(2));
    const suffix = trigram(term.charCodeAt(n - 3), term.charCodeAt(n - 2), term.charCodeAt(n - 1));
    for (let length = n - 1; length <= n + 1; length++) {
      this.prefixes.add(withLength(prefix, length));
      this.suffixes.add(withLength(suffix, length));
    }
    this.minLength = Math.min(this.minLength, term.length);
    this.maxLength = Math.max(this.maxLength, term.length);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Whether the word codes[from, to) could be within one edit of a term: cheap, no allocation. */
  mayMatch(codes: Uint16Array, from: number, to: number): boolean {
    const length = to - from;
    if (length < this.minLength - 1 || length > this.maxLength + 1) return false;
    return (
      this.prefixes.has(withLength(trigram(codes[from] as number, codes[from + 1] as number, codes[from + 2] as number), length)) ||
      this.suffixes.has(withLength(trigram(codes[to - 3] as number, codes[to - 2] as number, codes[to - 1] as number), length))
    );
  }

  /** Terms within one edit of `word` (but not equal to any term: exact matches come from the automaton). */
  lookup(word: string): FuzzyEntry[] {
    if (this.exact.has(word) || REAL_WORDS.has(word)) return [];
    const found: FuzzyEntry[] = [];
    const seen = new Set<FuzzyEntry>();
    const consider = (key: string) => {
      for (const entry of this.keys.get(key) ?? []) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        if (withinOneEdit(word, entry.phrase.pattern)) found.push(entry);
      }
    };
    consider(word);
    for (const key of deletions(word)) consider(key);
    return found;
  }

  private put(key: string, entry: FuzzyEntry): void {
    const list = this.keys.get(key);
    if (list) list.push(entry);
    else this.keys.set(key, [entry]);
  }
}

/** Three lower-case ASCII letters (the only words tried) as one number. */
function trigram(a: number, b: number, c: number): number {
  return ((a - 0x60) * 32 + (b - 0x60)) * 32 + (c - 0x60);
}

function withLength(gram: number, length: number): number {
  return gram * 64 + Math.min(length, 63);
}

function deletions(word: string): Set<string> {
  const result = new Set<string>();
  for (let i = 0; i < word.length; i++) result.add(word.slice(0, i) + word.slice(i + 1));
  return result;
}

/** Damerau-Levenshtein distance (optimal string alignment) ≤ 1. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // One substitution, or one swap of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One insertion or deletion.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
