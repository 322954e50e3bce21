"""Python references for the KDF families (PBKDF2 layouts, Django, Werkzeug, scrypt, bcrypt
pre-hash wrappers, ASP.NET Membership, MySQL, PostgreSQL). Used by scripts/vectors/{pbkdf2,django,
werkzeug,scrypt,bcrypt_wrappers,aspnet_membership,mysql,postgres}.py and by the live oracle
scripts/ref/kdf_oracle.py. Nothing here imports legacy-hash.

Two kinds of functions:
- make_<scheme>(pw: bytes, **params) -> stored string: the platform's formula as its source writes
  it, with hashlib / hmac / passlib / pyca-bcrypt / argon2-cffi / libxcrypt (crypt module) /
  cryptography (AES-CTR) doing the cryptography. Sources are cited per function.
- confirm(scheme, pw, stored, options) -> True / False / None: an independent second check
  (passlib's handler, libxcrypt, or a second formula path) where one exists; None = no second
  reference.
Run with /usr/bin/python3 (Debian python3-passlib 1.7.4, python3-bcrypt 3.2.2, python3-argon2,
python3-cryptography).
"""
import base64
import hashlib
import hmac
import json
import stringprep
import struct
import unicodedata
import warnings

warnings.filterwarnings("ignore")

import bcrypt as pyca_bcrypt  # noqa: E402
from argon2.low_level import Type, hash_secret  # noqa: E402
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes  # noqa: E402
from passlib import hash as ph  # noqa: E402

try:
    import crypt as _crypt  # libxcrypt (deprecated module, present in 3.11)
except ImportError:  # pragma: no cover
    _crypt = None

DIGEST_SIZE = {"md5": 16, "sha1": 20, "sha224": 28, "sha256": 32, "sha384": 48, "sha512": 64}


def b64(b):
    return base64.b64encode(b).decode("ascii")


def b64nopad(b):
    return b64(b).rstrip("=")


def ab64(b):
    return b64nopad(b).replace("+", ".")


def text(pw):
    """Python platforms receive str; every vector password here is valid UTF-8 unless raw."""
    return pw.decode("utf-8")


# ------------------------------------------------------------------------------------------
# PBKDF2 layouts
# ------------------------------------------------------------------------------------------


def make_django_pbkdf2(pw, salt, iterations, alg="sha256"):
    # django/contrib/auth/hashers.py PBKDF2PasswordHasher.encode: pbkdf2(password, salt,
    # iterations, digest) (dklen = digest size), base64.b64encode(hash).decode().strip()
    dk = hashlib.pbkdf2_hmac(alg, pw, salt.encode("utf-8"), iterations)
    return "pbkdf2_%s$%d$%s$%s" % (alg, iterations, salt, b64(dk))


def make_passlib_pbkdf2(pw, salt_bytes, rounds, alg="sha256"):
    handler = {"sha1": ph.pbkdf2_sha1, "sha256": ph.pbkdf2_sha256, "sha512": ph.pbkdf2_sha512}[alg]
    return handler.using(salt=salt_bytes, rounds=rounds).hash(pw)


def make_pbkdf2_phc(pw, salt_bytes, rounds, length=32, alg="sha256", with_l=True):
    # RustCrypto pbkdf2 (phc.rs / simple.rs): $pbkdf2-sha256$i=<rounds>,l=<len>$<B64 salt>$<B64 hash>
    dk = hashlib.pbkdf2_hmac(alg, pw, salt_bytes, rounds, length)
    ident = "pbkdf2" if alg == "sha1" else "pbkdf2-" + alg
    params = "i=%d,l=%d" % (rounds, length) if with_l else "i=%d" % rounds
    return "$%s$%s$%s$%s" % (ident, params, b64nopad(salt_bytes), b64nopad(dk))


