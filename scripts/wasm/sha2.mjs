/**
 * Writes the WebAssembly text of a SHA-2 module (FIPS 180-4) with fully unrolled rounds and
 * message schedule: scripts/wasm/sha256.mjs and sha512.mjs call it with their word size,
 * constants and rotation amounts. SHA-256 and SHA-512 are the same algorithm over 32- and 64-bit
 * words, so one generator writes both (the .wat files it produces are committed in src/wasm/).
 *
 * Why unrolled: a rolled loop keeps a..h and W in memory or shuffles eight locals every round
 * and loads K from a table; unrolled, the eight working variables are renamed instead of moved,
 * the 16-word schedule window lives in locals and every K is an immediate. Measured here
 * (in-process A/B, sha512-crypt, 5000 rounds): 3.8 ms with the previous rolled wasm loop,
 * 2.3 ms unrolled.
 *
 * Memory map (byte offsets, shared with the JavaScript in src/core/sha2-wasm.ts, which reads
 * them from the exported globals rather than repeating them):
 *   IV        0            initial state, 8 native words (data segment)
 *   H         64           the state being computed (chained digest, 8 native words)
 *   STATE     128          state for single-block calls of $compress from JavaScript
 *   BLOCK     192          blocks (up to 2 x 128 bytes) for those calls and short digests (src/core/wasm.ts)
 *   TABLE     512          42 round entries of 32 bytes (see $crypt)
 *   MID       2048         up to 8 midstates, 64 bytes each (see $crypt)
 *   MSG       4096         messages, then precomputed schedules (see $expand); JavaScript grows
 *                          the memory when they need more than the first page
 * Every word is stored as a native (little-endian) integer holding the big-endian value the
 * algorithm reads: JavaScript converts message bytes once, so no byte swaps happen per round.
 */

const MAP = { IV: 0, H: 64, STATE: 128, BLOCK: 192, TABLE: 512, MID: 2048, MSG: 4096 };
/** Bytes of one sha-crypt round entry in TABLE (6 i32 used, padded to a power of two). */
const ENTRY = 32;

/** `n` as a wat hex immediate. */
const hex = (n) => `0x${n.toString(16)}`;

/**
 * FIPS 180-4's constants by their definition: the first `bits` bits of the fractional parts of
 * the `root`-th roots of the first `count` primes (K: cube roots, IV: square roots), computed
 * exactly in BigInt arithmetic, so no table of them needs to be copied here. The TypeScript
 * fallbacks keep their own tables; test/core-digests.test.ts checks them against node:crypto.
 */
export function primeRootFractions(count, root, bits) {
  const out = [];
  for (let n = 2; out.length < count; n++) {
    if (!isPrime(n)) continue;
    // floor(n^(1/root) * 2^bits) = the integer root of n * 2^(root*bits); its low `bits` bits are the fraction.
    const scaled = iroot(BigInt(n) << BigInt(root * bits), root);
    out.push(scaled & ((1n << BigInt(bits)) - 1n));
  }
  return out;
}

