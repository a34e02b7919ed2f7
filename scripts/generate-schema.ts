/**
 * Writes rules/pack.schema.json from the zod schema (npm run schema). Editors use it
 * to complete and check pack files; rules/packs.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { packJsonSchema } from '../core/rules/format.ts';

const target = new URL('../rules/pack.schema.json', import.meta.url);
writeFileSync(target, packJsonSchema());
console.log(`wrote ${target.pathname}`);
