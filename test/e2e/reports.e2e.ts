/**
 * Reports end to end in Chromium (issue #5): file a report from a fixture listing,
 * capture its evidence, export a bundle, verify it with the CLI, catch a tampered copy,
 * and deliver reports through a flaky intake (fails, hangs, recovers) with nothing lost
 * or duplicated, across a service-worker restart. Also measures capture time and bundle
 * size for a large page (printed, and written to test/output/reports-measurements.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Page as PwPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCaptureExtension } from '../../cli/capture-extension.ts';
import type { PageResult } from '../../core/findings.ts';
import { axeViolations } from './settings-helpers.ts';
import { launchChromium, outputPath, ROOT, startFixtureServer, type ExtensionBrowser, type FixtureServer, type TestPage } from './harness.ts';

/** What the popup hands over: the scan of the fixture listing (its findings as the in-page scan reports them). */
function pageResult(url: string, title: string): PageResult {
  const finding = (term: string, matched: string, where: PageResult['findings'][number]['where'], context: string, tricks: PageResult['findings'][number]['tricks'] = []) => ({
    ruleId: `opioid.${term}`,
    term,
    category: 'opioid' as const,
    severity: 'high' as const,
    matched,
    where,
    context,
    zone: 'listing' as const,
    tricks,
    explanation: tricks.length ? `${matched} → ${term} (${tricks.join(', ')})` : `${matched}`,
  });
  return {
    url,
    source: 'extension',
    scannedAt: new Date().toISOString(),
    packs: [{ id: 'core-drugs', version: '1.0.0' }],
    verdict: 'violation',
    listing: {
      marketplace: 'amazon',
      pageType: 'item',
      title,
      listingId: 'B0TEST1234',
      price: { amount: 120, currency: 'USD', text: '$120.00' },
      seller: { name: 'PharmaDirect <EU>', id: 'A1SELLER', url: 'https://www.amazon.com/sp?seller=A1SELLER' },
    },
    findings: [
      finding('oxycodone', '0xyc0d0ne', 'visible', 'Pain Relief 0xyc0d0ne 30mg – fast shipping', ['leetspeak']),
      finding('oxycodone', 'oxycodone', 'visible', 'Strong oxycodone tablets, buy now.'),
      { ...finding('alprazolam', 'alprazolam', 'hidden', 'xanax alprazolam bars wholesale', ['hidden-text']), category: 'benzodiazepine' as const, ruleId: 'benzo.alprazolam' },
    ],
    credentials: [],
    credentialRequired: true,
    missingCredential: true,
  };
}

type Hook = {
  start(arg: unknown): Promise<{ ok: boolean; draftId: string; captureMs: number; missing: string[]; error?: string }>;
  file(arg: unknown): Promise<{ ok: boolean; id: string; version: number; hash: string; error?: string }>;
  draft(id: string): Promise<{ form: Record<string, unknown> }>;
  configure(arg: unknown): Promise<void>;
  submit(ids: string[]): Promise<{ ok: boolean; queued: number }>;
  states(): Promise<Array<{ id: string; status: string; delivery: { state: string; attempts: number; receipt: string | null; lastError: string | null } }>>;
  outbox(): Promise<Array<{ key: string; reportId: string; state: string; attempts: number }>>;
};

/** Call the worker's automation hook (the same code the popup and form reach by message). */
function hook<T>(b: ExtensionBrowser, method: keyof Hook | 'versions' | 'blobEncrypted' | 'scanKnown' | 'workerStartedAt', arg: unknown = null): Promise<T> {
  return b.background(
    (_api, call: { method: string; arg: unknown }) => {
      const target = (globalThis as unknown as { listingInspectorReports: Record<string, (arg: unknown) => unknown> }).listingInspectorReports;
      return target[call.method]!(call.arg) as T;
    },
    { method, arg },
  );
}

