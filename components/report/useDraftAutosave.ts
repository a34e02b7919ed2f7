/**
 * Save the draft as it is typed: debounced while typing, and at once when the page is
 * hidden or closed, so a closed tab, a crash or a browser restart loses at most the
 * last few hundred milliseconds of typing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDraft, type DraftRecord } from '../../platform/reports/store.ts';

const DEBOUNCE_MS = 300;

export function useDraftAutosave(draft: DraftRecord | null): { savedAt: string | null; error: string | null; flush: () => Promise<void> } {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<DraftRecord | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const toSave = pending.current;
    pending.current = null;
    if (!toSave) return;
    try {
      const stamped = { ...toSave, savedAt: new Date().toISOString() };
      await saveDraft(stamped);
      setSavedAt(stamped.savedAt);
      setError(null);
    } catch (caught) {
      // Keep it pending: the next change or flush tries again.
      pending.current = toSave;
      setError(`Draft not saved: ${(caught as Error).message}`);
    }
  }, []);

  useEffect(() => {
    if (!draft) return;
    pending.current = draft;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  }, [draft, flush]);

  useEffect(() => {
    const now = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') now();
    };
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  return { savedAt, error, flush };
}
