/** The scanner of a CLI run: packs loaded and compiled once, then one page assembly per page or record. */
import { compileEngine } from '../core/engine/index.ts';
import { scanPage } from '../core/scan-page.ts';
import type { CliIo } from './io.ts';
import type { Scanner } from './page-input.ts';
import { loadRunPacks } from './packs.ts';

export async function createScanner(packFiles: readonly string[], io: CliIo): Promise<Scanner> {
  const { packs, problems } = await loadRunPacks(packFiles, io.cwd);
  const warnings = packs.length === 0 ? ['no rule packs loaded: nothing can be found (check rules/ and --packs)'] : [];
  const engine = compileEngine(packs);
  return {
    problems,
    warnings,
    scanPage: (input) => scanPage(engine, { ...input, now: new Date() }).result,
  };
}
