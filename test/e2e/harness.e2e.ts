/**
 * The harness itself: fixture server, both browsers with the extension loaded,
 * marketplace host names routed to the fixture server, the privileged bridge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startFixtureServer } from './harness.ts';
import type { ExtensionBrowser, FixtureServer } from './harness.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('harness in $kind', ({ launch }) => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launch(server);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('serves fixtures under marketplace host names over HTTPS', async () => {
    const page = await b.newPage(server.url('inpage/smoke.html', 'www.ebay.com'));
    expect(await page.evaluate(() => document.title)).toBe('Harness smoke page');
    expect(page.url()).toBe('https://www.ebay.com/inpage/smoke.html');
    expect(server.requests.some((r) => r.host === 'www.ebay.com' && r.path === '/inpage/smoke.html')).toBe(true);
    await page.close();
  });

  it('runs code in a privileged extension context and finds tab ids', async () => {
    const page = await b.newPage(server.url('inpage/smoke.html'));
    const name = await b.extension((api) => api.runtime.getManifest().name as string);
    expect(name).toBe('Listing Inspector');
    const tabId = await b.tabIdOf(page);
    expect(tabId).toBeGreaterThan(0);
    const tab = await b.extension(async (api, id: number) => {
      const t = await api.tabs.get(id);
      return { active: t.active as boolean, windowId: t.windowId as number };
    }, tabId);
    expect(tab.active).toBe(true);
    await page.close();
  });

  it('opens the popup for a given tab', async () => {
    const page = await b.newPage(server.url('inpage/smoke.html'));
    const tabId = await b.tabIdOf(page);
    const popup = await b.openPopup(tabId);
    expect(popup.url()).toContain(`popup.html?tabId=${tabId}`);
    expect(await popup.waitFor(() => document.body.textContent?.includes('Listing Inspector'))).toBe(true);
    await popup.close();
    await page.close();
  });
});
