/**
 * Rewrites every pack in rules/ in the canonical layout (sorted rule ids, schema key
 * order, two-space JSON). `--check` only reports files that would change, one line
 * each with the first differing line, and exits 1 (rules/packs.test.ts runs it).
 * A directory argument formats packs elsewhere (the test checks a hand-edited copy).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFormatProblem, formatPack, formatProblem } from '../core/rules/format.ts';

const args = process.argv.slice(2);
const check = args.includes('--check');
const given = args.find((a) => !a.startsWith('--'));
const dir = given ?? fileURLToPath(new URL('../rules/', import.meta.url));
const label = given ?? 'rules';
let failed = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'pack.schema.json').sort()) {
  const url = join(dir, name);
  const file = `${label.replace(/\/$/, '')}/${name}`;
  const text = readFileSync(url, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Nothing to format until the JSON reads; the loader gives line and column.
    console.error(`${file}: not valid JSON (${(error as Error).message}); fix it by hand, then run npm run packs:format`);
    failed++;
    continue;
  }
  const problem = formatProblem(text);
  if (!problem) continue;
  if (check) {
    console.error(describeFormatProblem(file, problem));
    failed++;
  } else {
    writeFileSync(url, formatPack(value));
    console.log(`formatted ${file}`);
  }
}
if (failed > 0) process.exit(1);
