import { detect } from '../detect/candidates.js';
import { normalizeStored } from '../detect/normalize.js';
import { enforceCosts, schemeInputs } from '../engine.js';
import { LegacyHashError } from '../errors.js';
import { resolveLimits } from '../limits.js';
import { getScheme } from '../registry.js';
import type { IdentifyOptions, ParsedHash, Scheme } from '../types.js';
import { WRAPPED_PREFIX } from '../algorithms/wrapped.js';
import { toBase64NoPad } from '../core/encoding.js';
import { checkOuter, formatOuter, newOuter, outerDerive, type OuterSettings } from './outer.js';
import { digestTemplates } from './template.js';

export interface WrapOptions extends IdentifyOptions {
  /** The scheme of the stored string (else detected, like verify). */
  scheme?: string;
  /**
   * Outer KDF: argon2id (default: m=19456 KiB, t=2, p=1) or scrypt (default: N=2^17, r=8, p=1),
   * OWASP's recommended minimums. The salt is always fresh (16 random bytes).
   */
  outer?: OuterSettings;
}

/**
 * Wraps a stored legacy hash in a modern KDF so the imported copy is expensive to crack.
 * `verify(password, wrapped, sameOptions)` checks it: legacy derivation, then the outer KDF.
 * Pass the same options you would pass to `verify` (salt column, platform...): they decide which
 * schemes the wrapped string keeps (every candidate that could run, as verify would try them).
 *
 * @example
 * ```ts
 * const wrapped = await wrap('5f4dcc3b5aa765d61d8327deb882cf99');   // unsalted MD5
 * await verify('password', wrapped); // true
 * ```
 */
export async function wrap(stored: string, options: WrapOptions = {}): Promise<string> {
  if (typeof stored !== 'string') {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'stored hash must be a string', { field: 'stored' });
  }
  const text = normalizeStored(stored);
  if (text.startsWith(WRAPPED_PREFIX)) return text;
  const inputs = schemeInputs(options);
  let fits: { scheme: Scheme; parsed: ParsedHash }[];
  if (options.scheme !== undefined) {
    const scheme = getScheme(options.scheme);
    if (!scheme.recognize(text)) {
      throw new LegacyHashError('ERR_MALFORMED_HASH', `${scheme.id}: string does not have this scheme's form`, { scheme: scheme.id });
    }
    fits = [{ scheme, parsed: scheme.parse(text, inputs) }];
  } else {
    const found = detect(text, inputs, options.platform?.toLowerCase());
    const runnable = found.fits.filter((f) => f.missing.length === 0);
    if (runnable.length === 0) {
      throw found.malformed ??
        (found.fits.length
          ? new LegacyHashError('ERR_MISSING_INPUT', `wrapping this hash needs ${found.fits[0]!.missing.join(' or ')}`)
          : new LegacyHashError('ERR_UNKNOWN_FORMAT', 'no supported scheme recognises this hash'));
    }
    fits = runnable;
  }
  const limits = resolveLimits();
  for (const f of fits) enforceCosts(f.scheme, f.parsed, limits);

  // One template and one digest shared by every kept scheme.
  const top = fits[0]!;
  const template = digestTemplates(text, top.parsed.expected).find((t) => parsesAs(top.scheme, t, inputs));
  if (template === undefined) {
    throw new LegacyHashError('ERR_UNSUPPORTED_SCHEME', `${top.scheme.id}: cannot locate the digest to wrap`, {
      scheme: top.scheme.id,
    });
  }
  const kept = fits.filter((f) => sameBytes(f.parsed.expected, top.parsed.expected) && parsesAs(f.scheme, template, inputs));
  const outer = newOuter(options.outer);
  checkOuter(outer);
  const wrappedScheme = getScheme('wrapped');
  const ids = kept.map((f) => f.scheme.id).join(',');
  // Parse the result before computing: it must round-trip, and its outer cost must fit the caps
  // that verify will apply.
  const draft = `${WRAPPED_PREFIX}${formatOuter(outer)}$${'A'.repeat(43)}$${ids}$${template}`;
  enforceCosts(wrappedScheme, wrappedScheme.parse(draft, inputs), limits);
  const hash = await outerDerive(outer, top.parsed.expected);
  return `${WRAPPED_PREFIX}${formatOuter(outer)}$${toBase64NoPad(hash)}$${ids}$${template}`;
}

export function isWrapped(stored: string): boolean {
  return typeof stored === 'string' && normalizeStored(stored).startsWith(WRAPPED_PREFIX);
}

function parsesAs(scheme: Scheme, template: string, inputs: ReturnType<typeof schemeInputs>): boolean {
  if (!scheme.recognize(template)) return false;
  try {
    scheme.parse(template, inputs);
    return true;
  } catch {
    return false;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  // Not secret-dependent timing that matters here: both are the stored digest being wrapped.
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