function isPrime(n) {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/** floor(x^(1/k)) for a BigInt x >= 1 (Newton's method from above). */
function iroot(x, k) {
  const K = BigInt(k);
  let r = 1n << BigInt(Math.ceil(x.toString(2).length / k)); // >= the root
  for (;;) {
    const next = ((K - 1n) * r + x / r ** (K - 1n)) / K;
    if (next >= r) return r;
    r = next;
  }
}

/**
 * @param {object} s
 * @param {string} s.name             'SHA-256' | 'SHA-512'
 * @param {'i32'|'i64'} s.t           word type
 * @param {bigint[]} s.K              round constants (64 or 80)
 * @param {bigint[]} s.IV             initial state (8 words)
 * @param {number[]} s.Sigma0         rotations of Σ0 (applied to a)
 * @param {number[]} s.Sigma1         rotations of Σ1 (applied to e)
 * @param {number[]} s.sigma0         [rot, rot, shift] of σ0 (schedule, W[t-15])
 * @param {number[]} s.sigma1         [rot, rot, shift] of σ1 (schedule, W[t-2])
 * @param {boolean} s.chain           also emit $chain (phpass-style h = H(h . rest) loops)
 * @param {boolean} s.separateK       add K[t] and W[t] into t1 one after the other (see below)
 */
export function generateSha2(s) {
  const T = s.t;
  const W = T === 'i32' ? 4 : 8; // word bytes
  const BS = 16 * W; // block bytes
  const SB = 8 * W; // state bytes
  const get = (v) => `(local.get $${v})`;
  const rotr = (v, n) => `(${T}.rotr ${get(v)} (${T}.const ${n}))`;
  const xor3 = (x, y, z) => `(${T}.xor (${T}.xor ${x} ${y}) ${z})`;
  const add = (...xs) => xs.reduce((acc, x) => `(${T}.add ${acc} ${x})`);
  const Sigma = (v, [p, q, r]) => xor3(rotr(v, p), rotr(v, q), rotr(v, r));
  const sigma = (v, [p, q, r]) => xor3(rotr(v, p), rotr(v, q), `(${T}.shr_u ${get(v)} (${T}.const ${r}))`);

  const regs = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const R = s.K.length; // rounds: 64 or 80
  /** W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], in the 16-local window ($w{t mod 16} holds W[t-16]). */
  const schedule = (t) => {
    const wi = `w${t % 16}`;
    return `(local.set $${wi} ${add(get(wi), sigma(`w${(t - 15) % 16}`, s.sigma0), get(`w${(t - 7) % 16}`), sigma(`w${(t - 2) % 16}`, s.sigma1))})`;
  };
  /**
   * The unrolled rounds. `kw(t)` gives the terms of K[t] + W[t]: from the schedule in locals
   * ($compress) or a precomputed table in memory ($compress_wk).
   */
  const rounds = (kw, withSchedule) => {
    const body = [];
    regs.forEach((r, i) => body.push(`(local.set $${r} (${T}.load offset=${i * W} (local.get $s)))`));
    if (withSchedule) for (let i = 0; i < 16; i++) body.push(`(local.set $w${i} (${T}.load offset=${i * W} (local.get $m)))`);
    // Maj(a, b, c) = ((a ^ b) & (b ^ c)) ^ b, and this round's a ^ b is the next round's b ^ c
    // (b, c become the old a, b): one operation less per round than (a & b) | (c & (a | b)).
    body.push(`(local.set $bc (${T}.xor (local.get $b) (local.get $c)))`);
    let v = [...regs];
    for (let t = 0; t < R; t++) {
      const [a, b, c, d, e, f, g, h] = v;
      if (withSchedule && t >= 16) body.push(`;; W[${t}]`, schedule(t));
      body.push(`;; round ${t}: a..h = ${v.join(' ')}`);
      // t1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t]; d += t1; h = t1 + Σ0(a) + Maj(a, b, c).
      const ch = `(${T}.xor ${get(g)} (${T}.and ${get(e)} (${T}.xor ${get(f)} ${get(g)})))`;
      const maj = `(${T}.xor (${T}.and (local.tee $ab (${T}.xor ${get(a)} ${get(b)})) (local.get $bc)) ${get(b)})`;
      body.push(`(local.set $t1 ${add(get(h), Sigma(e, s.Sigma1), ch, ...kw(t))})`);
      body.push(`(local.set $${d} (${T}.add ${get(d)} (local.get $t1)))`);
      body.push(`(local.set $${h} ${add('(local.get $t1)', Sigma(a, s.Sigma0), maj)})`);
      body.push(`(local.set $bc (local.get $ab))`);
      // The new a is the old h, the new e the old d: rename instead of moving eight values.
      v = [h, a, b, c, d, e, f, g];
    }
    // 64 and 80 rounds are multiples of 8: the names are back in place.
    regs.forEach((r, i) => body.push(`(${T}.store offset=${i * W} (local.get $s) (${T}.add (${T}.load offset=${i * W} (local.get $s)) (local.get $${r})))`));
    return body;
  };
  // K[t] and W[t] summed first, or added one after the other into t1 (s.separateK): V8's code
  // for the two differs measurably, in opposite directions for the two word sizes (in-process
  // A/B here: sha512crypt 7% faster with separate adds, sha256crypt 1.5% faster with the sum).
  const compressBody = rounds(
    (t) => {
      const k = `(${T}.const ${hex(s.K[t])})`;
      const w = get(`w${t % 16}`);
      return s.separateK ? [k, w] : [`(${T}.add ${k} ${w})`];
    },
    true,
  );
  const compressWkBody = rounds((t) => [`(${T}.load offset=${t * W} (local.get $m))`], false);

  // ---- $expand: K[t] + W[t] for t < R of one block, for blocks whose message never changes ----
  const expandBody = [];
  for (let i = 0; i < 16; i++) expandBody.push(`(local.set $w${i} (${T}.load offset=${i * W} (local.get $m)))`);
  for (let t = 0; t < R; t++) {
    if (t >= 16) expandBody.push(schedule(t));
    expandBody.push(`(${T}.store offset=${t * W} (local.get $wk) (${T}.add (${T}.const ${hex(s.K[t])}) ${get(`w${t % 16}`)}))`);
  }
  const wLocals = Array.from({ length: 16 }, (_, i) => `(local $w${i} ${T})`).join(' ');

  const locals = [...regs, 't1', 'ab', 'bc'].map((r) => `(local $${r} ${T})`).join(' ');

  // ---- $put_h: writes H into a message at any byte offset ----
  const put = [];
  // r = bit offset of H inside its first word, l = the remaining bits of that word.
  const rBits = `(i32.shl (i32.and (local.get $at) (i32.const ${W - 1})) (i32.const 3))`;
  put.push(`(local.set $r ${T === 'i64' ? `(i64.extend_i32_u ${rBits})` : rBits})`);
  put.push(`(local.set $q (i32.add (local.get $msg) (i32.and (local.get $at) (i32.const ${-W}))))`);
  put.push(`(if (${T}.eqz (local.get $r))`);
  put.push(`  (then`);
  for (let j = 0; j < 8; j++) put.push(`    (${T}.store offset=${j * W} (local.get $q) (${T}.load offset=${MAP.H + j * W} (i32.const 0)))`);
  put.push(`    (return)))`);
  put.push(`;; H straddles words: word j of the message gets the low bits of H[j-1] and the high bits of H[j];`);
  put.push(`;; the first and last words keep the message bytes outside H.`);
  put.push(`(local.set $l (${T}.sub (${T}.const ${8 * W}) (local.get $r)))`);
  const hw = (j) => `(${T}.load offset=${MAP.H + j * W} (i32.const 0))`;
  put.push(`(${T}.store (local.get $q) (${T}.or (${T}.and (${T}.load (local.get $q)) (${T}.xor (${T}.shr_u (${T}.const -1) (local.get $r)) (${T}.const -1))) (${T}.shr_u ${hw(0)} (local.get $r))))`);
  for (let j = 1; j < 8; j++) {
    put.push(`(${T}.store offset=${j * W} (local.get $q) (${T}.or (${T}.shl ${hw(j - 1)} (local.get $l)) (${T}.shr_u ${hw(j)} (local.get $r))))`);
  }
  put.push(`(${T}.store offset=${8 * W} (local.get $q) (${T}.or (${T}.shl ${hw(7)} (local.get $l)) (${T}.and (${T}.load offset=${8 * W} (local.get $q)) (${T}.shr_u (${T}.const -1) (local.get $r)))))`);

  /**
   * Copies the 8 state words from `src` to `dst` (i32 address expressions) as 8 loads and
   * stores: V8 compiles memory.copy to a call into its runtime (measured: sha512crypt and the
   * Drupal chain ~3-4% faster without it).
   */
  const copyState = (dst, src, ind) =>
    Array.from({ length: 8 }, (_, j) => `${' '.repeat(ind)}(${T}.store offset=${j * W} ${dst} (${T}.load offset=${j * W} ${src}))`).join('\n');

  const ivBytes = s.IV.map((x) => {
    let out = '';
    for (let i = 0; i < W; i++) out += `\\${((x >> BigInt(8 * i)) & 0xffn).toString(16).padStart(2, '0')}`;
    return out;
  }).join('');

  const chain = !s.chain
    ? ''
    : `
  ;; phpass-style chain (Drupal 7 $S$): $count times H = ${s.name}(H . rest), where the padded
  ;; message at MSG ($nblocks blocks) begins with H's ${SB} bytes; H is copied there each round.
  (func (export "chain") (param $nblocks i32) (param $count i32)
    (local $n i32)
    (block $done
      (loop $iter
        (br_if $done (i32.eqz (local.get $count)))
${copyState('(global.get $MSG)', '(global.get $H)', 8)}
${copyState('(global.get $H)', '(global.get $IV)', 8)}
        (local.set $n (i32.const 0))
        (loop $blocks
          (call $compress (global.get $H) (i32.add (global.get $MSG) (i32.mul (local.get $n) (i32.const ${BS}))))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (br_if $blocks (i32.lt_u (local.get $n) (local.get $nblocks))))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $iter))))
`;

  const ind = (lines, n) => lines.map((l) => ' '.repeat(n) + l).join('\n');
  return `;; ${s.name} (FIPS 180-4) in WebAssembly, for src/core/${s.name === 'SHA-256' ? 'sha256' : 'sha512'}.ts (loaded by src/core/sha2-wasm.ts).
;; GENERATED by scripts/wasm/${s.name === 'SHA-256' ? 'sha256' : 'sha512'}.mjs (scripts/wasm/sha2.mjs): edit the generator, then run
;; node scripts/build-wasm.mjs. Rounds and message schedule are fully unrolled (see the generator).
;;
;; Memory (byte offsets; exported as globals so JavaScript does not repeat them). Words are
;; native (little-endian) integers holding the big-endian values the algorithm reads.
;;   IV ${MAP.IV}, H ${MAP.H} (state), STATE ${MAP.STATE} / BLOCK ${MAP.BLOCK} (single $compress calls),
;;   TABLE ${MAP.TABLE} (42 x ${ENTRY}-byte round entries), MID ${MAP.MID} (8 x 64-byte midstates),
;;   MSG ${MAP.MSG}.. (messages, then precomputed schedules; JavaScript grows the memory)
(module
  (memory (export "memory") 1)
${Object.entries(MAP).map(([k, v]) => `  (global $${k} (export "${k}") i32 (i32.const ${v}))`).join('\n')}
  ;; Bytes of one precomputed schedule (K[t] + W[t], t < ${R}) and of one TABLE entry.
  (global (export "WK_BYTES") i32 (i32.const ${R * W}))
  (global (export "ENTRY_BYTES") i32 (i32.const ${ENTRY}))
  (data (i32.const ${MAP.IV}) "${ivBytes}")

  ;; state[0..8) at $s += compression of the block of 16 words at $m.
  (func $compress (export "compress") (param $s i32) (param $m i32)
    ${locals} ${wLocals}
${ind(compressBody, 4)})

  ;; The same compression with K[t] + W[t] (t < ${R}) precomputed at $m by $expand: no message
  ;; schedule, one load per round (for message blocks that are the same every round).
  (func $compress_wk (export "compress_wk") (param $s i32) (param $m i32)
    ${locals}
${ind(compressWkBody, 4)})

  ;; K[t] + W[t] (t < ${R}) of the block of 16 words at $m, written to $wk (${R * W} bytes).
  (func (export "expand") (param $m i32) (param $wk i32)
    ${wLocals}
${ind(expandBody, 4)})

  ;; Writes H (8 words) into the message at $msg as the bytes at byte offset $at, which need not
  ;; be word-aligned: in sha-crypt, H follows P and S, whose lengths are arbitrary.
  (func $put_h (param $msg i32) (param $at i32)
    (local $q i32) (local $r ${T}) (local $l ${T})
${ind(put, 4)})

  ;; sha-crypt step 21: $count times H = ${s.name}(message of round i). Round i uses the entry
  ;; (i mod 42) at TABLE + ${ENTRY} * (i mod 42): { msg, nblocks, at, init, wk, nwk } (i32 each).
  ;; H is written into the padded message at msg + at; then H = init (the IV, or a midstate of
  ;; the message blocks before H, which never change), the nblocks blocks from msg that hold H
  ;; are compressed, then the nwk blocks after H, whose schedules $expand precomputed at wk.
  (func (export "crypt") (param $count i32)
    (local $k i32) (local $e i32) (local $p i32) (local $end i32)
    (block $done
      (loop $iter
        (br_if $done (i32.eqz (local.get $count)))
        (local.set $e (i32.add (global.get $TABLE) (i32.mul (local.get $k) (i32.const ${ENTRY}))))
        (local.set $p (i32.load (local.get $e)))
        (call $put_h (local.get $p) (i32.load offset=8 (local.get $e)))
        (local.set $p (i32.load offset=12 (local.get $e)))
${copyState('(global.get $H)', '(local.get $p)', 8)}
        (local.set $p (i32.load (local.get $e)))
        (local.set $end (i32.add (local.get $p) (i32.mul (i32.load offset=4 (local.get $e)) (i32.const ${BS}))))
        (loop $blocks
          (call $compress (global.get $H) (local.get $p))
          (local.set $p (i32.add (local.get $p) (i32.const ${BS})))
          (br_if $blocks (i32.lt_u (local.get $p) (local.get $end))))
        (local.set $p (i32.load offset=16 (local.get $e)))
        (local.set $end (i32.add (local.get $p) (i32.mul (i32.load offset=20 (local.get $e)) (i32.const ${R * W}))))
        (block $no_wk
          (loop $wk_blocks
            (br_if $no_wk (i32.ge_u (local.get $p) (local.get $end)))
            (call $compress_wk (global.get $H) (local.get $p))
            (local.set $p (i32.add (local.get $p) (i32.const ${R * W})))
            (br $wk_blocks)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (if (i32.eq (local.get $k) (i32.const 42)) (then (local.set $k (i32.const 0))))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $iter))))
${chain})
`;
}
