/**
 * End-to-end harness: the built extension in Debian's Chromium and in Firefox ESR,
 * on fixture pages served from 127.0.0.1. Every e2e suite (in-page, reports,
 * settings, evaluation) uses this file; keep its API stable.
 *
 * ## Fixture server
 *   const server = await startFixtureServer();          // serves test/fixtures/ on 127.0.0.1, random port
 *   server.url('inpage/amazon-en.html')                  // https://www.amazon.com/inpage/amazon-en.html
 *   server.url('inpage/generic.html', 'shop.example')    // any host name: every host resolves to the server
 *   server.local('inpage/generic.html')                  // http://127.0.0.1:PORT/inpage/generic.html
 *   server.route('/intake', (req, res, body) => ...)     // extra handlers (report intake endpoints, slow pages);
 *                                                        // a key ending in * matches a path prefix
 *   server.alias('/marketplace/item/*', 'inpage/spa.html')  // serve a fixture under other paths
 *   server.requests                                      // every request seen: { method, host, path, body }
 *   await server.close();
 *
 * Why host names: the content script runs by default only on marketplace domains
 * (amazon.*, ebay.*, …). Both browsers are pointed at the fixture server for every
 * host name (Chromium: --host-resolver-rules; Firefox: the server doubles as its HTTP
 * and HTTPS proxy), so `https://www.amazon.com/...` is a local fixture and no test ever
 * reaches a live website. HTTPS because both browsers upgrade these hosts (HSTS
 * preload): the server speaks TLS with a throwaway self-signed certificate made with
 * openssl at start, and both browsers are told to accept it. Plain http works too.
 *
 * ## Browsers
 *   const b = await launchChromium(server)  or  await launchFirefox(server)
 *     options: { extensionDir?: string (default .output/chrome-mv3 / .output/firefox-mv2),
 *                initScript?: string (page-world script run before any page script) }
 *   b.kind                          'chromium' | 'firefox'
 *   b.extensionOrigin               'chrome-extension://<id>' | 'moz-extension://<uuid>'
 *   await b.newPage(url?)           a TestPage (see below)
 *   await b.extension(fn, arg)      runs fn(api, arg) in a privileged extension context (Chromium: the
 *                                   service worker; Firefox: an extension page) where api is
 *                                   browser/chrome; fn must be self-contained (it is sent as source)
 *   await b.background(fn, arg)     the same (an alias naming the background)
 *   await b.extensionPage(fn, arg)  runs fn(api, arg) in an extension page (a bridge tab) in both browsers,
 *                                   where runtime.sendMessage reaches the background as the panel's does
 *   await panelRequest(b, message)  sends a panel/* message to the background as the panel does
 *   await tabState(b, tabId)        the panel's TabState for a tab (report, decisions, tallies)
 *   await waitForReport(b, tabId, (report) => boolean)   polls until the tab's report satisfies it
 *   await b.tabIdOf(page)           the browser tab id of a TestPage
 *   await b.openPopup(tabId)        the popup page opened as a tab, pointed at tabId via ?tabId=
 *   await b.openExtensionPage('options.html?x=1')
 *   await b.close()                 closes the browser and removes its temporary profile
 *
 * ## TestPage (the same for both browsers)
 *   page.url(), page.goto(url), page.evaluate(fn, arg), page.waitFor(fn, arg, { timeout })
 *   page.press('Alt+Shift+J'), page.type(text), page.click(selector), page.bringToFront()
 *   page.screenshot('name')  → test/output/<browser>-<name>.png (git-ignored, kept as CI artifacts)
 *   page.raw                 the playwright Page or puppeteer Page for anything else
 *
 * ## Measuring
 *   LONG_TASK_PROBE (init script) + readLongTasks(page): the longest main-thread task seen.
 *   Chromium reports PerformanceObserver 'longtask' entries; Firefox has no such entry
 *   type, so the probe also measures the gaps of a 0 ms timer loop: a gap over 50 ms
 *   means something held the main thread that long.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page as PwPage, Worker } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import type { TabReport, TabState } from '../../platform/messages/contract.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUTPUT_DIR = path.join(ROOT, 'test/output');
export const FIXTURES_DIR = path.join(ROOT, 'test/fixtures');
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed so tests can build moz-extension:// URLs; set through extensions.webextensions.uuids. */
export const FIREFOX_EXTENSION_UUID = 'b7e3c9a2-4f1d-4e8a-9c2b-5d6e7f8a9b0c';

