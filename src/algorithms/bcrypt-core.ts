/**
 * bcrypt's computation core: EksBlowfish with the key expansion of each implementation that wrote
 * bcrypt hashes, bit-exact. Parsing the `$2?$cc$` string, limits and comparison live elsewhere;
 * this file turns (password bytes, 16 salt bytes, cost, key mode) into the 23 raw hash bytes.
 *
 * References (read for this file):
 * - php-src ext/standard/crypt_blowfish.c (Openwall crypt_blowfish 1.3): BF_set_key (bug and
 *   safety flags, `initial[0] ^= 0x10000`), BF_crypt (schedule order, salt cycling, 23 of 24
 *   output bytes), flags_by_subtype (`a` = safety, `x` = bug, `b`/`y` = correct).
 * - OpenBSD lib/libc/crypt/bcrypt.c r1.22 (2007, pre-5.5): `u_int8_t key_len = strlen(key) +
 *   (minor >= 'a' ? 1 : 0)`, i.e. `$2$` counts no NUL and both wrap modulo 256; current
 *   bcrypt.c keeps `key_len = (u_int8_t)(strlen(key) + 1)` for `$2a$` and caps `$2b$` at 72 + NUL.
 *   blf.c Blowfish_stream2word cycles over key_len bytes and with key_len 0 keeps reading key[0].
 * - passlib 1.7.4 crypto/_blowfish raw_bcrypt: `$2$` = password without NUL, cycled; the empty
 *   password gives an all-zero key.
 *
 * Two engines run the schedule (the whole cost: 2^(cost+1) key schedules of 521 Blowfish block
 * encryptions each), both fed by the same key expansion (`setKey`, every mode):
 * - 'wasm' (used whenever the thread has WebAssembly): src/wasm/bcrypt.wat via bcrypt-wasm.ts;
 *   as fast as native bcrypt (bench/bcrypt.mjs, cost 10 and 12: 0.99-1.01x the CPU time of
 *   @node-rs/bcrypt and PHP password_verify, every mode).
 * - 'js': the TypeScript schedule below, ~1.2x native (V8 keeps bounds checks on the S-box
 *   loads). The fallback where WebAssembly is unavailable (node --jitless, an embedder that
 *   forbids code generation), and the second implementation the wasm engine is differentially
 *   tested against. Its state lives in one module-level Int32Array (S-boxes, then P at 1024)
 *   reused between calls; the hot loop (`chain`) holds the 18 round keys in locals and has the
 *   16 rounds unrolled, so each round is four table loads, two adds and three xors, with the
 *   round key XOR-ed in off the round-to-round dependency chain.
 */

import { BLOWFISH_INIT, P, STATE_WORDS } from './blowfish-tables.js';
import { eksBlowfishWasm } from './bcrypt-wasm.js';

/** How the key bytes are expanded: which implementation produced the hash. */
export type BcryptKeyMode =
  /** `$2b$`, `$2y$` (crypt_blowfish), OpenBSD >= 5.5 `$2b$`: bytes up to the first NUL, + NUL, cycled over 72 bytes. */
  | 'correct'
  /** `$2x$`: crypt_blowfish's pre-1.1 (June 2011) `(signed char)` bug, CVE-2011-2483. */
  | 'sign-extension-bug'
  /** `$2a$` as crypt_blowfish >= 1.1 / PHP >= 5.3.7 computes it (the 0x10000 countermeasure). */
  | 'safety'
  /** OpenBSD <= 5.4 `$2a$`: key length kept in 8 bits, so 255+ byte passwords wrap around. */
  | 'openbsd-2a'
  /** Original 1997 OpenBSD `$2$`: no NUL terminator in the key (and the same 8-bit length). */
  | 'no-nul';

/**
 * Which implementation runs the expensive schedule: 'auto' = wasm where available, else js.
 * 'wasm' throws where WebAssembly is unavailable (tests and the benchmark pin an engine).
 */
export type BcryptEngine = 'auto' | 'wasm' | 'js';

/** Bytes of the raw hash bcrypt encodes: 23 of the 24 ciphertext bytes (31 bcrypt64 chars). */
export const BCRYPT_RAW_BYTES = 23;
export const BCRYPT_SALT_BYTES = 16;
export const BCRYPT_MIN_COST = 4;
export const BCRYPT_MAX_COST = 31;

