/**
 * Teardown: when the extension is reloaded (or updated, or removed), the inspector it had
 * injected leaves nothing behind in open pages. Chromium keeps the old content script
 * running as an orphan: it notices and removes its highlights. Firefox unloads it and
 * injects the new version: the new inspector removes the old one's highlights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, readHighlights, startFixtureServer, waitForReport } from './harness.ts';
import type { FixtureServer } from './harness.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('extension reload in $kind', ({ launch }) => {
  it('leaves none of the old highlights in an open page', async () => {
    const b = await launch(server);
    try {
      const page = await b.newPage(server.url('inpage/quiet.html', 'www.ebay.com'));
      const tabId = await b.tabIdOf(page);
      await waitForReport(b, tabId, (r) => r.findings.length >= 3);
      const before = (await readHighlights(page)).map((h) => h.name);
      expect(before).toHaveLength(4);
      await b.background((api) => {
        setTimeout(() => api.runtime.reload(), 100);
        return true;
      });
      await page.waitFor(
        (old) => ![...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].some((n) => old.includes(n)),
        before,
        { timeout: 10_000 },
      );
    } finally {
      await b.close().catch(() => undefined);
    }
  });
});
