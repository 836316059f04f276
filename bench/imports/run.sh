#!/usr/bin/env bash
# Imports a generated file through the API and polls until the job ends; prints seconds and rows/s.
# usage: run.sh <base-url> <api-token> <clients|deals> <file.csv> [extra curl -F args...]
set -euo pipefail
base=$1 token=$2 entity=$3 file=$4; shift 4
start=$(date +%s.%N)
loc=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $token" -F "entity=$entity" -F "file=@$file;type=text/csv" \
  "$@" "$base/api/imports" | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
while true; do
  job=$(curl -sS -H "Authorization: Bearer $token" "$base$loc")
  status=$(echo "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  if [ "$status" = completed ] || [ "$status" = failed ]; then break; fi
  sleep 0.2
done
end=$(date +%s.%N)
echo "$job"
python3 - "$start" "$end" "$job" <<'PY'
import json, sys
s, e, job = float(sys.argv[1]), float(sys.argv[2]), json.loads(sys.argv[3])
print(f"{job['entity']}: {job['processed']} rows ({job['created']} created, {job['rejected']} rejected) "
      f"in {e - s:.1f} s end to end = {job['processed'] / (e - s):,.0f} rows/s")
PY
