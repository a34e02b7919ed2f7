/**
 * The shared real data (../shared/realpages, ../shared/realrecords), read in place and never
 * copied into the project. Tests that need it skip with a clear message where it is absent.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A file under the shared folder: $SHARED_DIR, then ../shared, ../../shared, /work/shared from the repo root. */
export function locateShared(relativePath: string): string | null {
  const roots = [process.env['SHARED_DIR'], resolve(repoRoot, '../shared'), resolve(repoRoot, '../../shared'), '/work/shared'];
  for (const root of roots) {
    if (!root) continue;
    const path = join(root, relativePath);
    if (existsSync(path)) return path;
  }
  return null;
}
