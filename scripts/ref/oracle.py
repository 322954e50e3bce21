#!/usr/bin/python3
"""Live reference oracle (Python side): JSON Lines in, JSON Lines out.

Request (one per line):  {"scheme": "...", "passwordHex": "...", "params": {...}}
Response (one per line): {"hash": "..."}  or  {"error": "..."}

Schemes (all computed by third-party libraries, never by legacy-hash; code in pyref.py):
  md5 | sha1 | sha256 | sha512   hashlib, lowercase hex (params: upper: true for UPPER hex)
  phpass   passlib.hash.phpass   params: countLog2 (7..30, default 13), ident "P"|"H" (default P),
                                 salt8 (8 hash64 chars) or saltHex (6 bytes, hash64-encoded like
                                 phpass gensalt_private); random salt when neither is given
  bcrypt   pyca/bcrypt hashpw    params: cost (4..31, default 10), ident "2b" only,
                                 salt22 (optional, else bcrypt.gensalt)
  argon2   argon2-cffi low level params: type "d"|"i"|"id" (default id), version 16|19 (default 19),
                                 m (KiB, default 65536), t (default 2), p (default 1),
                                 saltHex (optional, else 16 random bytes), hashLen (default 32)
  versions                       -> JSON text with the library versions

Extension used by the vector generators: {"verify": true, "scheme", "passwordHex", "hash"}
-> {"match": true|false|null} (null = no independent Python reference for that input).

Run with /usr/bin/python3 (Debian python3-passlib, python3-bcrypt, python3-argon2).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pyref import oracle_hash, py_verify  # noqa: E402
from jsonl_server import serve  # noqa: E402


def handle(req):
    if not isinstance(req, dict):
        raise ValueError("request must be a JSON object")
    pw = bytes.fromhex(req.get("passwordHex", ""))
    if req.get("verify"):
        return {"match": py_verify(req.get("scheme"), pw, req["hash"])}
    return {"hash": oracle_hash(req.get("scheme"), pw, req.get("params") or {})}


if __name__ == "__main__":
    serve(handle)
