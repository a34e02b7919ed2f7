/**
 * SHA-256 over exact bytes. WebCrypto is the same API in the extension and in
 * Node 22 (globalThis.crypto), so one implementation serves both; callers may pass
 * their own SubtleCrypto (tests, or a future worker).
 */
import { canonicalJson } from './canonical-json.ts';

export type Subtle = Pick<SubtleCrypto, 'digest'>;

function defaultSubtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available in this context');
  return subtle;
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (const byte of view) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Hex SHA-256 of the bytes exactly as given. */
export async function sha256Hex(bytes: Uint8Array, subtle: Subtle = defaultSubtle()): Promise<string> {
  // Copy into a fresh ArrayBuffer: a view over a shared or larger buffer must hash only its own bytes.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return toHex(await subtle.digest('SHA-256', copy));
}

/** Hex SHA-256 of a value's canonical JSON. */
export function sha256Canonical(value: unknown, subtle?: Subtle): Promise<string> {
  return sha256Hex(utf8(canonicalJson(value)), subtle);
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
