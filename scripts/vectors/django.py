"""Generates test/vectors/django.json: Django hashers of src/algorithms/django.ts (salted/unsalted
sha1 and md5, crypt, argon2, scrypt). Formulas: scripts/ref/kdfref.py (Django's encode() with
hashlib / libxcrypt / argon2-cffi), re-checked with passlib's django_* handlers where they exist.
Run: /usr/bin/python3 scripts/vectors/django.py [--write]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from kdfref import *  # noqa: E402,F401,F403

V = []
add = V.append

SRC_S = "Python 3.11 hashlib running Django hashers.py %sPasswordHasher.encode; re-checked with passlib django_salted_%s"
for alg in ("sha1", "md5"):
    for pw, note in passwords():
        add(vector("django-" + alg, pw, make_django_salted(pw, "a1b2c", alg), SRC_S % (alg.upper(), alg), "5-hex salt (Django <= 1.3), " + note))
    add(vector("django-" + alg, b"password", make_django_salted(b"password", "Xy7pQ2rT9kLm", alg), SRC_S % (alg.upper(), alg), "12-char salt (1.4+)"))
    add(vector("django-" + alg, b"password", make_django_salted(b"password", "", alg), SRC_S % (alg.upper(), alg) + "; empty salt = Unsalted%sPasswordHasher" % alg.upper(), "unsalted_%s (%s$$hex)" % (alg, alg)))
    # UPPER-case hex: Django compares strings (and passlib refuses it), legacy-hash compares
    # bytes; covered in test/django.test.ts, not here (a vector needs a reference's answer).
add(vector("django-sha1", b"hashcat", "sha1$fe76b$02d5916550edf7fc8c886f044887f4b1abf9b013", "hashcat 6.2.6 example hash, mode 124", "published"))
add(vector("django-md5", "Pässword1!".encode(), "md5$saltsalt$6ad24577243d0b618afbdbe36a6b3eb0", "formats.md §16 [V-gen]", "formats.md vector"))
add(vector("django-sha1", "Pässword1!".encode(), "sha1$$90bf629ea159bc5c4c1997c97b75438088004aa0", "formats.md §16 [V-gen]", "formats.md unsalted_sha1 vector"))

SRC_C = "Python 3.11 crypt.crypt (libxcrypt 4.4) in Django CryptPasswordHasher's layout; re-checked with passlib django_des_crypt"
for pw, note in passwords(raw=False)[:4]:
    add(vector("django-crypt", pw, make_django_crypt(pw, "ab"), SRC_C, note))
add(vector("django-crypt", b"hashcat", make_django_crypt(b"hashcat", "24"), SRC_C, "hashcat 1500 DES string inside crypt$$"))
add(vector("django-crypt", b"password123", "crypt$ab$" + make_django_crypt(b"password123", "ab")[7:], SRC_C + " (Django <= 1.3 kept the salt in the middle field)", "crypt$<salt>$<data> (<= 1.3), password > 8 bytes"))

SRC_A = "argon2-cffi 21.1 hash_secret in Django Argon2PasswordHasher's layout ('argon2' + PHC); re-checked with passlib django_argon2"
for pw, note in passwords():
    add(vector("django-argon2", pw, make_django_argon2(pw, b"saltsaltsaltsalt", 1, 256, 1), SRC_A, "argon2id m=256, " + note))
add(vector("django-argon2", b"password", make_django_argon2(b"password", b"somesaltsomesalt", 2, 512, 2, "i"), SRC_A, "Django 1.10-3.1 style argon2i m=512 t=2 p=2"))
add(vector("django-argon2", b"password", make_django_argon2(b"password", b"somesaltsomesalt", 2, 512, 2, "i", 16), SRC_A, "argon2 v=1.0 (no v= field)"))
add(vector("django-argon2", "Pässword1!".encode(), "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYQ$o7Qmc2nabNDJMLUAGwGYqpY5So/ze4QsB5P6UgD40Ig", "formats.md §16 [V-gen] (argon2-cffi, Django 3.2 defaults)", "realistic default m=102400 t=2 p=8"))

SRC_SC = "Python 3.11 hashlib.scrypt running Django ScryptPasswordHasher.encode (4.0+)"
for pw, note in passwords():
    add(vector("django-scrypt", pw, make_django_scrypt(pw, "saltsaltsaltsaltsaltsa", 1024, 8, 1), SRC_SC, "N=1024, " + note))
add(vector("django-scrypt", b"password", make_django_scrypt(b"password", "x", 16, 1, 2), SRC_SC, "N=16 r=1 p=2, 1-char salt"))
add(vector("django-scrypt", "Pässword1!".encode(), "scrypt$16384$saltsaltsaltsaltsaltsa$8$5$4/sAJYK6u8/6BV0TWoTCvWHBVEQt/A6aHz2HsR+wvLxZadB/wZH/oLwNKb1KKJt61iKfIKrNV7IX+LVFtugl/Q==", "formats.md §16 [V-gen] (hashlib.scrypt, Django's formula)", "N=2^14 r=8 p=5"))
add(vector("django-scrypt", b"password", make_django_scrypt(b"password", "Vq2Zt0DkCvXbP5sQhY8nRw", 2 ** 14, 8, 1), SRC_SC, "realistic default N=2^14 r=8 p=1"))

sys.exit(1 if check_and_dump(
    "Django hashers: sha1/md5 (salted and unsalted), crypt, argon2, scrypt.",
    "scripts/vectors/django.py", V,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "vectors", "django.json") if "--write" in sys.argv else None) else 0)
