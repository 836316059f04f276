#!/usr/bin/env bash
# Signs up a fresh workspace on a running Orbit and prints an API token for it.
# usage: bench-setup.sh <base-url>
set -euo pipefail
base=$1
email="bench-$(date +%s)@imports.test"
s=$(curl -sS -H 'Content-Type: application/json' \
  -d "{\"workspace\":\"Import bench\",\"name\":\"Bench Owner\",\"email\":\"$email\",\"password\":\"a-long-bench-password-1\"}" \
  "$base/api/signup")
tid=$(echo "$s" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tenantId"])')
curl -sS -u "$email:a-long-bench-password-1" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"tenantId\":\"$tid\"}" "$base/api/tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
