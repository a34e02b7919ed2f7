import { describe, expect, it } from 'vitest';
import { decrypt, DecryptionError, encrypt } from './encryption.ts';
import { utf8 } from './hash.ts';
import { generateSigningKeys, keyFingerprint, signBytes, verifyBytes } from './signature.ts';

describe('encryption at rest', () => {
  const plaintext = utf8('<html>sensitive evidence ✓</html>');

  it('round-trips with the right passphrase', async () => {
    const envelope = await encrypt('correct horse', plaintext, 1_000);
    expect(envelope.ciphertext).not.toEqual(plaintext);
    expect(envelope.iv).toHaveLength(12);
    expect(await decrypt('correct horse', envelope)).toEqual(plaintext);
  });

  it('fails loudly on a wrong passphrase or an altered byte', async () => {
    const envelope = await encrypt('correct horse', plaintext, 1_000);
    await expect(decrypt('wrong horse', envelope)).rejects.toBeInstanceOf(DecryptionError);
    const flipped = new Uint8Array(envelope.ciphertext);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await expect(decrypt('correct horse', { ...envelope, ciphertext: flipped })).rejects.toThrow(/wrong passphrase, or the stored data was altered/);
  });

  it('uses a fresh salt and IV each time', async () => {
    const a = await encrypt('p', plaintext, 1_000);
    const b = await encrypt('p', plaintext, 1_000);
    expect(a.salt).not.toEqual(b.salt);
    expect(a.iv).not.toEqual(b.iv);
  });

  it('refuses an empty passphrase', async () => {
    await expect(encrypt('', plaintext, 1_000)).rejects.toThrow(/passphrase is empty/);
  });
});

describe('manifest signatures', () => {
  it('verifies the signed bytes and nothing else', async () => {
    const keys = await generateSigningKeys();
    const bytes = utf8('{"manifest":1}');
    const signature = await signBytes(keys.privateKey, bytes);
    expect(await verifyBytes(keys.publicJwk, signature, bytes)).toBe(true);
    expect(await verifyBytes(keys.publicJwk, signature, utf8('{"manifest":2}'))).toBe(false);
    const other = await generateSigningKeys();
    expect(await verifyBytes(other.publicJwk, signature, bytes)).toBe(false);
  });

  it('exports only the public members and fingerprints them stably', async () => {
    const keys = await generateSigningKeys();
    expect(Object.keys(keys.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(await keyFingerprint(keys.publicJwk)).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyFingerprint({ ...keys.publicJwk })).toBe(await keyFingerprint(keys.publicJwk));
  });
});
