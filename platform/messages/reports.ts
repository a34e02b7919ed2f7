/**
 * Messages between extension pages (popup, report form, reports page) and the
 * background reports manager. Every message is parsed with zod on arrival; only
 * extension pages may send them (content scripts are untrusted and never can).
 */
import * as z from 'zod/mini';
import { PageResult } from '../../core/findings.ts';
import { ReportDraft } from '../../core/report/model.ts';

z.config({ jitless: true });

export const StartReport = z.object({
  type: z.literal('reports.start'),
  /** The listing's tab: evidence is captured from it before the form opens. */
  tabId: z.number().check(z.int(), z.minimum(0)),
  /** The scan the popup is showing; when absent the background asks the tab's content script. */
  page: z.optional(PageResult),
  /** The URL asked for, when a redirect took the tab elsewhere (CLI capture). */
  requestedUrl: z.optional(z.string()),
  /** Open the filing form in a new tab (false for automation, which opens it itself). */
  openForm: z.optional(z.boolean()),
});
export type StartReport = z.infer<typeof StartReport>;

export const FileReport = z.object({
  type: z.literal('reports.file'),
  draftId: z.string(),
  form: ReportDraft.shape.form,
});
export type FileReport = z.infer<typeof FileReport>;

export const SubmitReports = z.object({
  type: z.literal('reports.submit'),
  ids: z.array(z.string()).check(z.minLength(1)),
});

export const KickOutbox = z.object({ type: z.literal('reports.outbox-kick') });

export const ReportsMessage = z.discriminatedUnion('type', [StartReport, FileReport, SubmitReports, KickOutbox]);
export type ReportsMessage = z.infer<typeof ReportsMessage>;

export type StartReply = { ok: true; draftId: string; captureMs: number; missing: string[] } | { ok: false; error: string };
export type FileReply =
  | { ok: true; id: string; version: number; hash: string; seq: number }
  | { ok: false; error: string; errors?: Array<{ path: string; message: string }> };
export type SubmitReply = { ok: true; queued: number } | { ok: false; error: string };
