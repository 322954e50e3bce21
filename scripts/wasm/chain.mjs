/**
 * Writes src/wasm/chain.wat: the digest-chain machine behind src/core/chain.ts (issue #8).
 *
 * Why: a cheap salted scheme is a few short digests glued together (`md5(md5($pw) . $salt)`),
 * and on the JavaScript side the glue cost more than the digests: copying each message into a
 * module, padding it, reading the state back, hex-encoding it into a new array, copying that into
 * the next message. Here the whole chain runs in one call: JavaScript writes the inputs once, the
 * module assembles each message, pads, compresses, hex-encodes and feeds the next digest, and
 * JavaScript reads one result.
 *
 * The four compressions are the ones of the single-algorithm modules (md5.wat, sha1.wat,
 * sha256.wat, sha512.wat), taken from their generators' output unchanged, so the chain hashes
 * with the very code the crypt loops use. SHA-224 and SHA-384 are SHA-256 and SHA-512 with
 * another initial state and a shorter output (FIPS 180-4 §5.3.2, §5.3.4).
 *
 * Program (int32 words, written once per formula by src/core/chain.ts):
 *   1 alg out mode n s1..sn         out = digest(alg) of slots s1..sn concatenated
 *   2 alg out mode key n s1..sn     out = HMAC(alg, key slot, s1..sn concatenated) (RFC 2104)
 *   0 slot                          end: that slot is the program's result
 * mode: 0 raw bytes, 1 lower-case hex, 2 upper-case hex. A slot is an (offset, length) pair in
 * the slot table; src/core/chain.ts documents which slot holds what.
 *
 * Two ways to run a program: run() copies the result to OUT for JavaScript to read; check()
 * compares it, in constant time, with the stored digest (raw, or hex or base64 text that the
 * module decodes), so a whole verification is one call (JavaScript writes the stored string
 * once, and salts are slots pointing into it).
 */
import md5 from './md5.mjs';
import sha1 from './sha1.mjs';
import sha256 from './sha256.mjs';
import sha512 from './sha512.mjs';
import { primeRootFractions } from './sha2.mjs';

/**
 * The `compress` function of a generated module, renamed `$name` and no longer exported.
 * Every compress takes (state, block) pointers and keeps its constants inline, so it runs at any
 * address of this module's memory.
 */
