/**
 * Reports in Firefox: the same capture and filing code, where the browser differs —
 * the full-page screenshot comes from tabs.captureTab in one call, and there is no
 * MHTML API, which the report must record as missing with the reason.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCaptureExtension } from '../../cli/capture-extension.ts';
import { fromBase64 } from '../../core/evidence/hash.ts';
import { verifyBundle } from '../../core/report/verify.ts';
import { FIREFOX_BUILD, launchFirefox, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness.ts';

let server: FixtureServer;
let b: ExtensionBrowser;
let extension: { dir: string; dispose: () => void };

/** Call the background page's automation hook (MV2: reached from an extension page). */
function hook<T>(method: string, arg: unknown = null): Promise<T> {
  return b.extension(
    async (api, call: { method: string; arg: unknown }) => {
      const background = (await api.runtime.getBackgroundPage()) as { listingInspectorReports: Record<string, (arg: unknown) => Promise<unknown>> };
      // Structured-clone the answer out of the background page's compartment.
      const value = await background.listingInspectorReports[call.method]!(call.arg);
      return (value === undefined ? null : JSON.parse(JSON.stringify(value))) as T;
    },
    { method, arg },
  );
}

beforeAll(async () => {
  server = await startFixtureServer();
  extension = prepareCaptureExtension(FIREFOX_BUILD);
  b = await launchFirefox(server, { extensionDir: extension.dir });
  await hook('configure', { reviewerId: 'reviewer-firefox' });
});

afterAll(async () => {
  await b?.close();
  extension?.dispose();
  await server?.close();
});

describe('reports in Firefox', () => {
  it('captures evidence (full page through captureTab, MHTML recorded as missing), files, and bundles a verifiable report', async () => {
    const url = server.url('reports/listing.html');
    const listing = await b.newPage(url);
    const tabId = await b.tabIdOf(listing);
    const started = await hook<{ ok: boolean; draftId: string; missing: string[]; error?: string }>('start', { tabId, openForm: false });
    expect(started.error ?? '').toBe('');
    expect(started.missing).toEqual([expect.stringMatching(/^mhtml: this browser has no MHTML capture/)]);
    const draft = await hook<{ form: Record<string, unknown> }>('draft', started.draftId);
    const filed = await hook<{ ok: boolean; id: string; error?: string }>('file', { draftId: started.draftId, form: { ...draft.form, category: (draft.form.category as string) || 'opioid' } });
    expect(filed.error ?? '').toBe('');
    const base64 = await hook<string>('bundleBase64', { ids: [filed.id], sign: true });
    const zip = fromBase64(base64);
    expect(await verifyBundle(zip)).toMatchObject({ result: 'intact', signature: { state: 'valid' } });
    const files = unzipSync(zip);
    const names = Object.keys(files);
    const full = files[names.find((name) => name.endsWith('-screenshot-full.png'))!]!;
    expect([...full.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // PNG height (IHDR bytes 20–23): the whole page, not one screen (the fixture is about 2,400 px tall).
    const height = new DataView(full.buffer, full.byteOffset).getUint32(20);
    expect(height).toBeGreaterThan(1500);
    const snapshot = strFromU8(files[names.find((name) => name.endsWith('-snapshot.html'))!]!);
    expect(snapshot).toContain('<template shadowrootmode="open">');
    expect(snapshot).not.toMatch(/<script/i);
    const metadata = JSON.parse(strFromU8(files[names.find((name) => name.endsWith('-metadata.json'))!]!));
    expect(metadata.browser.name).toBe('Firefox');
    await listing.close();
  });
});
