import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPackPaths, formatPackError, loadRunPacks } from './packs.ts';

const E2E_PACK = resolve(import.meta.dirname, '../test/fixtures/packs/cli-e2e.json');
const BAD_PACK = resolve(import.meta.dirname, '../test/fixtures/packs/cli-bad.json');

describe('CLI rule packs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-packs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pack = (id: string, version: string): string =>
    JSON.stringify({
      id,
      name: id,
      version,
      date: '2026-11-29',
      languages: ['en'],
      sources: [{ name: 'test' }],
      licence: 'CC0-1.0',
      rules: [],
    });
  writeFileSync(join(dir, 'alpha.json'), pack('alpha', '1.0.0'));
  writeFileSync(join(dir, 'cli-e2e.json'), pack('cli-e2e', '0.1.0'));
  writeFileSync(join(dir, 'pack.schema.json'), '{"not": "a pack"}');

  it('lists the bundled pack files, not the JSON Schema', async () => {
    expect(await bundledPackPaths(dir)).toEqual([join(dir, 'alpha.json'), join(dir, 'cli-e2e.json')]);
    expect(await bundledPackPaths(join(dir, 'missing'))).toEqual([]);
  });

  it('adds --packs files, and a pack with a bundled id replaces the bundled one', async () => {
    const loaded = await loadRunPacks([E2E_PACK], dir, dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.packs.map((p) => `${p.id}@${p.version}`)).toEqual(['alpha@1.0.0', 'cli-e2e@1.0.0']);
  });

  it('reports a malformed or missing pack precisely and keeps the others', async () => {
    const loaded = await loadRunPacks([BAD_PACK, join(dir, 'nope.json')], dir, dir);
    expect(loaded.packs.map((p) => p.id)).toEqual(['alpha', 'cli-e2e']);
    expect(loaded.problems).toEqual([
      `${join(dir, 'nope.json')}: no such file`,
      expect.stringMatching(/cli-bad\.json:4:\d+: \$\.version: .* \(expected a semantic version like 1\.2\.0\)$/),
      expect.stringMatching(/cli-bad\.json:11:\d+: \$\.rules\[0\]\.severity: .* \(expected one of "high", "medium", "low"\)$/),
    ]);
  });

  it('formats pack errors on one line with file, position, path, problem and expectation', () => {
    expect(formatPackError({ file: 'a.json', path: '$.rules[0].tier', message: '"D" is not allowed', expected: 'one of "A", "B", "C"', line: 3, column: 9 })).toBe(
      'a.json:3:9: $.rules[0].tier: "D" is not allowed (expected one of "A", "B", "C")',
    );
    expect(formatPackError({ file: 'a.json', path: '$', message: 'empty', expected: 'a pack' })).toBe('a.json: $: empty (expected a pack)');
  });
});
