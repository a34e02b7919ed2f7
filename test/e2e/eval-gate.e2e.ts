/**
 * The detection-quality gate (issue #8), part of npm test: scans the labelled corpus through the
 * built extension in headless Chromium (`scan --browser`, the reviewer's own path), scans the
 * JSONL record sets statically, and fails when a figure misses test/eval/thresholds.json:
 * recall below 0.95, any must-not-flag phrase flagged, credential accuracy below 0.95, and the
 * stricter figures the file adds. The report lands in test/output/eval/report.html either way.
 */
import { describe, expect, it } from 'vitest';
import { gateFailures, loadThresholds } from '../eval/gate.ts';
import { runEvaluation, writeReports, type EvaluationRun } from '../eval/run.ts';
import { textReport } from '../eval/report.ts';
import { availableScanners } from '../eval/scanner.ts';

describe('detection quality gate', () => {
  let run: EvaluationRun | null = null;

  it('scans every corpus page through the extension', { timeout: 900_000 }, async () => {
    // The browser path is the reviewer's; while a checkout lacks it (cli/browser-scan.ts not
    // built yet) the gate still holds the static path to the same thresholds, and says so.
    const browserMissing = availableScanners().browser;
    if (browserMissing) console.warn(`eval gate: browser scan unavailable (${browserMissing}); gating the static scan instead`);
    run = await runEvaluation({ scanner: browserMissing ? 'static' : 'browser' });
    const report = writeReports(run);
    console.log(`${textReport(run.summary, run.records)}\n${run.notes.map((n) => `note: ${n}`).join('\n')}\nReport: ${report}`);
    expect(run.scanErrors).toEqual([]);
    expect(run.evaluations).toHaveLength(run.manifest.pages.length);
  });

  it('meets every threshold in test/eval/thresholds.json', () => {
    expect(run, 'the scan above did not complete').not.toBeNull();
    if (!run) return;
    const breaches = run.evaluations.flatMap((e) =>
      e.mustNotFlag.map((m) => `${e.page.file}: "${m.phrase}" flagged by ${m.finding.ruleId} ("${m.finding.matched}")`),
    );
    expect(gateFailures(run.summary, run.records, loadThresholds()), breaches.join('\n')).toEqual([]);
  });
});
