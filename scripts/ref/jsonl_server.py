"""The line protocol of the Python oracles (oracle.py, kdf_oracle.py): one JSON request per line on
stdin, one JSON response per line on stdout; a request that fails gets {"error": ...} and the
oracle keeps serving (the test harness reuses one process for many requests)."""
import json
import sys


def serve(handle):
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            resp = handle(json.loads(line))
        except Exception as e:  # report, keep serving
            resp = {"error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(resp) + "\n")
        sys.stdout.flush()
