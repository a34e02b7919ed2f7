/**
 * `npm run cli -- capture [--out DIR] [--wait MS] [--reviewer ID] [--case ID]
 *  [--category C] [--no-sign] <url…|urls.txt>`: evidence bundles for a list of URLs,
 * made in headless Chromium by the extension's own capture and report code (the
 * built extension is loaded; its worker captures, files onto its chain and bundles).
 * When a scanner is given (cli/main.ts passes the packs' one), the rendered page is
 * scanned first so each report carries its findings.
 *
 * One line per URL on stdout: the bundle path, capture time, size and findings.
 * A URL that fails (timeout, DNS, crash) is reported on stderr and the batch goes on.
 * Exit 0 when every URL gave a verified bundle, 1 when some failed, 2 on bad usage.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CATEGORIES, type PageResult } from '../core/findings.ts';
import { fromBase64 } from '../core/evidence/hash.ts';
import { verifyBundle } from '../core/report/verify.ts';
import { prepareCaptureExtension } from './capture-extension.ts';
import { scanHtml } from './html.ts';
import type { ScanPageFn } from './page-input.ts';

export const CAPTURE_USAGE = `Usage: npm run cli -- capture [options] <url…|urls.txt>
  --out DIR          where bundles go (default: ./evidence)
  --wait MS          wait after load before capturing (default 1500)
  --timeout MS       page load timeout (default 30000)
  --reviewer ID      reviewer id written into reports (default: $USER)
  --case ID          case id for every report
  --category C       policy category when the scan finds none (default: rx-drug)
  --no-sign          do not sign the bundle manifests
Needs the built extension (npx wxt build) and Chromium (/usr/bin/chromium or $CHROMIUM_PATH).`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}
const defaultIo: Io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

interface CaptureArgs {
  out: string;
  waitMs: number;
  timeoutMs: number;
  reviewer: string;
  caseId: string;
  category: string;
  sign: boolean;
  inputs: string[];
}

function parseArgs(argv: readonly string[]): CaptureArgs | string {
  const args: CaptureArgs = { out: 'evidence', waitMs: 1500, timeoutMs: 30_000, reviewer: process.env.USER || 'cli', caseId: '', category: 'rx-drug', sign: true, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === '--out') args.out = value();
      else if (arg === '--wait') args.waitMs = Number(value());
      else if (arg === '--timeout') args.timeoutMs = Number(value());
      else if (arg === '--reviewer') args.reviewer = value();
      else if (arg === '--case') args.caseId = value();
      else if (arg === '--category') args.category = value();
      else if (arg === '--no-sign') args.sign = false;
      else if (arg === '--help' || arg === '-h') return 'help';
      else if (arg.startsWith('-')) return `unknown option ${arg}`;
      else args.inputs.push(arg);
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (!Number.isFinite(args.waitMs) || args.waitMs < 0) return '--wait takes milliseconds';
  if (!Number.isFinite(args.timeoutMs) || args.timeoutMs <= 0) return '--timeout takes milliseconds';
  if (!(CATEGORIES as readonly string[]).includes(args.category)) return `--category must be one of ${CATEGORIES.join(', ')}`;
  if (args.inputs.length === 0) return 'no URL given';
  return args;
}

/** URLs from arguments and from files of URLs (one a line, # comments). */
export function collectUrls(inputs: readonly string[], read: (file: string) => string): { urls: string[]; problems: string[] } {
  const urls: string[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      urls.push(input);
      continue;
    }
    let text: string;
    try {
      text = read(input);
    } catch {
      problems.push(`${input}: neither an http(s) URL nor a readable file of URLs`);
      continue;
    }
    text.split(/\r?\n/).forEach((line, index) => {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith('#')) return;
      if (/^https?:\/\//i.test(trimmed)) urls.push(trimmed);
      else problems.push(`${input}:${index + 1}: not an http(s) URL: ${trimmed.slice(0, 80)}`);
    });
  }
  return { urls, problems };
}

type HookCall = { method: string; arg: unknown };
async function hook<T>(worker: () => Promise<Worker>, method: string, arg: unknown): Promise<T> {
  const call: HookCall = { method, arg };
  return (await worker()).evaluate(
    (c: HookCall) => (globalThis as unknown as { listingInspectorReports: Record<string, (arg: unknown) => unknown> }).listingInspectorReports[c.method]!(c.arg) as T,
    call,
  );
}

function slug(text: string): string {
  return text.replace(/[^\w.-]+/g, '_').slice(0, 60);
}