// ---------------------------------------------------------------- fixture server

export interface SeenRequest {
  method: string;
  host: string;
  path: string;
  body: string;
}

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void | Promise<void>;

export interface FixtureServer {
  port: number;
  /** https://<host>/<fixturePath>; host defaults to www.amazon.com. */
  url(fixturePath: string, host?: string): string;
  /** http://127.0.0.1:<port>/<fixturePath>, reached directly. */
  local(fixturePath: string): string;
  route(pathname: string, handler: RouteHandler): void;
  alias(pathname: string, fixturePath: string): void;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A throwaway certificate for every host name the tests use (browsers are told to accept it). */
function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=listing-inspector-fixtures',
    '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export async function startFixtureServer(options: { root?: string } = {}): Promise<FixtureServer> {
  const root = options.root ?? FIXTURES_DIR;
  const routes = new Map<string, RouteHandler>();
  const requests: SeenRequest[] = [];
  const certDir = mkdtempSync(path.join(tmpdir(), 'li-cert-'));
  const tls = selfSignedCertificate(certDir);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    // Proxied requests carry an absolute URL; direct ones a path and a Host header.
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    requests.push({ method: req.method ?? 'GET', host: url.hostname, path: url.pathname + url.search, body });
    const route = routes.get(url.pathname) ?? [...routes].find(([key]) => key.endsWith('*') && url.pathname.startsWith(key.slice(0, -1)))?.[1];
    if (route) {
      try {
        await route(req, res, body);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      }
      return;
    }
    const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  };

  const plain = http.createServer((req, res) => void handle(req, res));
  const secure = https.createServer(tls, (req, res) => void handle(req, res));
  // Firefox uses the server as its proxy: CONNECT host:443 gets our own TLS endpoint.
  plain.on('connect', (_req, socket: net.Socket, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    secure.emit('connection', socket);
  });
  // One port for both: a TLS ClientHello starts with byte 0x16.
  const front = net.createServer((socket) => {
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (!first) return socket.destroy();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = (front.address() as net.AddressInfo).port;
  const sockets = new Set<net.Socket>();
  front.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const strip = (p: string) => p.replace(/^\/+/, '');
  return {
    port,
    url: (fixturePath, host = 'www.amazon.com') => `https://${host}/${strip(fixturePath)}`,
    local: (fixturePath) => `http://127.0.0.1:${port}/${strip(fixturePath)}`,
    route: (pathname, handler) => void routes.set(pathname, handler),
    alias: (pathname, fixturePath) =>
      void routes.set(pathname, (_req, res) => {
        res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store' });
        res.end(readFileSync(path.join(root, fixturePath)));
      }),
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- pages

export interface TestPage {
  raw: PwPage | PpPage;
  url(): string;
  goto(url: string): Promise<void>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Polls fn in the page until it returns a truthy value; returns it. */
  waitFor<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A, options?: { timeout?: number }): Promise<T>;
  /** A key or chord, e.g. "j", "Shift+J", "Alt+Shift+ArrowDown". */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  click(selector: string): Promise<void>;
  bringToFront(): Promise<void>;
  /** Writes test/output/<browser>-<name>.png and returns its path. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return path.join(OUTPUT_DIR, name);
}

async function poll<T>(read: () => Promise<T>, timeout: number, what: string): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function playwrightPage(page: PwPage, kind: BrowserKind): TestPage {
  const self: TestPage = {
    raw: page,
    url: () => page.url(),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, options) => poll(() => self.evaluate(fn, arg), options?.timeout ?? 15_000, fn.toString().slice(0, 120)),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    click: (selector) => page.click(selector),
    bringToFront: () => page.bringToFront(),
    screenshot: async (name, options) => {
      const file = outputPath(`${kind}-${name}.png`);
      await page.screenshot({ path: file, fullPage: options?.fullPage ?? false });
      return file;
    },
    close: () => page.close(),
  };
  return self;
}

/** fixedUrl: Firefox extension pages report about:blank as their URL to puppeteer. */
function puppeteerPage(page: PpPage, kind: BrowserKind, fixedUrl?: string): TestPage {
  const self: TestPage = {
    raw: page,
    url: () => fixedUrl ?? page.url(),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, options) => poll(() => self.evaluate(fn, arg), options?.timeout ?? 15_000, fn.toString().slice(0, 120)),
    press: async (chord) => {
      // puppeteer presses one key; hold the modifiers of a chord ourselves.
      const keys = chord.split('+') as Parameters<PpPage['keyboard']['press']>[0][];
      const main = keys.pop()!;
      for (const k of keys) await page.keyboard.down(k);
      await page.keyboard.press(main);
      for (const k of keys.reverse()) await page.keyboard.up(k);
    },
    type: (text) => page.keyboard.type(text),
    click: (selector) => page.click(selector),
    bringToFront: () => page.bringToFront(),
    screenshot: async (name, options) => {
      const file = outputPath(`${kind}-${name}.png`);
      await page.screenshot({ path: file as `${string}.png`, fullPage: options?.fullPage ?? false });
      return file;
    },
    close: () => page.close(),
  };
  return self;
}

// ---------------------------------------------------------------- browsers

export type BrowserKind = 'chromium' | 'firefox';

export interface LaunchOptions {
  extensionDir?: string;
  /** Script source run in every page's main world before its own scripts (e.g. LONG_TASK_PROBE). */
  initScript?: string;
}

export interface ExtensionBrowser {
  kind: BrowserKind;
  extensionOrigin: string;
  newPage(url?: string): Promise<TestPage>;
  /**
   * Runs fn(api, arg) in a privileged extension context (Chromium: the service worker, so its
   * globals are reachable; Firefox: an extension page); fn is sent as source, so it must be
   * self-contained.
   */
  extension<T, A = null>(fn: (api: any, arg: A) => T | Promise<T>, arg?: A): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The same as extension(): kept for suites that name the background explicitly. */
  background<T, A = null>(fn: (api: any, arg: A) => T | Promise<T>, arg?: A): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Runs fn(api, arg) in an extension page in both browsers: what a panel can do, including
   * runtime.sendMessage to the background (a service worker cannot message itself).
   */
  extensionPage<T, A = null>(fn: (api: any, arg: A) => T | Promise<T>, arg?: A): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  tabIdOf(page: TestPage): Promise<number>;
  openPopup(tabId: number): Promise<TestPage>;
  openExtensionPage(pathAndQuery: string): Promise<TestPage>;
  close(): Promise<void>;
}

function requireBuild(dir: string): void {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`no extension build at ${dir}: run "npx wxt build" (and "npx wxt build -b firefox") first`);
  }
}

