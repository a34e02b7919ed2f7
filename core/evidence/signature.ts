/**
 * Optional manifest signatures: ECDSA P-256 with SHA-256 (WebCrypto, every current
 * browser and Node). The public key travels in the bundle as a JWK; its fingerprint
 * (SHA-256 of the key's canonical JWK members) is what an investigator compares
 * with the reviewer's published key, since anyone could sign with a fresh key.
 */
import { canonicalJson } from './canonical-json.ts';
import { fromBase64, sha256Hex, toBase64, utf8 } from './hash.ts';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';

function subtle(): SubtleCrypto {
  const value = globalThis.crypto?.subtle;
  if (!value) throw new Error('WebCrypto (crypto.subtle) is not available in this context');
  return value;
}

export interface SigningKeys {
  privateKey: CryptoKey;
  publicJwk: JsonWebKey;
}

export async function generateSigningKeys(): Promise<SigningKeys> {
  const pair = await subtle().generateKey(ALGORITHM, true, ['sign', 'verify']);
  const publicJwk = await subtle().exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: publicOnly(publicJwk) };
}

function publicOnly(jwk: JsonWebKey): JsonWebKey {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

/** SHA-256 over the JWK members that define an EC public key (RFC 7638 member set). */
export function keyFingerprint(jwk: JsonWebKey): Promise<string> {
  return sha256Hex(utf8(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })));
}

/** Base64 signature over the exact bytes given (the manifest file as stored). */
export async function signBytes(privateKey: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64(new Uint8Array(await subtle().sign(SIGN, privateKey, bytes)));
}

export async function verifyBytes(publicJwk: JsonWebKey, signature: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const key = await subtle().importKey('jwk', publicOnly(publicJwk), ALGORITHM, false, ['verify']);
  return subtle().verify(SIGN, key, fromBase64(signature), bytes);
}
