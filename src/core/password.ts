import { LegacyHashError } from '../errors.js';
import { utf8 } from './bytes.js';

/** A string is UTF-8 encoded; a Uint8Array is used as raw bytes (copied, so we may wipe it). */
export function passwordBytes(password: unknown): Uint8Array {
  if (typeof password === 'string') return utf8(password);
  if (password instanceof Uint8Array) return new Uint8Array(password);
  throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'password must be a string or a Uint8Array', {
    field: 'password',
  });
}

/**
 * passwordBytes() for a fast path that may decline (Scheme.check): undefined, with nothing left
 * behind, when `password` is not a string or bytes or its bytes are over `maxBytes` (the general
 * path then reports it).
 */
export function passwordBytesWithin(password: unknown, maxBytes: number): Uint8Array | undefined {
  if (typeof password !== 'string' && !(password instanceof Uint8Array)) return undefined;
  const bytes = passwordBytes(password);
  if (bytes.length <= maxBytes) return bytes;
  bytes.fill(0);
  return undefined;
}

/** Same rule for a pepper; undefined stays undefined. */
export function optionalBytes(value: unknown, field: string): Uint8Array | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return utf8(value);
  if (value instanceof Uint8Array) return new Uint8Array(value);
  throw new LegacyHashError('ERR_INVALID_ARGUMENT', `${field} must be a string or a Uint8Array`, { field });
}
