/**
 * legacy-hash: verify passwords against the hashes old shop, CMS and framework platforms stored,
 * exactly as those platforms computed them.
 */
export { verify, verifyDetailed, type VerifyResult } from './verify.js';
export { identify } from './identify.js';
export { wrap, isWrapped, type WrapOptions } from './wrap/wrap.js';
export { schemes, type SchemeInfo } from './schemes.js';
export { LegacyHashError, isLegacyHashError, type ErrorCode } from './errors.js';
export { DEFAULT_LIMITS, setDefaultLimits, getDefaultLimits, type Limits } from './limits.js';
export { configurePool, shutdownPool, type PoolOptions } from './worker/pool.js';
export type { Candidate, CostParameter, IdentifyOptions, InputName, VerifyOptions } from './types.js';
