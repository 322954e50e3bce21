"""Python reference functions shared by scripts/ref/oracle.py and scripts/ref/check_vectors.py.

Everything here is computed by third-party libraries (hashlib, hmac, passlib 1.7.4,
pyca/bcrypt, argon2-cffi) — never by legacy-hash. Use /usr/bin/python3 (Debian packages).
"""
import base64
import hashlib
import hmac
import os
import re
import sys
import warnings

import argon2
import bcrypt
import passlib
import passlib.exc
from argon2.exceptions import VerificationError, VerifyMismatchError, InvalidHash
from argon2.low_level import Type, hash_secret, hash_secret_raw, verify_secret
from passlib.hash import bcrypt as passlib_bcrypt
from passlib.hash import phpass
from passlib.utils.binary import h64

# passlib warns (and still normalises) on a non-canonical 22nd bcrypt salt char; we test that case on purpose.
warnings.filterwarnings("ignore", message=".*incorrectly set padding bits.*")

ARGON2_TYPES = {"d": Type.D, "i": Type.I, "id": Type.ID}
DIGESTS = ("md5", "sha1", "sha256", "sha512")


def versions():
    return {
        "python": sys.version.split()[0],
        "passlib": passlib.__version__,
        "bcrypt": bcrypt.__version__,
        "argon2-cffi": argon2.__version__,
    }


# ------------------------------------------------------------------------------------------
# Producing hashes (oracle)
# ------------------------------------------------------------------------------------------


def hash_digest(scheme, pw, params):
    out = hashlib.new(scheme, pw).hexdigest()
    return out.upper() if params.get("upper") else out


def hash_phpass(pw, params):
    log2 = int(params.get("countLog2", 13))
    ident = params.get("ident", "P")
    if ident not in ("P", "H"):
        raise ValueError("ident must be P or H")
    kw = {"rounds": log2, "ident": ident}
    if "salt8" in params:
        kw["salt"] = params["salt8"]
    elif "saltHex" in params:
        raw = bytes.fromhex(params["saltHex"])
        if len(raw) != 6:
            raise ValueError("saltHex must be 6 bytes")
        kw["salt"] = h64.encode_bytes(raw).decode("ascii")  # = phpass encode64(raw, 6)
    return phpass.using(**kw).hash(pw)


def hash_bcrypt(pw, params):
    ident = params.get("ident", "2b")
    if ident != "2b":
        raise ValueError("the pyca oracle only produces $2b$ (use oracle.php for 2a/2x/2y)")
    cost = int(params.get("cost", 10))
    if "salt22" in params:
        setting = ("$2b$%02d$%s" % (cost, params["salt22"])).encode("ascii")
    else:
        setting = bcrypt.gensalt(rounds=cost, prefix=b"2b")
    return bcrypt.hashpw(pw, setting).decode("ascii")


def hash_argon2(pw, params):
    salt = bytes.fromhex(params["saltHex"]) if "saltHex" in params else os.urandom(16)
    out = hash_secret(
        pw,
        salt,
        time_cost=int(params.get("t", 2)),
        memory_cost=int(params.get("m", 65536)),
        parallelism=int(params.get("p", 1)),
        hash_len=int(params.get("hashLen", 32)),
        type=ARGON2_TYPES[params.get("type", "id")],
        version=int(params.get("version", 19)),
    )
    return out.decode("ascii")


def oracle_hash(scheme, pw, params):
    if scheme in DIGESTS:
        return hash_digest(scheme, pw, params)
    if scheme == "phpass":
        return hash_phpass(pw, params)
    if scheme == "bcrypt":
        return hash_bcrypt(pw, params)
    if scheme == "argon2":
        return hash_argon2(pw, params)
    if scheme == "versions":
        import json

        return json.dumps(versions())
    raise ValueError("unsupported scheme %r" % (scheme,))


# ------------------------------------------------------------------------------------------
# Verifying (independent second reference). Returns True/False, or None when no independent
# Python reference exists for that input (the caller then relies on PHP alone).
# ------------------------------------------------------------------------------------------


