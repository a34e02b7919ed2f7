/**
 * Encryption at rest, the unlocked state. The reviewer turns encryption on and unlocks
 * it with a passphrase on the reports page; the derived key's raw bytes are kept in
 * session storage (memory only, cleared when the browser closes) so the background can
 * encrypt new evidence and pages can read it. The passphrase itself is never stored.
 */
import { storage } from 'wxt/utils/storage';
import { decryptWithKey, encryptWithKey, newSalt, PBKDF2_ITERATIONS } from '../../core/evidence/encryption.ts';
import { fromBase64, toBase64, utf8 } from '../../core/evidence/hash.ts';
import type { EvidenceKey } from './store.ts';

interface EncryptionSetting {
  enabled: boolean;
  salt: string;
  iterations: number;
  /** A known plaintext encrypted with the key, to tell a wrong passphrase at unlock time. */
  check: { iv: string; ciphertext: string } | null;
}

const CHECK_TEXT = 'listing-inspector evidence key';

export const encryptionItem = storage.defineItem<EncryptionSetting>('local:reports.encryption', {
  fallback: { enabled: false, salt: '', iterations: PBKDF2_ITERATIONS, check: null },
});
const sessionKeyItem = storage.defineItem<string>('session:reports.evidenceKey', { fallback: '' });

async function rawKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256));
}

async function importRaw(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Turn encryption on with a new passphrase (new salt); evidence captured from now on is encrypted. */
export async function enableEncryption(passphrase: string): Promise<void> {
  if (passphrase.length < 8) throw new Error('use a passphrase of at least 8 characters');
  const salt = newSalt();
  const raw = await rawKey(passphrase, salt, PBKDF2_ITERATIONS);
  const key = await importRaw(raw);
  const check = await encryptWithKey(key, salt, PBKDF2_ITERATIONS, utf8(CHECK_TEXT));
  await encryptionItem.setValue({ enabled: true, salt: toBase64(salt), iterations: PBKDF2_ITERATIONS, check: { iv: toBase64(check.iv), ciphertext: toBase64(check.ciphertext) } });
  await sessionKeyItem.setValue(toBase64(raw));
}

/** Unlock for this browser session; throws on a wrong passphrase. */
export async function unlock(passphrase: string): Promise<void> {
  const setting = await encryptionItem.getValue();
  if (!setting.enabled || !setting.check) throw new Error('encryption at rest is not turned on');
  const salt = fromBase64(setting.salt);
  const raw = await rawKey(passphrase, salt, setting.iterations);
  await decryptWithKey(await importRaw(raw), {
    v: 1,
    alg: 'AES-GCM-256/PBKDF2-SHA256',
    iterations: setting.iterations,
    salt,
    iv: fromBase64(setting.check.iv),
    ciphertext: fromBase64(setting.check.ciphertext),
  });
  await sessionKeyItem.setValue(toBase64(raw));
}

export async function lock(): Promise<void> {
  await sessionKeyItem.setValue('');
}

/** The key while unlocked; null when encryption is off. Throws when on but locked, so nothing is stored in clear by mistake. */
export async function sessionEvidenceKey(): Promise<EvidenceKey | null> {
  const setting = await encryptionItem.getValue();
  if (!setting.enabled) return null;
  const raw = await sessionKeyItem.getValue();
  if (!raw) throw new Error('evidence encryption is on but locked: unlock it on the reports page, then report again');
  return { key: await importRaw(fromBase64(raw)), salt: fromBase64(setting.salt), iterations: setting.iterations };
}

/** For pages reading evidence: the key when unlocked, null when off or locked. */
export async function readableEvidenceKey(): Promise<EvidenceKey | null> {
  try {
    return await sessionEvidenceKey();
  } catch {
    return null;
  }
}
