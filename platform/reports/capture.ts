/**
 * Capturing evidence from a tab (background only): visible screenshot, full-page
 * screenshot, HTML snapshot, MHTML where the browser can make it, the findings and
 * the capture metadata. Every artifact is hashed over the bytes as the browser gave
 * them and written to the store before the capture record that lists it.
 */
import { browser } from 'wxt/browser';
import type { PageResult } from '../../core/findings.ts';
import { utf8 } from '../../core/evidence/hash.ts';
import type { CaptureMetadata, CapturedArtifact, MissingArtifact } from '../../core/evidence/manifest.ts';
import { serializeSnapshot, type SnapshotResult } from '../../core/evidence/snapshot.ts';
import { hashArtifacts } from '../../core/report/filing.ts';
import type { StoredCapture } from './db.ts';
import { checkQuota, putBlob, putCapture, type EvidenceKey } from './store.ts';

/** Chrome allows two captureVisibleTab calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND). */
const CAPTURE_INTERVAL_MS = 550;
/** Longest full-page screenshot, in CSS pixels; longer pages are cut and the cut recorded. */
const MAX_FULL_PAGE_CSS_PX = 16_000;
/** Room to ask for before capturing: screenshots and snapshots of big pages reach tens of MB. */
const EXPECTED_CAPTURE_BYTES = 60 * 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function dataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

interface PageGeometry {
  scrollX: number;
  scrollY: number;
  width: number;
  height: number;
  viewportWidth: number;
  viewportHeight: number;
  devicePixelRatio: number;
}

async function inTab<T, A extends unknown[]>(tabId: number, func: (...args: A) => T, args: A): Promise<T> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, func: func as never, args: args as never });
  return result?.result as T;
}

function readGeometry(): PageGeometry {
  const root = document.scrollingElement ?? document.documentElement;
  return {
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    width: Math.max(root.scrollWidth, window.innerWidth),
    height: Math.max(root.scrollHeight, document.body?.scrollHeight ?? 0, window.innerHeight),
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    devicePixelRatio: window.devicePixelRatio,
  };
}

/** Scroll without animation (behavior "instant" overrides CSS scroll-behavior) and wait for paint. */
async function scrollPage(x: number, y: number): Promise<number> {
  window.scrollTo({ left: x, top: y, behavior: 'instant' });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return window.scrollY;
}

async function captureVisible(windowId: number): Promise<Uint8Array<ArrayBuffer>> {
  return dataUrlBytes(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
}

interface FullPage {
  bytes: Uint8Array<ArrayBuffer>;
  truncated: boolean;
}

/**
 * Firefox can render any rectangle of the page in one call (tabs.captureTab with a
 * rect). Elsewhere: scroll, capture each screen, stitch on an OffscreenCanvas, and put
 * the scroll position back. Sticky headers appear once per screen in a stitched image.
 */
async function captureFullPage(tabId: number, windowId: number, geometry: PageGeometry): Promise<FullPage> {
  const height = Math.min(geometry.height, MAX_FULL_PAGE_CSS_PX);
  const truncated = geometry.height > MAX_FULL_PAGE_CSS_PX;
  const captureTab = (browser.tabs as unknown as { captureTab?: (tabId: number, options: object) => Promise<string> }).captureTab;
  if (captureTab) {
    const url = await captureTab(tabId, { format: 'png', rect: { x: 0, y: 0, width: geometry.viewportWidth, height }, scale: 1 });
    return { bytes: dataUrlBytes(url), truncated };
  }
  const dpr = geometry.devicePixelRatio || 1;
  const canvas = new OffscreenCanvas(Math.round(geometry.viewportWidth * dpr), Math.round(height * dpr));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas to stitch the full-page screenshot');
  try {
    for (let y = 0; y < height; y += geometry.viewportHeight) {
      const actualY = await inTab(tabId, scrollPage, [0, y]);
      await sleep(CAPTURE_INTERVAL_MS);
      const shot = await createImageBitmap(new Blob([await captureVisible(windowId)], { type: 'image/png' }));
      context.drawImage(shot, 0, Math.round(actualY * dpr));
      shot.close();
      if (actualY + geometry.viewportHeight >= height) break;
    }
  } finally {
    await inTab(tabId, scrollPage, [geometry.scrollX, geometry.scrollY]).catch(() => undefined);
  }
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return { bytes: new Uint8Array(await blob.arrayBuffer()), truncated };
}

/**
 * MHTML through chrome.pageCapture. The first call in a fresh profile sometimes
 * returns a blob that cannot be read; re-reading it never works, so the whole call is
 * repeated (see /work/shared/TOOLCHAIN.md, "Browsers").
 */
async function captureMhtml(tabId: number): Promise<Uint8Array<ArrayBuffer> | string> {
  const pageCapture = (globalThis as unknown as { chrome?: { pageCapture?: { saveAsMHTML(details: { tabId: number }): Promise<Blob> } } }).chrome?.pageCapture;
  if (!pageCapture) return 'this browser has no MHTML capture (pageCapture is Chromium-only; Firefox has none)';
  let lastError = '';
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const blob = await pageCapture.saveAsMHTML({ tabId });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      if (bytes.byteLength > 0) return bytes;
      lastError = 'empty MHTML';
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(200 * attempt);
  }
  return `MHTML capture failed after 4 attempts: ${lastError}`;
}

