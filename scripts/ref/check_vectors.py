#!/usr/bin/python3
"""Re-checks every vector in test/vectors/*.json with the independent Python references
(hashlib/hmac, passlib 1.7.4, pyca/bcrypt, argon2-cffi; see pyref.py) and validates the file
format described in test/vectors/README.md.

Usage: /usr/bin/python3 scripts/ref/check_vectors.py [--strict] [file.json ...]
Exit status 1 when a vector contradicts its reference or breaks the format. Vectors for which
no Python reference exists (other schemes, $2x$, NUL bytes for bcrypt, ...) are counted as
"no reference" and left to the PHP checker / their own generator. A disagreement in a file made
by another generator (whose reference may model a different implementation, e.g. OpenBSD's old
$2a$) is printed as DIFF and only fails the run with --strict.
"""
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pyref import py_verify, versions  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KEYS = {"scheme", "passwordHex", "password", "hash", "options", "match", "source", "note", "detect"}
OWN_GENERATOR = "scripts/vectors/core.php"
REQUIRED = ("scheme", "passwordHex", "hash", "match", "source")


def check_format(v):
    errs = []
    for k in REQUIRED:
        if k not in v:
            errs.append("missing %s" % k)
    extra = set(v) - KEYS
    if extra:
        errs.append("unknown keys %s" % sorted(extra))
    hx = v.get("passwordHex", "")
    if not re.fullmatch(r"(?:[0-9a-f]{2})*", hx):
        errs.append("passwordHex not lower-case hex")
        return errs
    raw = bytes.fromhex(hx)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if "password" in v:
        if text is None:
            errs.append("password present but bytes are not UTF-8")
        elif v["password"] != text:
            errs.append("password does not match passwordHex")
    elif text is not None:
        errs.append("password missing although bytes are UTF-8")
    if not isinstance(v.get("match"), bool):
        errs.append("match not boolean")
    if "detect" in v and not isinstance(v["detect"], bool):
        errs.append("detect not boolean")
    return errs


def main(argv):
    strict = "--strict" in argv
    argv = [a for a in argv if a != "--strict"]
    files = argv or sorted(glob.glob(os.path.join(ROOT, "test", "vectors", "*.json")))
    bad = 0
    print("python references: %s" % json.dumps(versions()))
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        ok = noref = diff = 0
        own = doc.get("generator") == OWN_GENERATOR
        for key in ("description", "generator", "vectors"):
            if key not in doc:
                print("FAIL %s: missing top-level %s" % (path, key))
                bad += 1
        for i, v in enumerate(doc.get("vectors", [])):
            errs = check_format(v)
            if errs:
                print("FAIL %s #%d %s: %s" % (os.path.basename(path), i, v.get("hash"), "; ".join(errs)))
                bad += 1
                continue
            got = py_verify(v["scheme"], bytes.fromhex(v["passwordHex"]), v["hash"])
            if got is None:
                noref += 1
            elif got is v["match"]:
                ok += 1
            else:
                tag = "FAIL" if own or strict else "DIFF"
                print("%s %s #%d %s %s: python says %s, vector says %s"
                      % (tag, os.path.basename(path), i, v["scheme"], v["hash"], got, v["match"]))
                if tag == "FAIL":
                    bad += 1
                else:
                    diff += 1
        print("%-22s %4d confirmed by Python, %3d without a Python reference%s"
              % (os.path.basename(path), ok, noref, ", %d DIFF (other generator)" % diff if diff else ""))
    if bad:
        print("%d failure(s)" % bad)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
