/**
 * Rewrites every pack in rules/ in the canonical layout (sorted rule ids, schema key
 * order, two-space JSON). `--check` only reports files that would change.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { formatPack } from '../core/rules/format.ts';

const dir = new URL('../rules/', import.meta.url);
const check = process.argv.includes('--check');
let changed = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'pack.schema.json').sort()) {
  const url = new URL(name, dir);
  const text = readFileSync(url, 'utf8');
  const formatted = formatPack(JSON.parse(text));
  if (formatted === text) continue;
  changed++;
  if (check) console.log(`needs formatting: rules/${name}`);
  else {
    writeFileSync(url, formatted);
    console.log(`formatted rules/${name}`);
  }
}
if (check && changed > 0) process.exit(1);
