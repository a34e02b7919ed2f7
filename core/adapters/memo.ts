/**
 * Per-extraction memory: one extractListing call reads the same JSON-LD, meta tags and generic
 * facts several times (site adapter, field fallback, listing blocks), and every read is a walk
 * of the whole document. The memory lives only for the duration of one synchronous call, so a
 * live page that changes between calls is always read afresh.
 */
let scope: Map<string, unknown> | null = null;

/** Runs fn with a fresh memory; nested calls share the outer one. */
export function withMemo<T>(fn: () => T): T {
  if (scope) return fn();
  scope = new Map();
  try {
    return fn();
  } finally {
    scope = null;
  }
}

/** The value computed once per extraction for this key (computed every time outside withMemo). */
export function remember<T>(key: string, compute: () => T): T {
  if (!scope) return compute();
  if (scope.has(key)) return scope.get(key) as T;
  const value = compute();
  scope.set(key, value);
  return value;
}
