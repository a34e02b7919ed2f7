/**
 * The rule packs a CLI run uses: the bundled packs (rules/*.json beside this program) plus
 * the reviewer's `--packs` files; a pack whose id matches a bundled pack replaces it. A
 * malformed pack is reported precisely (file, JSON path, what is wrong, what was expected)
 * and left out; the others keep working (issue #3).
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve } from 'node:path';
import { loadPacks } from '../core/rules/load.ts';
import type { PackError, PackFile } from '../core/rules/load.ts';
import type { Pack } from '../core/rules/schema.ts';
import { fsProblem } from './io.ts';

export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));

/** One line per pack error: "my.json:12:5: $.rules[3].severity: "hgh" is not allowed (expected one of ...)". */
export function formatPackError(error: PackError): string {
  const at = error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : '';
  return `${error.file}${at}: ${error.path}: ${error.message} (expected ${error.expected})`;
}

async function readPackFiles(paths: readonly string[], cwd: string): Promise<{ files: PackFile[]; problems: string[] }> {
  const files: PackFile[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      files.push({ file: path, text: await readFile(resolve(cwd, path), 'utf8') });
    } catch (error) {
      problems.push(`${path}: ${fsProblem(error)}`);
    }
  }
  return { files, problems };
}

/** The pack files shipped in rules/ (not the JSON Schema). */
export async function bundledPackPaths(dir = BUNDLED_RULES_DIR): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))
    .sort()
    .map((n) => join(dir, n));
}

export interface LoadedPacks {
  packs: Pack[];
  /** One line per problem, ready for stderr. */
  problems: string[];
}

export async function loadRunPacks(userPackPaths: readonly string[], cwd: string, bundledDir = BUNDLED_RULES_DIR): Promise<LoadedPacks> {
  const bundledRead = await readPackFiles(await bundledPackPaths(bundledDir), cwd);
  // Bundled files are named relative to the project, so messages stay short.
  const bundledFiles = bundledRead.files.map((f) => ({ ...f, file: relative(cwd, f.file) || f.file }));
  const bundled = loadPacks(bundledFiles);
  const userRead = await readPackFiles(userPackPaths, cwd);
  const user = loadPacks(userRead.files);
  const replaced = new Set(user.packs.map((p) => p.id));
  return {
    packs: [...bundled.packs.filter((p) => !replaced.has(p.id)), ...user.packs],
    problems: [
      ...bundledRead.problems,
      ...bundled.errors.map(formatPackError),
      ...userRead.problems,
      ...user.errors.map(formatPackError),
    ],
  };
}
