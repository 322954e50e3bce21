/**
 * Reading `options.params` (project settings some schemes need: Firebase's signer key, Keycloak's
 * iteration count, an opt-in for a bcrypt pre-hash...). A parameter that is absent where a scheme
 * cannot run without it is ERR_MISSING_INPUT; one that is present but unusable is
 * ERR_INVALID_ARGUMENT. Messages name the parameter, never its value (it may be a secret key).
 */
import { LegacyHashError } from '../errors.js';
import type { SchemeInputs } from '../types.js';
import { fromBase64 } from './encoding.js';

export function missingParam(scheme: string, name: string, why: string): LegacyHashError {
  return new LegacyHashError('ERR_MISSING_INPUT', `${scheme}: needs options.params.${name} (${why})`, {
    scheme,
    field: `params.${name}`,
  });
}

function invalidParam(scheme: string, name: string, what: string): LegacyHashError {
  return new LegacyHashError('ERR_INVALID_ARGUMENT', `${scheme}: options.params.${name} must be ${what}`, {
    scheme,
    field: `params.${name}`,
  });
}

/** A non-negative integer parameter (number or decimal string), or undefined when absent. */
export function intParam(inputs: SchemeInputs, scheme: string, name: string, min = 1, max = 0xffffffff): number | undefined {
  const v = inputs.params?.[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : /^[0-9]{1,10}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw invalidParam(scheme, name, `an integer in ${min}..${max}`);
  return n;
}

/** A string parameter, or undefined when absent. */
export function stringParam(inputs: SchemeInputs, scheme: string, name: string): string | undefined {
  const v = inputs.params?.[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalidParam(scheme, name, 'a string');
  return v;
}

/** A standard-base64 parameter decoded to bytes, or undefined when absent. */
export function base64Param(inputs: SchemeInputs, scheme: string, name: string): Uint8Array | undefined {
  const v = stringParam(inputs, scheme, name);
  if (v === undefined) return undefined;
  const b = fromBase64(v);
  if (!b) throw invalidParam(scheme, name, 'standard base64');
  return b;
}