function expression(fn: (...args: never[]) => unknown, arg: unknown): string {
  return `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${JSON.stringify(arg ?? null)})`;
}

/**
 * The tab id of a test page: bring it to the front and ask for the active tab. Without the
 * "tabs" permission (which the extension does not ask for) tabs carry no URL on hosts it
 * cannot script, so the URL is compared only when the browser gives it. (Firefox's
 * tabs.query with a URL pattern containing a port returns nothing anyway.)
 */
async function findTabId(b: ExtensionBrowser, page: TestPage): Promise<number> {
  await page.bringToFront();
  return poll(
    () =>
      b.extension(async (api, wanted: string) => {
        const [tab] = (await api.tabs.query({ active: true, lastFocusedWindow: true })) as Array<{ id: number; url?: string }>;
        if (!tab || (tab.url && tab.url.split('#')[0] !== wanted.split('#')[0])) return 0;
        return tab.id;
      }, page.url()),
    10_000,
    `the tab of ${page.url()}`,
  );
}

export async function launchChromium(server: FixtureServer, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ext = options.extensionDir ?? CHROME_BUILD;
  requireBuild(ext);
  const profile = mkdtempSync(path.join(tmpdir(), 'li-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
    ],
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // URL.origin is "null" for chrome-extension: URLs; cut the origin out by hand.
  const extensionOrigin = first.url().split('/').slice(0, 3).join('/');
  // The MV3 service worker can stop and restart: always talk to the current one.
  const worker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin)) ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  // The persistent context opens with one blank tab: reuse it as the first page.
  const spare = context.pages();
  let bridge: TestPage | null = null;
  let lastPage: TestPage | null = null;

  const b: ExtensionBrowser = {
    kind: 'chromium',
    extensionOrigin,
    newPage: async (url) => {
      const page = spare.shift() ?? (await context.newPage());
      const handle = playwrightPage(page, 'chromium');
      lastPage = handle;
      if (url) await handle.goto(url);
      return handle;
    },
    extension: async (fn, arg) => (await worker()).evaluate(expression(fn, arg)),
    background: async (fn, arg) => (await worker()).evaluate(expression(fn, arg)),
    extensionPage: async (fn, arg) => {
      if (!bridge) {
        bridge = await b.openExtensionPage('popup.html?harness=1');
        await lastPage?.bringToFront();
      }
      return (bridge.raw as PwPage).evaluate(expression(fn, arg)) as never;
    },
    tabIdOf: (page) => findTabId(b, page),
    openPopup: (tabId) => b.openExtensionPage(`popup.html?tabId=${tabId}`),
    openExtensionPage: async (pathAndQuery) => {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${pathAndQuery}`);
      return playwrightPage(page, 'chromium');
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return b;
}

export async function launchFirefox(server: FixtureServer, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ext = options.extensionDir ?? FIREFOX_BUILD;
  requireBuild(ext);
  const manifest = JSON.parse(readFileSync(path.join(ext, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${ext}/manifest.json has no browser_specific_settings.gecko.id`);
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 900 },
    // Needed to navigate to moz-extension:// pages (see shared TOOLCHAIN notes).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      // Optional permissions ("always inspect this site") are granted without a prompt in tests.
      'extensions.webextOptionalPermissionPrompts': false,
      // Every host name goes to the fixture server (see the header comment).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': server.port,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disablePrefetch': true,
      'network.http.speculative-parallel-limit': 0,
      'dom.security.https_first': false,
    },
  });
  await browser.installExtension(ext);
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const pages: PpPage[] = [];
  // Firefox opens with one blank tab: reuse it as the first page.
  const spare = await browser.pages();

  const openExtensionPage = async (pathAndQuery: string): Promise<TestPage> => {
    const page = await browser.newPage();
    const target = `${extensionOrigin}/${pathAndQuery}`;
    // goto(moz-extension://…) rejects with "Frame detached" although the page loads: poll instead.
    page.goto(target).catch(() => undefined);
    await poll(
      () => page.evaluate((t) => location.href === t && document.readyState === 'complete', target),
      15_000,
      target,
    );
    return puppeteerPage(page, 'firefox', target);
  };
  // A privileged extension page to run `extension()` calls in, opened on first use.
  let bridge: TestPage | null = null;
  const initScript = options.initScript;

  const b: ExtensionBrowser = {
    kind: 'firefox',
    extensionOrigin,
    newPage: async (url) => {
      const page = spare.shift() ?? (await browser.newPage());
      pages.push(page);
      if (initScript) await page.evaluateOnNewDocument(initScript);
      const handle = puppeteerPage(page, 'firefox');
      if (url) await handle.goto(url);
      return handle;
    },
    extension: async (fn, arg) => {
      if (!bridge) {
        bridge = await openExtensionPage('popup.html?harness=1');
        // The bridge tab must not stay the active tab: bring the last test page back.
        await pages.at(-1)?.bringToFront();
      }
      return (bridge.raw as PpPage).evaluate(expression(fn, arg)) as never;
    },
    background: (fn, arg) => b.extension(fn, arg),
    extensionPage: (fn, arg) => b.extension(fn, arg),
    tabIdOf: (page) => findTabId(b, page),
    openPopup: (tabId) => openExtensionPage(`popup.html?tabId=${tabId}`),
    openExtensionPage,
    close: async () => {
      await browser.close();
    },
  };
  return b;
}

