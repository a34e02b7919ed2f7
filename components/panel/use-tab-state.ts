/** The panel's live view of one tab: fetched on open, refetched when the background says it changed. */
import { useCallback, useEffect, useState } from 'react';
import type { TabState } from '../../platform/messages/contract.ts';
import { fetchTabState, onPanelEvent } from '../../platform/messages/index.ts';

export function useTabState(tabId: number | null): { state: TabState | null; loading: boolean; refresh: () => void; setState: (s: TabState) => void } {
  const [state, setState] = useState<TabState | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(() => {
    if (tabId === null) return;
    void fetchTabState(tabId).then((s) => {
      setState(s);
      setLoading(false);
    });
  }, [tabId]);
  useEffect(() => {
    setLoading(true);
    refresh();
    return onPanelEvent((changed) => {
      if (changed === tabId) refresh();
    });
  }, [tabId, refresh]);
  return { state, loading, refresh, setState };
}
