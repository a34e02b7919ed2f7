/**
 * The content script. Declared in the manifest for the marketplace domains
 * (wxt.config.ts) and injected on demand elsewhere (background: "Inspect this page").
 *
 * Built as a plain script rather than WXT's defineContentScript because WXT's content
 * script context announces itself to the page (a window.postMessage and a document event
 * named after the extension id) — a page could detect the inspector by it, or fake it to
 * shut the inspector down. Lifecycle is handled here instead:
 * - one instance per page: a second injection (manifest + on demand) finds the first in
 *   the content script's own global scope (invisible to the page) and asks it to report;
 * - a port to the background tells when the extension is reloaded or removed: the port
 *   disconnects, runtime.id is gone or reconnecting fails, so everything is torn down (no
 *   orphans, no leaks); a mere background restart just reconnects.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Inspector } from './inspector.ts';

const INSTANCE = Symbol.for('listing-inspector.instance');
type Holder = typeof globalThis & { [INSTANCE]?: Inspector };

/** False once the extension that injected this script was reloaded, updated or removed. */
function extensionAlive(): boolean {
  try {
    // The raw API, not the polyfill's wrapper: chrome.runtime.id is what Chromium clears.
    const raw = (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome;
    return Boolean(raw?.runtime?.id ?? browser.runtime?.id);
  } catch {
    return false;
  }
}

export default defineUnlistedScript(() => {
  const holder = globalThis as Holder;
  const existing = holder[INSTANCE];
  if (existing && !existing.signal.aborted) {
    if (extensionAlive()) return; // already inspecting this page
    existing.destroy();
  }
  if (window.top !== window && !document.documentElement) return;
  const inspector = new Inspector(window);
  holder[INSTANCE] = inspector;

  // The port lives as long as both ends do: a disconnect with runtime.id gone means the
  // extension was reloaded or removed; otherwise the background restarted: reconnect.
  const teardown = () => {
    inspector.destroy();
    if (holder[INSTANCE] === inspector) delete holder[INSTANCE];
  };
  const connect = () => {
    if (inspector.signal.aborted) return;
    if (!extensionAlive()) return teardown();
    let port: ReturnType<typeof browser.runtime.connect>;
    try {
      port = browser.runtime.connect({ name: 'inpage' });
    } catch {
      // "Extension context invalidated": the extension was reloaded or removed.
      return teardown();
    }
    // At the moment of disconnect Chromium may not have cleared runtime.id yet: look again shortly.
    port.onDisconnect.addListener(() => void setTimeout(connect, 500));
  };
  connect();
  inspector.start();
});
