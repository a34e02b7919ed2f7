/** Small constructors so every type module words its results the same way. */
import type { CredentialResult } from '../findings.ts';

export function valid(type: string, value: string, reason: string): CredentialResult {
  return { type, value, status: 'valid', reason };
}

export function invalid(type: string, value: string, reason: string): CredentialResult {
  return { type, value, status: 'invalid', reason };
}

export function unverified(type: string, value: string, reason: string): CredentialResult {
  return { type, value, status: 'unverified', reason };
}
