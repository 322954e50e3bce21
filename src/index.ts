/**
 * legacy-hash: verify passwords against the hashes old shop, CMS and framework platforms stored,
 * exactly as those platforms computed them.
 */
export { verify, verifyDetailed, type VerifyResult } from './verify.js';
export { identify } from './identify.js';
export { verifyDummy, type DummyOptions } from './dummy.js';
export { wrap, isWrapped, type WrapOptions } from './wrap/wrap.js';
export { schemes, type SchemeInfo } from './schemes.js';
export { registerScheme } from './registry.js';
export { defineFormulaScheme, type FormulaSchemeDefinition } from './formula/scheme.js';
export { LegacyHashError, isLegacyHashError, ERROR_CODES, type ErrorCode } from './errors.js';
export { DEFAULT_LIMITS, setDefaultLimits, getDefaultLimits, type Limits } from './limits.js';
export { configurePool, shutdownPool, poolStats, type PoolOptions, type PoolStats } from './worker/pool.js';
export type { Candidate, CostParameter, IdentifyOptions, InputName, Scheme, VerifyOptions } from './types.js';
