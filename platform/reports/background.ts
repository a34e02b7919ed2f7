/**
 * The background reports manager: starts a report (capture evidence from the listing
 * tab, save a draft, open the form), files reports onto the chain (the one writer, so
 * appends never race), and runs the outbox. Registered from the background entry with
 * `registerReports()`.
 */
import { browser } from 'wxt/browser';
import { EMPTY_LISTING, type PageResult } from '../../core/findings.ts';
import { fileReport, prefillForm, validateForm, type RuleOrigins } from '../../core/report/filing.ts';
import type { Report, ReportState } from '../../core/report/model.ts';
import { ReportsMessage, type StartReport, type FileReport, type FileReply, type StartReply, type SubmitReply } from '../messages/reports.ts';
import { captureEvidence } from './capture.ts';
import { exportBundle } from './export.ts';
import { toBase64 } from '../../core/evidence/hash.ts';
import { processOutbox, queueReport, registerOutbox, retryFailed } from './outbox-runner.ts';
import { configureForAutomation, readReviewerId, readSubmission } from './settings.ts';
import { isBlobEncrypted, allOutbox, allStates, allVersions, appendIfHead, chainHead, getCapture, getDraft, getState, saveDraft, versionsOf } from './store.ts';
import { sessionEvidenceKey } from './unlock.ts';

function newId(): string {
  return crypto.randomUUID();
}

/** Messages come only from this extension's own pages, never from content scripts or other extensions. */
function fromExtensionPage(sender: { id?: string; url?: string }): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** The tab's latest scan as the in-page inspector reported it, with the pack behind each rule. */
export interface KnownScan {
  page: PageResult;
  origins?: RuleOrigins;
}
export type ScanLookup = (tabId: number) => Promise<KnownScan | null>;
let scanLookup: ScanLookup | null = null;
const workerStartedAt = Date.now() + Math.random();

/** Rule → pack (and version) from the in-page findings, which carry the pack id. */
export function originsOf(findings: ReadonlyArray<{ finding: { ruleId: string }; packId: string }>, packs: PageResult['packs']): RuleOrigins {
  const origins = new Map<string, { packId: string; packVersion: string }>();
  for (const item of findings) {
    const version = packs.find((pack) => pack.id === item.packId)?.version;
    if (version) origins.set(item.finding.ruleId, { packId: item.packId, packVersion: version });
  }
  return origins;
}

async function pageResultFor(tabId: number): Promise<PageResult> {
  const tab = await browser.tabs.get(tabId);
  // The popup normally sends its scan along. Without one, the report still gets its evidence; findings stay empty.
  return {
    url: tab.url ?? '',
    source: 'extension',
    scannedAt: new Date().toISOString(),
    packs: [],
    verdict: 'review',
    listing: { ...EMPTY_LISTING, title: tab.title ?? null },
    findings: [],
    credentials: [],
    credentialRequired: false,
    missingCredential: false,
  };
}

