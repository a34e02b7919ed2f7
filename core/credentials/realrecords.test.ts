/**
 * No credential is invented on ~6,000 real benign listing records (food products with additive
 * numbers, barcodes, E-numbers and quantities). Read in place from the shared folder, never copied;
 * skips where it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../engine/types.ts';
import { extractCredentials } from './extract.ts';

function realRecordsDir(): string | null {
  for (const base of ['../shared', '../../shared', '/work/shared']) {
    const dir = join(base, 'realrecords');
    if (existsSync(dir)) return dir;
  }
  return null;
}

const dir = realRecordsDir();
if (dir === null) console.log('credentials/realrecords.test.ts skipped: ../shared/realrecords not found (read in place, never copied)');

describe.skipIf(dir === null)('credentials on real benign listing records', () => {
  it('invents no credential in any record', { timeout: 60_000 }, () => {
    const found: string[] = [];
    let records = 0;
    for (const file of readdirSync(dir ?? '').filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir ?? '', file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const record = JSON.parse(line) as Record<string, unknown>;
        records++;
        const blocks: TextBlock[] = ['title', 'description', 'seller']
          .map((key) => record[key])
          .filter((v): v is string => typeof v === 'string' && v !== '')
          .map((text) => ({ text, where: 'visible', zone: 'listing' }));
        const url = typeof record.url === 'string' ? record.url : null;
        for (const r of extractCredentials({ blocks, links: [], url, now: new Date('2026-11-29T00:00:00Z') })) {
          found.push(`${String(record.id)}: ${r.type} ${r.status} ${r.value}`);
        }
      }
    }
    expect(records).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });
});