def _bcrypt_verify(pw, h):
    """passlib.hash.bcrypt (pyca backend) for $2a$/$2b$/$2y$; None where it is not a reference."""
    if not re.match(r"^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$", h):
        return None  # $2x$ (crypt_blowfish bug mode) and malformed strings: PHP only
    if b"\x00" in pw:
        return None  # pyca/passlib refuse NUL; PHP crypt() stops at it
    if h.startswith("$2a$") and b"\xff" in pw:
        return None  # crypt_blowfish's $2a$ countermeasure (formats.md E.4) is PHP/Openwall only
    # passlib normalises a non-canonical 22nd salt char before hashing; PHP's full-string compare
    # does not. Use pyca checkpw (full-string compare of its own output) for that case.
    try:
        canonical = passlib_bcrypt.verify(pw, h)
    except ValueError:
        canonical = False
    recomputed = bcrypt.hashpw(pw, h.replace("$2y$", "$2b$", 1).encode("ascii")).decode("ascii")
    full = recomputed[4:] == h[4:]
    return canonical and full


def _phpass_verify(pw, h):
    try:
        return phpass.verify(pw, h)
    except (ValueError, passlib.exc.PasswordSizeError):
        return False


def _argon2_verify(pw, h):
    m = re.match(r"^\$argon2(id|i|d)\$", h)
    if not m:
        return False
    try:
        return verify_secret(h.encode("ascii"), pw, ARGON2_TYPES[m.group(1)])
    except (VerifyMismatchError, VerificationError, InvalidHash):
        return False


def _wp_verify(pw, h):
    if len(pw) > 4096:
        return False
    if not h.startswith("$wp"):
        return None
    pre = base64.b64encode(hmac.new(b"wp-sha384", pw, hashlib.sha384).digest())
    return _bcrypt_verify(pre, h[3:])


def _magento1_verify(pw, h):
    if len(pw) > 256:
        return False
    if h.startswith("$"):
        return None
    parts = h.split(":", 1)
    salt = parts[1].encode("utf-8") if len(parts) == 2 else b""
    for algo in ("sha512", "sha256", "md5"):
        if hmac.compare_digest(hashlib.new(algo, salt + pw).hexdigest(), parts[0]):
            return True
    return False


def _magento2_argon(data, salt, seed, ops, mem):
    if len(salt) < 16:
        salt = (salt * 16)[:16]  # str_pad($salt, 16, $salt)
    salt = salt[:16]
    raw = hash_secret_raw(data, salt, time_cost=ops, memory_cost=mem // 1024, parallelism=1,
                          hash_len=seed, type=Type.ID, version=19)
    return raw.hex().encode("ascii")


def _magento2_verify(pw, h):
    parts = h.split(":", 2)
    if len(parts) != 3:
        return False
    expected, salt, vers = parts[0], parts[1].encode("utf-8"), parts[2].split(":")
    cur = pw
    for v in vers:
        m = re.match(r"^3_(\d+)_(\d+)_(\d+)$", v)
        if m:
            cur = _magento2_argon(cur, salt, int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif v == "2":
            cur = _magento2_argon(cur, salt, 32, 2, 67108864)
        elif v == "0":
            cur = hashlib.md5(salt + cur).hexdigest().encode("ascii")
        elif v == "1":
            cur = hashlib.sha256(salt + cur).hexdigest().encode("ascii")
        else:
            return None  # PHP (int) casts of odd tokens: PHP reference only
    return hmac.compare_digest(cur, expected.encode("ascii"))


def py_verify(scheme, pw, h):
    if scheme in DIGESTS:
        return hashlib.new(scheme, pw).hexdigest() == h.lower()
    if scheme == "phpass":
        return _phpass_verify(pw, h)
    if scheme == "bcrypt":
        return _bcrypt_verify(pw, h)
    if scheme == "argon2":
        return _argon2_verify(pw, h)
    if scheme == "wordpress":
        return _wp_verify(pw, h)
    if scheme == "magento1":
        return _magento1_verify(pw, h)
    if scheme == "magento2":
        return _magento2_verify(pw, h)
    return None
