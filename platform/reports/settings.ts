/**
 * What the reports manager reads from settings. The reviewer id and the submission
 * endpoint and token are the options page's (platform/settings: one source of truth,
 * with managed policy on top); only the request timeout, an advanced knob the tests
 * shorten, is kept here.
 */
import { storage } from 'wxt/utils/storage';
import { loadEffectiveSettings, saveSettings } from '../settings/store.ts';

export interface SubmissionSettings {
  /** Empty: reports stay local and are exported by hand. */
  endpoint: string;
  /** Sent as "Authorization: Bearer <token>". */
  token: string;
  /** A request that takes longer is abandoned and retried (the intake hung). */
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
export const timeoutItem = storage.defineItem<number>('local:reports.timeoutMs', { fallback: DEFAULT_TIMEOUT_MS });

export async function readSubmission(): Promise<SubmissionSettings> {
  const { settings } = await loadEffectiveSettings();
  const stored = await timeoutItem.getValue();
  const timeoutMs = Number.isInteger(stored) && stored >= 1000 && stored <= 300_000 ? stored : DEFAULT_TIMEOUT_MS;
  return { endpoint: settings.submission.endpoint, token: settings.submission.token, timeoutMs };
}

/** The id written into reports: the reviewer id, else their name. */
export async function readReviewerId(): Promise<string> {
  const { settings } = await loadEffectiveSettings();
  return settings.reviewer.id || settings.reviewer.name;
}

/** For automation (CLI capture, end-to-end tests): set the reviewer and endpoint as the options page would. */
export async function configureForAutomation(change: { reviewerId?: string; endpoint?: string; token?: string; timeoutMs?: number }): Promise<void> {
  const { own } = await loadEffectiveSettings();
  await saveSettings({
    ...own,
    reviewer: { ...own.reviewer, id: change.reviewerId ?? own.reviewer.id },
    submission: { endpoint: change.endpoint ?? own.submission.endpoint, token: change.token ?? own.submission.token },
  });
  if (change.timeoutMs !== undefined) await timeoutItem.setValue(change.timeoutMs);
}
