"""Generates test/vectors/werkzeug.json (src/algorithms/werkzeug.ts: HMAC methods, plain, scrypt;
werkzeug-pbkdf2 vectors are in pbkdf2.json). Formulas: Werkzeug security.py _hash_internal with
Python hmac / hashlib (scripts/ref/kdfref.py). No second reference (passlib has no Werkzeug
handler); the hashcat 30000/30120 examples anchor the HMAC reading.
Run: /usr/bin/python3 scripts/vectors/werkzeug.py [--write]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from kdfref import *  # noqa: E402,F401,F403

V = []
add = V.append

SRC_H = "Python 3.11 hmac/hashlib running Werkzeug 0.6.1 security.py _hash_internal"
for pw, note in passwords():
    add(vector("werkzeug-hmac", pw, make_werkzeug_hmac(pw, "AbCd1234", "sha1"), SRC_H, "0.6.1-0.8 default sha1, 8-char salt, " + note))
for m in ("md5", "sha224", "sha256", "sha384", "sha512"):
    add(vector("werkzeug-hmac", b"password", make_werkzeug_hmac(b"password", "AbCd1234", m), SRC_H, "method " + m))
add(vector("werkzeug-hmac", b"password", make_werkzeug_hmac(b"password", "", "sha256"), SRC_H + " (empty salt: plain hashlib digest)", "empty salt sha256 = sha256(pw)"))
add(vector("werkzeug-hmac", b"password", make_werkzeug_hmac(b"password", "", "sha1"), SRC_H + " (empty salt: plain hashlib digest)", "empty salt sha1: same string and digest as Django unsalted_sha1 (detection reports django-sha1)", detect=False))
add(vector("werkzeug-hmac", "Pässword1!".encode(), "sha1$saltsalt$ba8947f68e3e1f75f4e0ec36320db392668cb326", "formats.md §17 [V-gen]", "formats.md vector"))
add(vector("werkzeug-hmac", b"hashcat", "md5$84143$7f51edecfa6fb401a0b5e63d33fc8c0e", "hashcat 6.2.6 example hash, mode 30000", "published"))
add(vector("werkzeug-hmac", b"hashcat", "sha256$70108387805$8b9472281c36c3a693703de0e0f1ffab8fc0ecdd3bc5ead04c76dd74ef431e49", "hashcat 6.2.6 example hash, mode 30120", "published"))

SRC_P = "Werkzeug 0.6.1-2.2 security.py: method 'plain' returns the password"
# Printable ASCII only: wrap() (src/wrap) can only hide a plain-text "digest" it can locate as
# ASCII; empty and non-ASCII plain-text entries are covered in test/werkzeug.test.ts.
for pw, note in ((b"password", "ASCII"), (b"P@ss-w0rd!", "punctuation")):
    add(vector("werkzeug-plain", pw, "plain$$" + pw.decode("utf-8"), SRC_P, note))
add(vector("werkzeug-plain", b"pa$$word", "plain$$pa$$word", SRC_P, "password containing '$' (split('$', 2))"))
add(vector("werkzeug-plain", b"secret", "plain$AbCd1234$secret", SRC_P + " (the salt is ignored)", "salt present"))

SRC_S = "Python 3.11 hashlib.scrypt running Werkzeug 2.3+ security.py _hash_internal (scrypt)"
for pw, note in passwords(raw=False):
    add(vector("werkzeug-scrypt", pw, make_werkzeug_scrypt(pw, "saltsaltsaltsalt", 1024, 8, 1), SRC_S, "N=1024, " + note))
add(vector("werkzeug-scrypt", b"password", make_werkzeug_scrypt(b"password", "aB3dE6gH9jK2mN5p", 16, 2, 3), SRC_S, "N=16 r=2 p=3"))
add(vector("werkzeug-scrypt", "Pässword1!".encode(), "scrypt:32768:8:1$saltsaltsaltsalt$730cb8c12370d38efea55408477f641d0af594c71c01d6b941e03bb1af7d89fb31877fd157a3cac1d53416843591e3dd00ad8488a7b458728836617583e880cd", "formats.md §17 [V-gen] (Werkzeug 3.0 default)", "realistic default N=2^15 r=8 p=1"))
h = make_werkzeug_scrypt(b"password", "saltsaltsaltsalt")
add(vector("werkzeug-scrypt", b"password", "scrypt$" + h.split("$", 1)[1], SRC_S + "; bare 'scrypt' method = n=2**15, r=8, p=1", "method 'scrypt' without arguments"))

sys.exit(1 if check_and_dump(
    "Werkzeug (Flask) generate_password_hash methods: HMAC (<0.9), plain, scrypt.",
    "scripts/vectors/werkzeug.py", V,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "vectors", "werkzeug.json") if "--write" in sys.argv else None) else 0)
