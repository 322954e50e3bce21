/**
 * Errors from the commercetools SDK, sanitised. The ts-client's errors carry the original request
 * by default (`includeRequestInErrorResponse` is true unless turned off), and for sign-in and
 * password reset that request body holds the password. Nothing from this module rethrows an SDK
 * error as is: it is reduced to status code, error code and the API's message.
 */

/** The API's ErrorResponse, as far as this module reads it. */
interface ApiErrorBody {
  statusCode?: number;
  message?: string;
  errors?: { code?: string; message?: string; currentVersion?: number }[];
}

export interface CtErrorInfo {
  statusCode: number;
  /** The first error's `code` (InvalidCredentials, ConcurrentModification, ResourceNotFound...). */
  code?: string;
  message?: string;
  /** ConcurrentModification: the resource's current version, when the API says it. */
  currentVersion?: number;
}

/** An SDK/HTTP failure with everything but status, code and message stripped. */
export class CommercetoolsApiError extends Error {
  readonly statusCode: number;
  readonly code?: string;
  /** What the migration was doing: 'login', 'load', 'token', 'reset', 'flag', 'import'... */
  readonly operation: string;

  constructor(operation: string, info: CtErrorInfo) {
    super(`commercetools ${operation} failed: ${info.statusCode}${info.code ? ` ${info.code}` : ''}${info.message ? ` (${info.message})` : ''}`);
    this.name = 'CommercetoolsApiError';
    this.operation = operation;
    this.statusCode = info.statusCode;
    if (info.code !== undefined) this.code = info.code;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Reads status/code/message from whatever the SDK threw (ts-client HttpError or plain object). */
export function ctErrorInfo(e: unknown): CtErrorInfo {
  const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  const inner = (typeof o.error === 'object' && o.error !== null ? o.error : undefined) as Record<string, unknown> | undefined;
  const body = ((typeof o.body === 'object' && o.body !== null ? o.body : undefined) ??
    (inner && Array.isArray(inner.errors) ? inner : undefined) ??
    {}) as ApiErrorBody;
  const statusCode = Number(o.statusCode ?? o.status ?? body.statusCode ?? inner?.statusCode ?? 0) || 0;
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
  const info: CtErrorInfo = { statusCode };
  const code = str(first?.code) ?? str(o.code);
  if (code !== undefined) info.code = code;
  const message = str(body.message) ?? str(first?.message);
  // Keep the API's own message only (never `e.message` of a network error: it may quote a URL).
  if (message !== undefined) info.message = message.slice(0, 300);
  if (typeof first?.currentVersion === 'number') info.currentVersion = first.currentVersion;
  return info;
}

export function isInvalidCredentials(i: CtErrorInfo): boolean {
  return i.statusCode === 400 && i.code === 'InvalidCredentials';
}

export function isConcurrentModification(i: CtErrorInfo): boolean {
  return i.statusCode === 409 || i.code === 'ConcurrentModification';
}

export function isNotFound(i: CtErrorInfo): boolean {
  return i.statusCode === 404;
}