/** Blowfish's P-array has 16 + 2 words; bcrypt's key schedule is 18 words = 72 bytes. */
const KEY_WORDS = 18;
/** Bit 16 of P[0]: the bit crypt_blowfish flips for the `$2a$` countermeasure (BF_set_key). */
const SAFETY_BIT = 0x10000;
/** "OrpheanBeholderScryDoubt" as six big-endian words: the plaintext bcrypt encrypts 64 times. */
const MAGIC = [0x4f727068, 0x65616e42, 0x65686f6c, 0x64657253, 0x63727944, 0x6f756274] as const;

// Scratch reused by every call (the function is synchronous and never re-entered, so sharing is
// safe and spares allocating 4 KiB of state per verification).
const state = new Int32Array(STATE_WORDS);
/**
 * Key words XOR-ed into P by every ExpandKey; the first (salted) one also XORs the safety bit
 * (`setKey`'s result) into word 0.
 */
const loopKey = new Int32Array(KEY_WORDS);
const saltWords = new Int32Array(4);
/** Output of `encrypt` (L, R): module-level so no array is allocated per block. */
const block = new Int32Array(2);

/**
 * The 23 bytes bcrypt encodes (31 bcrypt64 chars) for `password` under `mode`.
 * `salt` must be 16 bytes and `cost` an integer 4..31 (2^cost rounds); callers enforce their
 * own cost ceiling before calling.
 */
export function bcryptRaw(
  password: Uint8Array,
  salt: Uint8Array,
  cost: number,
  mode: BcryptKeyMode,
  engine: BcryptEngine = 'auto',
): Uint8Array {
  if (salt.length !== BCRYPT_SALT_BYTES) throw new RangeError('bcrypt salt must be 16 bytes');
  if (!Number.isInteger(cost) || cost < BCRYPT_MIN_COST || cost > BCRYPT_MAX_COST) {
    throw new RangeError('bcrypt cost must be an integer 4..31');
  }
  const firstKeyXor = setKey(password, mode);
  for (let i = 0; i < 4; i++) {
    saltWords[i] =
      (salt[4 * i]! << 24) | (salt[4 * i + 1]! << 16) | (salt[4 * i + 2]! << 8) | salt[4 * i + 3]!;
  }
  const out = new Uint8Array(24);
  try {
    if (engine === 'js' || !eksBlowfishWasm(loopKey, firstKeyXor, saltWords, cost, out)) {
      if (engine === 'wasm') throw new Error('WebAssembly is not available in this thread');
      eksBlowfishJs(firstKeyXor, cost, out);
    }
  } finally {
    // Do not leave password-derived words in module memory between calls (the key words are
    // the password bytes themselves); crypt_blowfish overwrites its stack with a self-test for
    // the same reason. Costs well under a microsecond.
    loopKey.fill(0);
    saltWords.fill(0);
  }
  return out.subarray(0, BCRYPT_RAW_BYTES);
}

