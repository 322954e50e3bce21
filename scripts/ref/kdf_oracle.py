#!/usr/bin/python3
"""Live reference oracle for the KDF families (JSON Lines, same protocol as oracle.py):
request {"scheme": <legacy-hash scheme id>, "passwordHex": "...", "params": {...}} ->
{"hash": "<stored string>"} or {"error": "..."}. Every hash is made by scripts/ref/kdfref.py
(hashlib, hmac, passlib 1.7.4, pyca/bcrypt, argon2-cffi, libxcrypt, cryptography), never by
legacy-hash. Parameters per scheme: see MAKERS below (hex-suffixed params are bytes).
Run with /usr/bin/python3.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kdfref as k  # noqa: E402
from jsonl_server import serve  # noqa: E402


def bx(params, name):
    return bytes.fromhex(params[name])


MAKERS = {
    "django-pbkdf2": lambda pw, a: k.make_django_pbkdf2(pw, a["salt"], a["iterations"], a.get("alg", "sha256")),
    "passlib-pbkdf2": lambda pw, a: k.make_passlib_pbkdf2(pw, bx(a, "saltHex"), a["rounds"], a.get("alg", "sha256")),
    "pbkdf2-phc": lambda pw, a: k.make_pbkdf2_phc(pw, bx(a, "saltHex"), a["rounds"], a.get("length", 32), a.get("alg", "sha256"), a.get("withL", True)),
    "werkzeug-pbkdf2": lambda pw, a: k.make_werkzeug_pbkdf2(pw, a["salt"], a["method"]),
    "aspnet-identity-v2": lambda pw, a: k.make_aspnet_v2(pw, bx(a, "saltHex")),
    "aspnet-identity-v3": lambda pw, a: k.make_aspnet_v3(pw, bx(a, "saltHex"), a["prf"], a["iterations"], a.get("keyLen", 32)),
    "atlassian-pkcs5s2": lambda pw, a: k.make_atlassian(pw, bx(a, "saltHex")),
    "hybris-pbkdf2": lambda pw, a: k.make_hybris(pw, bx(a, "saltHex"), a["iterations"], a.get("keyBits", 512)),
    "keycloak": lambda pw, a: json.dumps({"value": k.keycloak_value(pw, bx(a, "saltHex"), a["iterations"], a["algorithm"], a.get("keyBits", 512)),
                                           "salt": k.b64(bx(a, "saltHex")), "hashIterations": a["iterations"], "algorithm": a["algorithm"]}),
    "django-sha1": lambda pw, a: k.make_django_salted(pw, a["salt"], "sha1"),
    "django-md5": lambda pw, a: k.make_django_salted(pw, a["salt"], "md5"),
    "django-crypt": lambda pw, a: k.make_django_crypt(pw, a["salt"]),
    "django-argon2": lambda pw, a: k.make_django_argon2(pw, bx(a, "saltHex"), a["t"], a["m"], a["p"], a.get("type", "id")),
    "django-scrypt": lambda pw, a: k.make_django_scrypt(pw, a["salt"], a["n"], a["r"], a["p"]),
    "werkzeug-hmac": lambda pw, a: k.make_werkzeug_hmac(pw, a["salt"], a["method"]),
    "werkzeug-scrypt": lambda pw, a: k.make_werkzeug_scrypt(pw, a["salt"], a["n"], a["r"], a["p"]),
    "passlib-scrypt": lambda pw, a: k.make_passlib_scrypt(pw, bx(a, "saltHex"), a["ln"], a["r"], a["p"]),
    "scrypt-crypt": lambda pw, a: k.make_scrypt_7(pw, a["setting"]),
    "hashcat-scrypt": lambda pw, a: k.make_hashcat_scrypt(pw, bx(a, "saltHex"), a["n"], a["r"], a["p"], a.get("dklen", 32)),
    "firebase-scrypt": lambda pw, a: k.firebase_hash(pw, a["salt"], a["signerKey"], a["saltSeparator"], a["rounds"], a["memCost"]),
    "passlib-bcrypt-sha256": lambda pw, a: k.make_passlib_bcrypt_sha256(pw, a["salt22"], a["rounds"], a["version"], a.get("ident", "2b")),
    "django-bcrypt-sha256": lambda pw, a: k.make_django_bcrypt_sha256(pw, a["setting"]),
    "django-bcrypt": lambda pw, a: k.make_django_bcrypt(pw, a["setting"]),
    "bcrypt-prehash": lambda pw, a: k.make_bcrypt_prehash(pw, a["alg"], a["setting"]),
    "aspnet-membership": lambda pw, a: k.make_membership(pw, a["salt"], a["algorithm"]),
    "mysql41": lambda pw, a: k.make_mysql41(pw),
    "mysql323": lambda pw, a: k.make_mysql323(pw),
    "postgres-md5": lambda pw, a: k.make_postgres_md5(pw, a["username"]),
    "postgres-scram": lambda pw, a: k.make_postgres_scram(pw, bx(a, "saltHex"), a["iterations"]),
}


def handle(req):
    return {"hash": MAKERS[req["scheme"]](bytes.fromhex(req.get("passwordHex", "")), req.get("params") or {})}


if __name__ == "__main__":
    serve(handle)
