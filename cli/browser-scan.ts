/**
 * `scan --browser`: live URLs through the built extension in headless Chromium (issue #4).
 *
 *   npm run --silent cli -- scan --browser [--wait MS] [--concurrency N] [--timeout MS]
 *     [--format json|jsonl|csv] [--extension DIR] <url... | urls.txt>
 *
 * Each URL is opened in its own tab; after the page loads and --wait milliseconds pass
 * (for delayed, lazy and infinite-scroll content), the extension's own report for that tab
 * is read from the background and written in the PageResult contract, exactly as the
 * static scan writes it. A URL that fails (DNS, refused, timeout, crash) gives an error
 * record and the batch goes on (exit status 2 then, as the static scan). Progress goes to
 * stderr when it is a terminal.
 *
 * The extension is the built one (.output/chrome-mv3), copied into a temporary folder
 * with its content script and host permissions widened to every http(s) page: in this
 * private browser the reviewer asked for exactly these URLs, so the inspector runs on
 * them whatever their domain.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { PageResult } from '../core/findings.ts';
import type { CliIo } from './io.ts';
import { fsProblem } from './io.ts';
import { FORMATS, OutputWriter } from './output.ts';
import type { ErrorRecord, Format } from './output.ts';

const HELP = `Usage: npm run --silent cli -- scan --browser [options] <url... | urls.txt>

Opens each URL in headless Chromium with the built extension and writes the extension's
findings (the same JSON contract as the static scan).

Options:
  --wait <ms>          wait after load for delayed content (default 3000)
  --concurrency <n>    tabs at once (default 2)
  --timeout <ms>       give up on a page after this long (default 30000)
  --format <fmt>       json (an array, default), jsonl or csv
  --extension <dir>    the built extension (default .output/chrome-mv3; run "npx wxt build" first)
  -h, --help           show this help

A .txt argument is a list of URLs, one per line (# starts a comment).
`;

export interface BrowserScanArgs {
  wait: number;
  concurrency: number;
  timeout: number;
  format: Format;
  extension: string;
  inputs: string[];
}

type Parsed = { ok: true; args: BrowserScanArgs } | { ok: false; help: boolean; error?: string };

function intOption(name: string, value: string | undefined, min: number, max: number): number | string {
  if (value === undefined || !/^\d+$/.test(value)) return `${name} needs a whole number`;
  const n = Number(value);
  if (n < min || n > max) return `${name} must be between ${min} and ${max}`;
  return n;
}

export function parseBrowserScanArgs(argv: readonly string[], cwd: string): Parsed {
  const args: BrowserScanArgs = { wait: 3000, concurrency: 2, timeout: 30_000, format: 'json', extension: path.resolve(cwd, '.output/chrome-mv3'), inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '-h' || flag === '--help') return { ok: false, help: true };
    if (flag === '--browser') continue;
    if (flag === '--wait' || flag === '--concurrency' || flag === '--timeout') {
      const limits = { '--wait': [0, 600_000], '--concurrency': [1, 16], '--timeout': [1000, 600_000] }[flag] as [number, number];
      const n = intOption(flag, value(), ...limits);
      if (typeof n === 'string') return { ok: false, help: false, error: n };
      if (flag === '--wait') args.wait = n;
      else if (flag === '--concurrency') args.concurrency = n;
      else args.timeout = n;
      continue;
    }
    if (flag === '--format') {
      const f = value();
      if (!f || !(FORMATS as readonly string[]).includes(f)) return { ok: false, help: false, error: `--format must be one of ${FORMATS.join(', ')}` };
      args.format = f as Format;
      continue;
    }
    if (flag === '--extension') {
      const dir = value();
      if (!dir) return { ok: false, help: false, error: '--extension needs a folder' };
      args.extension = path.resolve(cwd, dir);
      continue;
    }
    if (flag.startsWith('-')) return { ok: false, help: false, error: `unknown option ${flag}` };
    args.inputs.push(arg);
  }
  if (args.inputs.length === 0) return { ok: false, help: false, error: 'no URL given' };
  return { ok: true, args };
}

/** URLs from the arguments and from .txt lists; a line that is not an http(s) URL becomes an error record. */
async function collectUrls(inputs: readonly string[], io: CliIo): Promise<Array<{ url: string; source: string; problem?: string }>> {
  const out: Array<{ url: string; source: string; problem?: string }> = [];
  const check = (raw: string, source: string) => {
    try {
      const u = new URL(raw);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
      out.push({ url: u.href, source });
    } catch {
      out.push({ url: raw, source, problem: `not an http(s) URL: ${JSON.stringify(raw.slice(0, 200))}` });
    }
  };
  for (const input of inputs) {
    if (/^https?:/i.test(input)) {
      check(input, input);
      continue;
    }
    const problem = await io.checkFile(path.resolve(io.cwd, input));
    if (problem) {
      out.push({ url: input, source: input, problem: `${input}: ${problem}` });
      continue;
    }
    let n = 0;
    for await (const line of io.readLines(path.resolve(io.cwd, input))) {
      n++;
      const text = line.trim();
      if (text === '' || text.startsWith('#')) continue;
      check(text, `${input}:${n}`);
    }
  }
  return out;
}