function browserInfo(): CaptureMetadata['browser'] {
  const userAgent = navigator.userAgent;
  const match = /(Firefox|Edg|OPR|Chrome|Chromium)\/([\d.]+)/.exec(userAgent);
  const names: Record<string, string> = { Edg: 'Edge', OPR: 'Opera' };
  return { name: match ? (names[match[1] as string] ?? (match[1] as string)) : 'unknown', version: match?.[2] ?? 'unknown', userAgent };
}

export interface CaptureRequest {
  tabId: number;
  page: PageResult;
  reviewerId: string;
  key: EvidenceKey | null;
  captureId: string;
  /** The URL the reviewer or the CLI asked for, when it differs from where the page ended up. */
  requestedUrl?: string;
}

export async function captureEvidence(request: CaptureRequest): Promise<{ capture: StoredCapture; durationMs: number; pageText: string | undefined }> {
  const started = performance.now();
  await checkQuota(EXPECTED_CAPTURE_BYTES);
  const tab = await browser.tabs.get(request.tabId);
  if (tab.windowId === undefined) throw new Error('the listing tab has no window');
  if (!tab.active) await browser.tabs.update(request.tabId, { active: true });
  const capturedAt = () => new Date().toISOString();
  const artifacts: CapturedArtifact[] = [];
  const missing: MissingArtifact[] = [];
  const attempt = async (kind: MissingArtifact['kind'], run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      missing.push({ kind, reason: (error as Error).message || String(error) });
    }
  };

  // Visible first: it is what the reviewer is looking at right now.
  await attempt('screenshot-visible', async () => {
    artifacts.push({ kind: 'screenshot-visible', bytes: await captureVisible(tab.windowId as number), capturedAt: capturedAt() });
  });
  let geometry: PageGeometry | null = null;
  let snapshot: SnapshotResult | null = null;
  await attempt('html-snapshot', async () => {
    const at = capturedAt();
    snapshot = await inTab(request.tabId, serializeSnapshot, [{ capturedAt: at }]);
    if (!snapshot) throw new Error('the page could not be read');
    artifacts.push({ kind: 'html-snapshot', bytes: utf8(snapshot.html), capturedAt: at });
  });
  await attempt('mhtml', async () => {
    const result = await captureMhtml(request.tabId);
    if (typeof result === 'string') throw new Error(result);
    artifacts.push({ kind: 'mhtml', bytes: result, capturedAt: capturedAt() });
  });
  await attempt('screenshot-full', async () => {
    geometry = await inTab(request.tabId, readGeometry, []);
    const full = await captureFullPage(request.tabId, tab.windowId as number, geometry);
    artifacts.push({ kind: 'screenshot-full', bytes: full.bytes, capturedAt: capturedAt() });
    if (full.truncated) missing.push({ kind: 'screenshot-full', reason: `only the top ${MAX_FULL_PAGE_CSS_PX} px of this ${geometry.height} px page are in the full-page screenshot (the HTML snapshot and MHTML hold all of it)` });
  });
  const at = capturedAt();
  artifacts.push({ kind: 'findings', bytes: utf8(`${JSON.stringify(request.page, null, 2)}\n`), capturedAt: at });
  const taken = snapshot as SnapshotResult | null;
  const metrics = geometry as PageGeometry | null;
  const metadata: CaptureMetadata = {
    requestedUrl: request.requestedUrl ?? request.page.url,
    finalUrl: taken?.url ?? tab.url ?? request.page.url,
    title: taken?.title ?? tab.title ?? '',
    capturedAt: at,
    browser: browserInfo(),
    extensionVersion: browser.runtime.getManifest().version,
    packs: request.page.packs,
    reviewerId: request.reviewerId,
    viewport: metrics ? { width: metrics.viewportWidth, height: metrics.viewportHeight, devicePixelRatio: metrics.devicePixelRatio } : null,
    durationMs: Math.round(performance.now() - started),
  };
  artifacts.push({ kind: 'metadata', bytes: utf8(`${JSON.stringify(metadata, null, 2)}\n`), capturedAt: at });

  for (const artifact of artifacts) await putBlob(artifact.bytes, request.key);
  const capture: StoredCapture = {
    captureId: request.captureId,
    tabId: request.tabId,
    capturedAt: at,
    artifacts: await hashArtifacts(artifacts),
    missing,
    page: request.page,
  };
  await putCapture(capture);
  return { capture, durationMs: Math.round(performance.now() - started), pageText: taken?.text };
}
