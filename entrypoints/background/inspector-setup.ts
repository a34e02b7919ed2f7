/**
 * The inspectors' detection service. Content scripts send the page's text blocks; the
 * background runs the engine over them and answers the matches. Compiling the packs
 * takes hundreds of milliseconds (measured 360–1100 ms in Node for the bundled packs),
 * which in a content script would be a long task on every page load; here it happens
 * once, off every page's main thread, and again only when packs or settings change.
 *
 * Which packs run is decided in one place, platform/packs/active.ts (the options page's
 * "try it" box uses the same selection).
 */
import { compileEngine } from '../../core/engine/index.ts';
import type { CompiledEngine } from '../../core/engine/types.ts';
import { loadActivePacks, watchActivePacks } from '../../platform/packs/active.ts';
import type { Settings } from '../../platform/settings/schema.ts';
import { hostMatches } from '../../platform/settings/sites.ts';
import { loadEffectiveSettings } from '../../platform/settings/store.ts';

interface Active {
  engine: CompiledEngine;
  compileMs: number;
  settings: Settings;
}

let active: Promise<Active> | null = null;

async function build(): Promise<Active> {
  const [{ settings }, { packs }] = await Promise.all([loadEffectiveSettings(), loadActivePacks()]);
  const started = performance.now();
  const engine = compileEngine(packs);
  return { engine, compileMs: performance.now() - started, settings };
}

/** The engine for the current packs and settings, compiled once and reused. */
export function activeDetection(): Promise<Active> {
  active ??= build().catch((error: unknown) => {
    active = null;
    throw error;
  });
  return active;
}

/** Recompile on the next request after packs or settings change. */
export function watchDetectionInputs(): void {
  watchActivePacks(() => {
    active = null;
  });
}

export interface InspectorSetup {
  denied: boolean;
  packs: Array<{ id: string; version: string }>;
}

export async function inspectorSetup(pageUrl: string): Promise<InspectorSetup> {
  const { settings, engine } = await activeDetection();
  let host = '';
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    host = '';
  }
  return { denied: settings.sites.deny.some((d) => hostMatches(d, host)), packs: engine.packs.map(({ id, version }) => ({ id, version })) };
}
