/**
 * The page verdict: "violation", "review" or "clear".
 *
 * Findings in the listing itself (title, description, seller block, the result items of a
 * search page) count fully; findings in menus, footers and navigation count far less
 * (issue #10: a marketplace's own "Pharmacy" menu is not a drug listing). Hidden text
 * weighs by its zone too: hidden drug words in a listing are cloaking and count fully,
 * but real marketplaces hide whole mega-menus with display:none (Costco: over a
 * thousand hidden menu blocks), and those stay page chrome.
 */
import type { Severity, Verdict } from './findings.ts';
import type { Match } from './engine/types.ts';

const WEIGHT: Record<Severity, number> = { high: 3, medium: 2, low: 1 };
/** Distinct listing findings adding up to this make a violation even without a high one. */
const VIOLATION_SCORE = 6;
/** Page chrome counts a quarter: four distinct high findings in menus are worth a look. */
const CHROME_FACTOR = 0.25;
const CHROME_REVIEW_SCORE = 3;

export interface VerdictInput {
  matches: readonly Match[];
  missingCredential: boolean;
}

export interface VerdictExplained {
  verdict: Verdict;
  reason: string;
}

export function countsAsListing(match: Pick<Match, 'zone'>): boolean {
  return match.zone === 'listing';
}

export function decideVerdict({ matches, missingCredential }: VerdictInput): VerdictExplained {
  const listing = matches.filter(countsAsListing);
  const chrome = matches.filter((m) => !countsAsListing(m));

  const high = listing.find((m) => m.severity === 'high');
  if (high) return { verdict: 'violation', reason: `${high.term} (${high.category}, high severity) in the listing` };

  const rx = listing.find((m) => m.rxOnly || m.category === 'rx-drug');
  if (rx) {
    const noPrescription = listing.find((m) => m.category === 'rx-without-prescription' || m.category === 'evasion');
    if (noPrescription) return { verdict: 'violation', reason: `${rx.term} offered with “${noPrescription.matched}”` };
    if (missingCredential) return { verdict: 'violation', reason: `${rx.term} sold without a pharmacy credential` };
  }

  const score = distinctScore(listing);
  if (score >= VIOLATION_SCORE) return { verdict: 'violation', reason: `several prohibited-drug findings in the listing (score ${score})` };

  const notable = listing.find((m) => m.severity !== 'low');
  if (notable) return { verdict: 'review', reason: `${notable.term} (${notable.category}) in the listing` };
  if (missingCredential) return { verdict: 'review', reason: 'a credential is required and none was found' };
  if (distinctScore(chrome) * CHROME_FACTOR >= CHROME_REVIEW_SCORE) {
    return { verdict: 'review', reason: 'many prohibited-drug terms in the page outside the listing' };
  }
  return { verdict: 'clear', reason: listing.length + chrome.length === 0 ? 'no findings' : 'only minor findings outside the listing' };
}

/** Sum of severities over distinct (rule, term) pairs, so one word repeated ten times counts once. */
function distinctScore(matches: readonly Match[]): number {
  const seen = new Map<string, number>();
  for (const m of matches) {
    const key = `${m.ruleId}\u0000${m.term}`;
    seen.set(key, Math.max(seen.get(key) ?? 0, WEIGHT[m.severity]));
  }
  let total = 0;
  for (const weight of seen.values()) total += weight;
  return total;
}
