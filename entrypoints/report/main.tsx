/** The filing form page: report.html?draft=<id>, or ?edit=<reportId> to make a new version of a filed report. */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/report/report.css';
import { ReportForm } from '../../components/report/ReportForm.tsx';
import { useReportsT } from '../../components/report/useReportsT.ts';
import type { StoredCapture } from '../../platform/reports/db.ts';
import { getCapture, getDraft, listDrafts, saveDraft, versionsOf, type DraftRecord } from '../../platform/reports/store.ts';

async function draftForEdit(reportId: string): Promise<DraftRecord> {
  const versions = await versionsOf(reportId);
  const latest = versions[versions.length - 1];
  if (!latest) throw new Error(`report ${reportId} is not in the store`);
  // Reuse an open edit of the same version rather than starting a second one.
  const existing = (await listDrafts()).find((draft) => draft.editsReport?.id === reportId && draft.editsReport.version === latest.version);
  if (existing) return existing;
  const { category, severity, listingUrl, listing, findings, credentials, packs, notes, caseId, tags, reviewerId } = latest;
  const draft: DraftRecord = {
    draftId: crypto.randomUUID(),
    tabId: null,
    editsReport: { id: latest.id, version: latest.version },
    savedAt: new Date().toISOString(),
    form: { category, severity, listingUrl, listing, findings, credentials, packs, notes, caseId, tags, reviewerId },
    captureId: null,
  };
  await saveDraft(draft);
  return draft;
}

function Page() {
  const t = useReportsT();
  const [state, setState] = useState<{ draft: DraftRecord; capture: StoredCapture | null } | { error: string } | null>(null);
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    (async () => {
      const edit = params.get('edit');
      let draft: DraftRecord | undefined;
      if (edit) {
        draft = await draftForEdit(edit);
        history.replaceState(null, '', `?draft=${draft.draftId}`);
      } else {
        draft = await getDraft(params.get('draft') ?? '');
      }
      if (!draft) return setState({ error: 'draft-gone' });
      setState({ draft, capture: draft.captureId ? ((await getCapture(draft.captureId)) ?? null) : null });
    })().catch((error: unknown) => setState({ error: String(error) }));
  }, []);
  return (
    <main>
      <h1>{t('fileTitle')}</h1>
      {state === null ? <p>{t('loading')}</p> : 'error' in state ? <p className="error" role="alert">{state.error === 'draft-gone' ? t('draftGone') : state.error}</p> : <ReportForm initial={state.draft} capture={state.capture} />}
      <p>
        <a href="/reports.html">{t('allReports')}</a>
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Page />);
