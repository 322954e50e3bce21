/**
 * Byte-level text transforms platforms applied to the password before hashing, written to match
 * PHP's functions exactly (PHP works on bytes, so these do too; no Unicode case mapping).
 */
import { latin1 } from '../core/bytes.js';

/** PHP strtolower/strtoupper (PHP 8: ASCII only, locale-independent; PHP < 8 in the "C" locale). */
export function asciiLower(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    out[i] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  }
  return out;
}

export function asciiUpper(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    out[i] = c >= 0x61 && c <= 0x7a ? c - 32 : c;
  }
  return out;
}

/** PHP trim()'s default character list " \t\n\r\0\x0B". */
export function isTrimmed(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x00 || c === 0x0b;
}

/** PHP trim() with its default character list. */
export function phpTrim(b: Uint8Array): Uint8Array {
  let start = 0;
  let end = b.length;
  while (start < end && isTrimmed(b[start]!)) start++;
  while (end > start && isTrimmed(b[end - 1]!)) end--;
  // slice, not subarray: a view of a small array makes V8 move its bytes off the heap (~0.2 µs).
  return start === 0 && end === b.length ? b : b.slice(start, end);
}

/** A replacement per byte value (undefined: the byte is kept), for mapBytes. */
type ByteMap = readonly (Uint8Array | undefined)[];

function byteMap(entries: Record<string, string>): ByteMap {
  const map: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(256).fill(undefined);
  for (const [from, to] of Object.entries(entries)) map[from.charCodeAt(0)] = latin1(to);
  return map;
}

/**
 * Replaces every byte that has an entry in `map`, in one pass (replacements are not scanned
 * again). Returns `b` itself when nothing is replaced (most passwords). Sized first, then filled:
 * no list of pieces to join.
 */
function mapBytes(b: Uint8Array, map: ByteMap): Uint8Array {
  let hits = 0;
  let n = b.length;
  for (let i = 0; i < b.length; i++) {
    const r = map[b[i]!];
    if (r !== undefined) {
      hits++;
      n += r.length - 1;
    }
  }
  if (hits === 0) return b;
  const out = new Uint8Array(n);
  let o = 0;
  for (let i = 0; i < b.length; i++) {
    const r = map[b[i]!];
    if (r === undefined) out[o++] = b[i]!;
    else o = put(out, o, r);
  }
  return out;
}

/** Writes `r` at out[o] and returns the position after it (a loop: set() costs more for a few bytes). */
function put(out: Uint8Array, o: number, r: Uint8Array): number {
  for (let k = 0; k < r.length; k++) out[o++] = r[k]!;
  return o;
}

