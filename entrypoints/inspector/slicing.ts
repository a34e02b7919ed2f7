/**
 * Time slicing for in-page work: run a step function in slices of a few milliseconds and
 * give the page the main thread between them, so no scan ever makes a long task (issue #4:
 * nothing over 50 ms). `scheduler.yield()` where the browser has it (it resumes ahead of
 * other queued tasks), otherwise a 0 ms timer.
 */

/** A slice's budget; well under the 50 ms long-task line even when one step overruns it. */
export const SLICE_MS = 8;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Longest slice seen, for the panel's numbers and the e2e long-task test. */
export class SliceClock {
  longestMs = 0;
  /** What the longest slice was doing ('text map', 'engine', 'credentials', …): where to look first. */
  longestPhase = '';
  phase = '';
  /** Longest slice per phase. */
  readonly byPhase = new Map<string, number>();
  private sliceStart = performance.now();

  /** True when the current slice has used its budget. */
  get spent(): boolean {
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  /** Ends the slice if spent: yields and starts a new one. Throws when `signal` aborted. */
  async maybeYield(signal: AbortSignal): Promise<void> {
    if (!this.spent) return;
    await this.yieldNow(signal);
  }

  async yieldNow(signal: AbortSignal): Promise<void> {
    this.record();
    await yieldToPage();
    signal.throwIfAborted();
    this.sliceStart = performance.now();
  }

  /** Closes the last slice's measurement (call when the work finishes). */
  finish(): void {
    this.record();
  }

  private record(): void {
    const ms = performance.now() - this.sliceStart;
    this.byPhase.set(this.phase, Math.max(ms, this.byPhase.get(this.phase) ?? 0));
    if (ms > this.longestMs) {
      this.longestMs = ms;
      this.longestPhase = this.phase;
    }
  }

  restart(): void {
    this.sliceStart = performance.now();
  }
}

/**
 * Resolves after the browser's next rendering (or 300 ms in a background tab, where frames
 * do not run). Walking a freshly loaded page before it has been styled makes the first
 * computed-style read do the browser's whole style pass inside our task; after a frame the
 * styles are clean and each read is cheap.
 */
export function afterNextPaint(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const fallback = win.setTimeout(resolve, 300);
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        win.clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
