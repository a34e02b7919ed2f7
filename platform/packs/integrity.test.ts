import { describe, expect, it } from 'vitest';
import { checkIntegrity, sha256Hex, toBase64 } from './integrity.ts';

const encoder = new TextEncoder();

async function keyPair() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = toBase64(await crypto.subtle.exportKey('raw', pair.publicKey));
  const sign = async (bytes: Uint8Array<ArrayBuffer>) =>
    toBase64(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, bytes));
  return { publicKey, sign };
}

describe('checkIntegrity', () => {
  const bytes = encoder.encode('{"id":"team-pack","version":"1.1.0"}');

  it('accepts bytes signed with the configured key', async () => {
    const { publicKey, sign } = await keyPair();
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const result = await checkIntegrity(bytes, { publicKey }, await sign(bytes));
    expect(result).toEqual({ ok: true, method: 'ed25519', sha256: await sha256Hex(bytes) });
  });

  it('refuses tampered bytes, one flipped byte is enough', async () => {
    const { publicKey, sign } = await keyPair();
    const signature = await sign(bytes);
    const tampered = bytes.slice();
    tampered[10] = tampered[10]! ^ 1;
    const result = await checkIntegrity(tampered, { publicKey }, signature);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('signature does not match');
  });

  it('refuses a signature made with another key', async () => {
    const trusted = await keyPair();
    const other = await keyPair();
    const result = await checkIntegrity(bytes, { publicKey: trusted.publicKey }, await other.sign(bytes));
    expect(result.ok).toBe(false);
  });

  it('refuses an unsigned pack when a key is configured, and a malformed signature', async () => {
    const { publicKey } = await keyPair();
    const unsigned = await checkIntegrity(bytes, { publicKey }, null);
    expect(!unsigned.ok && unsigned.reason).toBe('the pack is not signed (no signature file found)');
    const short = await checkIntegrity(bytes, { publicKey }, toBase64(new Uint8Array(10)));
    expect(!short.ok && short.reason).toContain('10 bytes');
  });

  it('checks a pinned SHA-256 of the exact bytes', async () => {
    const pin = await sha256Hex(bytes);
    expect(pin).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkIntegrity(bytes, { sha256: pin.toUpperCase() }, null)).toEqual({ ok: true, method: 'sha256', sha256: pin });
    const changed = encoder.encode('{"id":"team-pack","version":"1.1.0"} ');
    const result = await checkIntegrity(changed, { sha256: pin }, null);
    expect(!result.ok && result.reason).toContain(`expected ${pin}`);
  });

  it('knows the SHA-256 of a known input', async () => {
    expect(await sha256Hex(encoder.encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses everything when neither a pin nor a key is configured', async () => {
    const result = await checkIntegrity(bytes, {}, null);
    expect(!result.ok && result.reason).toContain('cannot be verified');
  });
});
