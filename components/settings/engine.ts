/**
 * The engine the "try it" box uses. core/engine/index.ts (compileEngine) is being
 * written by the coordinator; until it is merged, "try it" says the engine is not
 * available rather than pretending.
 */
import type { CompiledEngine } from '../../core/engine/types.ts';
import type { Pack } from '../../core/rules/schema.ts';

export const compileForTryIt: ((packs: Pack[]) => CompiledEngine) | null = null;
