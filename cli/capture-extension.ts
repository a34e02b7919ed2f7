/**
 * The built Chromium extension, copied with host access to every site. A reviewer
 * grants access per tab with a toolbar click (activeTab); a headless browser driven
 * by the CLI or a test cannot click the toolbar, so the copy asks for the access up
 * front. Nothing else in the build changes: capture and report code are the extension's own.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const DEFAULT_CHROME_BUILD = path.resolve(import.meta.dirname, '../.output/chrome-mv3');

export function prepareCaptureExtension(buildDir = DEFAULT_CHROME_BUILD): { dir: string; dispose: () => void } {
  const manifestPath = path.join(buildDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no extension build at ${buildDir}: run "npx wxt build" first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'li-capture-ext-'));
  cpSync(buildDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { manifest_version: number; host_permissions?: string[]; permissions?: string[] };
  // MV3 lists hosts apart; MV2 (the Firefox build) lists them with the other permissions.
  if (manifest.manifest_version >= 3) manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), '<all_urls>'])];
  else manifest.permissions = [...new Set([...(manifest.permissions ?? []), '<all_urls>'])];
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
