/**
 * Aggregates page evaluations into the figures a trust-and-safety team judges a scanner by:
 * precision and recall overall and per category, trick, language and marketplace; credential
 * accuracy; page-verdict accuracy. Pure: evaluations in, numbers out.
 */
import type { PageEvaluation } from './match.ts';

export interface Rate {
  /** Numerator: hits for recall, true positives for precision, correct answers for accuracy. */
  hit: number;
  total: number;
  /** hit / total; null when there was nothing to measure. */
  value: number | null;
}

export interface GroupScore {
  key: string;
  recall: Rate;
  precision: Rate;
}

export interface Summary {
  pages: number;
  violatingPages: number;
  recall: Rate;
  precision: Rate;
  byCategory: GroupScore[];
  byTrick: GroupScore[];
  byLanguage: GroupScore[];
  byMarketplace: GroupScore[];
  /** Precision per rule (DOMAIN.md §4.6: precision tracked per rule), for rule owners. */
  byRule: GroupScore[];
  /** Of the hits whose label names a normaliser trick, how many findings named it too. */
  trickAttribution: Rate;
  credentialAccuracy: Rate;
  credentialRequiredAccuracy: Rate;
  missingCredentialAccuracy: Rate;
  verdictAccuracy: Rate;
  /** Violating pages with any verdict but clear, benign pages with verdict clear. */
  pageFlagAccuracy: Rate;
  /** expected verdict → actual verdict → count. */
  verdictConfusion: Record<string, Record<string, number>>;
  mustNotFlagViolations: number;
  benignPagesWithFindings: number;
}

export function rate(hit: number, total: number): Rate {
  return { hit, total, value: total === 0 ? null : hit / total };
}

class Tally {
  private readonly counts = new Map<string, { rh: number; rt: number; ph: number; pt: number }>();
  private slot(key: string) {
    let slot = this.counts.get(key);
    if (!slot) this.counts.set(key, (slot = { rh: 0, rt: 0, ph: 0, pt: 0 }));
    return slot;
  }
  recall(key: string, hit: boolean): void {
    const slot = this.slot(key);
    slot.rt += 1;
    if (hit) slot.rh += 1;
  }
  precision(key: string, truePositive: boolean): void {
    const slot = this.slot(key);
    slot.pt += 1;
    if (truePositive) slot.ph += 1;
  }
  scores(): GroupScore[] {
    return [...this.counts.entries()]
      .map(([key, c]) => ({ key, recall: rate(c.rh, c.rt), precision: rate(c.ph, c.pt) }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }
}

export function summarize(evaluations: readonly PageEvaluation[]): Summary {
  const byCategory = new Tally();
  const byTrick = new Tally();
  const byLanguage = new Tally();
  const byMarketplace = new Tally();
  const byRule = new Tally();
  let hits = 0;
  let required = 0;
  let truePositives = 0;
  let reported = 0;
  let attributed = 0;
  let attributable = 0;
  let credentialsCorrect = 0;
  let credentials = 0;
  const confusion: Record<string, Record<string, number>> = {};
  for (const evaluation of evaluations) {
    const { page } = evaluation;
    const outcomes = [
      ...evaluation.hits.filter((h) => !h.expected.optional).map((h) => ({ label: h.expected, hit: true })),
      ...evaluation.misses.map((m) => ({ label: m.expected, hit: false })),
    ];
    for (const { label, hit } of outcomes) {
      required += 1;
      if (hit) hits += 1;
      byCategory.recall(label.category, hit);
      byTrick.recall(label.trick, hit);
      for (const language of page.languages) byLanguage.recall(language, hit);
      byMarketplace.recall(page.marketplace, hit);
    }
    for (const hit of evaluation.hits) {
      if (hit.trickAttributed === null) continue;
      attributable += 1;
      if (hit.trickAttributed) attributed += 1;
    }
    for (const { finding, truePositive } of evaluation.reported) {
      reported += 1;
      if (truePositive) truePositives += 1;
      byCategory.precision(finding.category, truePositive);
      for (const language of page.languages) byLanguage.precision(language, truePositive);
      byMarketplace.precision(page.marketplace, truePositive);
      byRule.precision(finding.ruleId, truePositive);
    }
    for (const check of evaluation.credentials) {
      credentials += 1;
      if (check.correct) credentialsCorrect += 1;
    }
    const row = (confusion[page.verdict] ??= {});
    row[evaluation.result.verdict] = (row[evaluation.result.verdict] ?? 0) + 1;
  }
  const count = (predicate: (e: PageEvaluation) => boolean) => evaluations.filter(predicate).length;
  return {
    pages: evaluations.length,
    violatingPages: count((e) => e.page.violating),
    recall: rate(hits, required),
    precision: rate(truePositives, reported),
    byCategory: byCategory.scores(),
    byTrick: byTrick.scores(),
    byLanguage: byLanguage.scores(),
    byMarketplace: byMarketplace.scores(),
    byRule: byRule.scores(),
    trickAttribution: rate(attributed, attributable),
    credentialAccuracy: rate(credentialsCorrect, credentials),
    credentialRequiredAccuracy: rate(count((e) => e.credentialRequiredCorrect), evaluations.length),
    missingCredentialAccuracy: rate(count((e) => e.missingCredentialCorrect), evaluations.length),
    verdictAccuracy: rate(count((e) => e.verdictCorrect), evaluations.length),
    pageFlagAccuracy: rate(count((e) => e.page.violating === (e.result.verdict !== 'clear')), evaluations.length),
    verdictConfusion: confusion,
    mustNotFlagViolations: evaluations.reduce((sum, e) => sum + e.mustNotFlag.length, 0),
    benignPagesWithFindings: count((e) => !e.page.violating && e.falseAlarms.length > 0),
  };
}

/** The weakest groups by recall (ties broken by size), for the closing note and the report. */
export function weakest(groups: readonly GroupScore[], n: number): GroupScore[] {
  return groups
    .filter((g) => g.recall.value !== null)
    .sort((a, b) => (a.recall.value ?? 1) - (b.recall.value ?? 1) || b.recall.total - a.recall.total)
    .slice(0, n);
}
