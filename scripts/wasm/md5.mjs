/**
 * Writes src/wasm/md5.wat: MD5 (RFC 1321) loops in WebAssembly for src/core/md5.ts.
 * Run through scripts/build-wasm.mjs (its MODULES table names this generator); the .wat it
 * returns is committed so a reviewer sees exactly what is compiled.
 *
 * Why generated: the compression is fully unrolled (64 steps with their message index, shift and
 * constant inline, no table loads, every word in a local) inside the loop, with no call or
 * memory round trip for the state; 64 hand-written steps would be 64 chances of a typo.
 *
 * Why WebAssembly: these loops are thousands of dependent compressions, so their speed is the
 * latency of the 64-step chain below. The module reaches it (8192 phpass rounds in ~0.65 ms on
 * the 2-core EPYC of docs/performance.md, as fast as gcc -O3 C); V8's optimised JavaScript of the
 * same steps took ~0.88 ms, and lost its optimised code when V8 invalidated a code dependency
 * (observed after child processes were spawned: 3-7x slower from then on).
 *
 * Critical path: MD5 is a chain of 64 dependent steps (a = b + rotl(a + f(b, c, d) + x + T, s)).
 * Each step's expression is written so that the part depending only on older words (a, x, T and,
 * for G and H, the c/d terms) is summed first and the newest word b enters last:
 *   F = d ^ (b & (c ^ d))                (2 operations after b)
 *   G = (c & ~d) + (b & d)               (the two halves have no common bits, so | equals +; 1 after b)
 *   H = b ^ (c ^ d)                      (1 after b)
 *   I = c ^ (b | ~d)                     (2 after b)
 */

/** T[i] = floor(|sin(i + 1)| * 2^32), RFC 1321 section 3.4 (spelled out; checked against Math.sin below). */
// prettier-ignore
const T = [
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];
for (let i = 0; i < 64; i++) {
  if (T[i] !== Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32)) throw new Error(`T[${i}] mistyped`);
}

/** Left-rotation amounts, per round (RFC 1321 S11..S44). */
const SHIFTS = [
  [7, 12, 17, 22],
  [5, 9, 14, 20],
  [4, 11, 16, 23],
  [6, 10, 15, 21],
];

/** Message word used by step i (RFC 1321: rounds 1-4 read words i, 5i+1, 3i+5, 7i, mod 16). */
const wordOf = (i) => [i, 5 * i + 1, 3 * i + 5, 7 * i][i >> 4] % 16;

/** A 32-bit constant as wat text (signed, as wabt prints it). */
const k32 = (x) => `(i32.const ${x | 0})`;
const get = (v) => `(local.get $${v})`;

/**
 * pre + f(b, c, d) for step i, where pre = a + T[i] + x is ready early and b is the word the
 * previous step just computed: the terms without b are added first (see the header).
 */
function plusF(i, pre, b, c, d) {
  const B = get(b), C = get(c), D = get(d);
  switch (i >> 4) {
    case 0: // F = d ^ (b & (c ^ d))
      return `(i32.add ${pre} (i32.xor ${D} (i32.and ${B} (i32.xor ${C} ${D}))))`;
    case 1: // G = (c & ~d) + (b & d)
      return `(i32.add (i32.add ${pre} (i32.and ${C} (i32.xor ${D} (i32.const -1)))) (i32.and ${B} ${D}))`;
    case 2: // H = b ^ (c ^ d)
      return `(i32.add ${pre} (i32.xor ${B} (i32.xor ${C} ${D})))`;
    default: // I = c ^ (b | ~d)
      return `(i32.add ${pre} (i32.xor ${C} (i32.or ${B} (i32.xor ${D} (i32.const -1)))))`;
  }
}

/**
 * The 64 steps on locals $a $b $c $d; `word(k)` is the wat expression of message word k.
 * Each step updates one of a, b, c, d in turn (the names rotate instead of the values).
 */
function steps(word) {
  const out = [];
  const names = ['a', 'b', 'c', 'd'];
  for (let i = 0; i < 64; i++) {
    // Step i updates names[(4 - i % 4) % 4] from the other three, newest first, as b, c, d.
    const r = (4 - (i % 4)) % 4;
    const a = names[r], b = names[(r + 1) % 4], c = names[(r + 2) % 4], d = names[(r + 3) % 4];
    const pre = `(i32.add (i32.add ${get(a)} ${k32(T[i])}) ${word(wordOf(i))})`;
    const rot = `(i32.rotl ${plusF(i, pre, b, c, d)} (i32.const ${SHIFTS[i >> 4][i % 4]}))`;
    out.push(`    (local.set $${a} (i32.add ${get(b)} ${rot}))`);
  }
  return out.join('\n');
}

const load = (k) => `(i32.load offset=${4 * k} (local.get $p))`;

/**
 * state s0..s3 += compression of each block from $p up to $end (both locals), in a loop around
 * one unrolled copy of the 64 steps. `pad` indents the text.
 */
