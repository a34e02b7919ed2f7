/**
 * The evaluation's matching rules, in one pure module (issue #8): which actual finding answers
 * which expected one, what counts as a false alarm, when a must-not-flag phrase was flagged,
 * and whether a credential verdict is right. Nothing here reads files or runs a scanner.
 */
import { TRICKS, type CredentialResult, type Finding, type PageResult, type Trick } from '../../core/findings.ts';
import type { CorpusPage, ExpectedCredential, ExpectedFinding } from './manifest.ts';

/** Text as compared: NFKC, lowercase, invisible characters dropped, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Terms compare case-insensitively and ignore spacing and hyphen variants ("4-ANPP" = "4 anpp"). */
export function normalizeTerm(term: string): string {
  return normalizeText(term).replace(/[\s\-‐–_]+/g, ' ');
}

const isTrick = (value: string): value is Trick => (TRICKS as readonly string[]).includes(value);

/** Same term and category: the finding is about what the label is about. */
export function sameSubject(expected: Pick<ExpectedFinding, 'term' | 'category'>, actual: Finding): boolean {
  return normalizeTerm(expected.term) === normalizeTerm(actual.term) && expected.category === actual.category;
}

/** Same subject, found in the place the label says (hidden text must be reported as hidden). */
export function answers(expected: ExpectedFinding, actual: Finding): boolean {
  return sameSubject(expected, actual) && expected.where === actual.where;
}

export interface FindingHit {
  expected: ExpectedFinding;
  actual: Finding;
  /** The finding names the disguise the label names (only judged for normaliser tricks). */
  trickAttributed: boolean | null;
}

export interface FindingMiss {
  expected: ExpectedFinding;
  /** Findings of the same subject reported elsewhere on the page: a placement error, not a blind spot. */
  foundElsewhere: Finding[];
}

export interface MustNotFlagViolation {
  phrase: string;
  finding: Finding;
}

export interface CredentialCheck {
  expected: ExpectedCredential;
  actual: CredentialResult | null;
  correct: boolean;
}

export interface PageEvaluation {
  page: CorpusPage;
  result: PageResult;
  hits: FindingHit[];
  misses: FindingMiss[];
  /** Distinct actual findings (by term, category, where) and whether each is a true positive. */
  reported: Array<{ finding: Finding; truePositive: boolean }>;
  falseAlarms: Finding[];
  mustNotFlag: MustNotFlagViolation[];
  credentials: CredentialCheck[];
  /** Credentials reported that the label does not list (shown in the report, not scored). */
  extraCredentials: CredentialResult[];
  verdictCorrect: boolean;
  credentialRequiredCorrect: boolean;
  missingCredentialCorrect: boolean;
}

function trickAttributed(expected: ExpectedFinding, actual: Finding): boolean | null {
  return isTrick(expected.trick) ? actual.tricks.includes(expected.trick) : null;
}

/**
 * Pairs expected findings with actual ones. Required labels are served first and each takes a
 * finding of its own, preferring one that names the labelled disguise, so two labels of the same
 * term (fullwidth in the title, Chinese in the body) need two findings. Optional labels may reuse.
 */
export function pairFindings(expected: readonly ExpectedFinding[], actual: readonly Finding[]): { hits: FindingHit[]; misses: FindingMiss[] } {
  const used = new Set<number>();
  const hits: FindingHit[] = [];
  const misses: FindingMiss[] = [];
  const ordered = [...expected.filter((e) => !e.optional), ...expected.filter((e) => e.optional)];
  for (const label of ordered) {
    const candidates = actual.map((finding, index) => ({ finding, index })).filter(({ finding }) => answers(label, finding));
    const free = candidates.filter(({ index }) => !used.has(index));
    const pool = label.optional && free.length === 0 ? candidates : free;
    const best = pool.find(({ finding }) => trickAttributed(label, finding) === true) ?? pool[0];
    if (best) {
      used.add(best.index);
      hits.push({ expected: label, actual: best.finding, trickAttributed: trickAttributed(label, best.finding) });
    } else if (!label.optional) {
      misses.push({ expected: label, foundElsewhere: actual.filter((finding) => sameSubject(label, finding)) });
    }
  }
  return { hits, misses };
}

