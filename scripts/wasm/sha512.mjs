/**
 * Generator of src/wasm/sha512.wat (SHA-512 with unrolled rounds, for sha512-crypt, Drupal 7
 * `$S$` and the Sha512 context): the parameters FIPS 180-4 gives SHA-512, handed to the shared
 * SHA-2 generator (./sha2.mjs). Registered in scripts/build-wasm.mjs, which writes the .wat and
 * compiles it.
 */
import { generateSha2, primeRootFractions } from './sha2.mjs';

/** FIPS 180-4 §4.2.3: first 64 bits of the fractional parts of the cube roots of the first 80 primes. */
const K = primeRootFractions(80, 3, 64);

/** FIPS 180-4 §5.3.5: first 64 bits of the fractional parts of the square roots of the first 8 primes. */
const IV = primeRootFractions(8, 2, 64);

export default function generate() {
  return generateSha2({
    name: 'SHA-512',
    t: 'i64',
    K,
    IV,
    // FIPS 180-4 §4.1.3 (4.10)-(4.13).
    Sigma0: [28, 34, 39],
    Sigma1: [14, 18, 41],
    sigma0: [1, 8, 7],
    sigma1: [19, 61, 6],
    chain: true,
    separateK: true,
  });
}
