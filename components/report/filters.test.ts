import { describe, expect, it } from 'vitest';
import { sampleChain } from '../../core/report/testing.ts';
import { applyFilters, NO_FILTERS, siteOf, type Row } from './filters.ts';

async function rows(): Promise<Row[]> {
  const { reports } = await sampleChain(3);
  return reports.map((report, i) => ({
    report: { ...report, caseId: i === 2 ? 'CASE-2' : report.caseId, severity: i === 1 ? 'low' : report.severity, listingUrl: i === 2 ? 'https://www.other.example/x' : report.listingUrl },
    status: i === 0 ? 'submitted' : 'filed',
    state: undefined,
  }));
}

describe('report filters', () => {
  it('passes everything with no filter', async () => {
    expect(applyFilters(await rows(), NO_FILTERS)).toHaveLength(3);
  });

  it('filters by status, severity, case, site and date, together', async () => {
    const all = await rows();
    expect(applyFilters(all, { ...NO_FILTERS, status: 'submitted' }).map((row) => row.report.id)).toEqual(['report-0000']);
    expect(applyFilters(all, { ...NO_FILTERS, severity: 'low' }).map((row) => row.report.id)).toEqual(['report-0001']);
    expect(applyFilters(all, { ...NO_FILTERS, caseId: 'CASE-2' }).map((row) => row.report.id)).toEqual(['report-0002']);
    expect(applyFilters(all, { ...NO_FILTERS, site: 'other.example' }).map((row) => row.report.id)).toEqual(['report-0002']);
    expect(applyFilters(all, { ...NO_FILTERS, from: '2026-11-30' })).toEqual([]);
    expect(applyFilters(all, { ...NO_FILTERS, from: '2026-11-29', to: '2026-11-29', status: 'filed', severity: 'high' }).map((row) => row.report.id)).toEqual(['report-0002']);
  });

  it('searches every word across title, notes, terms and ids', async () => {
    const all = await rows();
    expect(applyFilters(all, { ...NO_FILTERS, text: 'OXYCODONE case-2' }).map((row) => row.report.id)).toEqual(['report-0002']);
    expect(applyFilters(all, { ...NO_FILTERS, text: '0xyc0d0ne report-0001' }).map((row) => row.report.id)).toEqual(['report-0001']);
    expect(applyFilters(all, { ...NO_FILTERS, text: 'fentanyl' })).toEqual([]);
  });

  it('names sites without www', () => {
    expect(siteOf('https://www.amazon.com/dp/1')).toBe('amazon.com');
    expect(siteOf('nonsense')).toBe('');
  });
});