/** One finding per (term, category, where): repeats of a term down a page are one answer, not many. */
export function distinctFindings(actual: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const finding of actual) {
    const key = `${normalizeTerm(finding.term)}\u0000${finding.category}\u0000${finding.where}`;
    if (!seen.has(key)) seen.set(key, finding);
  }
  return [...seen.values()];
}

/**
 * True when the finding's matched text stands inside the phrase on the page: the phrase contains
 * the matched text, and the finding's context agrees with the phrase on both sides of it as far
 * as both extend (the context is a short excerpt and may cut the phrase off).
 */
export function fallsInside(phrase: string, finding: Pick<Finding, 'matched' | 'context'>): boolean {
  const p = normalizeText(phrase);
  const m = normalizeText(finding.matched);
  // A context cut short is marked with an ellipsis at the cut: it is not page text.
  const c = normalizeText(finding.context).replace(/^(?:…|\.\.\.)\s*/, '').replace(/\s*(?:…|\.\.\.)$/, '');
  if (!m || !p.includes(m)) return false;
  for (let i = p.indexOf(m); i !== -1; i = p.indexOf(m, i + 1)) {
    const before = p.slice(0, i);
    const after = p.slice(i + m.length);
    for (let j = c.indexOf(m); j !== -1; j = c.indexOf(m, j + 1)) {
      const ctxBefore = c.slice(0, j);
      const ctxAfter = c.slice(j + m.length);
      const n = Math.min(before.length, ctxBefore.length);
      const k = Math.min(after.length, ctxAfter.length);
      if (before.slice(before.length - n) === ctxBefore.slice(ctxBefore.length - n) && after.slice(0, k) === ctxAfter.slice(0, k)) {
        return true;
      }
    }
  }
  return false;
}

/** Credential values compare without case, spaces or punctuation; a registry prefix may be left off. */
export function normalizeCredentialValue(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}.]/gu, '');
}

export function sameCredential(expected: ExpectedCredential, actual: CredentialResult): boolean {
  if (expected.type.toLowerCase() !== actual.type.toLowerCase()) return false;
  const e = normalizeCredentialValue(expected.value);
  const a = normalizeCredentialValue(actual.value);
  return e === a || (a.length >= 6 && e.endsWith(a)) || (e.length >= 6 && a.endsWith(e));
}

export function checkCredentials(expected: readonly ExpectedCredential[], actual: readonly CredentialResult[]): { checks: CredentialCheck[]; extra: CredentialResult[] } {
  const used = new Set<CredentialResult>();
  const checks = expected.map((label) => {
    const found = actual.find((candidate) => !used.has(candidate) && sameCredential(label, candidate)) ?? null;
    if (found) used.add(found);
    return { expected: label, actual: found, correct: found !== null && found.status === label.status };
  });
  return { checks, extra: actual.filter((candidate) => !used.has(candidate)) };
}

export function evaluatePage(page: CorpusPage, result: PageResult): PageEvaluation {
  const { hits, misses } = pairFindings(page.findings, result.findings);
  const reported = distinctFindings(result.findings).map((finding) => ({
    finding,
    truePositive: page.findings.some((label) => sameSubject(label, finding)),
  }));
  const mustNotFlag: MustNotFlagViolation[] = [];
  for (const phrase of page.mustNotFlag) {
    for (const finding of result.findings) if (fallsInside(phrase, finding)) mustNotFlag.push({ phrase, finding });
  }
  const { checks, extra } = checkCredentials(page.credentials, result.credentials);
  return {
    page,
    result,
    hits,
    misses,
    reported,
    falseAlarms: reported.filter((r) => !r.truePositive).map((r) => r.finding),
    mustNotFlag,
    credentials: checks,
    extraCredentials: extra,
    verdictCorrect: result.verdict === page.verdict,
    credentialRequiredCorrect: result.credentialRequired === page.credentialRequired,
    missingCredentialCorrect: result.missingCredential === page.missingCredential,
  };
}