function compressOf(wat, name) {
  const start = wat.search(/\(func (\$compress )?\(export "compress"\)/);
  if (start < 0) throw new Error(`${name}: no compress function`);
  let depth = 0;
  let end = start;
  for (; end < wat.length; end++) {
    if (wat[end] === '(') depth++;
    else if (wat[end] === ')' && --depth === 0) break;
  }
  const text = wat.slice(start, end + 1);
  return text.replace(/^\(func (\$compress )?\(export "compress"\)/, `(func $${name}`);
}

/** Little-endian bytes of 32-bit words, as a wat data string. */
function words32(list) {
  const b = Buffer.alloc(list.length * 4);
  list.forEach((w, i) => b.writeUInt32LE(w >>> 0, i * 4));
  return [...b].map((x) => `\\${x.toString(16).padStart(2, '0')}`).join('');
}

/** Little-endian bytes of 64-bit words (BigInt), as a wat data string. */
function words64(list) {
  const b = Buffer.alloc(list.length * 8);
  list.forEach((w, i) => b.writeBigUInt64LE(w, i * 8));
  return [...b].map((x) => `\\${x.toString(16).padStart(2, '0')}`).join('');
}

// Initial states, as the compressions read them (native words holding each algorithm's words).
// MD5 (RFC 1321 §3.3) and SHA-1 (FIPS 180-4 §5.3.1) spell theirs out; the SHA-2 ones are computed
// by their definition (scripts/wasm/sha2.mjs primeRootFractions), as the SHA-2 generators do.
const MD5_IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
const SHA1_IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
/** FIPS 180-4 §5.3.3 / §5.3.5: first 32 / 64 bits of the fractional parts of the square roots of the first 8 primes. */
const SHA256_IV = primeRootFractions(8, 2, 32).map(Number);
const SHA512_IV = primeRootFractions(8, 2, 64);
/** §5.3.4: first 64 bits for the 9th to 16th primes; §5.3.2 (SHA-224): their second 32 bits. */
const SHA384_IV = primeRootFractions(16, 2, 64).slice(8);
const SHA224_IV = SHA384_IV.map((w) => Number(w & 0xffffffffn));

/**
 * Per algorithm (index = the alg code of src/core/chain.ts): IV offset, block bytes, byte flip
 * (message byte k goes to block + (k ^ flip): 0 for MD5's little-endian words, 3 and 7 for the
 * SHAs' big-endian 32- and 64-bit words), digest bytes.
 */
const ALGS = [
  { name: 'md5', iv: 0, block: 64, flip: 0, out: 16 },
  { name: 'sha1', iv: 16, block: 64, flip: 3, out: 20 },
  { name: 'sha224', iv: 48, block: 64, flip: 3, out: 28 },
  { name: 'sha256', iv: 80, block: 64, flip: 3, out: 32 },
  { name: 'sha384', iv: 112, block: 128, flip: 7, out: 48 },
  { name: 'sha512', iv: 176, block: 128, flip: 7, out: 64 },
];

/** A `(select ...)`-free lookup of a per-algorithm constant: a chain of ifs on $alg. */
function perAlg(field) {
  let text = `(i32.const ${ALGS[ALGS.length - 1][field]})`;
  for (let i = ALGS.length - 2; i >= 0; i--) {
    text = `(if (result i32) (i32.eq (local.get $alg) (i32.const ${i})) (then (i32.const ${ALGS[i][field]})) (else ${text}))`;
  }
  return text;
}

const LAYOUT = `;; Memory, byte offsets (src/core/chain.ts reads the same numbers from the exported globals):
;;   0..240      initial states (data), 256..288 hex digits lower then upper (data)
;;   320..384    STATE, 384..512 BLOCK (one message block), 512..640 PAD (HMAC key block),
;;   640..704    INNER (HMAC inner digest, or a long key's digest), 704..832 OUT (the result)
;;   1024..3072  RESULTS: 16 results of up to 128 bytes (a SHA-512 hex digest)
;;   3072..3280  SLOTS: 26 (offset, length) pairs
;;   4096..4864  HEX_VALUES: each byte's value as a hex digit of either case, lower case, upper
;;               case (three tables), 0xff when not one (data)
;;   4864..5120  BASE64_VALUES: the same for base64 digits (data)
;;   5120..6144  DECODED: a stored value decoded from base64 (not secret)
;;   7168..262144 HEAP: programs and literals, written once per formula (room for hundreds)
;;   262144..266240 TEXT: the stored string of a check (ASCII; not secret)
;;   266240..331784 INPUT: the password and the other inputs of one run (64 KiB + 8)
;; JavaScript writes the inputs and slots 0..7; run() and check() wipe everything a run wrote
;; but OUT, which JavaScript reads and wipes.`;

/** A 256-byte table as a wat data string: each byte's value as a digit of `digits`, 0xff when not one. */
function digitValues(...digits) {
  const t = new Array(256).fill(0xff);
  for (const d of digits) for (let i = 0; i < d.length; i++) t[d.charCodeAt(i)] = i;
  return t.map((x) => `\\${x.toString(16).padStart(2, '0')}`).join('');
}

export default function generate() {
  const parts = [md5(), sha1(), sha256(), sha512()];
  const compressions = ALGS.filter((a, i) => i !== 2 && i !== 4).map((a, i) => compressOf(parts[i], `${a.name}_compress`));
  return `;; The digest-chain machine (issue #8): a whole chain of short digests in one call.
;; GENERATED by scripts/wasm/chain.mjs (node scripts/build-wasm.mjs): edit the generator, not this file.
${LAYOUT}
(module
  (memory (export "memory") 6)
  (global $STATE i32 (i32.const 320))
  (global $BLOCK i32 (i32.const 384))
  (global $PAD i32 (i32.const 512))
  (global $INNER i32 (i32.const 640))
  (global $OUT (export "OUT") i32 (i32.const 704))
  (global $RESULTS (export "RESULTS") i32 (i32.const 1024))
  (global $SLOTS (export "SLOTS") i32 (i32.const 3072))
  (global (export "HEAP") i32 (i32.const 7168))
  (global (export "HEAP_END") i32 (i32.const 262144))
  (global $HEX_VALUES i32 (i32.const 4096))
  (global $BASE64_VALUES i32 (i32.const 4864))
  (global (export "DECODED") i32 (i32.const 5120))
  (global (export "TEXT") i32 (i32.const 262144))
  (global $INPUT (export "INPUT") i32 (i32.const 266240))
  ;; Slot numbers: 0..7 inputs (JavaScript), 8 the HMAC key block, 9 the HMAC inner digest,
  ;; 10..25 results; a literal is -(address of its pair in the program).
  (global $PAD_SLOT i32 (i32.const 8))
  (global $INNER_SLOT i32 (i32.const 9))
  (global $FIRST_RESULT (export "FIRST_RESULT") i32 (i32.const 10))
  (data (i32.const 0) "${words32(MD5_IV)}")
  (data (i32.const 16) "${words32(SHA1_IV)}")
  (data (i32.const 48) "${words32(SHA224_IV)}")
  (data (i32.const 80) "${words32(SHA256_IV)}")
  (data (i32.const 112) "${words64(SHA384_IV)}")
  (data (i32.const 176) "${words64(SHA512_IV)}")
  (data (i32.const 256) "0123456789abcdef0123456789ABCDEF")
  (data (i32.const 4096) "${digitValues('0123456789abcdef', '0123456789ABCDEF')}")
  (data (i32.const 4352) "${digitValues('0123456789abcdef')}")
  (data (i32.const 4608) "${digitValues('0123456789ABCDEF')}")
  (data (i32.const 4864) "${digitValues('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}")

  ${compressions.join('\n\n  ')}

  (func $compress (param $alg i32)
    (if (i32.eqz (local.get $alg)) (then (call $md5_compress (global.get $STATE) (global.get $BLOCK)) (return)))
    (if (i32.eq (local.get $alg) (i32.const 1)) (then (call $sha1_compress (global.get $STATE) (global.get $BLOCK)) (return)))
    (if (i32.le_u (local.get $alg) (i32.const 3)) (then (call $sha256_compress (global.get $STATE) (global.get $BLOCK)) (return)))
    (call $sha512_compress (global.get $STATE) (global.get $BLOCK)))

  ;; Zeroes $n bytes (a multiple of 8) at $at. Perf: for the short ranges here, plain stores cost
  ;; less than a memory.fill, which V8 runs as a call out of the module.
  (func $zero (param $at i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $at) (local.get $n)))
    (block $done
      (loop $words
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (i64.store (local.get $at) (i64.const 0))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $words))))

  ;; Where a slot's (offset, length) pair is: in the slot table, or for a literal (a negative
  ;; number below -1) in its program, at the address -slot.
  (func $entry (param $slot i32) (result i32)
    (if (result i32) (i32.ge_s (local.get $slot) (i32.const 0))
      (then (i32.add (global.get $SLOTS) (i32.shl (local.get $slot) (i32.const 3))))
      (else (i32.sub (i32.const 0) (local.get $slot)))))
  (func $slot_offset (param $slot i32) (result i32)
    (i32.load (call $entry (local.get $slot))))
  (func $slot_length (param $slot i32) (result i32)
    (i32.load offset=4 (call $entry (local.get $slot))))
  (func $set_slot (param $slot i32) (param $offset i32) (param $length i32)
    (local $at i32)
    (local.set $at (i32.add (global.get $SLOTS) (i32.shl (local.get $slot) (i32.const 3))))
    (i32.store (local.get $at) (local.get $offset))
    (i32.store offset=4 (local.get $at) (local.get $length)))

  ;; Digest of slot $first (none when negative) then the $n slots listed at $list, written at $out
  ;; as mode says (0 raw, 1 lower hex, 2 upper hex). Returns the bytes written.
  (func $hash (param $alg i32) (param $first i32) (param $list i32) (param $n i32) (param $out i32) (param $mode i32) (result i32)
    (local $bb i32) (local $flip i32) (local $pos i32) (local $total i32) (local $k i32)
    (local $slot i32) (local $src i32) (local $end i32) (local $len i32) (local $byte i32) (local $digits i32)
    (local $bits i64)
    (local.set $bb ${perAlg('block')})
    (local.set $flip ${perAlg('flip')})
    ;; The initial state: 64 bytes from the algorithm's IV (a shorter IV's followers are never read).
    (local.set $src ${perAlg('iv')})
    (i64.store offset=0 (global.get $STATE) (i64.load offset=0 (local.get $src)))
    (i64.store offset=8 (global.get $STATE) (i64.load offset=8 (local.get $src)))
    (i64.store offset=16 (global.get $STATE) (i64.load offset=16 (local.get $src)))
    (i64.store offset=24 (global.get $STATE) (i64.load offset=24 (local.get $src)))
    (i64.store offset=32 (global.get $STATE) (i64.load offset=32 (local.get $src)))
    (i64.store offset=40 (global.get $STATE) (i64.load offset=40 (local.get $src)))
    (i64.store offset=48 (global.get $STATE) (i64.load offset=48 (local.get $src)))
    (i64.store offset=56 (global.get $STATE) (i64.load offset=56 (local.get $src)))
    (call $zero (global.get $BLOCK) (local.get $bb))
    ;; k = -1 reads $first, then k = 0..n-1 the listed slots.
    (local.set $k (i32.const -1))
    (loop $parts
      (local.set $slot
        (if (result i32) (i32.lt_s (local.get $k) (i32.const 0))
          (then (local.get $first))
          (else (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))))
      (if (i32.ne (local.get $slot) (i32.const -1))
        (then
          (local.set $src (call $slot_offset (local.get $slot)))
          (local.set $end (i32.add (local.get $src) (call $slot_length (local.get $slot))))
          (local.set $total (i32.add (local.get $total) (call $slot_length (local.get $slot))))
          (block $done
            (loop $bytes
              (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
              (i32.store8 (i32.add (global.get $BLOCK) (i32.xor (local.get $pos) (local.get $flip))) (i32.load8_u (local.get $src)))
              (local.set $src (i32.add (local.get $src) (i32.const 1)))
              (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
              (if (i32.eq (local.get $pos) (local.get $bb))
                (then
                  (call $compress (local.get $alg))
                  (call $zero (global.get $BLOCK) (local.get $bb))
                  (local.set $pos (i32.const 0))))
              (br $bytes)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $parts (i32.lt_s (local.get $k) (local.get $n))))
    ;; Padding: 0x80, zeros, the length in bits (8 bytes; 16 for SHA-384/512) ending the block.
    (i32.store8 (i32.add (global.get $BLOCK) (i32.xor (local.get $pos) (local.get $flip))) (i32.const 0x80))
    (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
    (if (i32.gt_u (local.get $pos) (i32.sub (local.get $bb) (if (result i32) (i32.eq (local.get $bb) (i32.const 128)) (then (i32.const 16)) (else (i32.const 8)))))
      (then
        (call $compress (local.get $alg))
        (call $zero (global.get $BLOCK) (local.get $bb))))
    (local.set $bits (i64.shl (i64.extend_i32_u (local.get $total)) (i64.const 3)))
    (if (i32.eqz (local.get $alg))
      (then (i64.store offset=56 (global.get $BLOCK) (local.get $bits)))
      (else
        (if (i32.eq (local.get $bb) (i32.const 64))
          (then
            ;; Big-endian 64-bit length as two native words: high word first.
            (i32.store offset=56 (global.get $BLOCK) (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))))
            (i32.store offset=60 (global.get $BLOCK) (i32.wrap_i64 (local.get $bits))))
          (else (i64.store offset=120 (global.get $BLOCK) (local.get $bits))))))
    (call $compress (local.get $alg))
    ;; Output: digest byte k is state byte (k ^ flip).
    (local.set $len ${perAlg('out')})
    (local.set $digits (i32.add (i32.const 256) (if (result i32) (i32.eq (local.get $mode) (i32.const 2)) (then (i32.const 16)) (else (i32.const 0)))))
    (local.set $k (i32.const 0))
    (loop $out
      (local.set $byte (i32.load8_u (i32.add (global.get $STATE) (i32.xor (local.get $k) (local.get $flip)))))
      (if (i32.eqz (local.get $mode))
        (then (i32.store8 (i32.add (local.get $out) (local.get $k)) (local.get $byte)))
        (else
          (i32.store8 (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 1)))
            (i32.load8_u (i32.add (local.get $digits) (i32.shr_u (local.get $byte) (i32.const 4)))))
          (i32.store8 offset=1 (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 1)))
            (i32.load8_u (i32.add (local.get $digits) (i32.and (local.get $byte) (i32.const 15)))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $out (i32.lt_u (local.get $k) (local.get $len))))
    (if (result i32) (i32.eqz (local.get $mode)) (then (local.get $len)) (else (i32.shl (local.get $len) (i32.const 1)))))

  ;; HMAC (RFC 2104): H((K ^ opad) . H((K ^ ipad) . data)), K the key zero-padded to a block, or
  ;; its digest when longer than a block. The key block goes in PAD, the inner digest in INNER.
  (func $hmac (param $alg i32) (param $key i32) (param $list i32) (param $n i32) (param $out i32) (param $mode i32) (result i32)
    (local $bb i32) (local $src i32) (local $len i32) (local $i i32)
    (local.set $bb ${perAlg('block')})
    (local.set $src (call $slot_offset (local.get $key)))
    (local.set $len (call $slot_length (local.get $key)))
    (if (i32.gt_u (local.get $len) (local.get $bb))
      (then
        (local.set $len (call $hash (local.get $alg) (local.get $key) (i32.const 0) (i32.const 0) (global.get $INNER) (i32.const 0)))
        (local.set $src (global.get $INNER))))
    (memory.fill (global.get $PAD) (i32.const 0x36) (local.get $bb))
    (local.set $i (i32.const 0))
    (block $done
      (loop $key
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (global.get $PAD) (local.get $i))
          (i32.xor (i32.load8_u (i32.add (local.get $src) (local.get $i))) (i32.const 0x36)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $key)))
    (call $set_slot (global.get $PAD_SLOT) (global.get $PAD) (local.get $bb))
    (call $set_slot (global.get $INNER_SLOT) (global.get $INNER)
      (call $hash (local.get $alg) (global.get $PAD_SLOT) (local.get $list) (local.get $n) (global.get $INNER) (i32.const 0)))
    ;; K ^ ipad -> K ^ opad.
    (local.set $i (i32.const 0))
    (loop $opad
      (i32.store8 (i32.add (global.get $PAD) (local.get $i))
        (i32.xor (i32.load8_u (i32.add (global.get $PAD) (local.get $i))) (i32.const 0x6a)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $opad (i32.lt_u (local.get $i) (local.get $bb))))
    ;; The outer message is the key block then the inner digest: INNER_SLOT as a one-slot list.
    (i32.store (global.get $OUT) (global.get $INNER_SLOT))
    (call $hash (local.get $alg) (global.get $PAD_SLOT) (global.get $OUT) (i32.const 1) (local.get $out) (local.get $mode)))

  ;; Runs the steps of the program at $pc (see the generator's header); returns the slot its
  ;; end names (the result).
  (func $exec (param $pc i32) (result i32)
    (local $op i32) (local $out i32) (local $at i32)
    (block $end
      (loop $step
        (local.set $op (i32.load (local.get $pc)))
        (br_if $end (i32.eqz (local.get $op)))
        (local.set $out (i32.load offset=8 (local.get $pc)))
        (local.set $at (i32.add (global.get $RESULTS)
          (i32.shl (i32.sub (local.get $out) (global.get $FIRST_RESULT)) (i32.const 7))))
        (if (i32.eq (local.get $op) (i32.const 1))
          (then
            (call $set_slot (local.get $out) (local.get $at)
              (call $hash (i32.load offset=4 (local.get $pc)) (i32.const -1) (i32.add (local.get $pc) (i32.const 20))
                (i32.load offset=16 (local.get $pc)) (local.get $at) (i32.load offset=12 (local.get $pc))))
            (local.set $pc (i32.add (local.get $pc)
              (i32.shl (i32.add (i32.const 5) (i32.load offset=16 (local.get $pc))) (i32.const 2)))))
          (else
            (call $set_slot (local.get $out) (local.get $at)
              (call $hmac (i32.load offset=4 (local.get $pc)) (i32.load offset=16 (local.get $pc)) (i32.add (local.get $pc) (i32.const 24))
                (i32.load offset=20 (local.get $pc)) (local.get $at) (i32.load offset=12 (local.get $pc))))
            (local.set $pc (i32.add (local.get $pc)
              (i32.shl (i32.add (i32.const 6) (i32.load offset=20 (local.get $pc))) (i32.const 2))))))
        (br $step)))
    (i32.load offset=4 (local.get $pc)))

  ;; Wipes what held the password or values derived from it: the digest state and blocks, the
  ;; results up to the slot $last (results are numbered in order), the inputs up to $input_end.
  (func $wipe (param $last i32) (param $input_end i32)
    (call $zero (global.get $STATE) (i32.const 384))
    (call $zero (global.get $RESULTS)
      (i32.shl (i32.add (i32.sub (local.get $last) (global.get $FIRST_RESULT)) (i32.const 1)) (i32.const 7)))
    (call $zero (global.get $INPUT) (i32.and (i32.add (i32.sub (local.get $input_end) (global.get $INPUT)) (i32.const 7)) (i32.const -8))))

  ;; Runs the program at $pc. $input_end: the end of what JavaScript wrote at INPUT, wiped with
  ;; the rest. Returns the result's length; the result is copied to OUT.
  (func (export "run") (param $pc i32) (param $input_end i32) (result i32)
    (local $out i32) (local $len i32)
    (local.set $out (call $exec (local.get $pc)))
    (local.set $len (call $slot_length (local.get $out)))
    (call $copy (global.get $OUT) (call $slot_offset (local.get $out)) (local.get $len))
    (call $wipe (local.get $out) (local.get $input_end))
    (local.get $len))

  ;; Runs the program at $pc and compares its result with the $expected_len bytes at $expected:
  ;; raw bytes ($hex 0) or hex digits, of either case ($hex 1), lower case only (2), upper case
  ;; only (3: a platform that only ever wrote one case). Returns 1 when equal, 0 when not,
  ;; -1 when the expected value is not a digest of the result's length (not hex, wrong length:
  ;; JavaScript then takes its general path, which says why). Every byte is compared (no early
  ;; exit: constant time in the stored digest), then everything is wiped as by run().
  (func (export "check") (param $pc i32) (param $input_end i32) (param $expected i32) (param $expected_len i32) (param $hex i32) (result i32)
    (local $out i32) (local $src i32) (local $len i32) (local $k i32) (local $at i32)
    (local $byte i32) (local $hi i32) (local $lo i32) (local $diff i32) (local $bad i32) (local $digits i32)
    (local.set $out (call $exec (local.get $pc)))
    (local.set $src (call $slot_offset (local.get $out)))
    (local.set $len (call $slot_length (local.get $out)))
    (local.set $digits (i32.add (global.get $HEX_VALUES) (i32.shl (i32.sub (local.get $hex) (i32.const 1)) (i32.const 8))))
    (local.set $bad (i32.or (i32.gt_u (local.get $hex) (i32.const 3))
      (i32.ne (local.get $expected_len) (i32.shl (local.get $len) (i32.ne (local.get $hex) (i32.const 0))))))
    (if (i32.eqz (local.get $bad))
      (then
        (loop $bytes
          (if (local.get $hex)
            (then
              (local.set $at (i32.add (local.get $expected) (i32.shl (local.get $k) (i32.const 1))))
              (local.set $hi (i32.load8_u (i32.add (local.get $digits) (i32.load8_u (local.get $at)))))
              (local.set $lo (i32.load8_u (i32.add (local.get $digits) (i32.load8_u offset=1 (local.get $at)))))
              ;; 0xff (not a digit) has bits above the low four.
              (local.set $bad (i32.or (local.get $bad) (i32.and (i32.or (local.get $hi) (local.get $lo)) (i32.const 0xf0))))
              (local.set $byte (i32.or (i32.shl (local.get $hi) (i32.const 4)) (local.get $lo))))
            (else (local.set $byte (i32.load8_u (i32.add (local.get $expected) (local.get $k))))))
          (local.set $diff (i32.or (local.get $diff)
            (i32.xor (i32.and (local.get $byte) (i32.const 0xff)) (i32.load8_u (i32.add (local.get $src) (local.get $k))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $bytes (i32.lt_u (local.get $k) (local.get $len))))))
    (call $wipe (local.get $out) (local.get $input_end))
    (if (result i32) (local.get $bad) (then (i32.const -1)) (else (i32.eqz (local.get $diff)))))

  ;; Decodes the $len base64 characters (RFC 4648 §4, padded) at $src to $dst. Returns the bytes
  ;; written, or -1 unless the text is canonical: a multiple of 4 long, only alphabet characters
  ;; before at most two '=', zero spare bits (anything else is left to JavaScript's decoder).
  (func (export "decode64") (param $src i32) (param $len i32) (param $dst i32) (result i32)
    (local $pad i32) (local $i i32) (local $o i32) (local $v i32) (local $bad i32) (local $end i32) (local $digit i32)
    (if (i32.or (i32.eqz (local.get $len)) (i32.and (local.get $len) (i32.const 3))) (then (return (i32.const -1))))
    (local.set $end (i32.add (local.get $src) (local.get $len)))
    (if (i32.eq (i32.load8_u offset=0 (i32.sub (local.get $end) (i32.const 1))) (i32.const 61))
      (then
        (local.set $pad (i32.add (i32.const 1)
          (i32.eq (i32.load8_u offset=0 (i32.sub (local.get $end) (i32.const 2))) (i32.const 61))))))
    (loop $quads
      ;; A padding character reads as 'A' (value 0); the bytes it stands for are dropped below.
      (local.set $v (i32.const 0))
      (local.set $i (i32.const 0))
      (loop $chars
        (local.set $digit
          (if (result i32) (i32.ge_u (i32.add (local.get $src) (local.get $i)) (i32.sub (local.get $end) (local.get $pad)))
            (then (i32.const 0))
            (else (i32.load8_u (i32.add (global.get $BASE64_VALUES) (i32.load8_u (i32.add (local.get $src) (local.get $i))))))))
        ;; 0xff (not in the alphabet) has bits above the low six.
        (local.set $bad (i32.or (local.get $bad) (i32.and (local.get $digit) (i32.const 0xc0))))
        (local.set $v (i32.or (i32.shl (local.get $v) (i32.const 6)) (i32.and (local.get $digit) (i32.const 63))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $chars (i32.lt_u (local.get $i) (i32.const 4))))
      (i32.store8 offset=0 (i32.add (local.get $dst) (local.get $o)) (i32.shr_u (local.get $v) (i32.const 16)))
      (i32.store8 offset=1 (i32.add (local.get $dst) (local.get $o)) (i32.shr_u (local.get $v) (i32.const 8)))
      (i32.store8 offset=2 (i32.add (local.get $dst) (local.get $o)) (local.get $v))
      (local.set $o (i32.add (local.get $o) (i32.const 3)))
      (local.set $src (i32.add (local.get $src) (i32.const 4)))
      (br_if $quads (i32.lt_u (local.get $src) (local.get $end))))
    ;; Spare bits: the low 8 (one '=') or 16 (two) bits of the last group must be zero.
    (if (i32.and (local.get $v) (i32.sub (i32.shl (i32.const 1) (i32.shl (local.get $pad) (i32.const 3))) (i32.const 1)))
      (then (local.set $bad (i32.const 1))))
    (if (result i32) (local.get $bad) (then (i32.const -1)) (else (i32.sub (local.get $o) (local.get $pad)))))

  ;; Copies $n bytes (at most a digest's hex, 128) from $src to $dst, 8 at a time (may copy up to
  ;; 7 bytes past $n: the destination is OUT, 128 bytes, and the sources have room behind them).
  (func $copy (param $dst i32) (param $src i32) (param $n i32)
    (local $i i32)
    (block $done
      (loop $words
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i64.store (i32.add (local.get $dst) (local.get $i)) (i64.load (i32.add (local.get $src) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $words))))
)
`;
}