def make_werkzeug_pbkdf2(pw, salt, method):
    # werkzeug/security.py _hash_internal (0.9-2.2 and 2.3+): pbkdf2[:hash[:iterations]]
    parts = method.split(":")
    alg = parts[1] if len(parts) > 1 else "sha256"
    iterations = int(parts[2]) if len(parts) > 2 and parts[2] else None
    if iterations is None:
        raise ValueError("give the iteration count explicitly")
    dk = hashlib.pbkdf2_hmac(alg, pw, salt.encode("utf-8"), iterations)
    return "%s$%s$%s" % (method, salt, dk.hex())


def make_aspnet_v2(pw, salt16):
    # AspNetWebStack Crypto.HashPassword: Rfc2898DeriveBytes(password, 16, 1000) -> 0x00 . salt . subkey32
    dk = hashlib.pbkdf2_hmac("sha1", pw, salt16, 1000, 32)
    return b64(b"\x00" + salt16 + dk)


def make_aspnet_v3(pw, salt, prf, iterations, key_len=32):
    # aspnetcore PasswordHasher.HashPasswordV3: 0x01, WriteNetworkByteOrder(prf, iter, saltLen)
    alg = {0: "sha1", 1: "sha256", 2: "sha512"}[prf]
    dk = hashlib.pbkdf2_hmac(alg, pw, salt, iterations, key_len)
    return b64(b"\x01" + struct.pack(">III", prf, iterations, len(salt)) + salt + dk)


def make_atlassian(pw, salt16):
    return ph.atlassian_pbkdf2_sha1.using(salt=salt16).hash(pw)


