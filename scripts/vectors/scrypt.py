"""Generates test/vectors/scrypt.json (src/algorithms/scrypt.ts): passlib $scrypt$, $7$
(libxcrypt via Python's crypt module, re-checked with passlib), hashcat SCRYPT:, Firebase.
Run: /usr/bin/python3 scripts/vectors/scrypt.py [--write]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from kdfref import *  # noqa: E402,F401,F403

V = []
add = V.append

SRC_PL = "passlib 1.7.4 scrypt.using(salt, rounds, block_size, parallelism).hash (stdlib hashlib backend)"
for pw, note in passwords():
    add(vector("passlib-scrypt", pw, make_passlib_scrypt(pw, b"saltsaltsaltsalt", 10), SRC_PL, "ln=10, " + note))
add(vector("passlib-scrypt", b"password", make_passlib_scrypt(b"password", b"\xff" * 7, 4, 2, 3), SRC_PL, "ln=4 r=2 p=3, 7-byte salt"))
add(vector("passlib-scrypt", b"password", make_passlib_scrypt(b"password", os.urandom(0) or b"0123456789abcdef0123456789abcdef", 16, 8, 1), SRC_PL, "passlib default ln=16 r=8 p=1, 32-byte salt"))

SRC_7 = "Python 3.11 crypt.crypt (libxcrypt 4.4 crypt-scrypt) with a fixed setting; re-checked with passlib scrypt"
for pw, note in passwords(raw=False):
    add(vector("scrypt-crypt", pw, make_scrypt_7(pw, "$7$8/..../....abcdefghijklmnop"), SRC_7, "N=2^10, " + note))
add(vector("scrypt-crypt", b"password", make_scrypt_7(b"password", "$7$CU..../....abcdefghijklmnop"), SRC_7, "mkpasswd -m scrypt default N=2^14 r=32"))
add(vector("scrypt-crypt", b"password", make_scrypt_7(b"password", "$7$2/..../....ab"), SRC_7, "N=2^4 r=1 p=1, 2-char salt"))
add(vector("scrypt-crypt", b"password", make_scrypt_7(b"password", "$7$31....0....aZ09./"), SRC_7, "r=3 p=2 salt with ./"))

SRC_HC = "Python 3.11 hashlib.scrypt in hashcat mode 8900 notation; re-checked with passlib's pure-Python scrypt when small"
add(vector("hashcat-scrypt", b"hashcat", "SCRYPT:16384:8:1:OTEyNzU0ODg=:Cc8SPjRH1hFQhuIPCdF51uNGtJ2aOY/isuoMlMUsJ8c=", "hashcat 6.2.6 example hash, mode 8900", "published"))
for pw, note in passwords():
    add(vector("hashcat-scrypt", pw, make_hashcat_scrypt(pw, b"NaCl", 16, 1, 1), SRC_HC, "N=16 r=1 p=1, " + note))
add(vector("hashcat-scrypt", b"password", make_hashcat_scrypt(b"password", b"NaCl", 1024, 8, 16, 64), SRC_HC, "RFC 7914 parameters N=1024 r=8 p=16, 64 bytes"))

FB = dict(signer_b64="jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==", sep_b64="Bw==")
def fb_opts(salt, rounds, mem):
    return {"salt": salt, "params": {"firebaseSignerKey": FB["signer_b64"], "firebaseSaltSeparator": FB["sep_b64"], "firebaseRounds": rounds, "firebaseMemCost": mem}}
add(vector("firebase-scrypt", b"user1password", "lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==", "firebase/scrypt README.md example", "published (rounds 8, mem_cost 14)", fb_opts("42xEC+ixf3L2lw==", 8, 14)))
SRC_FB = "Python 3.11 hashlib.scrypt + cryptography AES-256-CTR running firebase/scrypt's algorithm"
for pw, note in passwords(raw=False):
    add(vector("firebase-scrypt", pw, firebase_hash(pw, "42xEC+ixf3L2lw==", FB["signer_b64"], FB["sep_b64"], 8, 10), SRC_FB, "mem_cost 10, " + note, fb_opts("42xEC+ixf3L2lw==", 8, 10)))
add(vector("firebase-scrypt", b"password", firebase_hash(b"password", "c2FsdA==", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==", "", 1, 4), SRC_FB, "empty separator, another 64-byte signer key, rounds 1",
           {"salt": "c2FsdA==", "params": {"firebaseSignerKey": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==", "firebaseSaltSeparator": "", "firebaseRounds": 1, "firebaseMemCost": 4}}))

sys.exit(1 if check_and_dump(
    "scrypt layouts: passlib $scrypt$, crypt(3) $7$, hashcat SCRYPT:, Firebase modified scrypt.",
    "scripts/vectors/scrypt.py", V,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "vectors", "scrypt.json") if "--write" in sys.argv else None) else 0)
