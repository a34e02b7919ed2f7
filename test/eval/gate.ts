/**
 * The quality gate (issue #8): measured figures against test/eval/thresholds.json. Pure, so the
 * rule "recall below 0.95 fails" is itself tested; the e2e gate only feeds it real numbers.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import type { Summary } from './metrics.ts';
import type { RecordsSummary } from './records.ts';

const Share = z.number().check(z.minimum(0), z.maximum(1));

export const Thresholds = z.object({
  $comment: z.optional(z.string()),
  minRecall: Share,
  minCredentialAccuracy: Share,
  maxMustNotFlagViolations: z.number().check(z.int(), z.minimum(0)),
  minPrecision: Share,
  minPageFlagAccuracy: Share,
  maxBenignRecordFlagRate: Share,
  minGeneratedRecordRecall: Share,
});
export type Thresholds = z.infer<typeof Thresholds>;

/** The floors the issue sets; the file may only be stricter. */
export const ISSUE_FLOORS = { minRecall: 0.95, minCredentialAccuracy: 0.95, maxMustNotFlagViolations: 0 } as const;

export const THRESHOLDS_FILE = new URL('./thresholds.json', import.meta.url);

export function loadThresholds(file: URL = THRESHOLDS_FILE): Thresholds {
  return Thresholds.parse(JSON.parse(readFileSync(file, 'utf8')));
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Every way the measurement falls short of the thresholds, as sentences; empty means pass. */
export function gateFailures(summary: Summary, records: readonly RecordsSummary[], t: Thresholds): string[] {
  const failures: string[] = [];
  const below = (name: string, value: number | null, min: number) => {
    if (value === null) failures.push(`${name}: nothing measured`);
    else if (value < min) failures.push(`${name} ${pct(value)} is below ${pct(min)}`);
  };
  below('recall', summary.recall.value, t.minRecall);
  below('credential status accuracy', summary.credentialAccuracy.value, t.minCredentialAccuracy);
  below('precision', summary.precision.value, t.minPrecision);
  below('page flagged-or-clear accuracy', summary.pageFlagAccuracy.value, t.minPageFlagAccuracy);
  if (summary.mustNotFlagViolations > t.maxMustNotFlagViolations) {
    failures.push(`${summary.mustNotFlagViolations} must-not-flag phrase(s) flagged (allowed ${t.maxMustNotFlagViolations})`);
  }
  for (const r of records) {
    if (r.recall) below(`recall on ${r.name}`, r.recall.value, t.minGeneratedRecordRecall);
    else if (r.gated && r.records > 0 && r.flagged / r.records > t.maxBenignRecordFlagRate) {
      failures.push(`${r.name}: ${r.flagged} of ${r.records} benign records flagged (${pct(r.flagged / r.records)}, allowed ${pct(t.maxBenignRecordFlagRate)})`);
    }
    if (r.errors > 0) failures.push(`${r.name}: ${r.errors} record(s) gave no result`);
  }
  return failures;
}