// ---------------------------------------------------------------- extension state

/** Sends a panel/* message (platform/messages/contract.ts) to the background, as the popup does. */
export function panelRequest<T = unknown>(b: ExtensionBrowser, message: { kind: string; [k: string]: unknown }): Promise<T> {
  return b.extensionPage((api, m) => api.runtime.sendMessage(m), message) as Promise<T>;
}

export function tabState(b: ExtensionBrowser, tabId: number): Promise<TabState> {
  return panelRequest<TabState>(b, { kind: 'panel/state', tabId });
}

/** Polls the tab's state until its report satisfies `ready` (default: any report). */
export async function waitForReport(
  b: ExtensionBrowser,
  tabId: number,
  ready: (report: TabReport) => boolean = () => true,
  timeout = 15_000,
): Promise<TabState> {
  return poll<TabState>(
    async () => {
      const state = await tabState(b, tabId);
      return (state.report && ready(state.report) ? state : null) as TabState;
    },
    timeout,
    `a report for tab ${tabId} that satisfies ${ready.toString().slice(0, 100)}`,
  );
}

/** Both browsers, for `describe.each(BROWSERS)` style suites. */
export const BROWSERS: ReadonlyArray<{ kind: BrowserKind; launch: typeof launchChromium }> = [
  { kind: 'chromium', launch: launchChromium },
  { kind: 'firefox', launch: launchFirefox },
];

