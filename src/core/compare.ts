import { timingSafeEqual } from 'node:crypto';

/**
 * The only digest comparison in legacy-hash. Constant time in the contents; the lengths are
 * public (they come from the stored format), so a length mismatch may return early.
 * The engine calls this; schemes never compare (a test enforces it).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  compareCalls++;
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

let compareCalls = 0;

/** For the timing-path test: how many comparisons ran (proves verify went through here). */
export function comparisonCount(): number {
  return compareCalls;
}