function cli(args: string[]): { status: number; out: string } {
  const entry = existsSync(path.join(ROOT, 'cli/main.ts')) ? ['cli/main.ts', 'verify'] : ['cli/verify.ts'];
  const result = spawnSync(process.execPath, [...entry, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

async function download(page: TestPage, buttonText: string, name: string): Promise<string> {
  const raw = page.raw as PwPage;
  const [file] = await Promise.all([raw.waitForEvent('download'), raw.getByRole('button', { name: buttonText }).click()]);
  const target = outputPath(name);
  await file.saveAs(target);
  return target;
}

const measurements: Record<string, unknown> = {};
let server: FixtureServer;
let b: ExtensionBrowser;
let extension: { dir: string; dispose: () => void };

beforeAll(async () => {
  server = await startFixtureServer();
  // A long listing page for measuring capture time and bundle size.
  server.route('/reports/large.html', (_req, res) => {
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `<div class="row"><h3>Item ${i}</h3><p>Review ${i}: <b>oxy</b>codone arrived, 5 stars. ${'Lorem ipsum dolor sit amet. '.repeat(6)}</p></div>`,
    ).join('\n');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Large listing</title><style>.row{padding:8px;border-bottom:1px solid #ccc}</style></head><body><h1>Large listing oxycodone</h1>${rows}</body></html>`);
  });
  extension = prepareCaptureExtension();
  b = await launchChromium(server, { extensionDir: extension.dir });
  await hook(b, 'configure', { reviewerId: 'reviewer-e2e' });
});

afterAll(async () => {
  await b?.close();
  extension?.dispose();
  await server?.close();
  if (Object.keys(measurements).length) writeFileSync(outputPath('reports-measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
});

describe('reports in Chromium', () => {
  let bundlePath = '';
  let reportId = '';

  it('files a report from a fixture listing: prefilled from the in-page scan, evidence captured, draft saved as typed, filed by keyboard', async () => {
    const url = server.url('reports/listing.html');
    const listing = await b.newPage(url);
    const tabId = await b.tabIdOf(listing);
    // The content script scans the listing (amazon.com is a marketplace domain) and reports to the background;
    // "Report this listing" without a scan in hand takes that one.
    const deadline = Date.now() + 15_000;
    while (!(await hook<boolean>(b, 'scanKnown', tabId)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const started = await hook<Awaited<ReturnType<Hook['start']>>>(b, 'start', { tabId, openForm: false });
    expect(started.error ?? '').toBe('');
    expect(started.ok).toBe(true);
    expect(started.missing).toEqual([]);
    measurements.fixtureCaptureMs = started.captureMs;

    const form = await b.openExtensionPage(`report.html?draft=${started.draftId}`);
    await form.waitFor(() => Boolean(document.querySelector('textarea[name=notes]')));
    // Prefilled from the scan.
    expect(await form.evaluate(() => (document.querySelector('select[name=category]') as HTMLSelectElement).value)).toBe('opioid');
    // The listing facts are the adapter's, as the in-page scan reported them.
    const prefilled = await hook<{ form: { listingUrl: string; listing: { title: string | null; marketplace: string | null }; packs: unknown[] } }>(b, 'draft', started.draftId);
    expect(prefilled.form.listingUrl).toBe(url);
    console.log('[reports] prefilled from the in-page scan:', JSON.stringify({ ...prefilled.form, findings: (prefilled.form as unknown as { findings: Array<{ term: string; where: string; packId: string | null }> }).findings.map((f) => `${f.term}/${f.where}/${f.packId}`) }));
    expect(prefilled.form.packs.length).toBeGreaterThan(0);
    expect(await form.evaluate(() => (document.querySelector('input[name="listing.title"]') as HTMLInputElement).value)).toBe(prefilled.form.listing.title ?? '');
    const links = await form.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.href).filter((href) => href.includes(':~:text=')));
    expect(links).toContain('https://www.amazon.com/reports/listing.html#:~:text=0xyc0d0ne');
    // Every finding the in-page scan made is listed with the pack that flagged it; the hidden one has no link.
    const rows = await form.evaluate(() => [...document.querySelectorAll('tbody tr')].map((row) => row.textContent ?? ''));
    expect(rows.some((row) => row.includes('oxycodone') && row.includes('visible'))).toBe(true);
    expect(rows.some((row) => row.includes('alprazolam') && row.includes('hidden') && row.includes('not linkable'))).toBe(true);

    await form.click('textarea[name=notes]');
    await form.type('Seller offers oxycodone without prescription.');
    await form.click('input[name=caseId]');
    await form.type('CASE-E2E-1');
    await form.waitFor(() => document.querySelector('[data-testid=save-status]')?.textContent?.startsWith('Draft saved'));
    // The draft survives the page closing: reopen and find what was typed.
    await form.close();
    const reopened = await b.openExtensionPage(`report.html?draft=${started.draftId}`);
    await reopened.waitFor(() => (document.querySelector('textarea[name=notes]') as HTMLTextAreaElement | null)?.value === 'Seller offers oxycodone without prescription.');
    expect(await reopened.evaluate(() => (document.querySelector('input[name=caseId]') as HTMLInputElement).value)).toBe('CASE-E2E-1');

    expect(await axeViolations(reopened), 'serious or critical accessibility violations on the form').toEqual([]);
    await reopened.click('textarea[name=notes]');
    await reopened.press('Control+Enter');
    const hash = await reopened.waitFor(() => document.querySelector('[data-testid=report-hash]')?.textContent ?? '');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const states = await hook<Awaited<ReturnType<Hook['states']>>>(b, 'states');
    expect(states).toHaveLength(1);
    expect(states[0]!.status).toBe('filed');
    reportId = states[0]!.id;
    await reopened.close();
    await listing.close();
  });

  it('exports a signed evidence bundle that the CLI verifies, and catches a tampered copy', async () => {
    const reports = await b.openExtensionPage(`reports.html#${reportId}`);
    await reports.waitFor(() => document.querySelectorAll('tr[data-report-id]').length === 1);
    // The filed draft is gone (filing deletes it in the same transaction; a late autosave must not revive it).
    expect(await reports.evaluate(() => [...document.querySelectorAll('h2')].some((h) => h.textContent === 'Drafts'))).toBe(false);
    // The snapshot preview is a sandboxed iframe holding the page HTML; none of it is in this page's DOM.
    await reports.waitFor(() => document.querySelector('iframe.snapshot')?.getAttribute('srcdoc')?.includes('ships oxycodone worldwide'));
    expect(await reports.evaluate(() => document.querySelector('iframe.snapshot')?.getAttribute('sandbox'))).toBe('');
    expect(await reports.evaluate(() => document.body.textContent?.includes('ships oxycodone worldwide'))).toBe(false);
    await reports.screenshot('reports-page', { fullPage: true });
    expect(await axeViolations(reports), 'serious or critical accessibility violations on the reports page').toEqual([]);
    bundlePath = await download(reports, 'Export evidence bundle (ZIP)', 'reports-e2e-bundle.zip');
    const files = unzipSync(readFileSync(bundlePath));
    const names = Object.keys(files);
    for (const file of ['screenshot-visible.png', 'screenshot-full.png', 'snapshot.html', 'page.mhtml', 'findings.json', 'metadata.json']) {
      expect(names.some((name) => name.endsWith(`-${file}`))).toBe(true);
    }
    const entry = (suffix: string) => files[names.find((name) => name.endsWith(suffix))!]!;
    expect([...entry('screenshot-visible.png').subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const snapshot = strFromU8(entry('snapshot.html'));
    expect(snapshot).not.toMatch(/<script|onload=/i);
    expect(snapshot).toContain('<template shadowrootmode="open">');
    expect(snapshot).toContain('ships oxycodone worldwide');
    expect(snapshot).toContain('<input id="qty" value="3">');
    expect(strFromU8(entry('page.mhtml'))).toMatch(/^From: <Saved by Blink>|MIME-Version: 1\.0/m);
    const metadata = JSON.parse(strFromU8(entry('metadata.json')));
    expect(metadata).toMatchObject({ finalUrl: 'https://www.amazon.com/reports/listing.html', reviewerId: 'reviewer-e2e', browser: { name: 'Chrome' } });
    expect(metadata.packs.length).toBeGreaterThan(0);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.flaggedBy.length).toBeGreaterThan(0);
    // Which pack version flagged what: every rule's pack and version is one the scan ran.
    for (const flagged of manifest.flaggedBy) {
      expect(metadata.packs, JSON.stringify(flagged)).toContainEqual({ id: flagged.packId, version: flagged.packVersion });
    }
    expect(metadata.capturedAt).toMatch(/Z$/);
    expect(names).toContain('manifest.sig.json');

    const intact = cli([bundlePath]);
    expect(intact.out).toMatch(/^INTACT .* signature valid/m);
    expect(intact.status).toBe(0);

    // Tamper: replace the visible screenshot with other bytes, keep everything else.
    const changed: Zippable = {};
    for (const [name, bytes] of Object.entries(files)) changed[name] = name.endsWith('screenshot-visible.png') ? new Uint8Array([...bytes.subarray(0, 100), 0, 1, 2]) : bytes;
    const tamperedPath = outputPath('reports-e2e-bundle-tampered.zip');
    writeFileSync(tamperedPath, zipSync(changed));
    const tampered = cli([tamperedPath]);
    expect(tampered.status).toBe(1);
    expect(tampered.out).toMatch(/TAMPERED[\s\S]*screenshot-visible\.png was altered: SHA-256 is [0-9a-f]{64}, the manifest records [0-9a-f]{64}/);

    writeFileSync(outputPath('not-a-bundle.zip'), 'garbage');
    expect(cli([outputPath('not-a-bundle.zip')]).status).toBe(2);

    // The printable report, rendered the way a reader prints it.
    const html = strFromU8(files['report.html']!);
    const printed = await (reports.raw as PwPage).context().newPage();
    await printed.setContent(html, { waitUntil: 'load' });
    await printed.screenshot({ path: outputPath('chromium-report-html.png'), fullPage: true });
    await printed.pdf({ path: outputPath('report.pdf'), format: 'A4', printBackground: true });
    await printed.emulateMedia({ media: 'print' });
    await printed.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await printed.screenshot({ path: outputPath('chromium-report-html-print.png'), fullPage: true });
    expect(await printed.evaluate(() => document.querySelectorAll('img[src^="data:image/png"]').length)).toBe(2);
    expect(await printed.evaluate(() => document.body.innerText)).toContain('Seller offers oxycodone without prescription.');
    await printed.close();
    await reports.close();
  });

  it('delivers through a flaky intake (fails, hangs, recovers) with nothing lost or duplicated, across a worker restart', async () => {
    const filed = new Map<string, { caseId: string; reportId: string; times: number }>();
    const keysSeen: string[] = [];
    const auth = new Set<string>();
    let posts = 0;
    server.route('/intake', (req, res, body) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type, idempotency-key', 'access-control-allow-methods': 'POST' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      posts++;
      const key = String(req.headers['idempotency-key'] ?? '');
      keysSeen.push(key);
      auth.add(String(req.headers.authorization ?? ''));
      if (posts <= 2) {
        res.writeHead(503, { ...cors, 'retry-after': '1', 'content-type': 'text/plain' });
        res.end('maintenance');
        return;
      }
      const payload = JSON.parse(body) as { idempotencyKey: string; report: { id: string } };
      expect(payload.idempotencyKey).toBe(key);
      const existing = filed.get(key);
      if (existing) {
        existing.times++;
        res.writeHead(200, { ...cors, 'content-type': 'application/json' });
        res.end(JSON.stringify({ caseId: existing.caseId, duplicate: true }));
        return;
      }
      const record = { caseId: `INTAKE-${filed.size + 1}`, reportId: payload.report.id, times: 1 };
      filed.set(key, record);
      if (posts === 3) return; // Filed, but the answer never comes: the client times out and must retry without filing twice.
      res.writeHead(201, { ...cors, 'content-type': 'application/json' });
      res.end(JSON.stringify({ caseId: record.caseId }));
    });
    await hook(b, 'configure', { endpoint: server.local('intake'), token: 'secret-token', timeoutMs: 2000 });

    const listing = await b.newPage(server.url('reports/listing.html'));
    const tabId = await b.tabIdOf(listing);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const started = await hook<Awaited<ReturnType<Hook['start']>>>(b, 'start', { tabId, page: pageResult(listing.url(), `Listing ${i}`), openForm: false });
      expect(started.ok).toBe(true);
      const draft = await hook<Awaited<ReturnType<Hook['draft']>>>(b, 'draft', started.draftId);
      const reply = await hook<Awaited<ReturnType<Hook['file']>>>(b, 'file', { draftId: started.draftId, form: { ...draft.form, notes: `flaky ${i}` } });
      expect(reply.ok).toBe(true);
      ids.push(reply.id);
    }
    // The earlier report (filed before an endpoint was set) is submitted by hand too.
    const submitted = await hook<{ ok: boolean; queued: number }>(b, 'submit', [reportId]);
    expect(submitted).toEqual({ ok: true, queued: 1 });

    // Stop the service worker once the first failure is in: the outbox must resume from storage on the alarm.
    const deadline = Date.now() + 10_000;
    while (posts < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const before = await hook<number>(b, 'workerStartedAt');
    const raw = listing.raw as PwPage;
    const cdp = await raw.context().newCDPSession(raw);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    const all = [...ids, reportId];
    const until = Date.now() + 60_000;
    let states: Awaited<ReturnType<Hook['states']>> = [];
    while (Date.now() < until) {
      states = await hook<Awaited<ReturnType<Hook['states']>>>(b, 'states');
      if (all.every((id) => states.find((state) => state.id === id)?.delivery.state === 'delivered')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // The worker that finished the deliveries is a new one: the outbox resumed from storage.
    expect(await hook<number>(b, 'workerStartedAt')).not.toBe(before);
    for (const id of all) {
      const state = states.find((candidate) => candidate.id === id);
      expect(state, `state of ${id}`).toBeDefined();
      expect(state!.delivery.state, `delivery of ${id}: ${JSON.stringify(state!.delivery)}`).toBe('delivered');
      expect(state!.status).toBe('submitted');
    }
    // Nothing lost: every report filed at the intake. Nothing duplicated: one filing per key, one key per report.
    expect(filed.size).toBe(3);
    expect(new Set([...filed.values()].map((record) => record.reportId))).toEqual(new Set(all));
    expect(new Set(keysSeen).size).toBe(3);
    expect(keysSeen.length).toBeGreaterThan(3); // retries happened
    expect(auth).toEqual(new Set(['Bearer secret-token']));
    const receipts = new Set(states.filter((state) => all.includes(state.id)).map((state) => state.delivery.receipt));
    expect(receipts).toEqual(new Set([...filed.values()].map((record) => record.caseId)));
    measurements.intakePosts = posts;
    await listing.close();
  });

  it('measures capture time and bundle size for a large page', async () => {
    const url = server.url('reports/large.html');
    const page = await b.newPage(url);
    const tabId = await b.tabIdOf(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const elements = await page.evaluate(() => document.querySelectorAll('*').length);
    const started = await hook<Awaited<ReturnType<Hook['start']>>>(b, 'start', { tabId, page: pageResult(url, 'Large listing'), openForm: false });
    expect(started.ok).toBe(true);
    const draft = await hook<Awaited<ReturnType<Hook['draft']>>>(b, 'draft', started.draftId);
    const reply = await hook<Awaited<ReturnType<Hook['file']>>>(b, 'file', { draftId: started.draftId, form: draft.form });
    expect(reply.ok).toBe(true);
    const reports = await b.openExtensionPage(`reports.html`);
    await reports.waitFor(() => document.querySelectorAll('tr[data-report-id]').length >= 4);
    await reports.click(`tr[data-report-id="${reply.id}"] input[type=checkbox]`);
    const zip = await download(reports, 'Export evidence bundle (ZIP)', 'reports-e2e-large.zip');
    const bytes = readFileSync(zip);
    const files = unzipSync(bytes);
    const sizes = Object.fromEntries(Object.entries(files).map(([name, data]) => [name.replace(/^.*\/[0-9a-f]{12}-/, ''), data.byteLength]));
    Object.assign(measurements, { largePage: { url, heightPx: height, elements, captureMs: started.captureMs, missing: started.missing, bundleBytes: bytes.byteLength, files: sizes } });
    console.log(`[reports] large page: ${height} px tall, ${elements} elements; capture ${started.captureMs} ms; bundle ${(bytes.byteLength / 1e6).toFixed(2)} MB`, sizes);
    expect(cli([zip]).status).toBe(0);
    await reports.close();
    await page.close();
  });
  it('encrypts evidence at rest with a passphrase: locked evidence cannot be exported, unlocked it verifies', async () => {
    const reports = await b.openExtensionPage('reports.html');
    await reports.click('#passphrase');
    await reports.type('correct horse battery');
    await reports.press('Enter');
    await reports.waitFor(() => document.querySelector('[data-testid=message]')?.textContent?.includes('Encryption on'));

    const url = server.url('reports/listing.html');
    const listing = await b.newPage(url);
    const tabId = await b.tabIdOf(listing);
    const started = await hook<Awaited<ReturnType<Hook['start']>>>(b, 'start', { tabId, page: pageResult(url, 'Encrypted listing'), openForm: false });
    expect(started.ok).toBe(true);
    const draft = await hook<Awaited<ReturnType<Hook['draft']>>>(b, 'draft', started.draftId);
    const reply = await hook<Awaited<ReturnType<Hook['file']>>>(b, 'file', { draftId: started.draftId, form: draft.form });
    expect(reply.ok).toBe(true);
    const versions = await hook<Array<{ id: string; evidence: Array<{ sha256: string }> }>>(b, 'versions');
    const evidence = versions.find((version) => version.id === reply.id)!.evidence;
    expect(evidence.length).toBeGreaterThan(4);
    for (const artifact of evidence) expect(await hook<boolean>(b, 'blobEncrypted', artifact.sha256)).toBe(true);

    // Locked: exporting says so and writes nothing.
    await reports.evaluate(() => location.reload());
    await reports.waitFor(() => [...document.querySelectorAll('button')].some((button) => button.textContent === 'Lock'));
    await (reports.raw as PwPage).getByRole('button', { name: 'Lock', exact: true }).click();
    await reports.waitFor(() => document.querySelector('[data-testid=message]')?.textContent === 'Locked.');
    await reports.waitFor((id) => Boolean(document.querySelector(`tr[data-report-id="${id}"]`)), reply.id);
    await reports.click(`tr[data-report-id="${reply.id}"] input[type=checkbox]`);
    await (reports.raw as PwPage).getByRole('button', { name: 'Export evidence bundle (ZIP)' }).click();
    await reports.waitFor(() => /failed: .*encrypted: unlock it/.test(document.querySelector('[data-testid=message]')?.textContent ?? ''));

    // A wrong passphrase is refused; the right one unlocks, and the bundle verifies (hashes are of the plain bytes).
    await reports.click('#passphrase');
    await reports.type('wrong horse');
    await reports.press('Enter');
    await reports.waitFor(() => /failed: could not decrypt/.test(document.querySelector('[data-testid=message]')?.textContent ?? ''));
    await reports.evaluate(() => ((document.querySelector('#passphrase') as HTMLInputElement).value = ''));
    await reports.click('#passphrase');
    await (reports.raw as PwPage).fill('#passphrase', 'correct horse battery');
    await reports.press('Enter');
    await reports.waitFor(() => document.querySelector('[data-testid=message]')?.textContent?.includes('unlocked'));
    const zip = await download(reports, 'Export evidence bundle (ZIP)', 'reports-e2e-encrypted.zip');
    expect(cli([zip]).status).toBe(0);
    await reports.close();
    await listing.close();
  });
});
