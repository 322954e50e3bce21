"""Generates test/vectors/mysql.json: passlib 1.7.4 mysql41 / mysql323 (re-checked with the
handler's verify), hashcat examples 300 / 200.
Run: /usr/bin/python3 scripts/vectors/mysql.py [--write]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ref"))
from kdfref import *  # noqa: E402,F401,F403

V = []
add = V.append

for pw, note in passwords():
    add(vector("mysql41", pw, make_mysql41(pw), "passlib 1.7.4 mysql41.hash", note))
    add(vector("mysql323", pw, make_mysql323(pw), "passlib 1.7.4 mysql323.hash", note))
add(vector("mysql41", b"hashcat", "*FCF7C1B8749CF99D88E5F34271D636178FB5D130", "hashcat 6.2.6 example hash, mode 300 (upper-cased, with MySQL's '*')", "published"))
add(vector("mysql41", b"password", make_mysql41(b"password").lower(), "passlib 1.7.4 mysql41.hash, lower-cased (passlib accepts either case)", "lower-case hex"))
add(vector("mysql323", b"hashcat", "7196759210defdc0", "hashcat 6.2.6 example hash, mode 200", "published"))
add(vector("mysql323", b"pass word\tx", make_mysql323(b"pass word\tx"), "passlib 1.7.4 mysql323.hash", "spaces and tabs are skipped"))
add(vector("mysql323", b"passwordx", make_mysql323(b"pass word\tx"), "passlib 1.7.4 mysql323.hash (of 'pass word\\tx')", "same hash without the space and tab"))

sys.exit(1 if check_and_dump(
    "MySQL PASSWORD(): 4.1+ *HEX(sha1(sha1)) and 3.23 16-hex.",
    "scripts/vectors/mysql.py", V,
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "vectors", "mysql.json") if "--write" in sys.argv else None) else 0)
