/** The engine the "try it" box uses: the same one the content script and the CLI run. */
import { compileEngine } from '../../core/engine/index.ts';
import type { CompiledEngine } from '../../core/engine/types.ts';
import type { Pack } from '../../core/rules/schema.ts';

export const compileForTryIt: ((packs: Pack[]) => CompiledEngine) | null = compileEngine;
