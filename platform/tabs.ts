/**
 * Browser-level tab operations the background needs: badge, extension style sheets,
 * on-demand injection, per-site registration. Chromium MV3 and Firefox MV2 differ in
 * names (action/browserAction, scripting/tabs.insertCSS); the difference stays here.
 */
import { browser } from 'wxt/browser';
import type { Verdict } from '../core/findings.ts';

export const INSPECTOR_SCRIPT = '/inspector.js';

type ActionApi = typeof browser.action;
function action(): ActionApi {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return (b.action ?? b.browserAction) as ActionApi;
}

export const VERDICT_COLOURS: Record<Verdict, string> = { violation: '#b91c1c', review: '#b45309', clear: '#15803d' };

export async function setBadge(tabId: number, count: number | null, verdict: Verdict | null, title: string): Promise<void> {
  const a = action();
  try {
    await a.setBadgeText({ tabId, text: count === null ? '' : count > 999 ? '999+' : String(count) });
    if (verdict) await a.setBadgeBackgroundColor({ tabId, color: VERDICT_COLOURS[verdict] });
    const withText = a as ActionApi & { setBadgeTextColor?: (d: { tabId: number; color: string }) => Promise<void> };
    await withText.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    await a.setTitle({ tabId, title });
  } catch {
    // The tab closed meanwhile.
  }
}

/** Inserts an extension style sheet into every frame of a tab: not an element, not in the page's sheets. */
export async function insertStyles(tabId: number, css: string): Promise<void> {
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.insertCSS) {
    await scripting.insertCSS({ target: { tabId, allFrames: true }, css, origin: 'AUTHOR' });
    return;
  }
  const tabs = browser.tabs as unknown as { insertCSS(tabId: number, d: { code: string; allFrames: boolean }): Promise<void> };
  await tabs.insertCSS(tabId, { code: css, allFrames: true });
}

/** Runs the inspector in a tab now (the reviewer asked: activeTab or a granted site). */
export async function injectInspector(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [INSPECTOR_SCRIPT] });
}

/** Registers the inspector for a site the reviewer granted (optional host permission). */
export async function registerSite(origin: string): Promise<void> {
  const id = `site-${origin.replace(/[^a-z0-9]+/gi, '-')}`;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [`${origin}/*`], js: [INSPECTOR_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}
