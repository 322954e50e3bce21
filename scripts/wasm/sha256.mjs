/**
 * Generator of src/wasm/sha256.wat (SHA-256 with unrolled rounds, for sha256-crypt): the
 * parameters FIPS 180-4 gives SHA-256, handed to the shared SHA-2 generator (./sha2.mjs).
 * Registered in scripts/build-wasm.mjs, which writes the .wat and compiles it.
 */
import { generateSha2, primeRootFractions } from './sha2.mjs';

/** FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = primeRootFractions(64, 3, 32);

/** FIPS 180-4 §5.3.3: first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const IV = primeRootFractions(8, 2, 32);

export default function generate() {
  return generateSha2({
    name: 'SHA-256',
    t: 'i32',
    K,
    IV,
    // FIPS 180-4 §4.1.2 (4.4)-(4.7).
    Sigma0: [2, 13, 22],
    Sigma1: [6, 11, 25],
    sigma0: [7, 18, 3],
    sigma1: [17, 19, 10],
    chain: false,
    separateK: false,
  });
}
