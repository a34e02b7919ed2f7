import { describe, expect, it } from 'vitest';
import type { CredentialResult, Finding, PageResult } from '../../core/findings.ts';
import type { CorpusPage, ExpectedFinding } from '../eval/manifest.ts';
import {
  checkCredentials,
  evaluatePage,
  fallsInside,
  normalizeTerm,
  pairFindings,
  sameCredential,
} from '../eval/match.ts';
import { summarize, weakest } from '../eval/metrics.ts';

function finding(partial: Partial<Finding> & Pick<Finding, 'term' | 'category'>): Finding {
  return {
    ruleId: `r.${partial.term}`,
    severity: 'high',
    matched: partial.term,
    where: 'visible',
    context: partial.term,
    zone: 'listing',
    tricks: [],
    explanation: '',
    ...partial,
  };
}

const label = (term: string, extra: Partial<ExpectedFinding> = {}): ExpectedFinding => ({
  term,
  category: 'opioid',
  where: 'visible',
  trick: 'plain',
  ...extra,
});

function page(partial: Partial<CorpusPage> = {}): CorpusPage {
  return {
    file: 'p.html',
    marketplace: 'ebay',
    languages: ['en'],
    url: 'https://www.ebay.com/itm/1',
    violating: true,
    note: '',
    findings: [],
    mustNotFlag: [],
    credentials: [],
    credentialRequired: false,
    missingCredential: false,
    verdict: 'violation',
    ...partial,
  };
}

function result(partial: Partial<PageResult> = {}): PageResult {
  return {
    url: 'https://www.ebay.com/itm/1',
    source: 'p.html',
    scannedAt: '2026-11-29T00:00:00Z',
    packs: [],
    verdict: 'violation',
    listing: { marketplace: null, pageType: 'item', title: null, listingId: null, price: null, seller: null },
    findings: [],
    credentials: [],
    credentialRequired: false,
    missingCredential: false,
    ...partial,
  };
}

describe('normalizeTerm', () => {
  it('ignores case, width, hyphens and spacing', () => {
    expect(normalizeTerm('4-ANPP')).toBe(normalizeTerm('4 anpp'));
    expect(normalizeTerm('ＯＸＹ')).toBe('oxy');
    expect(normalizeTerm('BMK  glycidic-acid')).toBe('bmk glycidic acid');
  });
});

describe('pairFindings', () => {
  it('needs the same term, category and place', () => {
    const { hits, misses } = pairFindings([label('oxycodone', { where: 'hidden' })], [finding({ term: 'oxycodone', category: 'opioid' })]);
    expect(hits).toHaveLength(0);
    expect(misses).toHaveLength(1);
    expect(misses[0]?.foundElsewhere).toHaveLength(1);
  });

  it('matches case-insensitively and records whether the disguise was named', () => {
    const { hits } = pairFindings(
      [label('Oxycodone', { trick: 'leetspeak' })],
      [finding({ term: 'oxycodone', category: 'opioid', tricks: ['leetspeak'] })],
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]?.trickAttributed).toBe(true);
  });

  it('does not judge attribution for placement labels', () => {
    const { hits } = pairFindings([label('oxycodone', { trick: 'brand-name' })], [finding({ term: 'oxycodone', category: 'opioid' })]);
    expect(hits[0]?.trickAttributed).toBeNull();
  });

  it('gives each required label its own finding, preferring the one with the labelled trick', () => {
    const plain = finding({ term: 'ketamine', category: 'dissociative', matched: '氯胺酮' });
    const wide = finding({ term: 'ketamine', category: 'dissociative', matched: 'ｋｅｔａｍｉｎｅ', tricks: ['fullwidth'] });
    const labels = [
      label('ketamine', { category: 'dissociative', trick: 'fullwidth' }),
      label('ketamine', { category: 'dissociative', trick: 'chinese-no-spaces' }),
    ];
    const both = pairFindings(labels, [plain, wide]);
    expect(both.misses).toHaveLength(0);
    expect(both.hits[0]?.actual).toBe(wide);
    const one = pairFindings(labels, [wide]);
    expect(one.hits).toHaveLength(1);
    expect(one.misses).toHaveLength(1);
  });

  it('never counts a missing optional label as a miss, and lets it share a finding', () => {
    const only = finding({ term: 'oxycodone', category: 'opioid' });
    const { hits, misses } = pairFindings([label('oxycodone'), label('oxycodone', { optional: true, trick: 'brand-name' })], [only]);
    expect(misses).toHaveLength(0);
    expect(hits).toHaveLength(2);
    expect(pairFindings([label('whatsapp', { category: 'evasion', optional: true })], []).misses).toHaveLength(0);
  });
});

