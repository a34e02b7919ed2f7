/**
 * CSV export (RFC 4180): one row per report version. Fields that hold a comma, quote,
 * CR or LF are quoted with inner quotes doubled. Cells that a spreadsheet would run as
 * a formula (leading = + - @, tab, CR) get a leading apostrophe, since page text
 * (listing titles, seller names) is attacker-controlled (OWASP "CSV injection").
 */
import type { Report, ReportState } from './model.ts';

export const CSV_COLUMNS = [
  'report_id',
  'version',
  'status',
  'filed_at',
  'reviewer_id',
  'case_id',
  'tags',
  'category',
  'severity',
  'listing_url',
  'marketplace',
  'listing_id',
  'listing_title',
  'price',
  'seller_name',
  'seller_id',
  'finding_count',
  'finding_terms',
  'credential_statuses',
  'rule_packs',
  'notes',
  'evidence_count',
  'report_hash',
  'chain_seq',
  'prev_hash',
] as const;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return cells.map(csvCell).join(',');
}

export function reportsToCsv(reports: readonly Report[], states: ReadonlyMap<string, ReportState> = new Map()): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const report of reports) {
    lines.push(
      csvRow([
        report.id,
        report.version,
        states.get(report.id)?.status ?? 'filed',
        report.filedAt,
        report.reviewerId,
        report.caseId,
        report.tags.join('; '),
        report.category,
        report.severity,
        report.listingUrl,
        report.listing.marketplace,
        report.listing.listingId,
        report.listing.title,
        report.listing.price?.text ?? null,
        report.listing.seller?.name ?? null,
        report.listing.seller?.id ?? null,
        report.findings.length,
        [...new Set(report.findings.map((finding) => finding.term))].join('; '),
        report.credentials.map((credential) => `${credential.type}:${credential.status}`).join('; '),
        report.packs.map((pack) => `${pack.id}@${pack.version}`).join('; '),
        report.notes,
        report.evidence.length,
        report.hash,
        report.chain.seq,
        report.chain.prevHash,
      ]),
    );
  }
  // CRLF line ends as RFC 4180 says; spreadsheets read it everywhere.
  return `${lines.join('\r\n')}\r\n`;
}