/** The built extension, with the content script and host permissions widened to every web page. */
function scanExtension(dir: string): string {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`no built extension at ${dir} (run "npx wxt build" first)`);
  const copy = mkdtempSync(path.join(tmpdir(), 'li-scan-ext-'));
  cpSync(dir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { content_scripts?: Array<{ matches: string[] }>; host_permissions?: string[] };
  for (const cs of manifest.content_scripts ?? []) cs.matches = ['http://*/*', 'https://*/*'];
  manifest.host_permissions = ['http://*/*', 'https://*/*'];
  writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest));
  return copy;
}

class Progress {
  private readonly total: number;
  private done = 0;
  private readonly io: CliIo;
  private readonly tty: boolean;

  constructor(total: number, io: CliIo) {
    this.total = total;
    this.io = io;
    this.tty = Boolean(process.stderr.isTTY);
  }

  tick(label: string): void {
    this.done++;
    if (!this.tty) return;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    this.io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${this.done}/${this.total} ${label.slice(0, 60).padEnd(60)}`);
    if (this.done === this.total) this.io.stderr('\n');
  }
}

async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
}

/** The tab's report from the background's session mirror (entrypoints/background/tab-reports.ts). */
async function readReport(context: BrowserContext, url: string): Promise<PageResult | null> {
  const worker = await currentWorker(context);
  return worker.evaluate(async (wanted: string) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> }; storage: { session: { get(k: string): Promise<Record<string, { result?: unknown; url?: string }>> } } } }).chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url === wanted) ?? tabs.find((t) => t.url?.split('#')[0] === wanted.split('#')[0]);
    if (tab?.id === undefined) return null;
    const key = `tab.${tab.id}`;
    const report = (await api.storage.session.get(key))[key];
    return (report?.result as PageResult | undefined) ?? null;
  }, url);
}

async function scanOne(context: BrowserContext, url: string, args: BrowserScanArgs): Promise<PageResult> {
  const page: Page = await context.newPage();
  try {
    const response = await page.goto(url, { timeout: args.timeout, waitUntil: 'load' });
    if (response && response.status() >= 400) throw new Error(`HTTP ${response.status()}`);
    await page.waitForTimeout(args.wait);
    const finalUrl = page.url();
    // The report settles once the scan and its incremental rescans are done: read until two agree.
    const deadline = Date.now() + args.timeout;
    let last: string | null = null;
    for (;;) {
      const report = await readReport(context, finalUrl);
      const key = report ? JSON.stringify({ ...report, scannedAt: '' }) : null;
      // Parsed with the contract's schema: validated, and keys in the contract's order.
      if (report && key === last) return PageResult.parse({ ...report, url: finalUrl, source: url });
      last = key;
      if (Date.now() > deadline) {
        if (report) return PageResult.parse({ ...report, url: finalUrl, source: url });
        throw new Error('the extension did not report on this page (not an HTML page, or the inspector could not run)');
      }
      await page.waitForTimeout(400);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/^page\.goto: /, '').slice(0, 300);
}

export async function runBrowserScan(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseBrowserScanArgs(argv, io.cwd);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(HELP);
      return 0;
    }
    io.stderr(`listing-inspector scan --browser: ${parsed.error} (see scan --browser --help)\n`);
    return 2;
  }
  const { args } = parsed;
  let extension: string;
  try {
    extension = scanExtension(args.extension);
  } catch (error) {
    io.stderr(`listing-inspector scan --browser: ${fsProblem(error)}\n`);
    return 2;
  }
  const targets = await collectUrls(args.inputs, io);
  const writer = new OutputWriter(args.format, (chunk) => io.stdout(chunk));
  const progress = new Progress(targets.length, io);
  const profile = mkdtempSync(path.join(tmpdir(), 'li-scan-profile-'));
  let context: BrowserContext | null = null;
  let failures = 0;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    });
    await currentWorker(context);
    // Results are written in input order, as soon as each one and those before it are done.
    const results: Array<PageResult | ErrorRecord | undefined> = new Array(targets.length);
    let next = 0;
    let written = 0;
    const flush = () => {
      while (written < targets.length && results[written] !== undefined) writer.add(results[written++]!);
    };
    const worker = async () => {
      while (next < targets.length) {
        const index = next++;
        const target = targets[index]!;
        if (target.problem) {
          results[index] = { source: target.source, url: null, error: target.problem };
          failures++;
        } else {
          try {
            results[index] = await scanOne(context!, target.url, args);
          } catch (error) {
            results[index] = { source: target.source, url: target.url, error: message(error) };
            failures++;
          }
        }
        progress.tick(target.url);
        flush();
      }
    };
    await Promise.all(Array.from({ length: Math.min(args.concurrency, targets.length) }, worker));
    flush();
  } catch (error) {
    io.stderr(`listing-inspector scan --browser: could not start Chromium: ${message(error)}\n`);
    return 2;
  } finally {
    writer.end();
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  }
  // As the static scan: 2 when some input could not be scanned (each has its error record).
  return failures > 0 ? 2 : 0;
}
