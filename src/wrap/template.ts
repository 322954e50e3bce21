/**
 * Finds the legacy digest inside a stored string and replaces it with a same-shaped placeholder
 * (all-zero bytes in the same encoding), so the rest of the string — salt, cost, variant —
 * can be kept in clear inside a wrapped hash while the digest itself is not.
 *
 * Generic over every scheme: the digest (`parsed.expected`) is looked for in each encoding the
 * formats use (hex, base64 variants, encoded text), then inside base64 blobs that also hold a
 * salt (LDAP {SSHA}, ASP.NET Identity, Atlassian). The caller re-parses the template to prove it.
 */
import { ascii } from '../core/bytes.js';
import { fromBase64, toAb64, toBase64, toBase64NoPad, toHex } from '../core/encoding.js';

type Encoder = (b: Uint8Array) => string;

const ENCODERS: readonly Encoder[] = [
  toHex,
  (b) => toHex(b).toUpperCase(),
  toBase64,
  toBase64NoPad,
  toAb64,
];

/** Placeholder for a digest compared as encoded text (phpass, bcrypt, crypt(3)). */
function textPlaceholder(text: string): string {
  if (/^[0-9a-f]+$/.test(text)) return '0'.repeat(text.length);
  if (/^[0-9A-F]+$/.test(text)) return '0'.repeat(text.length);
  if (/^[./0-9A-Za-z]+$/.test(text)) return '.'.repeat(text.length);
  return 'A'.repeat(text.length);
}

function isPrintableAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! < 0x21 || b[i]! > 0x7e) return false;
  return b.length > 0;
}

function replaceLast(s: string, find: string, repl: string): string {
  const i = s.lastIndexOf(find);
  return s.slice(0, i) + repl + s.slice(i + find.length);
}

/** Candidate templates, most specific first. Returns [] when the digest cannot be located. */
export function digestTemplates(stored: string, expected: Uint8Array): string[] {
  const out: string[] = [];
  const zeros = new Uint8Array(expected.length);
  if (isPrintableAscii(expected)) {
    const text = ascii(expected);
    if (stored.includes(text)) out.push(replaceLast(stored, text, textPlaceholder(text)));
  }
  for (const enc of ENCODERS) {
    const text = enc(expected);
    if (text.length >= 4 && stored.includes(text)) out.push(replaceLast(stored, text, enc(zeros)));
  }
  // Base64 blobs holding salt and digest together.
  for (const m of stored.matchAll(/[A-Za-z0-9+/]{8,}={0,2}/g)) {
    const blob = fromBase64(m[0]);
    if (!blob) continue;
    const at = indexOfBytes(blob, expected);
    if (at < 0) continue;
    const masked = new Uint8Array(blob);
    masked.fill(0, at, at + expected.length);
    const enc = m[0].endsWith('=') ? toBase64(masked) : toBase64NoPad(masked);
    out.push(stored.slice(0, m.index) + enc + stored.slice(m.index + m[0].length));
  }
  return out;
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  if (needle.length === 0 || needle.length > hay.length) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
