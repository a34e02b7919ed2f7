/**
 * The latest report of each tab's content script, kept in memory and mirrored to
 * storage.session so a restarted service worker can still answer the panel.
 */
import { browser } from 'wxt/browser';
import { TabReport } from '../../platform/messages/contract.ts';
import type { TabReport as TabReportT } from '../../platform/messages/contract.ts';

const reports = new Map<number, TabReportT>();
const sessionKey = (tabId: number) => `tab.${tabId}`;

function session(): typeof browser.storage.session | null {
  return (browser.storage as { session?: typeof browser.storage.session }).session ?? null;
}

export async function getReport(tabId: number): Promise<TabReportT | null> {
  const cached = reports.get(tabId);
  if (cached) return cached;
  const stored = (await session()?.get(sessionKey(tabId)))?.[sessionKey(tabId)];
  const parsed = TabReport.safeParse(stored);
  if (!parsed.success) return null;
  reports.set(tabId, parsed.data);
  return parsed.data;
}

export async function setReport(tabId: number, report: TabReportT): Promise<void> {
  reports.set(tabId, report);
  await session()?.set({ [sessionKey(tabId)]: report }).catch(() => undefined);
}

export async function clearReport(tabId: number): Promise<void> {
  reports.delete(tabId);
  await session()?.remove(sessionKey(tabId)).catch(() => undefined);
}
