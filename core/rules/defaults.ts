/**
 * The rule packs bundled with the extension and the CLI, validated once at start-up.
 * A bundled pack that fails validation is left out and reported (DEFAULT_PACK_ERRORS)
 * rather than taking the other packs down with it; rules/packs.test.ts keeps the
 * list empty in practice.
 */
import controlledSubstances from '../../rules/controlled-substances.json' with { type: 'json' };
import emojiSlang from '../../rules/emoji-slang.json' with { type: 'json' };
import evasion from '../../rules/evasion.json' with { type: 'json' };
import paraphernalia from '../../rules/paraphernalia.json' with { type: 'json' };
import pharmacyClaim from '../../rules/pharmacy-claim.json' with { type: 'json' };
import precursors from '../../rules/precursors.json' with { type: 'json' };
import rxOnline from '../../rules/rx-online.json' with { type: 'json' };
import { validatePack } from './load.ts';
import type { PackError } from './load.ts';
import type { Pack } from './schema.ts';

/** File name and parsed JSON of every bundled pack, in load order. */
export const BUNDLED_PACK_FILES: ReadonlyArray<{ file: string; json: unknown }> = [
  { file: 'rules/controlled-substances.json', json: controlledSubstances },
  { file: 'rules/rx-online.json', json: rxOnline },
  { file: 'rules/precursors.json', json: precursors },
  { file: 'rules/evasion.json', json: evasion },
  { file: 'rules/emoji-slang.json', json: emojiSlang },
  { file: 'rules/paraphernalia.json', json: paraphernalia },
  { file: 'rules/pharmacy-claim.json', json: pharmacyClaim },
];

function loadBundled(): { packs: Pack[]; errors: PackError[] } {
  const packs: Pack[] = [];
  const errors: PackError[] = [];
  for (const { file, json } of BUNDLED_PACK_FILES) {
    const result = validatePack(json, file);
    if (result.ok) packs.push(result.pack);
    else errors.push(...result.errors);
  }
  return { packs, errors };
}

const loaded = loadBundled();

/** The bundled packs that passed validation. */
export const DEFAULT_PACKS: readonly Pack[] = loaded.packs;
/** Why any bundled pack was left out (empty when all are valid). */
export const DEFAULT_PACK_ERRORS: readonly PackError[] = loaded.errors;
