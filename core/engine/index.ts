/**
 * The detection engine: compile the enabled packs once, then scan text blocks.
 * Shared unchanged by the content script, the CLI and the benchmarks.
 */
import type { Pack } from '../rules/schema.ts';
import { compilePacks } from './compiled.ts';
import { evaluate } from './evaluate.ts';
import type { CompiledEngine, TextBlock } from './types.ts';

export function compileEngine(packs: readonly Pack[]): CompiledEngine {
  const compiled = compilePacks(packs);
  return {
    packs: compiled.packs,
    ruleCount: compiled.rules.length,
    termCount: compiled.termCount,
    scan: (blocks: readonly TextBlock[]) => evaluate(compiled, blocks),
  };
}

export type { CompiledEngine, EngineScan, Match, SuppressedMatch, TextBlock, PageLink } from './types.ts';
