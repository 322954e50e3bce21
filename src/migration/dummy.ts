/**
 * Dummy verification on the migration's mismatch paths (no legacy record, no hash, already
 * migrated), so they take about as long as a real legacy check and response times do not tell
 * which accounts exist or are migrated. Delegates to the core's verifyDummy() (a bcrypt cost-10
 * check by default; `dummyHash`: a hash shaped like your legacy hashes, same scheme and cost).
 */
import { verifyDummy } from '../dummy.js';
import { isLegacyHashError } from '../errors.js';

export { DEFAULT_DUMMY_HASH } from '../dummy.js';

/** One verification's worth of work; the outcome is discarded. Overload errors are rethrown. */
export async function dummyVerify(password: string | Uint8Array, dummyHash?: string): Promise<void> {
  try {
    await verifyDummy(dummyHash === undefined ? { password } : { password, like: dummyHash });
  } catch (e) {
    // Under load the real check would have failed the same way: let the caller shed load.
    if (isLegacyHashError(e) && (e.code === 'ERR_QUEUE_FULL' || e.code === 'ERR_ABORTED')) throw e;
    // Anything else (an unusable dummyHash, an oversized password) must not change the answer.
  }
}
