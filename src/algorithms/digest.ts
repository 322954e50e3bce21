/**
 * Unsalted hex digests: `md5(pw)`, `sha1(pw)`, `sha256(pw)`, `sha512(pw)`.
 * Hex is compared as bytes, so upper- and lower-case stored strings both verify (case carries
 * no information, and exports and some platforms upper-case it).
 */
import { digestProgram, stagePassword, stageText } from '../core/chain.js';
import { digest, type DigestName, DIGEST_BYTES } from '../core/digest.js';
import { fromHex } from '../core/encoding.js';
import { HEX_FIRST_CHARS } from '../core/prefixes.js';
import { defineScheme } from '../core/scheme.js';
import { recognizeShape } from '../detect/shape.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';

/** Parses a bare hex digest of a known length; shared by every "hex of a digest" layout. */
export function parseHexDigest(scheme: string, hex: string, alg: DigestName): Uint8Array {
  const bytes = fromHex(hex);
  if (!bytes || bytes.length !== DIGEST_BYTES[alg]) throw malformed(scheme, `expected ${DIGEST_BYTES[alg] * 2} hex digits`);
  return bytes;
}

function unsalted(
  alg: 'md5' | 'sha1' | 'sha256' | 'sha512',
  rank: number,
  platforms: string[],
  platformIds: string[],
  example: { password: string; hash: string },
): Scheme<ParsedHash> {
  // The whole claim is the shape (hex of the digest's length): declared as data, recognize built from it.
  const shape = Object.freeze({ length: DIGEST_BYTES[alg] * 2, chars: '0-9a-fA-F', exact: true });
  const program = digestProgram(alg, [0]);
  return defineScheme<ParsedHash>({
    id: alg,
    title: `Unsalted ${alg.toUpperCase()} (hex)`,
    family: 'digest',
    platforms,
    platformIds,
    example,
    rank,
    prefixes: HEX_FIRST_CHARS,
    shape,
    recognize: recognizeShape(shape),
    parse: (s) => ({ expected: parseHexDigest(alg, s, alg) }),
    derive: (pw) => digest(alg, pw),
    // The whole verification in one call of the chain machine (the module checks the hex digits).
    check: program
      ? (pw, s, _inputs, maxPasswordBytes) =>
          s.length === shape.length && stageText(s) && stagePassword(pw, maxPasswordBytes) ? program.check('hex', 0, s.length) : undefined
      : undefined,
  });
}

// Examples: PHP 8.2 hash() of "password" (test/vectors/digest.json).
export const md5 = unsalted(
  'md5',
  60,
  [
    'WordPress/WooCommerce <= 2.4 (and any hash of <= 32 chars)',
    'Drupal <= 6',
    'OpenCart <= 1.5.3',
    'Joomla 1.0',
    'phpBB 2',
    'Magento 1 (unsalted)',
    'Django (unsalted_md5)',
    'Shopware 5 (md5)',
    'Neto import "Password Encrypted By Other System"',
  ],
  ['wordpress', 'woocommerce', 'drupal', 'opencart', 'joomla', 'phpbb', 'magento1', 'django', 'shopware', 'neto', 'generic'],
  { password: 'password', hash: '5f4dcc3b5aa765d61d8327deb882cf99' },
);

export const sha1 = unsalted(
  'sha1',
  55,
  ['Redmine < 1.2', 'phpBB $sha1$ imports', 'Django (unsalted_sha1)', 'generic'],
  ['redmine', 'phpbb', 'django', 'generic'],
  { password: 'password', hash: '5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8' },
);

export const sha256 = unsalted('sha256', 50, ['generic unsalted SHA-256', 'Magento 2 (unsalted getHash)'], ['generic', 'magento2'], {
  password: 'password',
  hash: '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8',
});

export const sha512 = unsalted('sha512', 45, ['generic unsalted SHA-512'], ['generic'], {
  password: 'password',
  hash: 'b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86',
});

export const digestSchemes: readonly Scheme[] = [md5, sha1, sha256, sha512];