// ---------------------------------------------------------------- highlights and pixels

export interface PaintedRange {
  text: string;
  rect: { x: number; y: number; width: number; height: number };
}

/**
 * What a page script sees in the document's highlight registry: every highlight with its
 * ranges' text and first client rect (same-origin frames included, rects in their own viewport).
 */
export async function readHighlights(page: TestPage): Promise<Array<{ name: string; frame: number; priority: number; ranges: PaintedRange[] }>> {
  return page.evaluate(() => {
    const out: Array<{ name: string; frame: number; priority: number; ranges: PaintedRange[] }> = [];
    const docs: Document[] = [document];
    for (const f of Array.from(document.querySelectorAll('iframe'))) {
      try {
        if (f.contentDocument) docs.push(f.contentDocument);
      } catch {
        /* cross-origin */
      }
    }
    docs.forEach((doc, frame) => {
      const registry = (doc.defaultView as unknown as { CSS: { highlights?: Map<string, Set<Range> & { priority: number }> } }).CSS.highlights;
      if (!registry) return;
      for (const [name, highlight] of registry) {
        const ranges = [...highlight].map((r) => {
          const rect = r.getBoundingClientRect();
          return { text: r.toString(), rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
        });
        out.push({ name, frame, priority: highlight.priority, ranges });
      }
    });
    return out;
  });
}

/** Pixels of a PNG within `tolerance` of an RGB colour, counted in an extension page's canvas. */
export async function countPixels(b: ExtensionBrowser, png: string, rgb: [number, number, number], tolerance = 14): Promise<number> {
  const base64 = readFileSync(png).toString('base64');
  return b.extension(
    async (_api, arg: { base64: string; rgb: number[]; tolerance: number }) => {
      const bytes = Uint8Array.from(atob(arg.base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i]! - arg.rgb[0]!) <= arg.tolerance &&
          Math.abs(data[i + 1]! - arg.rgb[1]!) <= arg.tolerance &&
          Math.abs(data[i + 2]! - arg.rgb[2]!) <= arg.tolerance
        ) count++;
      }
      return count;
    },
    { base64, rgb, tolerance },
  );
}

/** The toolbar badge text of a tab (action in Chromium MV3, browserAction in Firefox MV2). */
export function badgeText(b: ExtensionBrowser, tabId: number): Promise<string> {
  return b.extension(async (api, id: number) => (api.action ?? api.browserAction).getBadgeText({ tabId: id }), tabId);
}

// ---------------------------------------------------------------- measuring

/**
 * Page-world init script recording the longest main-thread task. Read it with readLongTasks().
 * Chromium: PerformanceObserver 'longtask'. Everywhere: gaps in a 0 ms timer loop.
 */
export const LONG_TASK_PROBE = `(() => {
  const probe = { longest: 0, longTasks: [], gaps: [], running: true };
  Object.defineProperty(window, '__liLongTasks', { value: probe, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { probe.longTasks.push(e.duration); probe.longest = Math.max(probe.longest, e.duration); }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    if (gap > 50) probe.gaps.push(gap);
    if (probe.running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
})();`;

export interface LongTaskReport {
  /** Longest 'longtask' entry (Chromium only; 0 when none or unsupported). */
  longestTask: number;
  longTasks: number[];
  /** Timer-loop gaps over 50 ms, in ms (both browsers). */
  gaps: number[];
  longestGap: number;
}

export async function readLongTasks(page: TestPage): Promise<LongTaskReport> {
  return page.evaluate(() => {
    const p = (window as unknown as { __liLongTasks?: { longest: number; longTasks: number[]; gaps: number[] } }).__liLongTasks;
    if (!p) throw new Error('LONG_TASK_PROBE was not installed (pass it as initScript)');
    return { longestTask: p.longest, longTasks: [...p.longTasks], gaps: [...p.gaps], longestGap: Math.max(0, ...p.gaps) };
  });
}