const HTML_COMPAT = byteMap({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' });

/**
 * PHP `htmlspecialchars($s, ENT_COMPAT)` (double_encode on): `&` `"` `<` `>` escaped, `'` kept.
 * PHP with charset UTF-8 returns '' for invalid UTF-8; we escape such input byte-wise as PHP did
 * with charset ISO-8859-1 (its default before 5.4, used by OpenCart 1.5.0-1.5.4) instead of
 * mapping every non-UTF-8 password to the empty password (see docs/detection.md).
 */
export function htmlEscapeCompat(b: Uint8Array): Uint8Array {
  return mapBytes(b, HTML_COMPAT);
}

/** Whether htmlEscapeCompat replaces this byte. */
export function isHtmlEscaped(c: number): boolean {
  return c < 256 && HTML_COMPAT[c] !== undefined;
}

/** Does `b` hold `pattern` at `i`? `foldCase`: a lower-case ASCII letter of it also matches its upper case. */
function startsAt(b: Uint8Array, i: number, pattern: Uint8Array, foldCase: boolean): boolean {
  for (let k = 0; k < pattern.length; k++) {
    const c = b[i + k]!;
    const p = pattern[k]!;
    if (c !== p && !(foldCase && p >= 0x61 && p <= 0x7a && c === p - 32)) return false;
  }
  return true;
}

/**
 * PHP str_replace($from, $to, $b) for one needle: non-overlapping matches, left to right, never
 * rescanning a replacement (as split/join). `foldCase`: str_ireplace with a lower-case needle
 * (PHP 8 folds ASCII only). Returns `b` itself when there is no match.
 */
function replaceAllBytes(b: Uint8Array, from: Uint8Array, to: Uint8Array, foldCase: boolean): Uint8Array {
  const matches = countMatches(b, from, foldCase);
  if (matches === 0) return b;
  const out = new Uint8Array(b.length + matches * (to.length - from.length));
  let o = 0;
  let i = 0;
  while (i < b.length) {
    if (i + from.length <= b.length && startsAt(b, i, from, foldCase)) {
      o = put(out, o, to);
      i += from.length;
    } else out[o++] = b[i++]!;
  }
  return out;
}

/** How many non-overlapping matches of `pattern` `b` holds, left to right. */
function countMatches(b: Uint8Array, pattern: Uint8Array, foldCase: boolean): number {
  let n = 0;
  let i = 0;
  while (i + pattern.length <= b.length) {
    if (startsAt(b, i, pattern, foldCase)) {
      n++;
      i += pattern.length;
    } else i++;
  }
  return n;
}

/*
 * IPS `\IPS\Request::legacyEscape()` (IPB 2/3 input cleaning, kept by IPS4 for legacy hashes) is
 * twelve str_replace calls, in this order (read in the IPS4 public copies, Request.php):
 *   1 & -> &amp;   2 <!-- -> &#60;&#33;--   3 --> -> --&#62;   4 <script (str_ireplace) -> &#60;script
 *   5 > -> &gt;   6 < -> &lt;   7 " -> &quot;   8 LF -> <br />   9 $ -> &#036;   10 ! -> &#33;
 *   11 ' -> &#39;   12 \ -> &#092;
 * Steps 5-12 each replace one byte, and no replacement holds a byte that a later one of them
 * replaces (<br /> only has < and >, done before): applied at once in one pass they give the same
 * bytes. Step 1 joins that pass when steps 2-4 find nothing (most passwords): &amp; holds no byte
 * of steps 5-12 and cannot make or break a pattern of steps 2-4. test/formula-text.test.ts checks
 * the whole against the twelve calls run one by one.
 */
const IPB_PATTERNS = [
  { from: latin1('<!--'), to: latin1('&#60;&#33;--'), foldCase: false }, // 2
  { from: latin1('-->'), to: latin1('--&#62;'), foldCase: false }, // 3
  { from: latin1('<script'), to: latin1('&#60;script'), foldCase: true }, // 4
];
const IPB_ONE_BYTE_STEPS = { '>': '&gt;', '<': '&lt;', '"': '&quot;', '\n': '<br />', $: '&#036;', '!': '&#33;', "'": '&#39;', '\\': '&#092;' };
const IPB_AMP = byteMap({ '&': '&amp;' });
const IPB_ONE_BYTE = byteMap(IPB_ONE_BYTE_STEPS);
const IPB_ONE_PASS = byteMap({ '&': '&amp;', ...IPB_ONE_BYTE_STEPS });

/** Whether ipbLegacyEscape changes this byte (steps 1 and 5-12; every pattern of 2-4 holds < or >). */
export function isIpbEscaped(c: number): boolean {
  return c < 256 && IPB_ONE_PASS[c] !== undefined;
}

/**
 * Whether no byte of `pw`'s UTF-8 (a string, or the bytes) is one `changed` picks, for cleanings
 * that change ASCII bytes only (html_escape, ipb_escape): such a byte of the UTF-8 is always an
 * ASCII unit of the string (multi-byte sequences are bytes >= 0x80), so the string is read by its
 * UTF-16 units, without encoding it.
 */
export function keepsEveryByte(pw: string | Uint8Array, changed: (c: number) => boolean): boolean {
  if (typeof pw === 'string') {
    for (let i = 0; i < pw.length; i++) {
      const c = pw.charCodeAt(i);
      if (c < 0x80 && changed(c)) return false;
    }
  } else {
    for (let i = 0; i < pw.length; i++) if (changed(pw[i]!)) return false;
  }
  return true;
}

/** IPS legacyEscape (steps above). Returns `b` itself when nothing is escaped (most passwords). */
export function ipbLegacyEscape(b: Uint8Array): Uint8Array {
  if (!hasIpbPattern(b)) return mapBytes(b, IPB_ONE_PASS); // 1 and 5-12
  let s = mapBytes(b, IPB_AMP); // 1
  for (const p of IPB_PATTERNS) s = replaceAllBytes(s, p.from, p.to, p.foldCase); // 2-4
  return mapBytes(s, IPB_ONE_BYTE); // 5-12
}

/** Does `b` hold a pattern of steps 2-4? (Each has a < or >: most passwords are ruled out at once.) */
function hasIpbPattern(b: Uint8Array): boolean {
  if (!b.includes(0x3c) && !b.includes(0x3e)) return false;
  return IPB_PATTERNS.some((p) => countMatches(b, p.from, p.foldCase) > 0);
}
