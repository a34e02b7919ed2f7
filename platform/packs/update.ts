/**
 * One subscription check: fetch the pack's bytes (and its signature), verify them,
 * parse them, and decide whether they replace the installed version. Never throws:
 * every way it can go wrong is an outcome with a message a reviewer can act on.
 * Nothing is written here; the store applies an accepted update, and a refused
 * one leaves the installed pack working.
 */
import { diffPacks } from '../../core/rules/diff.ts';
import type { PackDiff } from '../../core/rules/diff.ts';
import { parsePack } from '../../core/rules/load.ts';
import type { PackError } from '../../core/rules/load.ts';
import type { Pack } from '../../core/rules/schema.ts';
import type { Subscription } from '../settings/schema.ts';
import { checkIntegrity } from './integrity.ts';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type UpdateOutcome =
  | { kind: 'updated'; pack: Pack; sha256: string; diff: PackDiff; verifiedBy: 'sha256' | 'ed25519' }
  | { kind: 'unchanged'; version: string }
  | { kind: 'refused'; message: string; errors?: PackError[] }
  | { kind: 'failed'; message: string };

/** Where a subscription's signature lives: beside the pack, with ".sig" appended. */
export function signatureUrl(url: string): string {
  return `${url}.sig`;
}

/** -1, 0, 1 comparing semantic versions (pre-release tags sort before the release). */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = a.split('-', 2) as [string, string | undefined];
  const [coreB, preB] = b.split('-', 2) as [string, string | undefined];
  const pa = coreA.split('.').map(Number);
  const pb = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

async function fetchBytes(fetchFn: FetchLike, url: string, timeoutMs: number) {
  const response = await fetchFn(url, { cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, ok: response.ok, bytes: new Uint8Array(await response.arrayBuffer()) };
}

export async function checkSubscription(
  subscription: Subscription,
  installed: { pack: Pack; sha256: string } | undefined,
  fetchFn: FetchLike = fetch,
  timeoutMs = 30_000,
): Promise<UpdateOutcome> {
  let bytes: Uint8Array<ArrayBuffer>;
  let signature: string | null = null;
  try {
    const pack = await fetchBytes(fetchFn, subscription.url, timeoutMs);
    if (!pack.ok) return { kind: 'failed', message: `the server answered HTTP ${pack.status} for ${subscription.url}` };
    bytes = pack.bytes;
    if (subscription.publicKey) {
      const sig = await fetchBytes(fetchFn, signatureUrl(subscription.url), timeoutMs);
      // A missing signature file is "unsigned", refused below; any other error is a failure to retry.
      if (sig.ok) signature = new TextDecoder().decode(sig.bytes);
      else if (sig.status !== 404) return { kind: 'failed', message: `the server answered HTTP ${sig.status} for ${signatureUrl(subscription.url)}` };
    }
  } catch (error) {
    return { kind: 'failed', message: `could not fetch ${subscription.url}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const integrity = await checkIntegrity(bytes, subscription, signature);
  if (!integrity.ok) return { kind: 'refused', message: `update refused: ${integrity.reason}` };
  if (installed && installed.sha256 === integrity.sha256) return { kind: 'unchanged', version: installed.pack.version };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'refused', message: 'update refused: the pack is not valid UTF-8 text' };
  }
  const parsed = parsePack(text, subscription.url);
  if (!parsed.ok) {
    return { kind: 'refused', message: `update refused: the pack has ${parsed.errors.length} error(s)`, errors: parsed.errors };
  }
  if (installed && installed.pack.id !== parsed.pack.id) {
    return { kind: 'refused', message: `update refused: the subscription now serves pack "${parsed.pack.id}", not "${installed.pack.id}"` };
  }
  if (installed && compareVersions(parsed.pack.version, installed.pack.version) <= 0) {
    // A signed but older (or reused) version is how a rollback attack looks.
    return {
      kind: 'refused',
      message: `update refused: version ${parsed.pack.version} is not newer than the installed ${installed.pack.version}`,
    };
  }
  return {
    kind: 'updated',
    pack: parsed.pack,
    sha256: integrity.sha256,
    diff: diffPacks(installed?.pack ?? null, parsed.pack),
    verifiedBy: integrity.method,
  };
}
