"""Generates test/vectors/bcrypt-wrappers.json (src/algorithms/bcrypt-wrappers.ts): passlib
bcrypt_sha256 v1/v2, Django bcrypt_sha256$ and bcrypt$, bcrypt over md5/sha1/sha256/sha512 hex.
References: passlib 1.7.4 (generates and re-checks), pyca/bcrypt 3.2.2, hashcat examples.
Run: /usr/bin/python3 scripts/vectors/bcrypt_wrappers.py [--write]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from kdfref import *  # noqa: E402,F401,F403

V = []
add = V.append

SALT = "abcdefghijklmnopqrstuu"
SRC_PL = "passlib 1.7.4 bcrypt_sha256.using(version, salt, rounds, ident).hash (pyca/bcrypt backend)"
for pw, note in passwords():
    add(vector("passlib-bcrypt-sha256", pw, make_passlib_bcrypt_sha256(pw, SALT, 4, 2), SRC_PL, "v2, " + note))
for pw, note in passwords()[:3]:
    add(vector("passlib-bcrypt-sha256", pw, make_passlib_bcrypt_sha256(pw, SALT, 4, 1, "2a"), SRC_PL, "v1 $2a$, " + note))
add(vector("passlib-bcrypt-sha256", b"password", make_passlib_bcrypt_sha256(b"password", SALT, 5, 1, "2b"), SRC_PL, "v1 $2b$"))
add(vector("passlib-bcrypt-sha256", b"x" * 100, make_passlib_bcrypt_sha256(b"x" * 100, SALT, 4, 2), SRC_PL, "100 bytes: no 72-byte truncation through the pre-hash"))
add(vector("passlib-bcrypt-sha256", "Pässword1!".encode(), "$bcrypt-sha256$v=2,t=2b,r=12$abcdefghijklmnopqrstuu$pazD5A1m3uApSfe/jHIkCqv4WHNUvBK", "formats.md §D [V-gen] (passlib 1.7.4)", "realistic default cost 12"))
add(vector("passlib-bcrypt-sha256", "Pässword1!".encode(), "$bcrypt-sha256$2a,12$abcdefghijklmnopqrstuu$03MkPNjqaC5nygOP1YBLAeox5oArUh.", "formats.md §D [V-gen] (passlib 1.7.2-style v1)", "v1 cost 12"))

SRC_DS = "pyca/bcrypt 3.2.2 hashpw(hexlify(sha256(pw))) in Django BCryptSHA256PasswordHasher's layout; re-checked with passlib django_bcrypt_sha256"
for pw, note in passwords():
    add(vector("django-bcrypt-sha256", pw, make_django_bcrypt_sha256(pw, "$2b$04$" + SALT), SRC_DS, note))
add(vector("django-bcrypt-sha256", b"password", make_django_bcrypt_sha256(b"password", "$2a$05$" + SALT), SRC_DS, "$2a$ (py-bcrypt era)"))
add(vector("django-bcrypt-sha256", "Pässword1!".encode(), "bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuuhYwv9z9IANTcEnPMOqwosbefdlet/0K", "formats.md §16 [V-gen]", "realistic default cost 12"))
SRC_DB = "pyca/bcrypt 3.2.2 hashpw in Django BCryptPasswordHasher's layout; re-checked with passlib django_bcrypt"
for pw, note in passwords():
    add(vector("django-bcrypt", pw, make_django_bcrypt(pw, "$2b$04$" + SALT), SRC_DB, note))
add(vector("django-bcrypt", "Pässword1!".encode(), "bcrypt$$2b$12$abcdefghijklmnopqrstuu13BcWEPU2i2K3i3K8cTWLLTK0IeO09K", "formats.md §16 [V-gen]", "realistic default cost 12"))

SRC_PH = "pyca/bcrypt 3.2.2 hashpw(%s(pw).hexdigest()); re-checked with bcrypt.checkpw"
for alg in ("md5", "sha1", "sha256", "sha512"):
    opts = {"params": {"bcryptPrehash": alg}}
    for pw, note in passwords():
        add(vector("bcrypt-" + alg, pw, make_bcrypt_prehash(pw, alg, "$2b$04$" + SALT), SRC_PH % alg, note, opts))
    add(vector("bcrypt-" + alg, b"password", make_bcrypt_prehash(b"password", alg, "$2a$05$" + SALT), SRC_PH % alg, "$2a$", opts))
add(vector("bcrypt-md5", b"hashcat", "$2a$05$/VT2Xs2dMd8GJKfrXhjYP.DkTjOVrY12yDN7/6I8ZV0q/1lEohLru", "hashcat 6.2.6 example hash, mode 25600", "published", {"params": {"bcryptPrehash": "md5"}}))
add(vector("bcrypt-md5", "Pässword1!".encode(), "$2y$10$abcdefghijklmnopqrstuu2fsL6jAwh1ny4oO8.PfnP1jSG7vqDu.", "formats.md §D [V-gen] (PHP password_hash(md5($pw)), vBulletin 5 style)", "vBulletin 5 $2y$10$", {"platform": "vbulletin", "params": {"bcryptPrehash": "md5"}}))
add(vector("bcrypt-sha1", b"hashcat", "$2a$05$Uo385Fa0g86uUXHwZxB90.qMMdRFExaXePGka4WGFv.86I45AEjmO", "hashcat 6.2.6 example hash, mode 25800", "published", {"params": {"bcryptPrehash": "sha1"}}))
add(vector("bcrypt-sha512", b"hashcat", "$2a$12$KhivLhCuLhSyMBOxLxCyLu78x4z2X/EJdZNfS3Gy36fvRt56P2jbS", "hashcat 6.2.6 example hash, mode 28400", "published", {"params": {"bcryptPrehash": "sha512"}}))

sys.exit(1 if check_and_dump(
    "bcrypt over a pre-hashed password: passlib bcrypt_sha256 v1/v2, Django bcrypt_sha256$/bcrypt$, bcrypt(hex(md5|sha1|sha256|sha512)) (opt-in params.bcryptPrehash).",
    "scripts/vectors/bcrypt_wrappers.py", V,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "vectors", "bcrypt-wrappers.json") if "--write" in sys.argv else None) else 0)
