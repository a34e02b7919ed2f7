/** Prints pack sizes (rules per pack and tier, terms per language, CAS numbers): node scripts/pack-stats.ts */
import { DEFAULT_PACK_ERRORS, DEFAULT_PACKS } from '../core/rules/defaults.ts';
import { formatStats, packStats } from '../core/rules/stats.ts';

console.log(formatStats(DEFAULT_PACKS.map(packStats)));
for (const e of DEFAULT_PACK_ERRORS) console.error(`${e.file} ${e.path}: ${e.message} (expected ${e.expected})`);
if (DEFAULT_PACK_ERRORS.length > 0) process.exit(1);
