/**
 * Places in the panel other features fill. Reports (issue #5): "Report this listing"
 * captures evidence from the tab and opens the filing form prefilled with its scan.
 */
import type { TabState } from '../../platform/messages/contract.ts';
import { ReportListingButton } from '../report/ReportListingButton.tsx';

export function ReportActions({ state }: { state: TabState }) {
  return <ReportListingButton page={state.report?.result ?? null} tabId={state.tabId} />;
}