/** The TypeScript schedule: same contract as eksBlowfishWasm (key in loopKey, salt in saltWords). */
function eksBlowfishJs(firstKeyXor: number, cost: number, out: Uint8Array): void {
  const s = state;
  s.set(BLOWFISH_INIT);

  // ExpandKey(state, salt, key): P ^= key, then encrypt a chain through P and the S-boxes, XOR-ing
  // the salt words into each block first (salt[0..1], salt[2..3], salt[0..1], ... continuing
  // across the P/S boundary exactly as BF_crypt does).
  for (let i = 0; i < KEY_WORDS; i++) s[P + i] = s[P + i]! ^ loopKey[i]!;
  s[P] = s[P]! ^ firstKeyXor;
  const s0 = saltWords[0]!;
  const s1 = saltWords[1]!;
  const s2 = saltWords[2]!;
  const s3 = saltWords[3]!;
  let l = 0;
  let r = 0;
  for (let i = 0; i < KEY_WORDS; i += 4) {
    encrypt(s, l ^ s0, r ^ s1);
    l = s[P + i] = block[0]!;
    r = s[P + i + 1] = block[1]!;
    if (i + 2 >= KEY_WORDS) break;
    encrypt(s, l ^ s2, r ^ s3);
    l = s[P + i + 2] = block[0]!;
    r = s[P + i + 3] = block[1]!;
  }
  // 18 P words = 4.5 salt cycles, so the S-boxes start on salt[2..3].
  for (let i = 0; i < P; i += 4) {
    encrypt(s, l ^ s2, r ^ s3);
    l = s[i] = block[0]!;
    r = s[i + 1] = block[1]!;
    encrypt(s, l ^ s0, r ^ s1);
    l = s[i + 2] = block[0]!;
    r = s[i + 3] = block[1]!;
  }

  // 2^cost times: ExpandKey(state, 0, key) then ExpandKey(state, 0, salt). A float counter
  // because 1 << 31 overflows int32.
  for (let n = 2 ** cost; n > 0; n--) {
    for (let i = 0; i < KEY_WORDS; i++) s[P + i] = s[P + i]! ^ loopKey[i]!;
    chain(s);
    for (let i = 0; i < KEY_WORDS; i += 4) {
      s[P + i] = s[P + i]! ^ s0;
      s[P + i + 1] = s[P + i + 1]! ^ s1;
      if (i + 2 >= KEY_WORDS) break;
      s[P + i + 2] = s[P + i + 2]! ^ s2;
      s[P + i + 3] = s[P + i + 3]! ^ s3;
    }
    chain(s);
  }

  // Encrypt "OrpheanBeholderScryDoubt" 64 times in ECB mode, block by block.
  for (let b = 0; b < 6; b += 2) {
    l = MAGIC[b]!;
    r = MAGIC[b + 1]!;
    for (let k = 0; k < 64; k++) {
      encrypt(s, l, r);
      l = block[0]!;
      r = block[1]!;
    }
    writeBE(out, 4 * b, l);
    writeBE(out, 4 * b + 4, r);
  }
  s.fill(0);
}

/**
 * Fills loopKey from the password, as BF_set_key (crypt_blowfish) or OpenBSD's
 * Blowfish_stream2word would: 72 bytes taken cyclically from the first `len` bytes of the
 * C string (password up to its first NUL, then that NUL at index n). Returns what to XOR into
 * the first expansion's key word 0: the `$2a$` safety bit, or 0.
 */
function setKey(password: Uint8Array, mode: BcryptKeyMode): number {
  let n = password.indexOf(0);
  if (n < 0) n = password.length;

  // How many bytes of the C string the key cycles over.
  let len: number;
  if (mode === 'openbsd-2a') {
    // u_int8_t key_len = strlen(key) + 1: 255 bytes -> 0, 256 -> 1, 300 -> 45 (no NUL reached).
    len = (n + 1) & 0xff;
  } else if (mode === 'no-nul') {
    // u_int8_t key_len = strlen(key): the NUL is never part of the key.
    len = n & 0xff;
  } else {
    // crypt_blowfish: `if (!*ptr) ptr = key; else ptr++;` cycles over the bytes and their NUL.
    len = n + 1;
  }
  // stream2word with key_len 0 resets to index 0 before every byte: key[0] repeated (for an
  // empty `$2$` password that is the NUL, so the key is all zeros, as passlib also computes).
  if (len === 0) len = 1;

  const bug = mode === 'sign-extension-bug';
  let pos = 0;
  let sign = 0; // bit 7 set once a byte >= 0x80 sat at byte 2..4 of a word (its extension hit earlier bytes)
  let diff = 0; // non-zero once the buggy and correct words differ anywhere
  for (let i = 0; i < KEY_WORDS; i++) {
    let correct = 0;
    let buggy = 0;
    for (let j = 0; j < 4; j++) {
      const c = pos < n ? password[pos]! : 0;
      correct = (correct << 8) | c;
      // (BF_word_signed)(signed char)c: bytes >= 0x80 become 0xFFFFFF80..0xFFFFFFFF and the OR
      // wipes the bytes already shifted into this word (the bug).
      buggy = (buggy << 8) | ((c << 24) >> 24);
      // A sign extension on the first byte of a word is shifted out entirely: harmless.
      if (j !== 0) sign |= buggy & 0x80;
      pos = pos + 1 === len ? 0 : pos + 1;
    }
    diff |= correct ^ buggy;
    loopKey[i] = bug ? buggy : correct;
  }
  // $2a$ countermeasure: when a harmful sign extension happened yet the buggy expansion equals the
  // correct one (possible only with some 0xff-containing keys), a buggy-algorithm password
  // collides with this one; crypt_blowfish then flips bit 16 of the first expansion's key only.
  return mode === 'safety' && diff === 0 && sign !== 0 ? SAFETY_BIT : 0;
}