def make_hybris(pw, salt, iterations=1000, key_bits=512):
    # PBKDF2WithHmacSHA1SaltedPasswordEncoder: iterations ':' hex(salt) ':' hex(hash)
    dk = hashlib.pbkdf2_hmac("sha1", pw, salt, iterations, key_bits // 8)
    return "%d:%s:%s" % (iterations, salt.hex(), dk.hex())


KEYCLOAK_ALG = {"pbkdf2": "sha1", "pbkdf2-sha256": "sha256", "pbkdf2-sha512": "sha512"}


def keycloak_value(pw, salt, iterations, algorithm, key_bits=512):
    # Pbkdf2PasswordHashProvider.encodedCredential: PBEKeySpec(pw, salt, iterations, keySize), Base64
    return b64(hashlib.pbkdf2_hmac(KEYCLOAK_ALG[algorithm], pw, salt, iterations, key_bits // 8))


# ------------------------------------------------------------------------------------------
# Django
# ------------------------------------------------------------------------------------------


def make_django_salted(pw, salt, alg):
    # SHA1PasswordHasher / MD5PasswordHasher: hashlib.<alg>((salt + password).encode()).hexdigest()
    return "%s$%s$%s" % (alg, salt, hashlib.new(alg, salt.encode("utf-8") + pw).hexdigest())


def make_django_crypt(pw, salt2):
    return "crypt$$" + _crypt.crypt(text(pw), salt2)


def make_django_argon2(pw, salt, t, m, p, typ="id", version=19, hash_len=32):
    # Argon2PasswordHasher.encode: self.algorithm + argon2.low_level.hash_secret(...).decode()
    t_ = {"i": Type.I, "d": Type.D, "id": Type.ID}[typ]
    data = hash_secret(pw, salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=hash_len, type=t_, version=version)
    return "argon2" + data.decode("ascii")


def make_django_scrypt(pw, salt, n, r, p):
    # ScryptPasswordHasher.encode (4.0+): hashlib.scrypt(..., dklen=64), "%s$%d$%s$%d$%d$%s"
    dk = hashlib.scrypt(pw, salt=salt.encode("utf-8"), n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=64)
    return "scrypt$%d$%s$%d$%d$%s" % (n, salt, r, p, b64(dk))


# ------------------------------------------------------------------------------------------
# Werkzeug
# ------------------------------------------------------------------------------------------


def make_werkzeug_hmac(pw, salt, method):
    # 0.6.1 _hash_internal: hmac.new(salt, password, method) if salt else hashlib.new(method, password)
    if salt:
        return "%s$%s$%s" % (method, salt, hmac.new(salt.encode("utf-8"), pw, method).hexdigest())
    return "%s$$%s" % (method, hashlib.new(method, pw).hexdigest())


def make_werkzeug_scrypt(pw, salt, n=2 ** 15, r=8, p=1):
    # 2.3+ _hash_internal: hashlib.scrypt(password, salt=salt, n, r, p, maxmem=132*n*r*p).hex()
    # Werkzeug passes maxmem=132*n*r*p, which OpenSSL rejects for tiny n (Werkzeug itself then
    # fails); a larger maxmem changes nothing else, so small test parameters stay usable.
    dk = hashlib.scrypt(pw, salt=salt.encode("utf-8"), n=n, r=r, p=p, maxmem=max(132 * n * r * p, 64 * 1024 * 1024), dklen=64)
    return "scrypt:%d:%d:%d$%s$%s" % (n, r, p, salt, dk.hex())


# ------------------------------------------------------------------------------------------
# scrypt
# ------------------------------------------------------------------------------------------


def make_passlib_scrypt(pw, salt, ln, r=8, p=1):
    return ph.scrypt.using(salt=salt, rounds=ln, block_size=r, parallelism=p).hash(pw)


def make_scrypt_7(pw, setting):
    return _crypt.crypt(text(pw), setting)


def make_hashcat_scrypt(pw, salt, n, r, p, dklen=32):
    dk = hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=dklen)
    return "SCRYPT:%d:%d:%d:%s:%s" % (n, r, p, b64(salt), b64(dk))


def firebase_hash(pw, salt_b64, signer_b64, sep_b64, rounds, mem_cost):
    # firebase/scrypt: scrypt(pw, salt . sep, 2^mem_cost, rounds, 1, 64); AES-256-CTR(dk[:32], iv 0) of the signer key
    dk = hashlib.scrypt(pw, salt=base64.b64decode(salt_b64) + base64.b64decode(sep_b64), n=2 ** mem_cost, r=rounds, p=1, maxmem=512 * 1024 * 1024, dklen=64)
    enc = Cipher(algorithms.AES(dk[:32]), modes.CTR(b"\x00" * 16)).encryptor()
    return b64(enc.update(base64.b64decode(signer_b64)) + enc.finalize())


# ------------------------------------------------------------------------------------------
# bcrypt wrappers
# ------------------------------------------------------------------------------------------


def make_passlib_bcrypt_sha256(pw, salt22, rounds, version, ident="2b"):
    return ph.bcrypt_sha256.using(version=version, salt=salt22, rounds=rounds, ident=ident).hash(pw)


def make_django_bcrypt_sha256(pw, setting):
    # BCryptSHA256PasswordHasher.encode: hexlify(sha256(pw).digest()); bcrypt.hashpw
    return "bcrypt_sha256$" + pyca_bcrypt.hashpw(hashlib.sha256(pw).hexdigest().encode("ascii"), setting.encode("ascii")).decode("ascii")


def make_django_bcrypt(pw, setting):
    return "bcrypt$" + pyca_bcrypt.hashpw(pw, setting.encode("ascii")).decode("ascii")


def make_bcrypt_prehash(pw, alg, setting):
    return pyca_bcrypt.hashpw(hashlib.new(alg, pw).hexdigest().encode("ascii"), setting.encode("ascii")).decode("ascii")


# ------------------------------------------------------------------------------------------
# ASP.NET Membership, MySQL, PostgreSQL
# ------------------------------------------------------------------------------------------

HMAC_KEY_BYTES = {"md5": 64, "sha1": 64, "sha256": 64, "sha384": 128, "sha512": 128}


def membership_key(salt, n):
    # SQLMembershipProvider.EncodePassword: salt as is / truncated / repeated to the key size
    if len(salt) >= n:
        return salt[:n]
    out = b""
    while len(out) < n:
        out += salt[: n - len(out)]
    return out


def make_membership(pw, salt_b64, algorithm):
    salt = base64.b64decode(salt_b64)
    data = text(pw).encode("utf-16-le")
    if algorithm.upper().startswith("HMAC"):
        alg = algorithm[4:].lower()
        return b64(hmac.new(membership_key(salt, HMAC_KEY_BYTES[alg]), data, alg).digest())
    return b64(hashlib.new(algorithm.lower(), salt + data).digest())


def make_mysql41(pw):
    return ph.mysql41.hash(pw)


def make_mysql323(pw):
    return ph.mysql323.hash(pw)


def make_postgres_md5(pw, user):
    return "md5" + hashlib.md5(pw + user.encode("utf-8")).hexdigest()


def saslprep(pw):
    """PostgreSQL src/common/saslprep.c pg_saslprep with the RFC 3454 (Unicode 3.2) tables of
    Python's stringprep module; None when PostgreSQL would fall back to the raw password."""
    if all(b < 0x80 for b in pw):
        return pw
    try:
        s = pw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # 1) map: C.1.2 -> space, B.1 -> nothing
    s = "".join(" " if stringprep.in_table_c12(c) else c for c in s if not stringprep.in_table_b1(c))
    # 2) normalize (NFKC, Unicode 3.2)
    s = unicodedata.ucd_3_2_0.normalize("NFKC", s)
    if not s:
        return None
    # 3) prohibited output, 4) unassigned code points
    for c in s:
        if (stringprep.in_table_c12(c) or stringprep.in_table_c21(c) or stringprep.in_table_c22(c) or stringprep.in_table_c3(c)
                or stringprep.in_table_c4(c) or stringprep.in_table_c5(c) or stringprep.in_table_c6(c) or stringprep.in_table_c7(c)
                or stringprep.in_table_c8(c) or stringprep.in_table_c9(c) or stringprep.in_table_a1(c)):
            return None
    # 5) bidi
    if any(stringprep.in_table_d1(c) for c in s):
        if any(stringprep.in_table_d2(c) for c in s):
            return None
        if not (stringprep.in_table_d1(s[0]) and stringprep.in_table_d1(s[-1])):
            return None
    return s.encode("utf-8")


def make_postgres_scram(pw, salt, iterations=4096):
    # auth-scram.c pg_be_scram_build_secret / scram-common.c, RFC 5802
    prepped = saslprep(pw)
    key = prepped if prepped is not None else pw
    salted = hashlib.pbkdf2_hmac("sha256", key, salt, iterations, 32)
    stored = hashlib.sha256(hmac.new(salted, b"Client Key", "sha256").digest()).digest()
    server = hmac.new(salted, b"Server Key", "sha256").digest()
    return "SCRAM-SHA-256$%d:%s$%s:%s" % (iterations, b64(salt), b64(stored), b64(server))


# ------------------------------------------------------------------------------------------
# Second references
# ------------------------------------------------------------------------------------------


def _passlib_verify(handler, pw, stored, **kw):
    try:
        return handler.verify(pw, stored, **kw)
    except (ValueError, TypeError):
        return False


def confirm(scheme, pw, stored, options=None):
    """Independent re-check of a vector; None when no second reference exists."""
    options = options or {}
    if scheme == "django-pbkdf2":
        h = ph.django_pbkdf2_sha1 if stored.startswith("pbkdf2_sha1$") else ph.django_pbkdf2_sha256
        return _passlib_verify(h, pw, stored)
    if scheme == "passlib-pbkdf2":
        alg, rounds, salt, chk = stored[1:].split("$")
        d = {"pbkdf2": "sha1", "pbkdf2-sha256": "sha256", "pbkdf2-sha512": "sha512"}[alg]
        s = base64.b64decode(salt.replace(".", "+") + "==")
        return ab64(hashlib.pbkdf2_hmac(d, pw, s, int(rounds))) == chk
    if scheme == "atlassian-pkcs5s2":
        return _passlib_verify(ph.atlassian_pbkdf2_sha1, pw, stored)
    if scheme in ("django-sha1", "django-md5"):
        alg, salt, _ = stored.split("$", 2)
        if salt == "":
            return hashlib.new(alg, pw).hexdigest() == stored.split("$", 2)[2].lower()
        return _passlib_verify(ph.django_salted_sha1 if alg == "sha1" else ph.django_salted_md5, pw, stored)
    if scheme == "django-crypt":
        return _passlib_verify(ph.django_des_crypt, pw, stored)
    if scheme == "django-argon2":
        return _passlib_verify(ph.django_argon2, pw, stored)
    if scheme == "django-bcrypt-sha256":
        return _passlib_verify(ph.django_bcrypt_sha256, pw, stored)
    if scheme == "django-bcrypt":
        return _passlib_verify(ph.django_bcrypt, pw, stored)
    if scheme == "passlib-bcrypt-sha256":
        return _passlib_verify(ph.bcrypt_sha256, pw, stored)
    if scheme in ("passlib-scrypt", "scrypt-crypt"):
        ok = _passlib_verify(ph.scrypt, pw, stored)
        if scheme == "scrypt-crypt" and _crypt is not None:
            ok = ok and _crypt.crypt(text(pw), stored) == stored
        return ok
    if scheme == "hashcat-scrypt":
        _, n, r, p, salt, h = stored.split(":")
        raw = base64.b64decode(h)
        if int(n) * int(r) * int(p) > 8192:
            return None  # the pure-Python engine is too slow beyond this
        return passlib_scrypt_raw(pw, base64.b64decode(salt), int(n), int(r), int(p), len(raw)) == raw
    if scheme == "mysql41":
        return _passlib_verify(ph.mysql41, pw, stored)
    if scheme == "mysql323":
        return _passlib_verify(ph.mysql323, pw, stored)
    if scheme == "postgres-md5":
        return _passlib_verify(ph.postgres_md5, pw, stored, user=options["username"])
    if scheme == "bcrypt-md5" or scheme.startswith("bcrypt-sha"):
        alg = scheme.split("-")[1]
        return pyca_bcrypt.checkpw(hashlib.new(alg, pw).hexdigest().encode("ascii"), stored.encode("ascii"))
    return None


def passlib_scrypt_raw(pw, salt, n, r, p, dklen):
    """passlib's own scrypt backend (pure Python when forced), independent of OpenSSL."""
    from passlib.crypto.scrypt._builtin import ScryptEngine
    return ScryptEngine.execute(pw, salt, n, r, p, dklen)


PASSWORDS = [
    (b"", "empty password"),
    (b"password", "ASCII"),
    ("P\u00e4ssword1!".encode("utf-8"), "UTF-8 (2-byte chars)"),
    ("\u5bc6\u7801\u30d1\u30b9\u30ef\u30fc\u30c9\U0001f511".encode("utf-8"), "CJK and emoji (3- and 4-byte UTF-8)"),
    (b"\xe9t\xe9 \xff", "raw 8-bit bytes (not UTF-8)"),
    (("correct horse battery staple " * 8).encode("ascii"), "long (232 bytes)"),
]


def passwords(raw=True):
    return [(pw, note) for pw, note in PASSWORDS if raw or note != "raw 8-bit bytes (not UTF-8)"]


def vector(scheme, pw, stored, source, note=None, options=None, match=True, detect=None):
    v = {"scheme": scheme, "passwordHex": pw.hex()}
    try:
        v["password"] = pw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    v["hash"] = stored
    if options:
        v["options"] = options
    v["match"] = match
    v["source"] = source
    if note:
        v["note"] = note
    if detect is not None:
        v["detect"] = detect
    return v


def check_and_dump(description, generator, vectors, out_path=None):
    """Re-checks each vector with the second reference (drops contradicted ones) and prints or
    writes the vector document. Returns the number of failures."""
    kept, failures = [], 0
    for v in vectors:
        pw = bytes.fromhex(v["passwordHex"])
        c = confirm(v["scheme"], pw, v["hash"], v.get("options"))
        if c is not None and c != v["match"]:
            failures += 1
            import sys
            sys.stderr.write("CONTRADICTED %s %s %s\n" % (v["scheme"], v.get("note"), v["hash"][:60]))
            continue
        kept.append(v)
    doc = json.dumps({"description": description, "generator": generator, "vectors": kept}, indent=4, ensure_ascii=False) + "\n"
    if out_path:
        with open(out_path, "w", encoding="utf-8") as f:
            f.write(doc)
    else:
        print(doc, end="")
    return failures
