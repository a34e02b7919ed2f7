import { describe, expect, it } from 'vitest';
import { formatPack } from '../../core/rules/format.ts';
import { makePack, makeRule } from '../../test/fixtures/packs.ts';
import { sha256Hex, toBase64 } from './integrity.ts';
import { checkSubscription, compareVersions } from './update.ts';
import type { FetchLike } from './update.ts';

const encoder = new TextEncoder();
const v1 = makePack('1.0.0', [makeRule('opioid.oxycodone', { en: ['oxycodone'] })]);
const v2 = makePack('1.1.0', [makeRule('opioid.fentanyl', { en: ['fentanyl'] }), makeRule('opioid.oxycodone', { en: ['oxycodone', 'oxy'] })]);

function server(files: Record<string, string>): FetchLike {
  return async (url) => (url in files ? new Response(files[url]) : new Response('not found', { status: 404 }));
}

async function signer() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    publicKey: toBase64(await crypto.subtle.exportKey('raw', pair.publicKey)),
    sign: async (text: string) => toBase64(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, encoder.encode(text))),
  };
}

const URL_ = 'https://packs.example.org/team.json';

describe('checkSubscription', () => {
  it('accepts a signed newer version and says what it changes', async () => {
    const key = await signer();
    const text = formatPack(v2);
    const fetchFn = server({ [URL_]: text, [`${URL_}.sig`]: await key.sign(text) });
    const installed = { pack: v1, sha256: 'old' };
    const outcome = await checkSubscription({ url: URL_, intervalHours: 24, publicKey: key.publicKey }, installed, fetchFn);
    expect(outcome.kind).toBe('updated');
    if (outcome.kind !== 'updated') return;
    expect(outcome.pack.version).toBe('1.1.0');
    expect(outcome.verifiedBy).toBe('ed25519');
    expect(outcome.sha256).toBe(await sha256Hex(encoder.encode(text)));
    expect(outcome.diff.rulesAdded).toEqual(['opioid.fentanyl']);
    expect(outcome.diff.rulesChanged[0]?.termsAdded).toEqual([{ language: 'en', term: 'oxy' }]);
  });

  it('refuses a tampered pack and an unsigned one', async () => {
    const key = await signer();
    const text = formatPack(v2);
    const signature = await key.sign(text);
    const tampered = text.replace('fentanyl', 'fentanil');
    const sub = { url: URL_, intervalHours: 24, publicKey: key.publicKey };
    const refused = await checkSubscription(sub, undefined, server({ [URL_]: tampered, [`${URL_}.sig`]: signature }));
    expect(refused).toEqual({ kind: 'refused', message: expect.stringContaining('signature does not match') });
    const unsigned = await checkSubscription(sub, undefined, server({ [URL_]: text }));
    expect(unsigned).toEqual({ kind: 'refused', message: 'update refused: the pack is not signed (no signature file found)' });
  });

  it('refuses a pack that verifies but does not validate, with its precise errors', async () => {
    const broken = JSON.stringify({ ...v2, rules: [{ ...v2.rules[0], severity: 'extreme' }] });
    const sha256 = await sha256Hex(encoder.encode(broken));
    const outcome = await checkSubscription({ url: URL_, intervalHours: 24, sha256 }, undefined, server({ [URL_]: broken }));
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.errors?.[0]).toMatchObject({ file: URL_, path: '$.rules[0].severity' });
  });

  it('refuses a downgrade even when properly signed', async () => {
    const key = await signer();
    const text = formatPack(v1);
    const outcome = await checkSubscription(
      { url: URL_, intervalHours: 24, publicKey: key.publicKey },
      { pack: v2, sha256: 'x' },
      server({ [URL_]: text, [`${URL_}.sig`]: await key.sign(text) }),
    );
    expect(outcome).toEqual({ kind: 'refused', message: 'update refused: version 1.0.0 is not newer than the installed 1.1.0' });
  });

  it('reports unchanged bytes as unchanged, and server errors as failures', async () => {
    const text = formatPack(v1);
    const sha256 = await sha256Hex(encoder.encode(text));
    expect(await checkSubscription({ url: URL_, intervalHours: 24, sha256 }, { pack: v1, sha256 }, server({ [URL_]: text }))).toEqual({
      kind: 'unchanged',
      version: '1.0.0',
    });
    expect(await checkSubscription({ url: URL_, intervalHours: 24, sha256 }, undefined, server({}))).toEqual({
      kind: 'failed',
      message: `the server answered HTTP 404 for ${URL_}`,
    });
    const offline: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const failed = await checkSubscription({ url: URL_, intervalHours: 24, sha256 }, undefined, offline);
    expect(failed).toEqual({ kind: 'failed', message: `could not fetch ${URL_}: Failed to fetch` });
  });
});

describe('compareVersions', () => {
  it('orders semantic versions', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-beta', '1.0.0')).toBe(-1);
    expect(compareVersions('2.0.0', '10.0.0')).toBe(-1);
  });
});
