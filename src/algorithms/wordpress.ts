/**
 * WordPress 6.8+ `$wp$2y$10$...`: bcrypt of base64(HMAC-SHA384(key "wp-sha384", password)).
 * Source: WordPress/wordpress-develop src/wp-includes/pluggable.php @00515df (wp_check_password:
 * `password_verify(base64_encode(hash_hmac('sha384', $password, 'wp-sha384', true)), substr($hash, 3))`).
 * The pre-hash removes bcrypt's 72-byte limit; verification does not trim (hashing did).
 */
import { latin1 } from '../core/bytes.js';
import { hmac } from '../core/digest.js';
import { toBase64 } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import type { Scheme } from '../types.js';
import { BCRYPT_COSTS, bcryptNeedsWorker, deriveBcrypt, parseBcrypt, type BcryptParsed } from './bcrypt.js';

const WP_HMAC_KEY = latin1('wp-sha384');

export function wordpressPrehash(password: Uint8Array): Uint8Array {
  return latin1(toBase64(hmac('sha384', WP_HMAC_KEY, password)));
}

export const wordpress = defineScheme<BcryptParsed>({
  id: 'wordpress',
  title: 'WordPress 6.8+ $wp$ (bcrypt over HMAC-SHA384)',
  family: 'wordpress',
  platforms: ['WordPress/WooCommerce 6.8+'],
  platformIds: ['wordpress', 'woocommerce'],
  // php-wasm WordPress demo set-up script (admin password), re-checked with PHP password_verify.
  example: { password: 'admin', hash: '$wp$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES' },
  costs: BCRYPT_COSTS,
  rank: 100,
  prefixes: ['$wp$'],
  recognize: (s) => s.startsWith('$wp$'),
  parse: (s) => parseBcrypt('wordpress', s.slice(3)),
  cost: (p) => [{ limit: 'maxBcryptCost', value: p.cost, name: 'cost' }],
  offload: (p, pw) => bcryptNeedsWorker(p, wordpressPrehash(pw)),
  derive: (pw, p) => deriveBcrypt(wordpressPrehash(pw), p),
  describe: (p) => ({ ident: p.ident, cost: p.cost }),
});

export const wordpressSchemes: readonly Scheme[] = [wordpress];
