/**
 * The published JSON Schema of exported reports, generated from the zod models
 * (zod 4's own toJSONSchema). docs/schema/report.schema.json is this output; a unit
 * test fails when the models change and the file was not regenerated
 * (`node scripts/generate-report-schema.ts`).
 */
import * as z from 'zod/mini';
import { Report } from './model.ts';
import { Manifest } from './bundle-model.ts';

export const SCHEMA_ID = 'https://listing-inspector.example.org/schema/report-export.schema.json';

export const ReportExport = z.object({
  format: z.literal('listing-inspector/reports@1'),
  exportedAt: z.string(),
  reports: z.array(Report),
});
export type ReportExport = z.infer<typeof ReportExport>;

export function reportExportJsonSchema(): Record<string, unknown> {
  return { $id: SCHEMA_ID, ...(z.toJSONSchema(ReportExport, { target: 'draft-2020-12' }) as Record<string, unknown>) };
}

export function manifestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Manifest, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

export function exportJson(reports: ReportExport['reports'], exportedAt: string): string {
  const body: ReportExport = { format: 'listing-inspector/reports@1', exportedAt, reports };
  return `${JSON.stringify(body, null, 2)}\n`;
}
