;; bcrypt's EksBlowfish key schedule in WebAssembly: the part that takes all the time
;; (2^cost x 2 x 521 Blowfish encryptions). The key modes ($2$, $2a$, $2x$, ...) are NOT here:
;; src/algorithms/bcrypt-core.ts expands the password into 18 key words (and the $2a$ safety
;; bit) and this module only runs the schedule on them. Built by scripts/build-wasm.mjs into
;; src/algorithms/bcrypt-wasm.generated.ts (committed; test/bcrypt-wasm.test.ts checks that this
;; file still compiles to exactly those bytes).
;;
;; Why wasm: V8's JIT keeps a bounds check on each of the four S-box loads per round and reloads
;; the typed array's base, which left the TypeScript core at 1.15-1.25x of native bcrypt. Here
;; every load is `i32.load offset=<box> (index)` on a one-page memory: V8 (64-bit) compiles it to
;; one `mov r, [mem + index + box]` with no bounds check (V8 relies on the memory's guard
;; region instead; no access here can leave the page anyway: S-box indices are masked to 0..1020).
;;
;; Memory (byte offsets, words little-endian as wasm loads them; the host writes them with
;; DataView so big-endian hosts work too):
;;      0  S0[256]  1024 S1[256]  2048 S2[256]  3072 S3[256]   the four S-boxes
;;   4096  P[18]                                              round keys
;;   4168  KEY[18]   key words (password cycled to 72 bytes, per key mode)
;;   4240  SALT[4]   salt words (the 16 salt bytes as big-endian words, as bcrypt reads them)
;;   4256  OUT[6]    the ciphertext of "OrpheanBeholderScryDoubt" (bcrypt keeps 23 of 24 bytes)
;;   4352  INIT[1042] Blowfish's initial state (pi digits) in the layout above (S-boxes, then P),
;;                    written once per instance by the host from blowfish-tables.ts
;;
;; Blowfish's F(x) = ((S0[x >>> 24] + S1[x >>> 16 & 255]) ^ S2[x >>> 8 & 255]) + S3[x & 255]; the
;; byte offset of S1[x >>> 16 & 255] is (x >>> 14) & 0x3fc, and so on. Each round XORs its round
;; key into the half being updated before F is known, so only F sits on the round-to-round
;; dependency chain (as crypt_blowfish's BF_ROUND).
(module
  (memory (export "memory") 1)

  ;; One Blowfish block encryption with the round keys read from P (the parts where P is
  ;; changing, or that run a fixed number of times). Returns (L, R) after the final swap.
  (func $encrypt (param $l i32) (param $r i32) (result i32 i32)
    (local.set $l (i32.xor (local.get $l) (i32.load offset=4096 (i32.const 0))))
    ;; round 1
    (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4100 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 2
    (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4104 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 3
    (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4108 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 4
    (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4112 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 5
    (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4116 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 6
    (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4120 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 7
    (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4124 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 8
    (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4128 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 9
    (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4132 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 10
    (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4136 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 11
    (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4140 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 12
    (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4144 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 13
    (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4148 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 14
    (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4152 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 15
    (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4156 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
    ;; round 16
    (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4160 (i32.const 0)))
      (i32.add
        (i32.xor
          (i32.add
            (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
            (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
          (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
    (i32.xor (local.get $r) (i32.load offset=4164 (i32.const 0)))
    (local.get $l))

  ;; ExpandKey(state, 0, -) after the key or the salt has been XOR-ed into P: encrypt a zero
  ;; block, write it over P[0..1], encrypt that, write it over P[2..3], ... through P and all four
  ;; S-boxes. This is ~100% of bcrypt's run time. It is its own function (called 2^(cost+1)
  ;; times) so that V8's tier-up from its baseline compiler to the optimizing one, which swaps
  ;; code only between calls, happens early in the first bcrypt call.
  (func $chain
    (local $l i32) (local $r i32) (local $i i32) (local $t i32)
    ;; P phase: each block changes the round keys the next one uses.
    (local.set $i (i32.const 4096))
    (loop $p_phase
      (call $encrypt (local.get $l) (local.get $r))
      (local.set $r)
      (local.set $l)
      (i32.store (local.get $i) (local.get $l))
      (i32.store offset=4 (local.get $i) (local.get $r))
      (br_if $p_phase (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 8))) (i32.const 4168))))

    ;; S phase: 512 blocks over the S-boxes, the body of $encrypt inlined (16 rounds unrolled;
    ;; P is final now, its words are loads from constant addresses).
    (local.set $i (i32.const 0))
    (loop $s_phase
      (local.set $l (i32.xor (local.get $l) (i32.load offset=4096 (i32.const 0))))
      ;; round 1
      (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4100 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 2
      (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4104 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 3
      (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4108 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 4
      (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4112 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 5
      (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4116 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 6
      (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4120 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 7
      (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4124 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 8
      (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4128 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 9
      (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4132 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 10
      (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4136 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 11
      (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4140 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 12
      (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4144 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 13
      (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4148 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 14
      (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4152 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 15
      (local.set $r (i32.xor (i32.xor (local.get $r) (i32.load offset=4156 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $l) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $l) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $l) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $l) (i32.const 2)) (i32.const 0x3fc))))))
      ;; round 16
      (local.set $l (i32.xor (i32.xor (local.get $l) (i32.load offset=4160 (i32.const 0)))
        (i32.add
          (i32.xor
            (i32.add
              (i32.load offset=0 (i32.shl (i32.shr_u (local.get $r) (i32.const 24)) (i32.const 2)))
              (i32.load offset=1024 (i32.and (i32.shr_u (local.get $r) (i32.const 14)) (i32.const 0x3fc))))
            (i32.load offset=2048 (i32.and (i32.shr_u (local.get $r) (i32.const 6)) (i32.const 0x3fc))))
          (i32.load offset=3072 (i32.and (i32.shl (local.get $r) (i32.const 2)) (i32.const 0x3fc))))))
      ;; undo the last swap: new L = R ^ P[17], new R = L; write them over S[i], S[i + 1]
      (local.set $t (i32.xor (local.get $r) (i32.load offset=4164 (i32.const 0))))
      (local.set $r (local.get $l))
      (local.set $l (local.get $t))
      (i32.store (local.get $i) (local.get $l))
      (i32.store offset=4 (local.get $i) (local.get $r))
      (br_if $s_phase (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 8))) (i32.const 4096)))))

  ;; P ^= key words (ExpandKey's key step; the key is already cycled to 18 words by the host)
  (func $xorKey
    (local $i i32)
    (loop $words
      (i32.store offset=4096 (local.get $i)
        (i32.xor (i32.load offset=4096 (local.get $i)) (i32.load offset=4168 (local.get $i))))
      (br_if $words (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 72)))))

  ;; P ^= salt words, cycled: salt[0], salt[1], salt[2], salt[3], salt[0], ...
  (func $xorSalt
    (local $i i32)
    (loop $words
      (i32.store offset=4096 (local.get $i)
        (i32.xor (i32.load offset=4096 (local.get $i))
                 (i32.load offset=4240 (i32.and (local.get $i) (i32.const 15)))))
      (br_if $words (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 72)))))

  ;; 64 encryptions of one block of the magic text
  (func $magic (param $l i32) (param $r i32) (result i32 i32)
    (local $n i32)
    (local.set $n (i32.const 64))
    (loop $again
      (call $encrypt (local.get $l) (local.get $r))
      (local.set $r)
      (local.set $l)
      (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $l)
    (local.get $r))

  ;; bcrypt(cost, firstKeyXor): the whole EksBlowfish computation on the key words at KEY (4168)
  ;; and salt words at SALT (4240); the six output words land at OUT (4256).
  (func (export "bcrypt") (param $cost i32) (param $firstKeyXor i32)
    (local $l i32) (local $r i32) (local $i i32) (local $salt i32) (local $n i32)

    ;; state = Blowfish's initial state (pi digits, copied to INIT once by the host)
    (memory.copy (i32.const 0) (i32.const 4352) (i32.const 4168))

    ;; ExpandKey(state, salt, key): P ^= key (the first key word may carry the safety bit) ...
    (call $xorKey)
    (i32.store offset=4096 (i32.const 0)
      (i32.xor (i32.load offset=4096 (i32.const 0)) (local.get $firstKeyXor)))
    ;; ... then a chain of encryptions through P and the S-boxes, each block XOR-ed first with
    ;; the next two salt words (salt[0..1], salt[2..3], salt[0..1], ... across the P/S boundary).
    (local.set $i (i32.const 4096))
    (loop $salted_p
      (call $encrypt
        (i32.xor (local.get $l) (i32.load offset=4240 (local.get $salt)))
        (i32.xor (local.get $r) (i32.load offset=4244 (local.get $salt))))
      (local.set $r)
      (local.set $l)
      (i32.store (local.get $i) (local.get $l))
      (i32.store offset=4 (local.get $i) (local.get $r))
      (local.set $salt (i32.xor (local.get $salt) (i32.const 8)))
      (br_if $salted_p (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 8))) (i32.const 4168))))
    (local.set $i (i32.const 0))
    (loop $salted_s
      (call $encrypt
        (i32.xor (local.get $l) (i32.load offset=4240 (local.get $salt)))
        (i32.xor (local.get $r) (i32.load offset=4244 (local.get $salt))))
      (local.set $r)
      (local.set $l)
      (i32.store (local.get $i) (local.get $l))
      (i32.store offset=4 (local.get $i) (local.get $r))
      (local.set $salt (i32.xor (local.get $salt) (i32.const 8)))
      (br_if $salted_s (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 8))) (i32.const 4096))))

    ;; 2^cost times: ExpandKey(state, 0, key), ExpandKey(state, 0, salt). For cost 31 the count
    ;; is 0x80000000: counted down as unsigned, it still ends at zero.
    (local.set $n (i32.shl (i32.const 1) (local.get $cost)))
    (loop $rounds
      (call $xorKey)
      (call $chain)
      (call $xorSalt)
      (call $chain)
      (br_if $rounds (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))

    ;; encrypt "OrpheanBeholderScryDoubt" (six big-endian words) 64 times, block by block
    (call $magic (i32.const 0x4f727068) (i32.const 0x65616e42))
    (local.set $r)
    (local.set $l)
    (i32.store offset=4256 (i32.const 0) (local.get $l))
    (i32.store offset=4260 (i32.const 0) (local.get $r))
    (call $magic (i32.const 0x65686f6c) (i32.const 0x64657253))
    (local.set $r)
    (local.set $l)
    (i32.store offset=4264 (i32.const 0) (local.get $l))
    (i32.store offset=4268 (i32.const 0) (local.get $r))
    (call $magic (i32.const 0x63727944) (i32.const 0x6f756274))
    (local.set $r)
    (local.set $l)
    (i32.store offset=4272 (i32.const 0) (local.get $l))
    (i32.store offset=4276 (i32.const 0) (local.get $r))

    ;; leave no password-derived words behind: state, key and salt (the host reads and clears OUT)
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 4256)))
)
