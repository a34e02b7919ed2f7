/**
 * "Report this listing" for the popup: captures evidence from the listing's tab (while
 * it is still the visible tab), then opens the filing form. Pass the scan the popup
 * shows as `page` so the form is prefilled with its findings.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageResult } from '../../core/findings.ts';
import type { StartReply } from '../../platform/messages/reports.ts';
import { useReportsT } from './useReportsT.ts';

async function currentTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function ReportListingButton({ page, tabId }: { page?: PageResult | null; tabId?: number | null }) {
  const t = useReportsT();
  const [state, setState] = useState<{ busy: boolean; text: string | null; bad: boolean }>({ busy: false, text: null, bad: false });
  const start = async () => {
    setState({ busy: true, text: t('capturing'), bad: false });
    const id = tabId ?? (await currentTabId());
    if (id === null) return setState({ busy: false, text: t('noTab'), bad: true });
    const reply = (await browser.runtime.sendMessage({ type: 'reports.start', tabId: id, ...(page ? { page } : {}) })) as StartReply;
    if (reply.ok) setState({ busy: false, text: t('captured', { seconds: (reply.captureMs / 1000).toFixed(1) }), bad: false });
    else setState({ busy: false, text: reply.error, bad: true });
  };
  return (
    <div>
      <button type="button" onClick={() => void start()} disabled={state.busy} aria-describedby="report-listing-status">
        {t('reportListing')}
      </button>{' '}
      <a href="/reports.html" target="_blank" rel="noopener">
        {t('reports')}
      </a>
      <div id="report-listing-status" role="status" aria-live="polite" className={state.bad ? 'error' : 'muted'}>
        {state.text}
      </div>
    </div>
  );
}
