/**
 * Delivering filed reports to the team's intake (background only). The outbox lives
 * in IndexedDB; an alarm wakes the service worker for the next retry, and every start
 * of the worker (install, browser start, wake-up) resumes it, so nothing queued is
 * lost to a restart. One run at a time; each send holds a lease, so a send cut off by
 * the worker stopping is retried with the same idempotency key and never files twice.
 */
import { browser } from 'wxt/browser';
import { buildPayload } from '../../core/report/payload.ts';
import { BACKOFF, classifyStatus, dueEntries, lease, newEntry, nextWake, parseRetryAfter, settle, type OutboxEntry, type SendOutcome } from '../../core/report/outbox.ts';
import type { Report, ReportState } from '../../core/report/model.ts';
import { readSubmission, type SubmissionSettings } from './settings.ts';
import { allOutbox, getOutbox, putOutbox, queueOutbox, updateState, versionsOf } from './store.ts';

export const OUTBOX_ALARM = 'reports-outbox';
/** While the worker is awake, short retries run on a timer; the alarm is the backstop across restarts. */
const TIMER_LIMIT_MS = 60_000;

let running: Promise<void> | null = null;
let rerun = false;
let timer: ReturnType<typeof setTimeout> | null = null;

export async function queueReport(report: Report): Promise<boolean> {
  const queued = await queueOutbox(newEntry(report.id, report.version, report.hash, Date.now()));
  if (queued) await reflect(report.id, { state: 'queued', attempts: 0, lastError: null, nextAttemptAt: new Date().toISOString() });
  return queued;
}

async function reflect(id: string, delivery: Partial<ReportState['delivery']>, status?: ReportState['status']): Promise<void> {
  await updateState(id, (state) => ({
    ...state,
    status: status && state.status !== 'acknowledged' ? status : state.status,
    delivery: { ...state.delivery, ...delivery },
    updatedAt: new Date().toISOString(),
  }));
}

async function send(entry: OutboxEntry, report: Report, settings: SubmissionSettings): Promise<SendOutcome> {
  const payload = buildPayload(report, entry.key, new Date().toISOString(), browser.runtime.getManifest().version);
  let response: Response;
  try {
    response = await fetch(settings.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': entry.key,
        ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(settings.timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    const name = (error as Error).name;
    return { kind: 'retry', error: name === 'TimeoutError' ? `no answer within ${settings.timeoutMs / 1000} s` : `network error: ${(error as Error).message}`, retryAfterMs: null };
  }
  const verdict = classifyStatus(response.status);
  let text = '';
  try {
    text = (await response.text()).slice(0, 2000);
  } catch {
    text = '';
  }
  if (verdict === 'delivered') {
    let receipt: string | null = null;
    try {
      const body = JSON.parse(text) as { caseId?: unknown; id?: unknown };
      receipt = typeof body.caseId === 'string' ? body.caseId : typeof body.id === 'string' ? body.id : null;
    } catch {
      receipt = null;
    }
    return { kind: 'delivered', receipt };
  }
  const error = `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  if (verdict === 'retry') return { kind: 'retry', error, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()) };
  return { kind: 'rejected', error };
}

async function runOnce(): Promise<void> {
  const settings = await readSubmission();
  const entries = await allOutbox();
  if (!settings.endpoint) {
    for (const entry of entries.filter((candidate) => candidate.state === 'pending')) {
      await reflect(entry.reportId, { state: 'queued', lastError: 'no submission endpoint is set (options → submission)' });
    }
    return;
  }
  for (const due of dueEntries(entries, Date.now())) {
    // Re-read: another context may have settled it since the list was taken.
    const current = await getOutbox(due.key);
    if (!current || current.state !== 'pending') continue;
    // The lease outlasts the request timeout: a worker stopped mid-send is retried soon after.
    const leased = lease(current, Date.now(), settings.timeoutMs + BACKOFF.leaseMarginMs);
    await putOutbox(leased);
    await reflect(leased.reportId, { state: 'sending', attempts: leased.attempts });
    const report = (await versionsOf(leased.reportId)).find((version) => version.version === leased.version);
    const outcome: SendOutcome = report ? await send(leased, report, settings) : { kind: 'rejected', error: 'the report version is no longer in the store' };
    const settled = settle(leased, outcome, Date.now());
    await putOutbox(settled);
    if (settled.state === 'delivered') {
      await reflect(settled.reportId, { state: 'delivered', lastError: null, nextAttemptAt: null, deliveredAt: new Date().toISOString(), receipt: outcome.kind === 'delivered' ? outcome.receipt : null }, 'submitted');
    } else if (settled.state === 'failed') {
      await reflect(settled.reportId, { state: 'failed', lastError: settled.lastError, nextAttemptAt: null });
    } else {
      await reflect(settled.reportId, { state: 'retrying', lastError: settled.lastError, nextAttemptAt: new Date(settled.nextAttemptAt).toISOString() });
    }
  }
  await scheduleWake(await allOutbox());
}

async function scheduleWake(entries: readonly OutboxEntry[]): Promise<void> {
  const at = nextWake(entries);
  if (timer) clearTimeout(timer);
  timer = null;
  if (at === null) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
  const delay = at - Date.now();
  if (delay < TIMER_LIMIT_MS) timer = setTimeout(() => void processOutbox(), Math.max(0, delay) + 50);
}

/** Send what is due; concurrent calls coalesce into one run plus one follow-up. */
export function processOutbox(): Promise<void> {
  if (running) {
    rerun = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        rerun = false;
        await runOnce();
      } while (rerun);
    } catch (error) {
      console.error('[reports] outbox run failed', error);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Retry a failed delivery now (the reviewer fixed the token, say): same key, fresh attempts. */
export async function retryFailed(reportId: string): Promise<number> {
  let count = 0;
  for (const entry of await allOutbox()) {
    if (entry.reportId === reportId && entry.state === 'failed') {
      await putOutbox({ ...entry, state: 'pending', attempts: 0, nextAttemptAt: Date.now(), lastError: null });
      count++;
    }
  }
  return count;
}

export function registerOutbox(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void processOutbox();
  });
  browser.runtime.onStartup.addListener(() => void processOutbox());
  // Every time the worker starts (install, update, wake-up after being stopped).
  void processOutbox();
}
