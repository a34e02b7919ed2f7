/**
 * Encryption at rest for sensitive evidence: AES-GCM with a key derived from the
 * reviewer's passphrase by PBKDF2-SHA-256. The envelope carries everything needed to
 * decrypt except the passphrase, so a stored record stays readable after a browser
 * update changes defaults. AES-GCM authenticates: a wrong passphrase or a flipped
 * byte fails loudly instead of returning garbage.
 */

export const PBKDF2_ITERATIONS = 600_000; // OWASP 2023 recommendation for PBKDF2-HMAC-SHA256.

export interface Envelope {
  v: 1;
  alg: 'AES-GCM-256/PBKDF2-SHA256';
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

export class DecryptionError extends Error {
  constructor() {
    super('could not decrypt: wrong passphrase, or the stored data was altered');
    this.name = 'DecryptionError';
  }
}

function crypto(): Crypto {
  const value = globalThis.crypto;
  if (!value?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available in this context');
  return value;
}

export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  if (passphrase.length === 0) throw new Error('the passphrase is empty');
  const material = await crypto().subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto().subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypt with a key already derived (derive once per session: PBKDF2 is slow on purpose). */
export async function encryptWithKey(
  key: CryptoKey,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<Envelope> {
  const iv = crypto().getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await crypto().subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext));
  return { v: 1, alg: 'AES-GCM-256/PBKDF2-SHA256', iterations, salt, iv, ciphertext };
}

export async function decryptWithKey(key: CryptoKey, envelope: Envelope): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await crypto().subtle.decrypt({ name: 'AES-GCM', iv: envelope.iv }, key, envelope.ciphertext));
  } catch {
    throw new DecryptionError();
  }
}

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto().getRandomValues(new Uint8Array(16));
}

export async function encrypt(passphrase: string, plaintext: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<Envelope> {
  const salt = newSalt();
  return encryptWithKey(await deriveKey(passphrase, salt, iterations), salt, iterations, plaintext);
}

export async function decrypt(passphrase: string, envelope: Envelope): Promise<Uint8Array<ArrayBuffer>> {
  return decryptWithKey(await deriveKey(passphrase, envelope.salt, envelope.iterations), envelope);
}
