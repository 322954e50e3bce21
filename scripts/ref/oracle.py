#!/usr/bin/python3
"""Live reference oracle (Python side): JSON Lines in, JSON Lines out.

Request (one per line):  {"scheme": "...", "passwordHex": "...", "params": {...}}
Response (one per line): {"hash": "..."}  or  {"error": "..."}

Schemes (all computed by third-party libraries, never by legacy-hash):
  md5 | sha1 | sha256 | sha512   hashlib, lowercase hex (params: upper: true for UPPER hex)
  phpass   passlib.hash.phpass   params: countLog2 (7..30, default 13), ident "P"|"H" (default P),
                                 salt8 (8 hash64 chars) or saltHex (6 bytes, hash64-encoded like
                                 phpass gensalt_private); random salt when neither is given
  bcrypt   pyca/bcrypt hashpw    params: cost (4..31, default 10), ident "2b" only,
                                 salt22 (optional, else bcrypt.gensalt)
  argon2   argon2-cffi low level params: type "d"|"i"|"id" (default id), version 16|19 (default 19),
                                 m (KiB), t, p, saltHex (optional, else 16 random bytes),
                                 hashLen (default 32)

Run with /usr/bin/python3 (Debian python3-passlib, python3-bcrypt, python3-argon2).
"""
import hashlib
import json
import os
import sys

import argon2
import bcrypt
import passlib
from argon2.low_level import Type, hash_secret
from passlib.hash import phpass
from passlib.utils.binary import h64

ARGON2_TYPES = {"d": Type.D, "i": Type.I, "id": Type.ID}


def versions():
    return {
        "python": sys.version.split()[0],
        "passlib": passlib.__version__,
        "bcrypt": bcrypt.__version__,
        "argon2-cffi": argon2.__version__,
    }


def do_digest(scheme, pw, params):
    out = hashlib.new(scheme, pw).hexdigest()
    return out.upper() if params.get("upper") else out


def do_phpass(pw, params):
    log2 = int(params.get("countLog2", 13))
    ident = params.get("ident", "P")
    if ident not in ("P", "H"):
        raise ValueError("ident must be P or H")
    if "salt8" in params:
        salt = params["salt8"]
    elif "saltHex" in params:
        raw = bytes.fromhex(params["saltHex"])
        if len(raw) != 6:
            raise ValueError("saltHex must be 6 bytes")
        salt = h64.encode_bytes(raw).decode("ascii")
    else:
        salt = None
    kw = {"rounds": log2, "ident": ident}
    if salt is not None:
        kw["salt"] = salt
    return phpass.using(**kw).hash(pw)


def do_bcrypt(pw, params):
    ident = params.get("ident", "2b")
    if ident != "2b":
        raise ValueError("the pyca oracle only produces $2b$ (use oracle.php for 2a/2x/2y)")
    cost = int(params.get("cost", 10))
    if "salt22" in params:
        setting = ("$2b$%02d$%s" % (cost, params["salt22"])).encode("ascii")
    else:
        setting = bcrypt.gensalt(rounds=cost, prefix=b"2b")
    return bcrypt.hashpw(pw, setting).decode("ascii")


def do_argon2(pw, params):
    typ = ARGON2_TYPES[params.get("type", "id")]
    version = int(params.get("version", 19))
    salt = bytes.fromhex(params["saltHex"]) if "saltHex" in params else os.urandom(16)
    out = hash_secret(
        pw,
        salt,
        time_cost=int(params.get("t", 2)),
        memory_cost=int(params.get("m", 65536)),
        parallelism=int(params.get("p", 1)),
        hash_len=int(params.get("hashLen", 32)),
        type=typ,
        version=version,
    )
    return out.decode("ascii")


def handle(req):
    scheme = req.get("scheme")
    pw = bytes.fromhex(req.get("passwordHex", ""))
    params = req.get("params") or {}
    if scheme in ("md5", "sha1", "sha256", "sha512"):
        return do_digest(scheme, pw, params)
    if scheme == "phpass":
        return do_phpass(pw, params)
    if scheme == "bcrypt":
        return do_bcrypt(pw, params)
    if scheme == "argon2":
        return do_argon2(pw, params)
    if scheme == "versions":
        return json.dumps(versions())
    raise ValueError("unsupported scheme %r" % (scheme,))


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            resp = {"hash": handle(json.loads(line))}
        except Exception as e:  # report, keep serving
            resp = {"error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(resp) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
