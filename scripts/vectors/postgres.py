"""Generates test/vectors/postgres.json: md5 (passlib postgres_md5) and SCRAM-SHA-256
(RFC 5802 with hashlib/hmac; SASLprep with Python's stringprep = RFC 3454 / Unicode 3.2 tables,
as PostgreSQL's saslprep.c), hashcat examples 12 and 28600.
Run: /usr/bin/python3 scripts/vectors/postgres.py [--write]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from kdfref import *  # noqa: E402,F401,F403

V = []
add = V.append

for pw, note in passwords():
    add(vector("postgres-md5", pw, make_postgres_md5(pw, "postgres"), "Python hashlib running pg_md5_encrypt; re-checked with passlib postgres_md5", note, {"username": "postgres"}))
add(vector("postgres-md5", b"password", make_postgres_md5(b"password", "j\u00fcrgen"), "Python hashlib running pg_md5_encrypt; re-checked with passlib postgres_md5", "non-ASCII role name", {"username": "j\u00fcrgen"}))
add(vector("postgres-md5", b"hashcat", "md593a8cf6a7d43e3b5bcd2dc6abb3e02c6", "hashcat 6.2.6 example hash, mode 12 (hash:user -> md5 . hash)", "published", {"username": "27032153220030464358344758762807"}))
SRC = "Python hashlib/hmac running PostgreSQL auth-scram.c (RFC 5802) with SASLprep from stringprep (RFC 3454 tables)"
for pw, note in passwords():
    add(vector("postgres-scram", pw, make_postgres_scram(pw, b"0123456789abcdef", 64), SRC, "64 iterations, " + note))
add(vector("postgres-scram", "\u2163\u00a0x\u00ad".encode(), make_postgres_scram("\u2163\u00a0x\u00ad".encode(), b"saltsalt", 64), SRC, "SASLprep maps: NFKC (U+2163 -> IV), NBSP -> space, soft hyphen removed"))
add(vector("postgres-scram", "\u05d0a".encode(), make_postgres_scram("\u05d0a".encode(), b"saltsalt", 64), SRC, "bidi violation: PostgreSQL uses the raw password"))
add(vector("postgres-scram", b"password", make_postgres_scram(b"password", b"0123456789abcdef", 4096), SRC, "PostgreSQL default 4096 iterations"))
add(vector("postgres-scram", b"hashcat", "SCRAM-SHA-256$4096:IKfxzJ8Nq4PkLJCfgKcPmA==$iRw3qwTp18uaBnsTOEExbtgWdKeBMbSSnZvqD4sdqLQ=:hPciC1CcnBna3szR8Mf3MVc8t0W7QPbIHoMMrh4zRV0=", "hashcat 6.2.6 example hash, mode 28600", "published"))

sys.exit(1 if check_and_dump(
    "PostgreSQL role passwords: md5 (needs the role name) and SCRAM-SHA-256.",
    "scripts/vectors/postgres.py", V,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "vectors", "postgres.json") if "--write" in sys.argv else None) else 0)
