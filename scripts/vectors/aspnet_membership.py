"""Generates test/vectors/aspnet-membership.json: SqlMembershipProvider EncodePassword, every
HashAlgorithmType, with Python hashlib / hmac (scripts/ref/kdfref.py make_membership); the
hashcat 140 example (sha1($salt.utf16le($pass)), raw salt) re-encoded in Membership's base64 columns.
Run: /usr/bin/python3 scripts/vectors/aspnet_membership.py [--write]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from kdfref import *  # noqa: E402,F401,F403

V = []
add = V.append

SRC = "Python 3.11 hashlib/hmac running referencesource SQLMembershipProvider.EncodePassword (%s)"
SALT = "MDEyMzQ1Njc4OUFCQ0RFRg=="  # 16 bytes "0123456789ABCDEF", as GenerateSalt writes
for pw, note in passwords(raw=False):
    add(vector("aspnet-membership", pw, make_membership(pw, SALT, "SHA1"), SRC % "SHA1, Framework20 default", "SHA1, " + note, {"salt": SALT}))
for alg in ("MD5", "SHA256", "SHA384", "SHA512", "HMACSHA1", "HMACMD5", "HMACSHA256", "HMACSHA384", "HMACSHA512"):
    add(vector("aspnet-membership", b"P@ssw0rd", make_membership(b"P@ssw0rd", SALT, alg), SRC % alg, alg, {"salt": SALT}))
    add(vector("aspnet-membership", b"P@ssw0rd", make_membership(b"P@ssw0rd", SALT, alg), SRC % alg, alg + " named in params", {"salt": SALT, "params": {"membershipHashAlgorithm": alg}}))
add(vector("aspnet-membership", b"P@ssw0rd", make_membership(b"P@ssw0rd", "AQID", "HMACSHA256"), SRC % "HMACSHA256, 3-byte salt repeated", "short salt repeated into the 64-byte key", {"salt": "AQID"}))
big = b64(bytes(range(130)))
add(vector("aspnet-membership", b"P@ssw0rd", make_membership(b"P@ssw0rd", big, "HMACSHA512"), SRC % "HMACSHA512, 130-byte salt cut to 128", "long salt truncated", {"salt": big}))
add(vector("aspnet-membership", "Pässword1!".encode(), "lYnl2b3SGLKFkCJgm237gF4/zuE=", "formats.md §19 [V-gen] (PHP)", "formats.md SHA1 vector", {"salt": SALT}))
add(vector("aspnet-membership", "Pässword1!".encode(), "b8zFJSJrN2qeYXob1govtT/JwEPJDP63NsOHBdG/yMc=", "formats.md §19 [V-gen] (PHP)", "formats.md HMACSHA256 (Framework40) vector", {"salt": SALT}))
add(vector("aspnet-membership", b"hashcat", b64(bytes.fromhex("03b83421e2aa6d872d1f8dee001dc226ef01722b")), "hashcat 6.2.6 example hash, mode 140 (salt '818436' as raw bytes, base64-encoded for the columns)", "published", {"salt": b64(b"818436")}))

sys.exit(1 if check_and_dump(
    "ASP.NET Membership (SqlMembershipProvider) hashed passwords: SHA1 default, MD5/SHA-2, HMAC variants with the salt-derived key.",
    "scripts/vectors/aspnet_membership.py", V,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "vectors", "aspnet-membership.json") if "--write" in sys.argv else None) else 0)
