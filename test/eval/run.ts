/**
 * `npm run eval`: scans the labelled corpus with the real scanner, prints precision and recall
 * overall and per category, trick, language and marketplace, credential and verdict accuracy,
 * and writes test/output/eval/report.html (every miss and false alarm with its context) and
 * summary.json. Then the static evaluation at scale on JSONL records.
 *
 *   npm run eval                      the extension in Chromium when built, else the static scan
 *   npm run eval -- --static          static scan of the saved pages (cli scan)
 *   npm run eval -- --browser         the built extension's content script (needs npm run build)
 *   npm run eval -- --no-records      skip the JSONL record evaluation
 *   npm run eval -- --gate            exit 1 when a threshold in test/eval/thresholds.json is missed
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR } from './generate.ts';
import { gateFailures, loadThresholds } from './gate.ts';
import { parseManifest, type CorpusManifest } from './manifest.ts';
import { evaluatePage, type PageEvaluation } from './match.ts';
import { summarize, type Summary } from './metrics.ts';
import { generateNearMissRecords, generateViolatingRecords, resolveShared, summarizeRecords, type RecordLabel, type RecordsSummary } from './records.ts';
import { htmlReport, textReport } from './report.ts';
import { scanWithExtension } from './extension-scan.ts';
import { ROOT, availableScanners, resultFor, scanStatic, type ScannerKind } from './scanner.ts';

export const OUTPUT_DIR = join(ROOT, 'test/output/eval');
export const BENIGN_RECORDS = 'realrecords/benign-food.jsonl';

export interface EvaluationRun {
  scanner: ScannerKind;
  manifest: CorpusManifest;
  evaluations: PageEvaluation[];
  summary: Summary;
  records: RecordsSummary[];
  /** Why a part was skipped, for the reader. */
  notes: string[];
  scanErrors: string[];
}

export function loadManifest(): CorpusManifest {
  return parseManifest(JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')));
}

/** Picks the scanner: the one asked for, else the browser when this checkout can run it. */
export function chooseScanner(wanted: ScannerKind | null): ScannerKind {
  const available = availableScanners();
  if (wanted) {
    const reason = available[wanted];
    if (reason) throw new Error(`cannot run the ${wanted} scan: ${reason}`);
    return wanted;
  }
  if (!available.browser) return 'browser';
  if (!available.static) return 'static';
  throw new Error(`no scanner available: ${available.static}`);
}

async function evaluateCorpus(scanner: ScannerKind, manifest: CorpusManifest): Promise<{ evaluations: PageEvaluation[]; errors: string[] }> {
  const files = manifest.pages.map((p) => p.file);
  const output = scanner === 'browser' ? await scanWithExtension(CORPUS_DIR, manifest.pages) : await scanStatic(files.map((f) => join(CORPUS_DIR, f)));
  const errors = [...output.errors];
  const evaluations: PageEvaluation[] = [];
  for (const page of manifest.pages) {
    const result = resultFor(page.file, page.url, output.results);
    if (!result) {
      errors.push(`${page.file}: no result`);
      continue;
    }
    evaluations.push(evaluatePage(page, result));
  }
  return { evaluations, errors };
}

async function evaluateRecordFile(name: string, file: string, labels?: Map<string, RecordLabel>): Promise<RecordsSummary> {
  // The record scan names each result "<file>:<line number>"; a bad record answers with an error line.
  const lines = readFileSync(file, 'utf8').split('\n');
  const ids: string[] = [];
  const sources: string[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    ids.push(String((JSON.parse(line) as { id: unknown }).id));
    sources.push(`:${index + 1}`);
  });
  const output = await scanStatic([file], 900_000);
  const byLine = new Map(output.results.map((r) => [r.source.slice(r.source.lastIndexOf(':')), r] as const));
  return summarizeRecords(name, ids, sources.map((s) => byLine.get(s) ?? null), output.seconds, labels);
}

export async function runEvaluation(options: { scanner?: ScannerKind | null; records?: boolean; generated?: number } = {}): Promise<EvaluationRun> {
  const scanner = chooseScanner(options.scanner ?? null);
  const manifest = loadManifest();
  const { evaluations, errors } = await evaluateCorpus(scanner, manifest);
  const summary = summarize(evaluations);
  const records: RecordsSummary[] = [];
  const notes: string[] = [];
  if (options.records !== false) {
    if (availableScanners().static) {
      notes.push(`record evaluation skipped: ${availableScanners().static}`);
    } else {
      const benign = resolveShared(BENIGN_RECORDS);
      if (benign) records.push(await evaluateRecordFile('benign-food (real, read in place)', benign));
      else notes.push(`benign record evaluation skipped: ${BENIGN_RECORDS} not found (set LISTING_INSPECTOR_SHARED to the shared folder)`);
      const generated = generateViolatingRecords(options.generated ?? 2000);
      mkdirSync(OUTPUT_DIR, { recursive: true });
      const file = join(OUTPUT_DIR, 'violating-records.jsonl');
      writeFileSync(file, generated.map((g) => JSON.stringify(g.record)).join('\n') + '\n');
      records.push(await evaluateRecordFile('generated violating', file, new Map(generated.map((g) => [g.record.id, g.label]))));
      const nearMissFile = join(OUTPUT_DIR, 'near-miss-records.jsonl');
      writeFileSync(nearMissFile, generateNearMissRecords(options.generated ?? 2000).map((r) => JSON.stringify(r)).join('\n') + '\n');
      // Its templates are a handful of hard cases, so its rate says which ones trip, not how often
      // real listings do: reported, not gated (the real benign records are).
      records.push({ ...(await evaluateRecordFile('generated benign near-misses', nearMissFile)), gated: false });
    }
  }
  return { scanner, manifest, evaluations, summary, records, notes, scanErrors: errors };
}

export function writeReports(run: EvaluationRun): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const reportFile = join(OUTPUT_DIR, 'report.html');
  writeFileSync(
    reportFile,
    htmlReport(run.summary, run.evaluations, run.records, {
      scanner: run.scanner === 'browser' ? 'the built extension in headless Chromium (content script reports)' : 'static scan (cli)',
      corpusHref: '../../fixtures/corpus/',
      generatedAt: new Date().toISOString(),
    }),
  );
  writeFileSync(join(OUTPUT_DIR, 'summary.json'), `${JSON.stringify({ scanner: run.scanner, summary: run.summary, records: run.records.map(({ examples: _examples, ...rest }) => rest), notes: run.notes, scanErrors: run.scanErrors }, null, 2)}\n`);
  return reportFile;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const wanted: ScannerKind | null = args.includes('--browser') ? 'browser' : args.includes('--static') ? 'static' : null;
  const run = await runEvaluation({ scanner: wanted, records: !args.includes('--no-records') });
  console.log(`Scanner: ${run.scanner}\n`);
  console.log(textReport(run.summary, run.records));
  for (const note of [...run.notes, ...run.scanErrors.map((e) => `scan error: ${e}`)]) console.log(`\nnote: ${note}`);
  console.log(`\nReport: ${writeReports(run)}`);
  const failures = gateFailures(run.summary, run.records, loadThresholds());
  if (failures.length) console.log(`\nBelow thresholds:\n  ${failures.join('\n  ')}`);
  if (args.includes('--gate') && failures.length) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
