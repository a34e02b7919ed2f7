import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvCell, reportsToCsv, CSV_COLUMNS } from './csv.ts';
import { DSA_CATEGORY, DSA_LIMITS, toDsaStatement } from './dsa.ts';
import { exportJson, manifestJsonSchema, reportExportJsonSchema, ReportExport } from './json-schema.ts';
import { sampleChain } from './testing.ts';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
  });

  it('defuses spreadsheet formulas from page text', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes one row per report with a header, CRLF line ends', async () => {
    const { reports } = await sampleChain(2);
    const csv = reportsToCsv(reports);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4); // header, 2 rows, trailing empty
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"Pain relief 0xyc0d0ne 30mg, ""no prescription"" <fast>"');
    expect(lines[1]!.endsWith(reports[0]!.chain.prevHash)).toBe(true);
  });
});

describe('DSA statement of reasons', () => {
  it('maps a report to the transparency database fields without personal data', async () => {
    const { reports } = await sampleChain(1);
    const statement = toDsaStatement(reports[0]!);
    expect(statement).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      category: DSA_CATEGORY,
      category_specification: ['KEYWORD_PROHIBITED_PRODUCTS'],
      content_type: ['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_TEXT'],
      application_date: '2026-11-29',
      source_type: 'SOURCE_VOLUNTARY',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: '12345',
    });
    expect(statement.illegal_content_legal_ground).toBeTruthy();
    expect(statement.illegal_content_explanation).toMatch(/opioid\.oxycodone/);
    expect(statement.decision_facts).toMatch(/1 finding\(s\) were in hidden text/);
    expect(statement).not.toHaveProperty('incompatible_content_ground');
    const text = JSON.stringify(statement);
    expect(text).not.toContain('seller-9');
    expect(text).not.toContain('reviewer-7');
    expect(text).not.toContain('HYPERLINK');
  });

  it('switches to terms-of-service grounds and keeps within field limits', async () => {
    const { reports } = await sampleChain(1);
    const long = { ...reports[0]!, findings: Array.from({ length: 400 }, (_, i) => ({ ...reports[0]!.findings[0]!, term: `term-${i}`, ruleId: `rule.${i}` })) };
    const statement = toDsaStatement(long, {
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      legal_ground: '',
      incompatible_ground: 'Section 4.2',
      automated_decision: 'AUTOMATED_DECISION_PARTIALLY',
      source_type: 'SOURCE_TRUSTED_FLAGGER',
      territorial_scope: ['ES', 'DE'],
    });
    expect(statement.decision_facts.length).toBeLessThanOrEqual(DSA_LIMITS.decision_facts);
    expect(statement.incompatible_content_explanation!.length).toBeLessThanOrEqual(2000);
    expect(statement).toMatchObject({ incompatible_content_ground: 'Section 4.2', territorial_scope: ['ES', 'DE'] });
    expect(statement).not.toHaveProperty('illegal_content_legal_ground');
  });
});

describe('JSON export and schema', () => {
  it('exports reports that parse back with the published model', async () => {
    const { reports } = await sampleChain(2);
    const parsed = ReportExport.safeParse(JSON.parse(exportJson(reports, '2026-11-29T15:00:00.000Z')));
    expect(parsed.success).toBe(true);
  });

  it('keeps the committed JSON Schemas in step with the models', () => {
    const root = new URL('../../docs/schema/', import.meta.url);
    expect(JSON.parse(readFileSync(new URL('report-export.schema.json', root), 'utf8'))).toEqual(reportExportJsonSchema());
    expect(JSON.parse(readFileSync(new URL('bundle-manifest.schema.json', root), 'utf8'))).toEqual(manifestJsonSchema());
  });
});
