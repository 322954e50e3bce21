import { detect, type Fit } from './detect/candidates.js';
import { normalizeStored } from './detect/normalize.js';
import { missingInputs } from './detect/rank.js';
import { passwordBytes } from './core/password.js';
import { checkScheme, schemeInputs } from './engine.js';
import { LegacyHashError } from './errors.js';
import { resolveLimits } from './limits.js';
import { getScheme } from './registry.js';
import type { InputName, VerifyOptions } from './types.js';

export interface VerifyResult {
  /** true when the password matches. */
  match: boolean;
  /** The scheme that matched (undefined on a mismatch). */
  scheme?: string;
  /** Schemes that were tried, in order. */
  tried: string[];
}

/**
 * Does `password` match `stored`, exactly as the platform that wrote `stored` would decide?
 * A wrong password resolves to `false`; malformed/unsupported hashes, missing inputs and
 * exceeded limits reject with a LegacyHashError.
 *
 * @example
 * ```ts
 * import { verify } from 'legacy-hash';
 * await verify('hashcat', '$P$946647711V1klyitUYhtB8Yw5DMA/w.'); // true
 * ```
 */
export async function verify(password: string | Uint8Array, stored: string, options?: VerifyOptions): Promise<boolean> {
  return (await verifyDetailed(password, stored, options)).match;
}

/** Like `verify`, but also says which scheme matched and which were tried. */
export async function verifyDetailed(
  password: string | Uint8Array,
  stored: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const limits = resolveLimits(options.limits);
  const pw = passwordBytes(password);
  if (typeof stored !== 'string') {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'stored hash must be a string', { field: 'stored' });
  }
  if (stored.length > limits.maxHashLength) {
    throw new LegacyHashError('ERR_LIMIT_EXCEEDED', 'stored hash is longer than maxHashLength', {
      field: 'maxHashLength',
      value: stored.length,
      limit: limits.maxHashLength,
    });
  }
  if (pw.length > limits.maxPasswordBytes) {
    throw new LegacyHashError('ERR_LIMIT_EXCEEDED', 'password is longer than maxPasswordBytes', {
      field: 'maxPasswordBytes',
      value: pw.length,
      limit: limits.maxPasswordBytes,
    });
  }
  const inputs = schemeInputs(options);
  const text = normalizeStored(stored);
  const signal = deadlineSignal(options);

  let fits: Fit[];
  if (options.scheme !== undefined) {
    const scheme = getScheme(options.scheme);
    if (!scheme.recognize(text)) {
      throw new LegacyHashError('ERR_MALFORMED_HASH', `${scheme.id}: string does not have this scheme's form`, {
        scheme: scheme.id,
      });
    }
    fits = [{ scheme, parsed: scheme.parse(text, inputs), missing: missingInputs(scheme, inputs), score: 0 }];
  } else {
    const found = detect(text, inputs, options.platform?.toLowerCase());
    if (found.fits.length === 0) {
      throw found.malformed ?? new LegacyHashError('ERR_UNKNOWN_FORMAT', 'no supported scheme recognises this hash');
    }
    fits = found.fits;
  }

  const runnable = fits.filter((f) => f.missing.length === 0);
  if (runnable.length === 0) {
    const need = [...new Set(fits.flatMap((f) => f.missing))] as InputName[];
    throw new LegacyHashError(
      'ERR_MISSING_INPUT',
      `this hash needs ${need.join(' or ')} (candidates: ${fits.map((f) => f.scheme.id).join(', ')})`,
      { field: need[0], scheme: fits[0]!.scheme.id },
    );
  }

  const tried: string[] = [];
  try {
    for (const fit of runnable) {
      tried.push(fit.scheme.id);
      if (await checkScheme(fit.scheme, pw, fit.parsed, inputs, limits, signal)) {
        return { match: true, scheme: fit.scheme.id, tried };
      }
    }
    return { match: false, tried };
  } finally {
    pw.fill(0);
  }
}

function deadlineSignal(options: VerifyOptions): AbortSignal | undefined {
  const { signal, timeoutMs } = options;
  if (timeoutMs === undefined) return signal;
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0)) {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'timeoutMs must be a non-negative number', { field: 'timeoutMs' });
  }
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}