/**
 * One Blowfish block encryption with the round keys read from the table (for the parts where P is
 * changing or that run a fixed number of times); result in `block`.
 */
function encrypt(s: Int32Array, l: number, r: number): void {
  l ^= s[P]!;
  r = r ^ s[P + 1]! ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
  l = l ^ s[P + 2]! ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
  r = r ^ s[P + 3]! ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
  l = l ^ s[P + 4]! ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
  r = r ^ s[P + 5]! ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
  l = l ^ s[P + 6]! ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
  r = r ^ s[P + 7]! ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
  l = l ^ s[P + 8]! ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
  r = r ^ s[P + 9]! ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
  l = l ^ s[P + 10]! ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
  r = r ^ s[P + 11]! ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
  l = l ^ s[P + 12]! ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
  r = r ^ s[P + 13]! ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
  l = l ^ s[P + 14]! ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
  r = r ^ s[P + 15]! ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
  l = l ^ s[P + 16]! ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
  // Blowfish's final "undo the last swap": the new L is R ^ P[17], the new R is L.
  block[0] = r ^ s[P + 17]!;
  block[1] = l;
}

/**
 * ExpandKey(state, 0, -) after the key (or salt) has been XOR-ed into P: encrypt a zero block,
 * write it over P[0..1], encrypt that, write over P[2..3], ... through P and all four S-boxes.
 * This is ~100% of bcrypt's run time; see the file comment for how it is kept fast.
 */
function chain(s: Int32Array): void {
  let l = 0;
  let r = 0;
  // P phase: each block changes the round keys the next one uses, so read them from the table.
  for (let i = P; i < P + KEY_WORDS; i += 2) {
    encrypt(s, l, r);
    l = s[i] = block[0]!;
    r = s[i + 1] = block[1]!;
  }
  // S phase: P is final now; keep the 18 round keys in locals for the 512 blocks that rewrite the
  // S-boxes. Each round XORs its round key into the half being updated before F is known, so only
  // F's four adds/xors sit on the round-to-round dependency chain (as in crypt_blowfish's BF_ROUND).
  // Box offsets are literals (S0..S3 at 0, 256, 512, 768; blowfish-tables.ts) so V8 emits them
  // as immediates.
  const p0 = s[P]!, p1 = s[P + 1]!, p2 = s[P + 2]!, p3 = s[P + 3]!, p4 = s[P + 4]!, p5 = s[P + 5]!;
  const p6 = s[P + 6]!, p7 = s[P + 7]!, p8 = s[P + 8]!, p9 = s[P + 9]!, p10 = s[P + 10]!, p11 = s[P + 11]!;
  const p12 = s[P + 12]!, p13 = s[P + 13]!, p14 = s[P + 14]!, p15 = s[P + 15]!, p16 = s[P + 16]!, p17 = s[P + 17]!;
  for (let i = 0; i < 1024; i += 2) {
    l ^= p0;
    r = r ^ p1 ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
    l = l ^ p2 ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
    r = r ^ p3 ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
    l = l ^ p4 ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
    r = r ^ p5 ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
    l = l ^ p6 ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
    r = r ^ p7 ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
    l = l ^ p8 ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
    r = r ^ p9 ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
    l = l ^ p10 ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
    r = r ^ p11 ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
    l = l ^ p12 ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
    r = r ^ p13 ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
    l = l ^ p14 ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
    r = r ^ p15 ^ (((s[l >>> 24]! + s[256 | ((l >>> 16) & 0xff)]!) ^ s[512 | ((l >>> 8) & 0xff)]!) + s[768 | (l & 0xff)]!);
    l = l ^ p16 ^ (((s[r >>> 24]! + s[256 | ((r >>> 16) & 0xff)]!) ^ s[512 | ((r >>> 8) & 0xff)]!) + s[768 | (r & 0xff)]!);
    const t = r ^ p17;
    r = l;
    l = t;
    s[i] = l;
    s[i + 1] = r;
  }
}

function writeBE(out: Uint8Array, at: number, w: number): void {
  out[at] = w >>> 24;
  out[at + 1] = (w >>> 16) & 0xff;
  out[at + 2] = (w >>> 8) & 0xff;
  out[at + 3] = w & 0xff;
}
