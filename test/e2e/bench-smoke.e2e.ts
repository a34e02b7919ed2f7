/**
 * The benchmark's smoke run (issue #7): `npm run bench -- --quick` must keep working, so it runs
 * with the e2e suites. Its numbers are not judged here (benchmarks are noisy); only that every
 * figure the issue names comes out as a finite number with its raw times.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUICK_RESULTS_FILE, RESULT_KEYS } from '../../bench/run.ts';
import { ROOT } from '../../bench/paths.ts';

describe('npm run bench -- --quick', () => {
  it('runs in under a minute and reports every figure', { timeout: 120_000 }, () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['bench/run.ts', '--quick'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    const results = JSON.parse(readFileSync(QUICK_RESULTS_FILE, 'utf8')) as Record<string, { ratio?: number; value?: number }>;
    for (const key of RESULT_KEYS) {
      const figure = results[key]?.ratio ?? results[key]?.value;
      expect(Number.isFinite(figure), key).toBe(true);
      expect(Object.keys(results[key] ?? {}).length, `${key} keeps its raw times`).toBeGreaterThan(1);
    }
    expect(run.stdout).toContain('scan+highlight / TreeWalker');
  });
});
