/**
 * The one error class legacy-hash throws. `code` is stable and safe to switch on;
 * `message` is for humans and never contains a password, a pepper or a full stored hash.
 */
export type ErrorCode =
  /** No scheme recognises the stored string. */
  | 'ERR_UNKNOWN_FORMAT'
  /** A scheme recognises the string (prefix/shape) but its body is invalid. */
  | 'ERR_MALFORMED_HASH'
  /** The scheme needs an input the caller did not give (salt column, pepper, username...). */
  | 'ERR_MISSING_INPUT'
  /** A cost, memory or length read from the hash or the password exceeds the configured caps. */
  | 'ERR_LIMIT_EXCEEDED'
  /** `options.scheme` or `options.platform` names nothing in the registry. */
  | 'ERR_UNSUPPORTED_SCHEME'
  /** An argument has the wrong type (e.g. password neither string nor Uint8Array). */
  | 'ERR_INVALID_ARGUMENT'
  /** The verification was cancelled through `signal` or ran past `deadline`. */
  | 'ERR_ABORTED'
  /** The worker pool's queue is full: the server is overloaded, shed load instead of queueing. */
  | 'ERR_QUEUE_FULL'
  /**
   * An unexpected failure inside a scheme or a worker thread (a bug, or a native library error).
   * The original error is never attached (its message could quote input); it is reported to the
   * hook set with `setInternalErrorHook` (tests, monitoring).
   */
  | 'ERR_INTERNAL';

export interface LegacyHashErrorDetails {
  /** Scheme id concerned, when one is known. */
  scheme?: string;
  /** Name of the limit or input concerned (`maxBcryptCost`, `salt`, ...). */
  field?: string;
  /** Numeric value that broke a limit (a cost read from the hash, never secret). */
  value?: number;
  /** The limit in force. */
  limit?: number;
}

export class LegacyHashError extends Error {
  readonly code: ErrorCode;
  readonly scheme?: string;
  readonly field?: string;
  readonly value?: number;
  readonly limit?: number;

  constructor(code: ErrorCode, message: string, details: LegacyHashErrorDetails = {}) {
    super(message);
    this.name = 'LegacyHashError';
    this.code = code;
    if (details.scheme !== undefined) this.scheme = details.scheme;
    if (details.field !== undefined) this.field = details.field;
    if (details.value !== undefined) this.value = details.value;
    if (details.limit !== undefined) this.limit = details.limit;
  }
}

export function isLegacyHashError(e: unknown): e is LegacyHashError {
  return e instanceof LegacyHashError;
}

/** Shorthand used by scheme parsers: the body after a recognised prefix is invalid. */
export function malformed(scheme: string, why: string): LegacyHashError {
  return new LegacyHashError('ERR_MALFORMED_HASH', `${scheme}: ${why}`, { scheme });
}

/** Every code, for callers that validate or map them (stable: codes are only ever added). */
export const ERROR_CODES: readonly ErrorCode[] = Object.freeze([
  'ERR_UNKNOWN_FORMAT',
  'ERR_MALFORMED_HASH',
  'ERR_MISSING_INPUT',
  'ERR_LIMIT_EXCEEDED',
  'ERR_UNSUPPORTED_SCHEME',
  'ERR_INVALID_ARGUMENT',
  'ERR_ABORTED',
  'ERR_QUEUE_FULL',
  'ERR_INTERNAL',
] as const);

/** Where an unexpected (non-LegacyHashError) exception was caught. */
export type InternalErrorSite = 'recognize' | 'parse' | 'cost' | 'derive' | 'describe' | 'worker' | 'engine';

type InternalErrorHook = (error: unknown, site: InternalErrorSite, scheme: string | undefined) => void;
let internalErrorHook: InternalErrorHook | undefined;

/**
 * Observes the raw exceptions that legacy-hash turns into ERR_INTERNAL / ERR_MALFORMED_HASH.
 * The raw error may quote input (a stored string, in a bug's message): log it with care.
 * Used by the fuzz suite to prove no scheme throws anything but LegacyHashError. Returns the
 * previous hook.
 */
export function setInternalErrorHook(hook: InternalErrorHook | undefined): InternalErrorHook | undefined {
  const previous = internalErrorHook;
  internalErrorHook = hook;
  return previous;
}

/**
 * Passes a LegacyHashError through; anything else (TypeError, RangeError, stack overflow...) is
 * reported to the hook and replaced with a LegacyHashError that quotes nothing from it:
 * ERR_MALFORMED_HASH when a parser choked on the string, ERR_INTERNAL otherwise.
 */
export function toLegacyHashError(e: unknown, site: InternalErrorSite, scheme?: string): LegacyHashError {
  if (e instanceof LegacyHashError) return e;
  try {
    internalErrorHook?.(e, site, scheme);
  } catch {
    // a hook must never change the outcome
  }
  const who = scheme ?? 'legacy-hash';
  const details = scheme === undefined ? {} : { scheme };
  return site === 'parse' || site === 'recognize'
    ? new LegacyHashError('ERR_MALFORMED_HASH', `${who}: the stored string could not be parsed`, details)
    : new LegacyHashError('ERR_INTERNAL', `${who}: unexpected failure in ${site}`, details);
}