export async function runCapture(argv: readonly string[], io: Io = defaultIo, scanPage: ScanPageFn | null = null): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    io.out(CAPTURE_USAGE);
    return 0;
  }
  if (typeof parsed === 'string') {
    io.err(`capture: ${parsed}\n${CAPTURE_USAGE}`);
    return 2;
  }
  const { urls, problems } = collectUrls(parsed.inputs, (file) => readFileSync(file, 'utf8'));
  for (const problem of problems) io.err(`capture: ${problem}`);
  if (urls.length === 0) return 2;
  let extension: { dir: string; dispose: () => void };
  try {
    extension = prepareCaptureExtension();
  } catch (error) {
    io.err(`capture: ${(error as Error).message}`);
    return 2;
  }
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    io.err(`capture: no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
    extension.dispose();
    return 2;
  }
  mkdirSync(parsed.out, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'li-capture-'));
  let context: BrowserContext | null = null;
  let failures = problems.length;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [`--disable-extensions-except=${extension.dir}`, `--load-extension=${extension.dir}`, '--no-first-run', '--disable-gpu', '--disable-sync'],
    });
    const ctx = context;
    const first = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    const origin = first.url().split('/').slice(0, 3).join('/');
    const worker = async () => ctx.serviceWorkers().find((w) => w.url().startsWith(origin)) ?? (await ctx.waitForEvent('serviceworker', { timeout: 10_000 }));
    await hook(worker, 'configure', { reviewerId: parsed.reviewer });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    for (const [index, url] of urls.entries()) {
      const started = Date.now();
      try {
        await page.goto(url, { waitUntil: 'load', timeout: parsed.timeoutMs });
        await page.waitForTimeout(parsed.waitMs);
        await page.bringToFront();
        const tabId = await (await worker()).evaluate(async () => {
          const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).chrome;
          const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
          return tab?.id ?? -1;
        });
        if (tabId < 0) throw new Error('could not find the tab');
        let scan: PageResult | undefined;
        if (scanPage) {
          const finalUrl = page.url();
          scan = scanHtml(await page.content(), { source: url, capturedUrl: finalUrl, fallbackUrl: finalUrl }, scanPage);
        }
        const start = await hook<{ ok: boolean; draftId: string; captureMs: number; missing: string[]; error?: string }>(worker, 'start', {
          tabId,
          openForm: false,
          requestedUrl: url,
          ...(scan ? { page: scan } : {}),
        });
        if (!start.ok) throw new Error(start.error ?? 'capture failed');
        const draft = await hook<{ form: { category: string; severity: string } & Record<string, unknown> }>(worker, 'draft', start.draftId);
        const form = { ...draft.form, category: draft.form.category || parsed.category, caseId: parsed.caseId, reviewerId: parsed.reviewer };
        const filed = await hook<{ ok: boolean; id: string; error?: string; errors?: Array<{ path: string; message: string }> }>(worker, 'file', { draftId: start.draftId, form });
        if (!filed.ok) throw new Error(`${filed.error}${filed.errors ? `: ${filed.errors.map((e) => `${e.path} ${e.message}`).join('; ')}` : ''}`);
        const base64 = await hook<string>(worker, 'bundleBase64', { ids: [filed.id], sign: parsed.sign });
        const bytes = fromBase64(base64);
        const check = await verifyBundle(bytes);
        if (check.result !== 'intact') throw new Error(`the bundle did not verify: ${check.problems.join('; ')}`);
        const file = path.join(parsed.out, `${String(index + 1).padStart(3, '0')}-${slug(new URL(page.url()).hostname)}-${filed.id.slice(0, 8)}.zip`);
        writeFileSync(file, bytes);
        io.out(
          `${url}\t${file}\tcapture ${start.captureMs} ms\t${(bytes.byteLength / 1e6).toFixed(2)} MB\t${scan ? `${scan.findings.length} finding(s), ${scan.verdict}` : 'not scanned'}` +
            (start.missing.length ? `\tmissing: ${start.missing.join('; ')}` : ''),
        );
      } catch (error) {
        failures++;
        io.err(`capture: ${url}: ${(error as Error).message.split('\n')[0]} (after ${Date.now() - started} ms)`);
      }
    }
  } catch (error) {
    io.err(`capture: the browser failed: ${(error as Error).message}`);
    failures++;
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    extension.dispose();
  }
  return failures > 0 ? 1 : 0;
}

if (import.meta.filename === process.argv[1]) {
  process.exitCode = await runCapture(process.argv.slice(2));
}
