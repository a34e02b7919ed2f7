/**
 * Helpers for the settings end-to-end suite: packs served by the fixture server
 * (signed, tampered, broken), driving the options page the same way in both
 * browsers, Chromium enterprise policy files, and axe-core.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ElementHandle as PwHandle, Page as PwPage } from 'playwright-core';
import type { ElementHandle as PpHandle, Page as PpPage } from 'puppeteer-core';
import { formatPack } from '../../core/rules/format.ts';
import type { Pack } from '../../core/rules/schema.ts';
import { toBase64 } from '../../platform/packs/integrity.ts';
import { makePack, makeRule } from '../fixtures/packs.ts';
import { CHROME_BUILD, FIREFOX_BUILD, ROOT } from './harness.ts';
import type { ExtensionBrowser, FixtureServer, TestPage } from './harness.ts';

export const V1 = makePack('1.0.0', [makeRule('opioid.oxycodone', { en: ['oxycodone'], es: ['oxicodona'] })]);
export const V2 = makePack('1.1.0', [
  makeRule('opioid.fentanyl', { en: ['fentanyl'] }),
  makeRule('opioid.oxycodone', { en: ['oxycodone', 'oxys'], es: ['oxicodona'] }),
]);
export const V3 = makePack('1.2.0', [makeRule('opioid.oxycodone', { en: ['oxycodone'] })]);

/** A pack file with a syntax-valid but schema-invalid rule, and a file with a JSON syntax error. */
export function brokenPackText(): string {
  const text = formatPack(makePack('2.0.0', [makeRule('opioid.oxycodone', { en: ['oxycodone'] })]));
  return text.replace('"severity": "high"', '"severity": "extreme"');
}

export interface Signer {
  publicKey: string;
  sign(text: string): Promise<string>;
}

export async function makeSigner(): Promise<Signer> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    publicKey: toBase64(await crypto.subtle.exportKey('raw', pair.publicKey)),
    sign: async (text) => toBase64(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(text))),
  };
}

