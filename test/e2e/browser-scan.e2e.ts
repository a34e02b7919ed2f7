/**
 * `scan --browser` end to end: the CLI drives headless Chromium with the built extension
 * over fixture pages and writes the extension's own findings in the PageResult contract;
 * failing URLs become error records and the batch goes on.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageResult } from '../../core/findings.ts';
import { outputPath, ROOT, startFixtureServer } from './harness.ts';
import type { FixtureServer } from './harness.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'cli/main.ts'), 'scan', '--browser', ...args], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('scan --browser', () => {
  it('writes the extension findings for each URL in order, with error records for failures', async () => {
    const list = outputPath('browser-scan-urls.txt');
    writeFileSync(list, `# fixture pages\n${server.local('inpage/mercadolibre-es.html')}\nnot a url\n`);
    const { code, stdout } = await cli([
      '--wait', '1200', '--concurrency', '2', '--format', 'jsonl',
      server.local('inpage/amazon-en.html'), server.local('inpage/missing.html'), list,
    ]);
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    const amazon = PageResult.parse(lines[0]);
    expect(amazon.url).toBe(server.local('inpage/amazon-en.html'));
    expect(amazon.verdict).toBe('violation');
    const where = new Set(amazon.findings.map((f) => f.where));
    // Delayed, shadow-DOM, iframe and hidden content are all covered by the browser path.
    for (const w of ['visible', 'hidden', 'attribute', 'structured-data', 'shadow-dom', 'iframe']) expect(where).toContain(w);
    expect(amazon.findings.some((f) => f.matched === 'xanax')).toBe(true);
    expect(lines[1]).toMatchObject({ url: server.local('inpage/missing.html'), error: 'HTTP 404' });
    const es = PageResult.parse(lines[2]);
    expect(es.listing.marketplace).toBe('mercadolibre');
    expect(es.findings.map((f) => f.term)).toEqual(expect.arrayContaining(['oxycodone', 'fentanyl']));
    expect(lines[3]).toMatchObject({ error: expect.stringContaining('not an http(s) URL') });
  });

  it('refuses bad options with a precise message', async () => {
    const { code, stderr } = await cli(['--concurrency', 'many', server.local('inpage/quiet.html')]);
    expect(code).toBe(2);
    expect(stderr).toContain('--concurrency needs a whole number');
  });
});
