/**
 * Save the draft as it is typed: debounced while typing, and at once when the page is
 * hidden or closed, so a closed tab, a crash or a browser restart loses at most the
 * last few hundred milliseconds of typing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDraft, type DraftRecord } from '../../platform/reports/store.ts';

const DEBOUNCE_MS = 300;

export interface DraftAutosave {
  savedAt: string | null;
  error: string | null;
  /** Save what is pending now. */
  flush: () => Promise<void>;
  /** Stop saving (while the draft is being filed, the background deletes it; a late save must not bring it back). */
  suspend: () => void;
  resume: () => void;
}

export function useDraftAutosave(draft: DraftRecord | null): DraftAutosave {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<DraftRecord | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const suspended = useRef(false);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const toSave = pending.current;
    if (!toSave || suspended.current) return;
    pending.current = null;
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
    if (!draft || suspended.current) return;
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

  const suspend = useCallback(() => {
    suspended.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);
  const resume = useCallback(() => {
    suspended.current = false;
  }, []);

  return { savedAt, error, flush, suspend, resume };
}