export async function startReport(message: StartReport): Promise<StartReply> {
  try {
    const known = scanLookup ? await scanLookup(message.tabId).catch(() => null) : null;
    const page = message.page ?? known?.page ?? (await pageResultFor(message.tabId));
    const origins = known?.origins;
    const reviewerId = await readReviewerId();
    const captureId = newId();
    const { capture, durationMs, pageText } = await captureEvidence({
      tabId: message.tabId,
      page,
      reviewerId,
      key: await sessionEvidenceKey(),
      captureId,
      ...(message.requestedUrl ? { requestedUrl: message.requestedUrl } : {}),
    });
    const draftId = newId();
    await saveDraft({
      draftId,
      tabId: message.tabId,
      editsReport: null,
      savedAt: new Date().toISOString(),
      form: prefillForm(page, reviewerId, { ...(pageText === undefined ? {} : { pageText }), ...(origins ? { origins } : {}) }),
      captureId: capture.captureId,
    });
    if (message.openForm !== false) await browser.tabs.create({ url: browser.runtime.getURL(`/report.html?draft=${draftId}`) });
    return { ok: true, draftId, captureMs: durationMs, missing: capture.missing.map((item) => `${item.kind}: ${item.reason}`) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export async function fileDraft(message: FileReport): Promise<FileReply> {
  const draft = await getDraft(message.draftId);
  if (!draft) return { ok: false, error: 'this draft no longer exists (it was filed or deleted)' };
  // Keep what was typed even if filing fails below.
  await saveDraft({ ...draft, form: message.form, savedAt: new Date().toISOString() });
  const valid = validateForm(message.form);
  if (!valid.ok) return { ok: false, error: 'the form has errors', errors: valid.errors };
  let previous: Report | null = null;
  if (draft.editsReport) {
    const versions = await versionsOf(draft.editsReport.id);
    previous = versions.reduce<Report | null>((latest, version) => (!latest || version.version > latest.version ? version : latest), null);
    if (!previous) return { ok: false, error: `report ${draft.editsReport.id} is not in the store` };
  }
  const capture = draft.captureId ? await getCapture(draft.captureId) : undefined;
  const evidence = capture?.artifacts ?? previous?.evidence ?? [];
  const missingEvidence = capture?.missing ?? previous?.missingEvidence ?? [];
  const id = previous?.id ?? newId();
  // Seal against the head; if another filing got in first, seal again against the new head.
  for (let attempt = 0; attempt < 5; attempt++) {
    const head = await chainHead();
    const report = await fileReport({ form: valid.form, id, filedAt: new Date().toISOString(), evidence, missingEvidence, head, previous });
    const existing = await getState(id);
    const state: ReportState = {
      id,
      status: existing?.status && existing.status !== 'draft' ? existing.status : 'filed',
      latestVersion: report.version,
      delivery: existing?.delivery ?? { state: 'none', attempts: 0, lastError: null, nextAttemptAt: null, deliveredAt: null, receipt: null },
      updatedAt: report.filedAt,
    };
    if (await appendIfHead(report, head?.chain.seq ?? null, state, draft.draftId)) {
      if ((await readSubmission()).endpoint) {
        await queueReport(report);
        void processOutbox();
      }
      return { ok: true, id, version: report.version, hash: report.hash, seq: report.chain.seq };
    }
  }
  return { ok: false, error: 'the report chain is busy; your draft is saved — try again' };
}

async function submit(ids: readonly string[]): Promise<SubmitReply> {
  if (!(await readSubmission()).endpoint) return { ok: false, error: 'no submission endpoint is set (options → submission)' };
  let queued = 0;
  for (const id of ids) {
    const versions = await versionsOf(id);
    const latest = versions[versions.length - 1];
    if (!latest) continue;
    if (await queueReport(latest)) queued++;
    else queued += await retryFailed(id);
  }
  void processOutbox();
  return { ok: true, queued };
}

export async function handleReportsMessage(raw: unknown): Promise<unknown> {
  const parsed = ReportsMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `bad message: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const message = parsed.data;
  switch (message.type) {
    case 'reports.start':
      return startReport(message);
    case 'reports.file':
      return fileDraft(message);
    case 'reports.submit':
      return submit(message.ids);
    case 'reports.outbox-kick':
      await processOutbox();
      return { ok: true };
  }
}

/** `scanOf` gives the tab's latest in-page scan, so a report started without one is still prefilled. */
export function registerReports(options: { scanOf?: ScanLookup } = {}): void {
  scanLookup = options.scanOf ?? null;
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (typeof raw !== 'object' || raw === null || !String((raw as { type?: unknown }).type).startsWith('reports.')) return undefined;
    if (!fromExtensionPage(sender)) return Promise.resolve({ ok: false, error: 'reports messages are accepted from extension pages only' });
    return handleReportsMessage(raw);
  });
  registerOutbox();
  // Automation hook for the CLI (`capture`) and the end-to-end tests, which drive the
  // worker directly: only privileged code running in the worker itself can reach it.
  (globalThis as unknown as { listingInspectorReports?: object }).listingInspectorReports = {
    start: (message: unknown) => handleReportsMessage({ ...(message as object), type: 'reports.start' }),
    file: (message: unknown) => handleReportsMessage({ ...(message as object), type: 'reports.file' }),
    submit: (ids: string[]) => handleReportsMessage({ type: 'reports.submit', ids }),
    kick: () => processOutbox(),
    draft: (draftId: string) => getDraft(draftId),
    configure: configureForAutomation,
    states: () => allStates(),
    /** When this worker instance started: tests use it to see a restart happened. */
    workerStartedAt: () => workerStartedAt,
    /** True once the in-page inspector has reported a scan of the tab. */
    scanKnown: async (tabId: number) => Boolean(scanLookup && (await scanLookup(tabId).catch(() => null))),
    blobEncrypted: (sha256: string) => isBlobEncrypted(sha256),
    /** A bundle as base64 (automation reads it through a JSON channel). */
    bundleBase64: async (arg: { ids: string[]; sign: boolean }) => toBase64((await exportBundle(arg.ids, { sign: arg.sign })).bytes as Uint8Array),
    outbox: () => allOutbox(),
    versions: () => allVersions(),
  };
}
