/**
 * Runs the project's own scanners over the corpus, exactly as a user would: the CLI's static
 * scan (`scan --format jsonl <files>`), or the built extension in headless Chromium
 * (extension-scan.ts: the content script's own PageResult, as `scan --browser` reports it).
 * Output is the PageResult contract; anything else is an error for that page, not a crash.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PageResult } from '../../core/findings.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'cli/main.ts');

export type ScannerKind = 'browser' | 'static';

export interface ScanOutput {
  results: PageResult[];
  /** Lines that were not a PageResult (error records), kept for the report. */
  errors: string[];
  seconds: number;
}

/** Which scanners this checkout can run, and why not when it cannot. */
export function availableScanners(): Record<ScannerKind, string | null> {
  const cli = existsSync(CLI) ? null : 'cli/main.ts is missing';
  const browser = existsSync(join(ROOT, '.output/chrome-mv3/inspector.js'))
    ? null
    : 'no Chrome build with the content script (.output/chrome-mv3/inspector.js): run npm run build';
  return { static: cli, browser };
}

/** Parses CLI output: one PageResult per line; other lines are kept as errors. */
export function parseJsonl(stdout: string): { results: PageResult[]; errors: string[] } {
  const results: PageResult[] = [];
  const errors: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      errors.push(line.slice(0, 300));
      continue;
    }
    const parsed = PageResult.safeParse(json);
    if (parsed.success) results.push(parsed.data);
    else errors.push(line.slice(0, 300));
  }
  return { results, errors };
}

function runCli(args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`scan timed out after ${timeoutMs / 1000} s: node cli/main.ts ${args.slice(0, 4).join(' ')} …`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code });
    });
  });
}

async function scanWithCli(args: string[], timeoutMs: number): Promise<ScanOutput> {
  const started = performance.now();
  const { stdout, stderr, code } = await runCli(args, timeoutMs);
  // Exit 0: the scan ran. Exit 2 is a usage or input error: nothing to evaluate.
  if (code !== 0) throw new Error(`scan exited ${code}: ${stderr.trim().slice(0, 2000)}`);
  return { ...parseJsonl(stdout), seconds: (performance.now() - started) / 1000 };
}

/** Static scan of saved pages or JSONL record files. */
export function scanStatic(files: readonly string[], timeoutMs = 300_000): Promise<ScanOutput> {
  return scanWithCli(['scan', '--format', 'jsonl', ...files], timeoutMs);
}

/**
 * Finds the result for a corpus file: by the file name at the end of the result's source or
 * URL (the static scan reports the path, the browser scan the served URL), else by the page's
 * canonical URL.
 */
export function resultFor(file: string, canonicalUrl: string, results: readonly PageResult[]): PageResult | null {
  const endsWithFile = (value: string) => value === file || value.endsWith(`/${file}`) || value.endsWith(`\\${file}`);
  return (
    results.find((r) => endsWithFile(r.source)) ??
    results.find((r) => endsWithFile(new URL(r.url, 'http://x').pathname)) ??
    results.find((r) => r.url === canonicalUrl) ??
    null
  );
}
