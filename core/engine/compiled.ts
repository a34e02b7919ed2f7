/**
 * The compiled form of a set of packs: one automaton over every rule term, cue word and
 * exclusion phrase, plus the per-rule tables the evaluator needs. Built once, reused.
 */
import { BUILTIN_CUES, type Pack, type Rule } from '../rules/schema.ts';
import { TERM_LANGUAGES } from '../rules/schema.ts';
import { buildAutomaton, type Automaton } from './automaton.ts';
import { FuzzyIndex } from './fuzzy.ts';
import { compilePhrase, lookalikeVariants, type CompiledPhrase } from './terms.ts';

export const PAYLOAD_TERM = 0;
export const PAYLOAD_CUE = 1;
export const PAYLOAD_EXCLUSION = 2;

export interface Payload {
  kind: typeof PAYLOAD_TERM | typeof PAYLOAD_CUE | typeof PAYLOAD_EXCLUSION;
  /** Rule index, cue id or exclusion phrase id. */
  id: number;
  phrase: CompiledPhrase;
  /** Matched through a lookalike variant ("vaiium" for "valium"). */
  variant: boolean;
}

export interface CompiledRequirement {
  cues: number[];
  window: number;
}

export interface CompiledExclusion {
  phrases: number[];
  window: number;
  side: 'before' | 'after' | 'both';
}

export interface CompiledRule {
  rule: Rule;
  packId: string;
  packVersion: string;
  /** The rule's terms as written, lower-cased: a match equal to one of them used no disguise. */
  literals: Set<string>;
  requires: CompiledRequirement | null;
  excludes: CompiledExclusion[];
  isDrug: boolean;
  isEvasion: boolean;
}

export const CUE_QUANTITY = 0;
export const CUE_PRICE = 1;
export const CUE_DRUG = 2;
export const CUE_RX_DRUG = 3;
export const CUE_EVASION = 4;

const NON_DRUG_CATEGORIES = new Set(['evasion', 'rx-without-prescription', 'pharmacy-claim', 'paraphernalia']);
const DEFAULT_REQUIRE_WINDOW = 12;
const DEFAULT_EXCLUDE_WINDOW = 4;

export interface CompiledPacks {
  packs: { id: string; version: string }[];
  rules: CompiledRule[];
  cueNames: string[];
  patterns: string[];
  payloads: Payload[][];
  automaton: Automaton;
  fuzzy: FuzzyIndex;
  /** CAS number → rule indices. */
  cas: Map<string, number[]>;
  /** First block of a CAS number (≥ 4 digits) → rule indices, for shortened forms like "CAS79099". */
  casPrefixes: Map<string, number[]>;
  termCount: number;
}

export function compilePacks(packs: readonly Pack[]): CompiledPacks {
  const cueNames: string[] = [...BUILTIN_CUES];
  const cueIds = new Map<string, number>(cueNames.map((name, id) => [name, id]));
  const patternIds = new Map<string, number>();
  const patterns: string[] = [];
  const payloads: Payload[][] = [];
  const exclusionIds = new Map<string, number>();
  const fuzzy = new FuzzyIndex();
  const cas = new Map<string, number[]>();
  const casPrefixes = new Map<string, number[]>();
  const rules: CompiledRule[] = [];
  let termCount = 0;

  const addPattern = (pattern: string, payload: Payload): void => {
    let id = patternIds.get(pattern);
    if (id === undefined) {
      id = patterns.length;
      patternIds.set(pattern, id);
      patterns.push(pattern);
      payloads.push([]);
    }
    const list = payloads[id] as Payload[];
    // Phrases of one rule may fold alike but break differently ("2f-dck", "2-fdck"): keep each.
    const same = (p: Payload) => p.kind === payload.kind && p.id === payload.id && p.phrase.shape === payload.phrase.shape;
    if (!list.some(same)) list.push(payload);
  };
  const cueId = (name: string): number => {
    let id = cueIds.get(name);
    if (id === undefined) {
      id = cueNames.length;
      cueIds.set(name, id);
      cueNames.push(name);
    }
    return id;
  };

  for (const pack of packs) {
    for (const [name, words] of Object.entries(pack.cues ?? {})) {
      const id = cueId(name);
      for (const word of words) {
        const phrase = compilePhrase(word);
        if (phrase) addPattern(phrase.pattern, { kind: PAYLOAD_CUE, id, phrase, variant: false });
      }
    }
  }

  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (rule.status === 'deprecated') continue;
      const index = rules.length;
      const literals = new Set<string>();
      for (const language of TERM_LANGUAGES) {
        for (const term of rule.terms[language] ?? []) {
          const phrase = compilePhrase(term);
          if (!phrase) continue;
          termCount++;
          literals.add(term.toLowerCase());
          addPattern(phrase.pattern, { kind: PAYLOAD_TERM, id: index, phrase, variant: false });
          for (const variant of lookalikeVariants(phrase.pattern)) {
            const compiledVariant = compilePhrase(variant);
            if (compiledVariant) addPattern(compiledVariant.pattern, { kind: PAYLOAD_TERM, id: index, phrase: compiledVariant, variant: true });
          }
          if (rule.fuzzy !== false) fuzzy.add(phrase, index);
        }
      }
      for (const number of rule.cas ?? []) {
        push(cas, number, index);
        const first = number.split('-')[0] as string;
        if (first.length >= 4) push(casPrefixes, first, index);
      }
      const requires = rule.context?.requires;
      const compiledExcludes = (rule.context?.excludes ?? []).map((exclusion) => ({
        window: exclusion.window ?? DEFAULT_EXCLUDE_WINDOW,
        side: exclusion.side ?? 'both',
        phrases: exclusion.terms.flatMap((term) => {
          const phrase = compilePhrase(term);
          if (!phrase) return [];
          let id = exclusionIds.get(phrase.pattern);
          if (id === undefined) {
            id = exclusionIds.size;
            exclusionIds.set(phrase.pattern, id);
          }
          addPattern(phrase.pattern, { kind: PAYLOAD_EXCLUSION, id, phrase, variant: false });
          return [id];
        }),
      }));
      rules.push({
        rule,
        packId: pack.id,
        packVersion: pack.version,
        literals,
        requires: requires
          ? { cues: requires.cues.map(cueId), window: requires.window ?? DEFAULT_REQUIRE_WINDOW }
          : null,
        excludes: compiledExcludes,
        isDrug: !NON_DRUG_CATEGORIES.has(rule.category),
        isEvasion: rule.category === 'evasion',
      });
    }
  }

  return {
    packs: packs.map((pack) => ({ id: pack.id, version: pack.version })),
    rules,
    cueNames,
    patterns,
    payloads,
    automaton: buildAutomaton(patterns),
    fuzzy,
    cas,
    casPrefixes,
    termCount,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
