"""Generates test/vectors/pbkdf2.json: every PBKDF2 layout of src/algorithms/pbkdf2.ts.
Formulas in scripts/ref/kdfref.py (hashlib / passlib), each re-checked by passlib's handler where
one exists; plus published vectors (hashcat example hashes, RustCrypto pbkdf2 test, formats.md).
Run: /usr/bin/python3 scripts/vectors/pbkdf2.py [--write]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from kdfref import *  # noqa: E402,F401,F403

PY = "Python 3.11 hashlib.pbkdf2_hmac"
V = []
add = V.append

# ---- Django ----
SRC_DJ = PY + " running Django hashers.py PBKDF2PasswordHasher.encode; re-checked with passlib django_pbkdf2_*"
for pw, note in passwords():
    add(vector("django-pbkdf2", pw, make_django_pbkdf2(pw, "saltsaltsaltsaltsaltsa", 1000), SRC_DJ, note))
add(vector("django-pbkdf2", b"Pa$$w0rd", make_django_pbkdf2(b"Pa$$w0rd", "aB3dE6gH9jK2", 1000, "sha1"), SRC_DJ, "pbkdf2_sha1, 12-char salt (Django 1.4 style)"))
add(vector("django-pbkdf2", "Pässword1!".encode(), make_django_pbkdf2("Pässword1!".encode(), "x", 1, "sha1"), SRC_DJ, "pbkdf2_sha1, 1 iteration, 1-char salt"))
add(vector("django-pbkdf2", b"hashcat", "pbkdf2_sha256$10000$1135411628$bFYX62rfJobJ07VwrUMXfuffLfj2RDM2G6/BrTrUWkE=", "hashcat 6.2.6 example hash, mode 10000", "published"))
add(vector("django-pbkdf2", "Pässword1!".encode(), "pbkdf2_sha256$870000$saltsaltsaltsaltsaltsa$JBzyxaYW8ftCo2SnNY3sN6UJmARnfbkTf+7bYICYCZk=", "formats.md §16 [V-gen] (Django 5.0 default 870,000 iterations)", "realistic default"))
add(vector("django-pbkdf2", "Pässword1!".encode(), "pbkdf2_sha1$260000$saltsaltsaltsaltsaltsa$iaNAoHEF+gEw4PNU9yF6GHRylbs=", "formats.md §16 [V-gen]", "pbkdf2_sha1 260,000"))

# ---- passlib ----
SRC_PL = "passlib 1.7.4 pbkdf2_sha1/sha256/sha512.using(salt, rounds).hash; re-checked with hashlib"
for alg in ("sha1", "sha256", "sha512"):
    for pw, note in passwords():
        if alg != "sha256" and note not in ("ASCII", "UTF-8 (2-byte chars)", "empty password"):
            continue
        add(vector("passlib-pbkdf2", pw, make_passlib_pbkdf2(pw, bytes(range(16)), 1000, alg), SRC_PL, "%s, %s" % (alg, note)))
add(vector("passlib-pbkdf2", b"password", make_passlib_pbkdf2(b"password", b"", 1, "sha256"), SRC_PL, "empty salt, 1 round"))
add(vector("passlib-pbkdf2", b"password", make_passlib_pbkdf2(b"password", b"\xfb\xff" * 5, 10, "sha512"), SRC_PL, "salt with '.' in ab64, odd length"))
add(vector("passlib-pbkdf2", b"hashcat", "$pbkdf2$131000$r5WythYixPgfQ2jt3buXcg$8Kdr.QQEOaZIXNOrrru36I/.6Po", "hashcat 6.2.6 example hash, mode 20400", "published"))
add(vector("passlib-pbkdf2", b"hashcat", "$pbkdf2-sha256$29000$x9h7j/Ge8x6DMEao1VqrdQ$kra3R1wEnY8mPdDWOpTqOTINaAmZvRMcYd8u5OBQP9A", "hashcat 6.2.6 example hash, mode 20300", "published, passlib default rounds"))
add(vector("passlib-pbkdf2", b"hashcat", "$pbkdf2-sha512$25000$LyWE0HrP2RsjZCxlDGFMKQ$1vC5Ohk2mCS9b6akqsEfgeb4l74SF8XjH.SljXf3dMLHdlY1GK9ojcCKts6/asR4aPqBmk74nCDddU3tvSCJvw", "hashcat 6.2.6 example hash, mode 20200", "published"))

# ---- PHC ----
SRC_PHC = PY + " in RustCrypto pbkdf2's PHC layout (i=, l=, B64 salt bytes)"
add(vector("pbkdf2-phc", b"passwordPASSWORDpassword", "$pbkdf2-sha256$i=4096,l=40$c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q", "RustCrypto/password-hashes pbkdf2/src/phc.rs test EXPECTED_HASH", "published"))
for pw, note in passwords():
    add(vector("pbkdf2-phc", pw, make_pbkdf2_phc(pw, b"0123456789abcdef", 1000), SRC_PHC, note))
add(vector("pbkdf2-phc", b"password", make_pbkdf2_phc(b"password", b"saltsalt", 600000, 32), SRC_PHC, "realistic default (pbkdf2 0.12+: 600,000)"))
add(vector("pbkdf2-phc", b"password", make_pbkdf2_phc(b"password", b"\x00\xff" * 8, 10, 64, "sha512"), SRC_PHC, "sha512, 64-byte output"))
add(vector("pbkdf2-phc", b"password", make_pbkdf2_phc(b"password", b"saltsalt", 10, 20, "sha1"), SRC_PHC, "$pbkdf2$ (SHA-1), 20 bytes"))
add(vector("pbkdf2-phc", b"password", make_pbkdf2_phc(b"password", b"saltsalt", 10, 32, with_l=False), SRC_PHC, "@phc/pbkdf2 style: i= only"))

# ---- Werkzeug ----
SRC_WZ = PY + " running werkzeug/security.py _hash_internal (pbkdf2)"
for pw, note in passwords(raw=False):
    add(vector("werkzeug-pbkdf2", pw, make_werkzeug_pbkdf2(pw, "saltsaltsaltsalt", "pbkdf2:sha256:1000"), SRC_WZ, note))
add(vector("werkzeug-pbkdf2", b"secret", make_werkzeug_pbkdf2(b"secret", "AbCd1234", "pbkdf2:sha1:1000"), SRC_WZ, "0.9 default pbkdf2:sha1:1000, 8-char salt"))
add(vector("werkzeug-pbkdf2", b"secret", make_werkzeug_pbkdf2(b"secret", "AbCd1234", "pbkdf2:sha512:10"), SRC_WZ, "sha512"))
add(vector("werkzeug-pbkdf2", b"secret", make_werkzeug_pbkdf2(b"secret", "AbCd1234", "pbkdf2:md5:10"), SRC_WZ, "md5"))
add(vector("werkzeug-pbkdf2", "Pässword1!".encode(), "pbkdf2:sha256:600000$saltsaltsaltsalt$14907a3dce6101c659fa35e166d8067572a48918ba6b4944db810a8f916f5f13", "formats.md §17 [V-gen] (Werkzeug 2.3 default)", "realistic default"))
h = make_werkzeug_pbkdf2(b"secret", "AbCd1234", "pbkdf2:sha256:1000")
add(vector("werkzeug-pbkdf2", b"secret", h.replace("pbkdf2:sha256:1000$", "pbkdf2:sha256$"), SRC_WZ + "; count omitted: Werkzeug 0.9-0.11 read DEFAULT_PBKDF2_ITERATIONS = 1000", "iterations omitted (0.9 default 1000)"))

# ---- ASP.NET Identity ----
SRC_V2 = PY + " running AspNetWebStack Crypto.HashPassword (Rfc2898DeriveBytes, 1000 it., 32 bytes)"
SRC_V3 = PY + " running aspnetcore PasswordHasher.HashPasswordV3 layout"
for pw, note in passwords(raw=False):
    add(vector("aspnet-identity-v2", pw, make_aspnet_v2(pw, b"0123456789abcdef"), SRC_V2, note))
add(vector("aspnet-identity-v2", "Pässword1!".encode(), "ADAxMjM0NTY3ODlhYmNkZWbISCs1ogM6Ibuy59x4JhMMeS9LbFsAyccX1zBbseZVDg==", "formats.md §18 [V-gen] (PHP hash_pbkdf2)", "formats.md vector"))
for pw, note in passwords(raw=False):
    add(vector("aspnet-identity-v3", pw, make_aspnet_v3(pw, b"0123456789abcdef", 1, 1000), SRC_V3, "HMACSHA256, " + note))
add(vector("aspnet-identity-v3", b"P@ssw0rd", make_aspnet_v3(b"P@ssw0rd", b"\x01" * 16, 1, 10000), SRC_V3, "Core 1.0-6.0 default: SHA256 / 10,000"))
add(vector("aspnet-identity-v3", b"P@ssw0rd", make_aspnet_v3(b"P@ssw0rd", b"\x02" * 16, 2, 100000), SRC_V3, "7.0+ default: SHA512 / 100,000"))
add(vector("aspnet-identity-v3", b"P@ssw0rd", make_aspnet_v3(b"P@ssw0rd", b"\x03" * 24, 0, 100, 20), SRC_V3, "HMACSHA1, 24-byte salt, 20-byte subkey"))
add(vector("aspnet-identity-v3", "Pässword1!".encode(), "AQAAAAIAAYagAAAAEDAxMjM0NTY3ODlhYmNkZWaj0A0rx0uXTvAWWkMFWir0qtXTyedVVPhxr/sL1qtUzQ==", "formats.md §18 [V-gen] (PHP hash_pbkdf2)", "formats.md vector SHA512/100000"))

# ---- Atlassian ----
SRC_AT = "passlib 1.7.4 atlassian_pbkdf2_sha1.using(salt).hash"
for pw, note in passwords():
    add(vector("atlassian-pkcs5s2", pw, make_atlassian(pw, b"0123456789abcdef"), SRC_AT, note))
add(vector("atlassian-pkcs5s2", b"hashcat", "{PKCS5S2}NTczNTY0NDY2NjQyNzU1Mx8gGiRGobaZYwumctGHbn2ZOHB8LkwzH+Z1gkWfy1zD", "hashcat 6.2.6 example hash, mode 12001", "published"))

# ---- Hybris ----
SRC_HY = PY + " running Hybris PBKDF2WithHmacSHA1SaltedPasswordEncoder (hex salt decoded, key = hash length)"
for pw, note in passwords(raw=False):
    add(vector("hybris-pbkdf2", pw, make_hybris(pw, b"0123456789abcdef", 10), SRC_HY, note))
add(vector("hybris-pbkdf2", "Pässword1!".encode(), make_hybris("Pässword1!".encode(), b"0123456789abcdef"), SRC_HY, "encoder defaults: 1000 it., 16-byte salt, 512-bit key (formats.md §11)"))
add(vector("hybris-pbkdf2", b"nimda", make_hybris(b"nimda", b"\xaa" * 8, 5, 160), SRC_HY, "8-byte salt, 160-bit key"))

# ---- Keycloak ----
SRC_KC = PY + " running Keycloak Pbkdf2PasswordHashProvider.encodedCredential"
salt = b"0123456789abcdef"
for alg in ("pbkdf2", "pbkdf2-sha256", "pbkdf2-sha512"):
    for pw, note in passwords(raw=False):
        if alg != "pbkdf2-sha256" and note not in ("ASCII", "UTF-8 (2-byte chars)"):
            continue
        val = keycloak_value(pw, salt, 100, alg)
        rec = json.dumps({"value": val, "salt": b64(salt), "hashIterations": 100, "algorithm": alg}, separators=(",", ":"))
        add(vector("keycloak", pw, rec, SRC_KC, "%s flat JSON, %s" % (alg, note)))
val = keycloak_value(b"admin", salt, 27500, "pbkdf2-sha256")
secret = json.dumps({"value": val, "salt": b64(salt), "additionalParameters": {}}, separators=(",", ":"))
cred = json.dumps({"hashIterations": 27500, "algorithm": "pbkdf2-sha256", "additionalParameters": {}}, separators=(",", ":"))
add(vector("keycloak", b"admin", json.dumps({"type": "password", "createdDate": 1700000000000, "secretData": secret, "credentialData": cred}, separators=(",", ":")), SRC_KC, "realm-export credential (secretData/credentialData as JSON text), 27,500 it. default"))
add(vector("keycloak", b"admin", json.dumps({"secret_data": json.loads(secret), "credential_data": json.loads(cred)}), SRC_KC, "DB columns as objects"))
v256 = keycloak_value(b"admin", salt, 100, "pbkdf2-sha256", 256)
add(vector("keycloak", b"admin", json.dumps({"value": v256, "salt": b64(salt), "hashIterations": 100, "algorithm": "pbkdf2-sha256"}), SRC_KC, "256-bit key"))
add(vector("keycloak-pbkdf2", "Pässword1!".encode(), "JMgOZGTvMM/U5ZcCHkX2HnFlPxt1SoDGthpIy9sFbD00GGG6D5F0gbYTORZqTQYH0+AeRkHhIMkcYRLK+8SFPA==", "formats.md §20 [V-gen] (PHP hash_pbkdf2)", "bare value + options", options={"salt": b64(salt), "params": {"hashIterations": 27500, "algorithm": "pbkdf2-sha256"}}))
for pw, note in passwords(raw=False)[:3]:
    add(vector("keycloak-pbkdf2", pw, keycloak_value(pw, salt, 100, "pbkdf2-sha512"), SRC_KC, "bare value, sha512, " + note, options={"salt": b64(salt), "params": {"hashIterations": 100, "algorithm": "pbkdf2-sha512"}}))
add(vector("keycloak-pbkdf2", b"admin", keycloak_value(b"admin", salt, 100, "pbkdf2-sha256"), SRC_KC, "algorithm omitted: pbkdf2-sha256", options={"salt": b64(salt), "params": {"hashIterations": "100"}}))

sys.exit(1 if check_and_dump(
    "PBKDF2 layouts: Django, passlib, PHC (RustCrypto), Werkzeug, ASP.NET Identity v2/v3, Atlassian {PKCS5S2}, SAP Hybris, Keycloak.",
    "scripts/vectors/pbkdf2.py", V,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "vectors", "pbkdf2.json") if "--write" in sys.argv else None) else 0)
