/**
 * Output formats of `scan`: json (one array), jsonl (one object per line), csv (one row
 * per finding, one row for a page without findings, one row per error). The objects are
 * the PageResult contract (core/findings.ts); a page or record that could not be scanned
 * is an ErrorRecord, told apart by its `error` field.
 */
import type { PageResult } from '../core/findings.ts';

export const FORMATS = ['json', 'jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A page or record that could not be scanned: the batch reports it and goes on. */
export interface ErrorRecord {
  /** The file, or file:line for a JSONL record, or "stdin" / "stdin:line" for standard input. */
  source: string;
  url: string | null;
  /** One line saying what is wrong, e.g. "invalid JSON (Unexpected token } at position 9)". */
  error: string;
}

export type ScanOutput = PageResult | ErrorRecord;

export function isErrorRecord(item: ScanOutput): item is ErrorRecord {
  return 'error' in item;
}

export const CSV_COLUMNS = [
  'source', 'url', 'verdict', 'marketplace', 'page_type', 'title', 'listing_id', 'price', 'currency',
  'seller', 'rule_id', 'term', 'category', 'severity', 'matched', 'where', 'zone', 'tricks', 'context',
  'explanation', 'credential_required', 'missing_credential', 'credentials', 'error',
] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

/**
 * One CSV field, RFC 4180 quoted. Page text is hostile: a cell starting with = + - @ would
 * run as a formula in a spreadsheet, so it is prefixed with an apostrophe (OWASP CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(row: CsvRow): string {
  return `${CSV_COLUMNS.map((c) => csvField(row[c] ?? '')).join(',')}\r\n`;
}

function csvRows(item: ScanOutput): CsvRow[] {
  if (isErrorRecord(item)) return [{ source: item.source, url: item.url ?? '', error: item.error }];
  const l = item.listing;
  const page: CsvRow = {
    source: item.source,
    url: item.url,
    verdict: item.verdict,
    marketplace: l.marketplace ?? '',
    page_type: l.pageType,
    title: l.title ?? '',
    listing_id: l.listingId ?? '',
    price: l.price ? String(l.price.amount) : '',
    currency: l.price?.currency ?? '',
    seller: l.seller?.name ?? l.seller?.id ?? '',
    credential_required: String(item.credentialRequired),
    missing_credential: String(item.missingCredential),
    credentials: item.credentials.map((c) => `${c.type} ${c.value}: ${c.status}`).join('; '),
  };
  if (item.findings.length === 0) return [page];
  return item.findings.map((f) => ({
    ...page,
    rule_id: f.ruleId,
    term: f.term,
    category: f.category,
    severity: f.severity,
    matched: f.matched,
    where: f.where,
    zone: f.zone,
    tricks: f.tricks.join(' '),
    context: f.context,
    explanation: f.explanation,
  }));
}

/** Writes results as they come, so a long batch streams and a crash loses nothing already scanned. */
export class OutputWriter {
  private readonly format: Format;
  private readonly write: (chunk: string) => void;
  private count = 0;

  constructor(format: Format, write: (chunk: string) => void) {
    this.format = format;
    this.write = write;
    if (format === 'csv') write(`${CSV_COLUMNS.join(',')}\r\n`);
    if (format === 'json') write('[');
  }

  add(item: ScanOutput): void {
    switch (this.format) {
      case 'jsonl':
        this.write(`${JSON.stringify(item)}\n`);
        break;
      case 'json':
        this.write(`${this.count === 0 ? '\n' : ',\n'}${JSON.stringify(item, null, 2).replace(/^/gm, '  ')}`);
        break;
      case 'csv':
        this.write(csvRows(item).map(csvLine).join(''));
        break;
    }
    this.count++;
  }

  end(): void {
    if (this.format === 'json') this.write(this.count === 0 ? ']\n' : '\n]\n');
  }
}
