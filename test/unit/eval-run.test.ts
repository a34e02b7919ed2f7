import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../core/findings.ts';
import { ISSUE_FLOORS, gateFailures, loadThresholds } from '../eval/gate.ts';
import { rate, type Summary } from '../eval/metrics.ts';
import { generateNearMissRecords, generateViolatingRecords, summarizeRecords, type RecordsSummary } from '../eval/records.ts';
import { escapeHtml, htmlReport } from '../eval/report.ts';
import { parseJsonl, resultFor } from '../eval/scanner.ts';

function result(partial: Partial<PageResult>): PageResult {
  return {
    url: 'https://x.example/',
    source: 'x',
    scannedAt: '2026-11-29T00:00:00Z',
    packs: [],
    verdict: 'clear',
    listing: { marketplace: null, pageType: 'other', title: null, listingId: null, price: null, seller: null },
    findings: [],
    credentials: [],
    credentialRequired: false,
    missingCredential: false,
    ...partial,
  };
}

function summary(partial: Partial<Summary> = {}): Summary {
  return {
    pages: 10,
    violatingPages: 6,
    recall: rate(96, 100),
    precision: rate(95, 100),
    byCategory: [],
    byTrick: [],
    byLanguage: [],
    byMarketplace: [],
    byRule: [],
    trickAttribution: rate(1, 1),
    credentialAccuracy: rate(20, 20),
    credentialRequiredAccuracy: rate(10, 10),
    missingCredentialAccuracy: rate(10, 10),
    verdictAccuracy: rate(10, 10),
    pageFlagAccuracy: rate(10, 10),
    verdictConfusion: {},
    mustNotFlagViolations: 0,
    benignPagesWithFindings: 0,
    ...partial,
  };
}

const records = (partial: Partial<RecordsSummary>): RecordsSummary => ({
  name: 'r',
  records: 1000,
  flagged: 0,
  withFindings: 0,
  errors: 0,
  seconds: 1,
  topRules: [],
  examples: [],
  recall: null,
  gated: true,
  ...partial,
});

describe('thresholds', () => {
  const t = loadThresholds();

  it('are never looser than the floors the issue sets', () => {
    expect(t.minRecall).toBeGreaterThanOrEqual(ISSUE_FLOORS.minRecall);
    expect(t.minCredentialAccuracy).toBeGreaterThanOrEqual(ISSUE_FLOORS.minCredentialAccuracy);
    expect(t.maxMustNotFlagViolations).toBeLessThanOrEqual(ISSUE_FLOORS.maxMustNotFlagViolations);
  });

  it('pass a run that meets them', () => {
    expect(gateFailures(summary(), [records({}), records({ recall: rate(99, 100) })], t)).toEqual([]);
  });

  it('fail on recall below 0.95, a flagged must-not-flag phrase, or credential accuracy below 0.95', () => {
    expect(gateFailures(summary({ recall: rate(94, 100) }), [], t)).toEqual(['recall 94.0% is below 95.0%']);
    expect(gateFailures(summary({ mustNotFlagViolations: 1 }), [], t)).toHaveLength(1);
    expect(gateFailures(summary({ credentialAccuracy: rate(18, 20) }), [], t)).toHaveLength(1);
    expect(gateFailures(summary({ recall: rate(0, 0) }), [], t)).toEqual(['recall: nothing measured']);
  });

  it('fail on too many benign records flagged, and on records without a result', () => {
    expect(gateFailures(summary(), [records({ flagged: 200 })], t)).toHaveLength(1);
    expect(gateFailures(summary(), [records({ errors: 1 })], t)).toHaveLength(1);
    expect(gateFailures(summary(), [records({ flagged: 200, gated: false })], t)).toEqual([]);
  });
});

describe('generated records', () => {
  it('are deterministic and labelled', () => {
    const a = generateViolatingRecords(50);
    expect(generateViolatingRecords(50)).toEqual(a);
    expect(new Set(a.map((g) => g.record.language)).size).toBe(3);
    expect(a.every((g) => g.record.title.length > 0 && g.label.term.length > 0)).toBe(true);
  });

  it('include benign near-misses in every language, deterministically', () => {
    const a = generateNearMissRecords(200);
    expect(generateNearMissRecords(200)).toEqual(a);
    expect(new Set(a.map((r) => r.language))).toEqual(new Set(['en', 'es', 'zh']));
    expect(a.every((r) => !r.title.includes('{n}') && !r.description.includes('{n}'))).toBe(true);
  });

  it('summarise recall and false alarms', () => {
    const finding = { ruleId: 'opioid.fentanyl', term: 'fentanyl', category: 'opioid' as const, severity: 'high' as const, matched: 'x', where: 'visible' as const, context: 'x', zone: 'listing' as const, tricks: [], explanation: '' };
    const labels = new Map([
      ['a', { term: 'fentanyl', category: 'opioid' as const }],
      ['b', { term: 'tramadol', category: 'rx-drug' as const }],
    ]);
    const s = summarizeRecords('g', ['a', 'b', 'c'], [result({ verdict: 'violation', findings: [finding] }), result({}), null], 1, labels);
    expect(s.recall).toEqual({ hit: 1, total: 3, value: 1 / 3 });
    expect(s.errors).toBe(1);
    expect(s.flagged).toBe(1);
    expect(s.topRules).toEqual([['opioid.fentanyl', 1]]);
  });
});

describe('scanner output', () => {
  it('keeps PageResult lines and reports the rest as errors', () => {
    const good = JSON.stringify(result({ source: 'a.html' }));
    const { results, errors } = parseJsonl(`${good}\n{"error":"timeout","url":"u"}\nnot json\n\n`);
    expect(results).toHaveLength(1);
    expect(errors).toHaveLength(2);
  });

  it('finds a page result by source path, served URL or canonical URL', () => {
    const byPath = result({ source: '/abs/test/fixtures/corpus/a.html' });
    const byUrl = result({ source: 'chromium', url: 'http://127.0.0.1:4000/b.html' });
    const byCanonical = result({ source: 'x', url: 'https://www.ebay.com/itm/1' });
    const all = [byPath, byUrl, byCanonical];
    expect(resultFor('a.html', 'https://none', all)).toBe(byPath);
    expect(resultFor('b.html', 'https://none', all)).toBe(byUrl);
    expect(resultFor('c.html', 'https://www.ebay.com/itm/1', all)).toBe(byCanonical);
    expect(resultFor('ba.html', 'https://none', all)).toBeNull();
  });
});

describe('html report', () => {
  it('escapes page text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>"')).toBe('&#60;img src=x onerror=alert(1)&#62;&#34;');
    const html = htmlReport(summary(), [], [records({ examples: [{ id: '<b>', verdict: 'review', detail: '<script>alert(1)</script>\u200b' }] })], {
      scanner: 'static',
      corpusHref: '../',
      generatedAt: 'now',
    });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('U+200B');
  });
});
