/**
 * Optional host permissions: asked for one site at a time, only when the reviewer wants
 * that site always inspected. Must be called straight from a click handler (browsers
 * open the prompt only during a user gesture).
 */
import { browser } from 'wxt/browser';

/** Asks for `origin/*`; resolves the origin when granted, null when refused or not a web page. */
export async function requestSite(url: string | null): Promise<string | null> {
  if (!url || !/^https?:/i.test(url)) return null;
  const origin = new URL(url).origin;
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
  return granted ? origin : null;
}
