/**
 * False alarms on everyday listings (issue #10): every record of the shared benign food
 * corpus (5,996 Open Food Facts listings, all benign) through the same path as
 * `scan records.jsonl`, with the shipped packs. Target: no violation; the review count is
 * printed. Skips with a message where the corpus or the shipped packs are absent.
 */
import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../core/findings.ts';
import { bundledPackPaths } from '../../cli/packs.ts';
import { runScan } from '../../cli/scan.ts';
import { createScanner } from '../../cli/scanner.ts';
import { captureIo } from '../helpers/cli-io.ts';
import { locateShared } from '../helpers/shared-data.ts';

const corpus = locateShared('realrecords/benign-food.jsonl');
const packs = await bundledPackPaths();
if (!corpus) console.warn('realrecords test skipped: realrecords/benign-food.jsonl not found (set SHARED_DIR)');
if (packs.length === 0) console.warn('realrecords test skipped: no shipped rule packs in rules/ yet');

describe.skipIf(!corpus || packs.length === 0)('benign food records (false alarms)', () => {
  it('gives no violation on any of the benign records', { timeout: 300_000 }, async () => {
    const io = captureIo();
    const started = performance.now();
    const code = await runScan(['--format', 'jsonl', corpus as string], io, createScanner);
    const ms = performance.now() - started;
    expect(io.stderrText).toBe('');
    expect(code).toBe(0);
    const results = io.stdoutText
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as PageResult);
    const count = (v: PageResult['verdict']): number => results.filter((r) => r.verdict === v).length;
    const violations = results.filter((r) => r.verdict === 'violation');
    const reviews = results.filter((r) => r.verdict === 'review');
    const show = (r: PageResult): string =>
      `  ${r.listing.listingId}: ${r.listing.title} — ${r.findings.map((f) => `${f.ruleId} "${f.matched}"`).join(', ')}`;
    console.log(
      [
        `benign food records: ${results.length} scanned in ${(ms / 1000).toFixed(1)} s`,
        `  violation ${count('violation')} (false-alarm rate ${((100 * violations.length) / results.length).toFixed(2)}%), review ${count('review')}, clear ${count('clear')}`,
        ...violations.slice(0, 15).map(show),
        ...(reviews.length > 0 ? ['  reviews:', ...reviews.slice(0, 15).map(show)] : []),
      ].join('\n'),
    );
    expect(results.length).toBe(5996);
    expect(violations.map(show)).toEqual([]);
  });
});
