/**
 * The command line end to end: `node cli/main.ts` as a child process, with the real engine,
 * on the fixture pages and records, with the test pack test/fixtures/packs/cli-e2e.json
 * (the shipped packs load too; assertions ask for what the test pack must find).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PageResult } from '../../core/findings.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PACK = 'test/fixtures/packs/cli-e2e.json';
const PAGES = 'test/fixtures/pages';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(process.execPath, ['cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

function results(run: Run): PageResult[] {
  return (JSON.parse(run.stdout) as unknown[]).map((item) => PageResult.parse(item));
}

const found = (r: PageResult): string[] => r.findings.map((f) => `${f.ruleId} ${f.where} ${f.zone} ${f.matched}`);

// Each case starts Node; on a busy 2-core machine that alone can take seconds.
describe('cli scan (end to end)', { timeout: 30_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cli-e2e-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('scans the en/es/zh listings, hidden text, a fragment and a clean page', async () => {
    const files = ['listing-en.html', 'listing-es.html', 'listing-zh.html', 'hidden-text.html', 'fragment.html', 'clear-en.html'];
    const run = await cli(['scan', '--packs', PACK, ...files.map((f) => `${PAGES}/${f}`)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [en, es, zh, hidden, fragment, clear] = results(run) as [PageResult, PageResult, PageResult, PageResult, PageResult, PageResult];

    expect(en.verdict).toBe('violation');
    expect(en.url).toBe('https://market.example/item/88213');
    expect(found(en)).toEqual(
      expect.arrayContaining([
        'opioid.oxycodone visible listing Oxycodone',
        'opioid.oxycodone visible listing 0xyc0d0ne',
        'opioid.oxycodone visible listing percocet',
        'evasion.stealth visible listing stealth shipping',
        'opioid.oxycodone structured-data listing Oxycodone',
      ]),
    );
    expect(en.findings.find((f) => f.matched === '0xyc0d0ne')?.tricks).toContain('leetspeak');
    expect(en.packs).toContainEqual({ id: 'cli-e2e', version: '1.0.0' });

    expect(es.verdict).toBe('violation');
    expect(es.listing).toMatchObject({ marketplace: 'mercadolibre', pageType: 'item' });
    expect(found(es)).toEqual(expect.arrayContaining(['benzodiazepine.clonazepam visible listing Clonazepam', 'evasion.stealth visible listing Envío discreto']));
    // The same words outside the adapter's listing blocks are page text, not the listing.
    expect(found(es)).toContain('benzodiazepine.alprazolam visible page alprazolam');

    expect(zh.verdict).toBe('violation');
    expect(found(zh)).toEqual(expect.arrayContaining(['opioid.fentanyl visible listing 芬太尼', 'benzodiazepine.triazolam visible listing 三唑仑']));
    // "曲马多" is split across <b>曲马</b>多 on the page and still found, whole.
    expect(found(zh)).toContain('rx.tramadol visible listing 曲马多');
    expect(zh.credentials.map((c) => c.type)).toContain('cn-internet-drug-info');

    expect(hidden.verdict).toBe('violation');
    const hiddenTerms = hidden.findings.filter((f) => f.where === 'hidden').map((f) => f.term);
    expect(hiddenTerms).toEqual(expect.arrayContaining(['alprazolam', 'fentanyl', 'oxycodone', 'amphetamine', 'tramadol']));
    expect(hidden.findings.filter((f) => f.where === 'visible')).toEqual([]);

    expect(found(fragment)).toContain('benzodiazepine.lorazepam visible listing Lorazepam');
    expect(clear.verdict).toBe('clear');
    expect(clear.findings).toEqual([]);
  });

  it('recovers a GBK page under a UTF-8 meta tag', async () => {
    const run = await cli(['scan', '--packs', PACK, `${PAGES}/listing-zh-gbk-under-utf8-meta.html`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/declares utf-8 but is not; decoded as gb18030\n$/);
    const [page] = results(run);
    expect(page?.listing.title).toBe('三唑仑片 正品现货 无需处方');
    expect(found(page as PageResult)).toContain('benzodiazepine.triazolam visible listing 三唑仑');
  });

  it('scans JSONL records and reports bad lines without stopping', async () => {
    const run = await cli(['scan', '--format', 'jsonl', '--packs', PACK, 'test/fixtures/records/mixed.jsonl']);
    expect(run.code).toBe(0);
    const items = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(items.map((i) => ('error' in i ? 'error' : i['verdict']))).toEqual(['clear', 'violation', 'error', 'error', 'error', 'clear']);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(3);
    // "Receta de cocina" and a bread recipe are not drugs sold without prescription.
    expect(items[5]).toMatchObject({ findings: [], listing: { listingId: '6', price: { amount: 12.5, currency: 'EUR' } } });
  });

  it('writes CSV with one row per finding and a row for a clear page', async () => {
    const run = await cli(['scan', '--format', 'csv', '--packs', PACK, `${PAGES}/fragment.html`, `${PAGES}/clear-en.html`]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^source,url,verdict,marketplace,/);
    expect(lines.filter((l) => l.startsWith(`${PAGES}/fragment.html,`)).length).toBeGreaterThanOrEqual(1);
    expect(lines.filter((l) => l.startsWith(`${PAGES}/clear-en.html,`))).toHaveLength(1);
  });

  it('reads standard input', async () => {
    const run = await cli(['scan', '--packs', PACK, '-'], '<p>xanax bars, stealth shipping</p>');
    expect(run.code).toBe(0);
    const [page] = results(run);
    expect(page?.source).toBe('stdin');
    expect(page?.verdict).toBe('violation');
  });

  it('exits 2 with one clear line on usage errors', async () => {
    for (const args of [['scan', '--colour', PACK], ['scan'], ['scna'], []]) {
      const run = await cli(args);
      expect([args, run.code]).toEqual([args, 2]);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toBe('');
    }
    const unknown = await cli(['scan', '--colour', 'x.html']);
    expect(unknown.stderr).toBe('listing-inspector scan: unknown option --colour (see scan --help)\n');
  });

  it('exits 2 naming a missing file, and still scans the others', async () => {
    const run = await cli(['scan', '--packs', PACK, 'no/such/page.html', `${PAGES}/fragment.html`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('listing-inspector: no/such/page.html: no such file\n');
    const items = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(items[0]).toEqual({ source: 'no/such/page.html', url: null, error: 'no such file' });
    expect(items[1]).toMatchObject({ verdict: 'violation' });
  });

  it('rejects a malformed pack precisely and keeps the good ones', async () => {
    const run = await cli(['scan', '--packs', PACK, 'test/fixtures/packs/cli-bad.json', `${PAGES}/fragment.html`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^listing-inspector: test\/fixtures\/packs\/cli-bad\.json:4:\d+: \$\.version: .*\(expected a semantic version like 1\.2\.0\)$/m);
    expect(run.stderr).toMatch(/cli-bad\.json:11:\d+: \$\.rules\[0\]\.severity: .*\(expected one of "high", "medium", "low"\)$/m);
    const [page] = results(run);
    expect(page?.packs.map((p) => p.id)).toContain('cli-e2e');
    expect(page?.packs.map((p) => p.id)).not.toContain('cli-bad');
    expect(page?.verdict).toBe('violation');
  });

  it('prints help', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Commands:\n\s+scan\s/);
    const scan = await cli(['scan', '--help']);
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/--format <fmt>/);
  });

  it('scans a generated 3 MB page with hostile markup within the budget', async () => {
    const item =
      '<div class="card"><h3>Ceramic vase <b>no.</b> 7</h3><p style="color:#333">Hand-glazed, 30 cm.</p>' +
      '<img alt="vase" src="v.jpg"><a href="/p/7" title="vase details">more</a><span hidden>x</span></div>\n';
    const page = `<html><head><meta charset="utf-8"></head><body>${item.repeat(Math.ceil(3_000_000 / item.length))}<p>buy xanax</p><div style="display:none">fentanyl</div></body></html>`;
    const file = join(tmp, 'big.html');
    writeFileSync(file, page);
    const started = performance.now();
    const run = await cli(['scan', '--packs', PACK, file]);
    const ms = performance.now() - started;
    expect(run.code).toBe(0);
    const [result] = results(run);
    expect(found(result as PageResult)).toEqual(expect.arrayContaining(['benzodiazepine.alprazolam visible listing xanax', 'opioid.fentanyl hidden listing fentanyl']));
    console.log(`3 MB page through the CLI (process start included): ${ms.toFixed(0)} ms`);
    // Wall-clock on a shared 2-core machine: the bound catches runaway (quadratic) work, not jitter.
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
});
