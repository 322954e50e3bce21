/**
 * Byte-level text transforms platforms applied to the password before hashing, written to match
 * PHP's functions exactly (PHP works on bytes, so these do too; no Unicode case mapping).
 */
import { ascii, latin1, concatBytes } from '../core/bytes.js';

/** PHP strtolower/strtoupper (PHP 8: ASCII only, locale-independent; PHP < 8 in the "C" locale). */
export function asciiLower(b: Uint8Array): Uint8Array {
  return b.map((c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c));
}

export function asciiUpper(b: Uint8Array): Uint8Array {
  return b.map((c) => (c >= 0x61 && c <= 0x7a ? c - 32 : c));
}

/** PHP trim()'s default character list " \t\n\r\0\x0B". */
function isTrimmed(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x00 || c === 0x0b;
}

/** PHP trim() with its default character list. */
export function phpTrim(b: Uint8Array): Uint8Array {
  let start = 0;
  let end = b.length;
  while (start < end && isTrimmed(b[start]!)) start++;
  while (end > start && isTrimmed(b[end - 1]!)) end--;
  return start === 0 && end === b.length ? b : b.subarray(start, end);
}

/** Replaces every byte in `map` by its replacement, in one pass (no re-escaping of output). */
function mapBytes(b: Uint8Array, map: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i < b.length; i++) {
    const r = map.get(b[i]!);
    if (r === undefined) continue;
    parts.push(b.subarray(from, i), r);
    from = i + 1;
  }
  if (parts.length === 0) return b;
  parts.push(b.subarray(from));
  return concatBytes(...parts);
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const HTML_COMPAT = new Map<number, Uint8Array>([
  [0x26, enc('&amp;')],
  [0x22, enc('&quot;')],
  [0x3c, enc('&lt;')],
  [0x3e, enc('&gt;')],
]);

/**
 * PHP `htmlspecialchars($s, ENT_COMPAT)` (double_encode on): `&` `"` `<` `>` escaped, `'` kept.
 * PHP with charset UTF-8 returns '' for invalid UTF-8; we escape such input byte-wise as PHP did
 * with charset ISO-8859-1 (its default before 5.4, used by OpenCart 1.5.0-1.5.4) instead of
 * mapping every non-UTF-8 password to the empty password (see docs/detection.md).
 */
export function htmlEscapeCompat(b: Uint8Array): Uint8Array {
  return mapBytes(b, HTML_COMPAT);
}

/** A byte that some step of ipbLegacyEscape replaces or starts a pattern with: & < > " \n $ ! ' \ */
function isIpbSpecial(c: number): boolean {
  return c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x0a || c === 0x24 || c === 0x21 || c === 0x27 || c === 0x5c;
}

/**
 * IPS `\IPS\Request::legacyEscape()` (IPB 2/3 input cleaning, kept by IPS4 for legacy hashes):
 * sequential str_replace calls, in this order. Read in the IPS4 public copies (Request.php).
 */
export function ipbLegacyEscape(b: Uint8Array): Uint8Array {
  // Every pattern below contains one of these bytes; without any, the input comes back unchanged
  // (most passwords: the replace chain costs ~40% of an IPB verify).
  if (!b.some(isIpbSpecial)) return b;
  let s = ascii(b);
  s = s.split('&').join('&amp;');
  s = s.split('<!--').join('&#60;&#33;--');
  s = s.split('-->').join('--&#62;');
  s = s.replace(/<script/gi, '&#60;script'); // str_ireplace: ASCII case-insensitive
  s = s.split('>').join('&gt;');
  s = s.split('<').join('&lt;');
  s = s.split('"').join('&quot;');
  s = s.split('\n').join('<br />');
  s = s.split('$').join('&#036;');
  s = s.split('!').join('&#33;');
  s = s.split("'").join('&#39;');
  s = s.split('\\').join('&#092;');
  return latin1(s);
}


