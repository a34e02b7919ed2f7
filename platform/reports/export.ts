/**
 * Exports from the reports page: JSON, CSV, DSA statements, and evidence bundles
 * built from the store (every version of each report, the chain up to the newest,
 * decrypted evidence, optionally signed with the reviewer's key).
 */
import { browser } from 'wxt/browser';
import { buildBundle } from '../../core/report/bundle.ts';
import { reportsToCsv } from '../../core/report/csv.ts';
import { toDsaStatement } from '../../core/report/dsa.ts';
import { exportJson } from '../../core/report/json-schema.ts';
import type { Report, ReportState } from '../../core/report/model.ts';
import { allStates, artifactBytes, chainUpTo, signingKeys, versionsOf } from './store.ts';
import { readableEvidenceKey } from './unlock.ts';
import { browserLanguage, resolveLocale } from '../i18n.ts';
import { loadEffectiveSettings } from '../settings/store.ts';

export interface Download {
  name: string;
  bytes: Uint8Array<ArrayBuffer> | string;
  type: string;
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

export async function exportReportsJson(reports: readonly Report[]): Promise<Download> {
  return { name: `reports-${stamp()}.json`, bytes: exportJson([...reports], new Date().toISOString()), type: 'application/json' };
}

export async function exportReportsCsv(reports: readonly Report[]): Promise<Download> {
  const states = new Map<string, ReportState>((await allStates()).map((state) => [state.id, state]));
  return { name: `reports-${stamp()}.csv`, bytes: reportsToCsv(reports, states), type: 'text/csv;charset=utf-8' };
}

export async function exportDsa(reports: readonly Report[]): Promise<Download> {
  const statements = reports.map((report) => toDsaStatement(report));
  return { name: `statements-of-reasons-${stamp()}.json`, bytes: `${JSON.stringify({ statements }, null, 2)}\n`, type: 'application/json' };
}

/** One bundle for the given reports: a case bundle when they share a case id (or are several). */
export async function exportBundle(ids: readonly string[], options: { sign: boolean }): Promise<Download> {
  const reports: Report[] = [];
  for (const id of ids) reports.push(...(await versionsOf(id)));
  if (reports.length === 0) throw new Error('no report selected');
  const newestSeq = Math.max(...reports.map((report) => report.chain.seq));
  const caseIds = [...new Set(reports.map((report) => report.caseId).filter(Boolean))];
  const caseId = ids.length > 1 || caseIds.length === 1 ? (caseIds.length === 1 ? (caseIds[0] as string) : 'selection') : null;
  const zip = await buildBundle({
    reports,
    artifacts: await artifactBytes(reports, await readableEvidenceKey()),
    chain: await chainUpTo(newestSeq),
    caseId: ids.length > 1 ? caseId : null,
    createdAt: new Date().toISOString(),
    generator: `Listing Inspector ${browser.runtime.getManifest().version}`,
    signing: options.sign ? await signingKeys() : null,
    locale: resolveLocale((await loadEffectiveSettings()).settings.locale, browserLanguage()),
  });
  const name = ids.length === 1 ? `report-${ids[0]}` : `case-${(caseId ?? 'selection').replace(/[^\w.-]+/g, '_')}`;
  return { name: `${name}-${stamp()}.zip`, bytes: new Uint8Array(zip), type: 'application/zip' };
}

/** Save a download from an extension page (an <a download> click; no downloads permission needed). */
export function saveDownload(download: Download): void {
  const blob = new Blob([download.bytes], { type: download.type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = download.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
