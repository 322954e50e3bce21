#!/usr/bin/env bash
# Regenerates test/vectors/*.json from independent references, then re-checks every vector.
#
# Runs every generator in scripts/vectors/ (*.php with php, *.py with /usr/bin/python3, in name
# order). A generator either writes its own files under test/vectors/ (core.php does), or prints
# ONE vector document (JSON with a "vectors" array) on stdout: that output is written to
# test/vectors/<script name without extension, "_" -> "-">.json (bcrypt_variants.php ->
# bcrypt-variants.json). Then scripts/ref/check_vectors.php and scripts/ref/check_vectors.py
# re-verify all files.
# Usage: bash scripts/generate-vectors.sh   (or: npm run vectors)
set -euo pipefail
cd "$(dirname "$0")/.."

PHP=${PHP:-php}
PY=${LH_PYTHON:-/usr/bin/python3}
export LH_PYTHON="$PY"

shopt -s nullglob
status=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

for gen in scripts/vectors/*.php scripts/vectors/*.py; do
  echo "== $gen"
  rc=0
  case "$gen" in
    *.php) "$PHP" "$gen" >"$tmp" || rc=$? ;;
    *.py) "$PY" "$gen" >"$tmp" || rc=$? ;;
  esac
  if [ "$rc" -ne 0 ]; then
    echo "!! $gen exited with status $rc" >&2
    status=1
  fi
  if [ -s "$tmp" ] && "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if isinstance(d, dict) and isinstance(d.get("vectors"), list) else 1)' "$tmp" 2>/dev/null; then
    stem=$(basename "$gen"); stem=${stem%.*}; stem=${stem//_/-}
    if [ "$rc" -eq 0 ]; then
      cp "$tmp" "test/vectors/$stem.json"
      echo "   wrote test/vectors/$stem.json"
    fi
  else
    cat "$tmp"
  fi
done

echo "== check with PHP references"
"$PHP" scripts/ref/check_vectors.php || status=1
echo "== check with Python references"
"$PY" scripts/ref/check_vectors.py || status=1

exit $status
