/** Where the benchmarks live and write. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_FILE = resolve(ROOT, 'bench/results.json');
