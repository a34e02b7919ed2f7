/**
 * Pack integrity with WebCrypto only (same code in the browser and in Node tests):
 * a pinned SHA-256 of the exact bytes, or an Ed25519 signature over the exact bytes
 * checked against a configured public key. Bytes are checked as fetched, before
 * any decoding, so a re-encoding can never slip through.
 */

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(view, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.trim());
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const b of view) binary += String.fromCharCode(b);
  return btoa(binary);
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}

export type IntegrityCheck =
  | { ok: true; method: 'sha256' | 'ed25519'; sha256: string }
  | { ok: false; reason: string; sha256: string };

export interface IntegrityPolicy {
  sha256?: string | undefined;
  publicKey?: string | undefined;
}

/**
 * Checks bytes against the policy. With both a pin and a key, both must hold.
 * With neither, the bytes are refused: an unverified pack never replaces one that works.
 */
export async function checkIntegrity(
  bytes: Uint8Array<ArrayBuffer>,
  policy: IntegrityPolicy,
  signatureBase64: string | null,
): Promise<IntegrityCheck> {
  const sha256 = await sha256Hex(bytes);
  if (!policy.sha256 && !policy.publicKey) {
    return { ok: false, sha256, reason: 'no pinned SHA-256 or public key is configured, so the pack cannot be verified' };
  }
  if (policy.sha256 && policy.sha256.toLowerCase() !== sha256) {
    return { ok: false, sha256, reason: `SHA-256 mismatch: expected ${policy.sha256.toLowerCase()}, got ${sha256}` };
  }
  if (!policy.publicKey) return { ok: true, method: 'sha256', sha256 };
  if (signatureBase64 === null) return { ok: false, sha256, reason: 'the pack is not signed (no signature file found)' };
  let signature: Uint8Array<ArrayBuffer>;
  let key: CryptoKey;
  try {
    signature = fromBase64(signatureBase64);
  } catch {
    return { ok: false, sha256, reason: 'the signature file is not base64' };
  }
  if (signature.length !== 64) {
    return { ok: false, sha256, reason: `the signature is ${signature.length} bytes; an Ed25519 signature is 64` };
  }
  try {
    key = await crypto.subtle.importKey('raw', fromBase64(policy.publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    return { ok: false, sha256, reason: `the configured public key cannot be used: ${String(error)}` };
  }
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, bytes);
  if (!valid) return { ok: false, sha256, reason: 'the Ed25519 signature does not match the pack (altered, or signed with another key)' };
  return { ok: true, method: 'ed25519', sha256 };
}
