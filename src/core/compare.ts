import { timingSafeEqual } from 'node:crypto';

/**
 * The digest comparison of legacy-hash. Constant time in the contents; the lengths are
 * public (they come from the stored format), so a length mismatch may return early.
 * The engine calls this; schemes never compare (a test enforces it). The one other comparison
 * is the chain module's check (src/core/chain.ts, a whole verification inside WebAssembly),
 * written the same way and counted here too (countModuleComparison).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  compareCalls++;
  if (a.length !== b.length) return false;
  // Perf (issue #8): digests up to 64 bytes are compared in JavaScript, OR-accumulating the XOR
  // of every byte pair with no early exit (the same technique as timingSafeEqual's C++), which
  // avoids ~0.3 µs of native-call overhead per verify. Longer inputs use node:crypto.
  if (a.length <= 64) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
    return diff === 0;
  }
  return timingSafeEqual(a, b);
}

let compareCalls = 0;

/** For the timing-path test: how many comparisons ran (proves verify went through here). */
export function comparisonCount(): number {
  return compareCalls;
}

/**
 * Counts a comparison made inside the chain module (src/wasm/chain.wat `check`: OR-accumulated
 * XOR of every byte, no early exit), so the timing-path test sees every verification.
 */
export function countModuleComparison(): void {
  compareCalls++;
}
