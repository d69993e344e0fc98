#!/usr/bin/env bash
# Runs Schemathesis (from PyPI, in .venv) against spec/ and a running stand-in: no server errors,
# every answer conforms to the spec. Builds on `npm run build` having built the stand-in.
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMATHESIS_VERSION=4.32.5
if ! .venv/bin/schemathesis --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
token="schemathesis-$RANDOM$RANDOM"
url_file=$(mktemp)
node packages/mock-server/dist/bin.js --port 0 --connections 500 --seed 7 --token "$token" >"$url_file" &
mock_pid=$!
trap 'kill $mock_pid 2>/dev/null || true; rm -f "$url_file"' EXIT
for _ in $(seq 50); do [ -s "$url_file" ] && break; sleep 0.1; done
url=$(head -n 1 "$url_file")
.venv/bin/schemathesis --config-file scripts/schemathesis.toml run spec/dli-enhanced-connections.yaml \
  --url "$url" -H "X-Auth-Token: $token" --checks all --max-examples 100 --seed 1 --no-color
