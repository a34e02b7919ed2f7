/**
 * Writes the published JSON Schemas of report exports and bundle manifests from the
 * zod models: docs/schema/report-export.schema.json and docs/schema/bundle-manifest.schema.json.
 */
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema, reportExportJsonSchema } from '../core/report/json-schema.ts';

const targets: Array<[string, Record<string, unknown>]> = [
  ['docs/schema/report-export.schema.json', reportExportJsonSchema()],
  ['docs/schema/bundle-manifest.schema.json', manifestJsonSchema()],
];
for (const [path, schema] of targets) {
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
