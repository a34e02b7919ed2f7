/**
 * What the reports manager reads from settings: the reviewer id written into reports
 * and the submission endpoint. Stored under keys of its own so the reports code and
 * its tests do not depend on the options page; the options page writes these items.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';

z.config({ jitless: true });

/** HTTPS, or plain HTTP to this machine only (a local intake bridge, and the tests). */
export function isAllowedEndpoint(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

export const SubmissionSettings = z.object({
  /** Empty: reports stay local and are exported by hand. */
  endpoint: z.string().check(z.refine((value) => value === '' || isAllowedEndpoint(value), 'the endpoint must be an https:// URL')),
  /** Sent as "Authorization: Bearer <token>". Kept in local storage, never synced. */
  token: z.string().check(z.maxLength(4096)),
  /** A request that takes longer is abandoned and retried (the intake hung). */
  timeoutMs: z.number().check(z.int(), z.minimum(1000), z.maximum(300_000)),
});
export type SubmissionSettings = z.infer<typeof SubmissionSettings>;

export const DEFAULT_SUBMISSION: SubmissionSettings = { endpoint: '', token: '', timeoutMs: 30_000 };

export const submissionItem = storage.defineItem<SubmissionSettings>('local:reports.submission', { fallback: DEFAULT_SUBMISSION });
export const reviewerIdItem = storage.defineItem<string>('local:reports.reviewerId', { fallback: '' });

/** The submission settings, repaired to defaults field by field when stored values are invalid. */
export async function readSubmission(): Promise<SubmissionSettings> {
  const stored = await submissionItem.getValue();
  const parsed = SubmissionSettings.safeParse({ ...DEFAULT_SUBMISSION, ...stored });
  return parsed.success ? parsed.data : DEFAULT_SUBMISSION;
}
