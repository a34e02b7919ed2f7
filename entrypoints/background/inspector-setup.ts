/**
 * The inspectors' detection service. Content scripts send the page's text blocks; the
 * background runs the engine over them and answers the matches. Compiling the packs
 * takes hundreds of milliseconds (measured 360–1100 ms in Node for the bundled packs),
 * which in a content script would be a long task on every page load; here it happens
 * once, off every page's main thread, and again only when packs or settings change.
 *
 * Active packs: bundled, installed (an installed pack with a bundled id is its newer
 * version) and the reviewer's custom rules, minus the ones switched off in settings.
 */
import { compileEngine } from '../../core/engine/index.ts';
import type { CompiledEngine } from '../../core/engine/types.ts';
import { parsePack } from '../../core/rules/load.ts';
import type { Pack } from '../../core/rules/schema.ts';
import { bundledPacks } from '../../platform/packs/bundled.ts';
import { getInstalledPacks, onPacksChanged } from '../../platform/packs/store.ts';
import type { Settings } from '../../platform/settings/schema.ts';
import { loadEffectiveSettings, watchSettings } from '../../platform/settings/store.ts';

interface Active {
  engine: CompiledEngine;
  compileMs: number;
  settings: Settings;
}

let active: Promise<Active> | null = null;

async function build(): Promise<Active> {
  const { settings } = await loadEffectiveSettings();
  const { installed } = await getInstalledPacks();
  const byId = new Map<string, Pack>();
  for (const pack of bundledPacks()) byId.set(pack.id, pack);
  for (const entry of installed) byId.set(entry.pack.id, entry.pack);
  if (settings.customRules.trim()) {
    const custom = parsePack(settings.customRules, 'custom rules');
    if (custom.ok) byId.set(custom.pack.id, custom.pack);
  }
  const packs = [...byId.values()].filter((p) => settings.packsEnabled[p.id] !== false);
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
  const reset = () => {
    active = null;
  };
  onPacksChanged(reset);
  watchSettings(reset);
}

/** `*.ebay.de` covers ebay.de and its subdomains; `ebay.de` only itself. */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
  return h === p;
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
