/**
 * Places in the panel other features fill. Reports (issue #5): put the
 * "Report this listing" button and form in ReportActions; it receives the tab's state.
 */
import type { TabState } from '../../platform/messages/contract.ts';

export function ReportActions(_props: { state: TabState }) {
  return null;
}