function blockLoop(pad) {
  return `(loop $block
  (local.set $a (local.get $s0))
  (local.set $b (local.get $s1))
  (local.set $c (local.get $s2))
  (local.set $d (local.get $s3))
${steps(load).replace(/^ {4}/gm, '  ')}
  (local.set $s0 (i32.add (local.get $s0) (local.get $a)))
  (local.set $s1 (i32.add (local.get $s1) (local.get $b)))
  (local.set $s2 (i32.add (local.get $s2) (local.get $c)))
  (local.set $s3 (i32.add (local.get $s3) (local.get $d)))
  (br_if $block (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 64))) (local.get $end))))`.replace(/^/gm, pad);
}

/** Memory map (byte offsets), shared with src/core/md5.ts. */
const LAYOUT = `;; Memory (64 KiB pages; src/core/md5.ts grows it for long passwords), byte offsets:
;;   16..32     h: the digest carried from round to round (read and written by JavaScript)
;;   64..736    the round table: up to 42 entries of 4 words (see $rounds)
;;   768..1440  the entries' starting states (16 bytes each)
;;   1472..1488 the state of short digests ($compress from JavaScript, src/core/wasm.ts)
;;   1536..1664 their (up to two) blocks
;;   2048..     messages: padded, little-endian as hashed (JavaScript writes the bytes; no swaps here)
;; Everything but the code is written by JavaScript, which also wipes it after each call.`;

export default function generate() {
  return `;; MD5 (RFC 1321) loops in WebAssembly, for src/core/md5.ts.
;; GENERATED by scripts/wasm/md5.mjs (node scripts/build-wasm.mjs): edit the generator, not this file.
;;
${LAYOUT}
(module
  (memory (export "memory") 1)

  ;; $count times h = md5(message of round i), for loops whose messages differ only in where h
  ;; sits: md5crypt (42 layouts) and phpass (one: h . password). Round i uses entry
  ;; i mod $period of the table at $table, 4 words: [address of the first block that holds h,
  ;; blocks from there to the end, address of h in the message, address of the state after the
  ;; blocks before it (constant: precomputed by JavaScript)]. h (at byte 16) is written into the
  ;; message, unaligned, before the blocks are hashed; it stays in locals between rounds.
  (func (export "rounds") (param $table i32) (param $period i32) (param $count i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $h0 i32) (local $h1 i32) (local $h2 i32) (local $h3 i32)
    (local $e i32) (local $p i32) (local $end i32) (local $q i32) (local $k i32)
    (local.set $h0 (i32.load offset=16 (i32.const 0)))
    (local.set $h1 (i32.load offset=20 (i32.const 0)))
    (local.set $h2 (i32.load offset=24 (i32.const 0)))
    (local.set $h3 (i32.load offset=28 (i32.const 0)))
    (block $done
      (br_if $done (i32.eqz (local.get $count)))
      (loop $round
        (local.set $e (i32.add (local.get $table) (i32.shl (local.get $k) (i32.const 4))))
        (local.set $p (i32.load offset=0 (local.get $e)))
        (local.set $end (i32.add (local.get $p) (i32.shl (i32.load offset=4 (local.get $e)) (i32.const 6))))
        (local.set $q (i32.load offset=8 (local.get $e)))
        (i32.store offset=0 align=1 (local.get $q) (local.get $h0))
        (i32.store offset=4 align=1 (local.get $q) (local.get $h1))
        (i32.store offset=8 align=1 (local.get $q) (local.get $h2))
        (i32.store offset=12 align=1 (local.get $q) (local.get $h3))
        (local.set $q (i32.load offset=12 (local.get $e)))
        (local.set $s0 (i32.load offset=0 (local.get $q)))
        (local.set $s1 (i32.load offset=4 (local.get $q)))
        (local.set $s2 (i32.load offset=8 (local.get $q)))
        (local.set $s3 (i32.load offset=12 (local.get $q)))
${blockLoop('        ')}
        (local.set $h0 (local.get $s0))
        (local.set $h1 (local.get $s1))
        (local.set $h2 (local.get $s2))
        (local.set $h3 (local.get $s3))
        ;; k = (k + 1) mod period
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $k (select (i32.const 0) (local.get $k) (i32.eq (local.get $k) (local.get $period))))
        (br_if $round (local.tee $count (i32.sub (local.get $count) (i32.const 1))))))
    (i32.store offset=16 (i32.const 0) (local.get $h0))
    (i32.store offset=20 (i32.const 0) (local.get $h1))
    (i32.store offset=24 (i32.const 0) (local.get $h2))
    (i32.store offset=28 (i32.const 0) (local.get $h3)))

  ;; The state (4 words) at $s += compression of the block at $p: short digests (a password, a
  ;; salted password, hex digests, an HMAC's key block and message) from JavaScript.
  (func (export "compress") (param $s i32) (param $p i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $end i32)
    (local.set $s0 (i32.load offset=0 (local.get $s)))
    (local.set $s1 (i32.load offset=4 (local.get $s)))
    (local.set $s2 (i32.load offset=8 (local.get $s)))
    (local.set $s3 (i32.load offset=12 (local.get $s)))
    (local.set $end (i32.add (local.get $p) (i32.const 64)))
${blockLoop('    ')}
    (i32.store offset=0 (local.get $s) (local.get $s0))
    (i32.store offset=4 (local.get $s) (local.get $s1))
    (i32.store offset=8 (local.get $s) (local.get $s2))
    (i32.store offset=12 (local.get $s) (local.get $s3))))
`;
}
