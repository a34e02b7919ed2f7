/** Filtering the reports list: pure, so it is tested without a browser. */
import type { Report, ReportState, ReportStatus } from '../../core/report/model.ts';

export interface ReportFilters {
  text: string;
  category: string;
  severity: string;
  status: string;
  caseId: string;
  site: string;
  from: string;
  to: string;
}

export const NO_FILTERS: ReportFilters = { text: '', category: '', severity: '', status: '', caseId: '', site: '', from: '', to: '' };

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export interface Row {
  report: Report;
  status: ReportStatus;
  state: ReportState | undefined;
}

export function applyFilters(rows: readonly Row[], filters: ReportFilters): Row[] {
  const words = filters.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(({ report, status }) => {
    if (filters.category && report.category !== filters.category) return false;
    if (filters.severity && report.severity !== filters.severity) return false;
    if (filters.status && status !== filters.status) return false;
    if (filters.caseId && report.caseId !== filters.caseId) return false;
    if (filters.site && siteOf(report.listingUrl) !== filters.site) return false;
    const day = report.filedAt.slice(0, 10);
    if (filters.from && day < filters.from) return false;
    if (filters.to && day > filters.to) return false;
    if (words.length) {
      const haystack = [
        report.id,
        report.listingUrl,
        report.listing.title ?? '',
        report.listing.listingId ?? '',
        report.listing.seller?.name ?? '',
        report.notes,
        report.caseId,
        report.tags.join(' '),
        ...report.findings.map((finding) => `${finding.term} ${finding.matched}`),
      ]
        .join(' ')
        .toLocaleLowerCase();
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}
