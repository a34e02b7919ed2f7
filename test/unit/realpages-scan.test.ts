/**
 * No false alarms on real pages (issue #10): all 42 saved marketplace pages of the shared
 * folder through the same path as `scan page.html`, with the shipped packs. None sells
 * anything prohibited: the verdict is never "violation", and "review" on at most one page.
 * Prints the verdict counts and the slowest page. Skips with a message where the pages or
 * the shipped packs are absent.
 */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../core/findings.ts';
import { bundledPackPaths } from '../../cli/packs.ts';
import { runScan } from '../../cli/scan.ts';
import { createScanner } from '../../cli/scanner.ts';
import { captureIo } from '../helpers/cli-io.ts';
import { locateShared } from '../helpers/shared-data.ts';

const manifestPath = locateShared('realpages/manifest.json');
const packs = await bundledPackPaths();
if (!manifestPath) console.warn('realpages scan test skipped: realpages/manifest.json not found (set SHARED_DIR)');
if (packs.length === 0) console.warn('realpages scan test skipped: no shipped rule packs in rules/ yet');

describe.skipIf(!manifestPath || packs.length === 0)('real marketplace pages (false alarms)', () => {
  it('never gives a violation, and review on at most one page', { timeout: 600_000 }, async () => {
    const dir = dirname(manifestPath as string);
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(manifestPath as string, 'utf8')) as { file: string }[];
    const scanner = await createScanner([], captureIo());
    const rows: { file: string; ms: number; result: PageResult }[] = [];
    for (const entry of manifest) {
      const io = captureIo();
      const started = performance.now();
      const code = await runScan(['--format', 'jsonl', join(dir, entry.file)], io, async () => scanner);
      const ms = performance.now() - started;
      expect([entry.file, code]).toEqual([entry.file, 0]);
      const item = JSON.parse(io.stdoutText) as PageResult | { error: string };
      if ('error' in item) throw new Error(`${entry.file}: ${item.error}`);
      rows.push({ file: entry.file, ms, result: item });
    }
    const by = (v: PageResult['verdict']): typeof rows => rows.filter((r) => r.result.verdict === v);
    const slowest = [...rows].sort((a, b) => b.ms - a.ms)[0];
    const show = (r: (typeof rows)[number]): string =>
      `  ${r.result.verdict} ${r.file}: ${r.result.findings.map((f) => `${f.ruleId} "${f.matched}" (${f.where}, ${f.zone})`).join(', ')}${r.result.missingCredential ? ' + missing credential' : ''}`;
    console.log(
      [
        `real pages: ${rows.length}; violation ${by('violation').length}, review ${by('review').length}, clear ${by('clear').length}`,
        `  slowest: ${slowest?.file} ${slowest?.ms.toFixed(0)} ms`,
        ...[...by('violation'), ...by('review')].map(show),
      ].join('\n'),
    );
    expect(by('violation').map(show)).toEqual([]);
    expect(by('review').length).toBeLessThanOrEqual(1);
  });
});