describe('fallsInside', () => {
  it('flags a finding whose match and context sit inside the phrase', () => {
    expect(fallsInside('fentanyl test strips', { matched: 'Fentanyl', context: 'Rapid Fentanyl Test Strips, 10 pack' })).toBe(true);
  });

  it('accepts a context that cuts the phrase off, ellipsis marks included', () => {
    expect(fallsInside('Reverses the effects of fentanyl, heroin', { matched: 'heroin', context: 'fentanyl, heroin and more' })).toBe(true);
    expect(fallsInside('cup, 12 panels: cocaine, opiates, oxycodone, marijuana (THC)', { matched: 'oxycodone', context: '…caine, opiates, oxycodone, marijuan…' })).toBe(true);
    expect(fallsInside('cup, 12 panels: cocaine, opiates, oxycodone', { matched: 'oxycodone', context: '…buy opiates, oxycodone' })).toBe(false);
  });

  it('does not flag the same word used elsewhere on the page', () => {
    expect(fallsInside('fentanyl test strips', { matched: 'fentanyl', context: 'buy fentanyl powder now' })).toBe(false);
    expect(fallsInside('ice cream', { matched: 'crystal', context: 'crystal ice cream' })).toBe(false);
  });

  it('ignores invisible characters and width when comparing', () => {
    expect(fallsInside('Galaxy M30', { matched: 'M30', context: 'Samsung Galaxy\u200b M30 64GB' })).toBe(true);
  });
});

describe('credentials', () => {
  const actual = (type: string, value: string, status: CredentialResult['status']): CredentialResult => ({ type, value, status, reason: '' });

  it('compares values without punctuation or a registry prefix', () => {
    expect(sameCredential({ type: 'invima', value: 'INVIMA 2015M-0016284', status: 'unverified' }, actual('INVIMA', '2015M-0016284', 'unverified'))).toBe(true);
    expect(sameCredential({ type: 'npi', value: '1234567893', status: 'valid' }, actual('dea', '1234567893', 'valid'))).toBe(false);
    expect(sameCredential({ type: 'npi', value: '1234567893', status: 'valid' }, actual('npi', '1234567890', 'valid'))).toBe(false);
  });

  it('is correct only with the right status, and reports extras', () => {
    const { checks, extra } = checkCredentials(
      [
        { type: 'npi', value: '1234567893', status: 'valid' },
        { type: 'dea', value: 'BN1234563', status: 'valid' },
      ],
      [actual('npi', '1234567893', 'valid'), actual('dea', 'BN1234563', 'invalid'), actual('gphc', '1234567', 'unverified')],
    );
    expect(checks.map((c) => c.correct)).toEqual([true, false]);
    expect(extra.map((e) => e.type)).toEqual(['gphc']);
  });
});

describe('evaluatePage and summarize', () => {
  const violating = page({
    file: 'v.html',
    findings: [label('oxycodone', { trick: 'leetspeak' }), label('fentanyl', { where: 'hidden', trick: 'hidden-text' })],
  });
  const benign = page({
    file: 'b.html',
    marketplace: 'amazon',
    languages: ['es'],
    violating: false,
    verdict: 'clear',
    mustNotFlag: ['fentanyl test strips'],
    credentials: [{ type: 'npi', value: '1234567893', status: 'valid' }],
  });
  const evaluations = [
    evaluatePage(
      violating,
      result({
        findings: [
          finding({ term: 'oxycodone', category: 'opioid', tricks: ['leetspeak'] }),
          finding({ term: 'oxycodone', category: 'opioid', tricks: ['leetspeak'] }),
        ],
      }),
    ),
    evaluatePage(
      benign,
      result({
        verdict: 'review',
        findings: [finding({ term: 'fentanyl', category: 'opioid', matched: 'fentanyl', context: 'Fentanyl test strips 10 pack' })],
        credentials: [{ type: 'npi', value: '1234567893', status: 'valid', reason: 'Luhn ok' }],
      }),
    ),
  ];

  it('counts a miss, a repeat as one answer, a false alarm and a must-not-flag breach', () => {
    const [v, b] = evaluations;
    expect(v?.misses.map((m) => m.expected.term)).toEqual(['fentanyl']);
    expect(v?.reported).toHaveLength(1);
    expect(v?.falseAlarms).toHaveLength(0);
    expect(b?.falseAlarms.map((f) => f.term)).toEqual(['fentanyl']);
    expect(b?.mustNotFlag.map((m) => m.phrase)).toEqual(['fentanyl test strips']);
    expect(b?.verdictCorrect).toBe(false);
  });

  it('summarises recall, precision and accuracies by group', () => {
    const summary = summarize(evaluations);
    expect(summary.recall).toEqual({ hit: 1, total: 2, value: 0.5 });
    expect(summary.precision).toEqual({ hit: 1, total: 2, value: 0.5 });
    expect(summary.byTrick.find((g) => g.key === 'hidden-text')?.recall.value).toBe(0);
    expect(summary.byLanguage.find((g) => g.key === 'es')?.precision).toEqual({ hit: 0, total: 1, value: 0 });
    expect(summary.credentialAccuracy.value).toBe(1);
    expect(summary.verdictAccuracy).toEqual({ hit: 1, total: 2, value: 0.5 });
    expect(summary.pageFlagAccuracy.value).toBe(0.5);
    expect(summary.verdictConfusion).toEqual({ violation: { violation: 1 }, clear: { review: 1 } });
    expect(summary.mustNotFlagViolations).toBe(1);
    expect(summary.trickAttribution).toEqual({ hit: 1, total: 1, value: 1 });
    expect(weakest(summary.byTrick, 1).map((g) => g.key)).toEqual(['hidden-text']);
    expect(summary.byRule.find((g) => g.key === 'r.fentanyl')?.precision).toEqual({ hit: 0, total: 1, value: 0 });
  });
});