/** A pack URL on the fixture server whose content and signature the test changes at will. */
export function servePack(server: FixtureServer, pathname: string) {
  const state: { text: string | null; signature: string | null } = { text: null, signature: null };
  const send = (res: ServerResponse, body: string | null) => {
    // Extension pages fetch across origins: the pack host allows it, as GitHub raw files do.
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store', 'content-type': 'application/json' };
    if (body === null) {
      res.writeHead(404, headers);
      res.end('not found');
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
  };
  server.route(pathname, (_req, res) => send(res, state.text));
  server.route(`${pathname}.sig`, (_req, res) => send(res, state.signature));
  return {
    url: server.local(pathname),
    async publish(pack: Pack, signer: Signer | null, tamper?: (text: string) => string) {
      const text = formatPack(pack);
      state.signature = signer ? await signer.sign(text) : null;
      state.text = tamper ? tamper(text) : text;
    },
  };
}

type AnyPage = PwPage | PpPage;
const raw = (page: TestPage) => page.raw as AnyPage;

/** Sets a form control's value the way typing would, so React sees it (works in both browsers). */
export async function setValue(page: TestPage, selector: string, value: string): Promise<void> {
  await page.evaluate(
    ({ selector, value }) => {
      const el = document.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
      if (!el) throw new Error(`no element ${selector}`);
      const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    },
    { selector, value },
  );
}

/** Clicks the button whose text or aria-label is exactly `name`. */
export async function clickButton(page: TestPage, name: string): Promise<void> {
  await page.waitFor((name) => [...document.querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name && !b.disabled), name);
  await page.evaluate((name) => {
    const button = [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
    button!.click();
  }, name);
}

// Firefox reads a chosen file lazily, after the upload call returns: the files stay until the run ends.
let uploads: string | null = null;
process.on('exit', () => uploads && rmSync(uploads, { recursive: true, force: true }));

export async function chooseFile(page: TestPage, selector: string, name: string, text: string): Promise<void> {
  uploads ??= mkdtempSync(path.join(tmpdir(), 'li-pack-'));
  const dir = mkdtempSync(path.join(uploads, 'f-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const handle = await (raw(page) as PwPage).$(selector);
  if (!handle) throw new Error(`no element ${selector}`);
  if ('setInputFiles' in handle) await (handle as PwHandle).setInputFiles(file);
  else await (handle as unknown as PpHandle<HTMLInputElement>).uploadFile(file);
}

export async function textOf(page: TestPage, selector: string): Promise<string> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
}

/** Installed packs as stored, read from a privileged context. */
export async function installedVersions(b: ExtensionBrowser): Promise<Record<string, string>> {
  return b.extension(async (api) => {
    const { packs } = (await api.storage.local.get('packs')) as { packs?: { installed: Array<{ pack: { id: string; version: string } }> } };
    return Object.fromEntries((packs?.installed ?? []).map((p) => [p.pack.id, p.pack.version]));
  });
}

export async function openOptions(b: ExtensionBrowser): Promise<TestPage> {
  const page = await b.openExtensionPage('options.html');
  await page.waitFor(() => document.querySelector('#packs h2') !== null);
  return page;
}

/** Runs axe-core in the page and returns serious and critical violations. */
export async function axeViolations(page: TestPage): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  const source = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // Evaluated through the automation protocol, which extension-page CSP does not apply to.
  await (raw(page) as PwPage).evaluate(source);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

// ---------------------------------------------------------------- Chromium enterprise policy

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_PREFIX = 'listing-inspector-e2e-';

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, hex digits mapped to a–p. */
export function unpackedExtensionId(dir: string = CHROME_BUILD): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Whether this machine lets the tests write Chromium policy (root, Debian's Chromium). */
export function canWriteChromiumPolicy(): boolean {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    const probe = path.join(CHROMIUM_POLICY_DIR, `${POLICY_PREFIX}probe.json`);
    writeFileSync(probe, '{}');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a real policy file for this build's extension id only — other extensions and
 * other checkouts (other ids) are untouched — and returns a function that removes it.
 */
export function writeChromiumPolicy(policy: Record<string, unknown>): () => void {
  const id = unpackedExtensionId();
  for (const stale of readdirSync(CHROMIUM_POLICY_DIR).filter((f) => f.startsWith(`${POLICY_PREFIX}${id}`))) {
    rmSync(path.join(CHROMIUM_POLICY_DIR, stale), { force: true });
  }
  const file = path.join(CHROMIUM_POLICY_DIR, `${POLICY_PREFIX}${id}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
  return () => existsSync(file) && rmSync(file);
}

// ---------------------------------------------------------------- Firefox enterprise policy

/** Where Debian's Firefox ESR reads system-wide policies (checked: /etc/firefox-esr/ is not read). */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';
const FIREFOX_TEST_ID = 'listing-inspector-policy-e2e@example.org';

/** Whether the tests may write Firefox's system policy file: root, and no policy file already there. */
export function canWriteFirefoxPolicy(): boolean {
  if (existsSync(FIREFOX_POLICY_FILE)) {
    // A file left by an interrupted run of these tests (only our test id in it) is ours to remove;
    // anything else belongs to the machine's administrator and is left alone.
    try {
      const existing = JSON.parse(readFileSync(FIREFOX_POLICY_FILE, 'utf8')) as { policies?: Record<string, { Extensions?: object }> };
      const ours = Object.keys(existing.policies ?? {}).join() === '3rdparty' && Object.keys(existing.policies?.['3rdparty']?.Extensions ?? {}).join() === FIREFOX_TEST_ID;
      if (!ours) return false;
      rmSync(FIREFOX_POLICY_FILE);
    } catch {
      return false;
    }
  }
  try {
    const created = !existsSync(path.dirname(FIREFOX_POLICY_FILE));
    mkdirSync(path.dirname(FIREFOX_POLICY_FILE), { recursive: true });
    if (created) rmSync('/etc/firefox', { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Firefox's policy file is machine-wide and every checkout's build shares one gecko id,
 * so the policy is written for a copy of the build under a test-only id: no other
 * Firefox, and no other engineer's extension, sees a policy for itself. Returns the
 * copy's directory and a function that removes the policy file and the copy.
 */
export function writeFirefoxPolicy(policy: Record<string, unknown>, build: string = FIREFOX_BUILD): { extensionDir: string; remove: () => void } {
  const extensionDir = mkdtempSync(path.join(tmpdir(), 'li-ff-policy-'));
  cpSync(build, extensionDir, { recursive: true });
  const manifestFile = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  manifest.browser_specific_settings.gecko.id = FIREFOX_TEST_ID;
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const createdDir = !existsSync('/etc/firefox');
  mkdirSync(path.dirname(FIREFOX_POLICY_FILE), { recursive: true });
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_TEST_ID]: policy } } } }, null, 2));
  return {
    extensionDir,
    remove: () => {
      rmSync(createdDir ? '/etc/firefox' : FIREFOX_POLICY_FILE, { recursive: true, force: true });
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

/** Test set-up: makes sure a pack is installed (as an import from a file would), whatever ran before. */
export async function ensureInstalled(b: ExtensionBrowser, pack: Pack): Promise<void> {
  await b.extension(
    async (api, pack: { id: string; version: string }) => {
      const { packs } = (await api.storage.local.get('packs')) as { packs?: { version: 1; installed: Array<{ pack: { id: string } }> } };
      const installed = packs?.installed ?? [];
      if (installed.some((entry) => entry.pack.id === pack.id)) return;
      installed.push({ pack, sha256: 'set-up', source: { kind: 'file', name: `${pack.id}.json` }, installedAt: Date.now() } as never);
      await api.storage.local.set({ packs: { version: 1, installed } });
    },
    pack as Pack & { id: string; version: string },
  );
}
