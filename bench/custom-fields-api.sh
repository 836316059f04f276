#!/usr/bin/env bash
# Custom fields through the application (issue 13): the app on a fresh database, one workspace with 100,000
# clients × 10 custom fields (bench/generate-custom-fields.sql), and wrk on ONE connection on
# GET /api/clients?cf.f1=<option>&sort=cf.f2 (a select filter, a number sort; first pages of each option both
# ways and pages up to 40 deep by the Link header's cursor). Prints p50/p95/p99.
#
#   bench/custom-fields-api.sh [duration, default 30s]
#
# Needs what bench/run.sh needs (PostgreSQL on 127.0.0.1:5432 as postgres, wrk, curl, python3) and a built
# crm-app jar (./mvnw -o -q -DskipTests -pl crm-app -am package).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DB=${ORBIT_BENCH_DB:-orbit_bench_fields_api}
PORT=${ORBIT_BENCH_PORT:-18181}
DURATION=${1:-30s}
BASE=http://127.0.0.1:$PORT
. "$ROOT/bench/lib.sh"

echo "== fresh database $DB"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
echo "== start the app on :$PORT"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  ORBIT_DB_APP_USERNAME=orbit_bench_app ORBIT_DB_APP_PASSWORD=orbit-bench-app \
  "$JAVA" -Xmx1g -jar crm-app/target/crm-app-*.jar --server.port="$PORT" --orbit.demo.enabled=false \
  --logging.level.root=warn > "$OUT/app-custom-fields.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

echo "== sign up, token, 100,000 clients × 10 custom fields"
EMAIL=bench-fields-$RANDOM@bench.example
SIGNUP=$(sign_up "$BASE" "$EMAIL" "Bench fields" "Bench Owner")
TENANT=$(field "$SIGNUP" tenantId)
export ORBIT_TOKEN=$(token_for "$BASE" "$EMAIL")
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -f bench/generate-custom-fields.sql

echo "== paths: first pages, then deep pages by the Link header"
PATHS=$OUT/custom-fields-paths.txt
: > "$PATHS"
for option in gold silver bronze iron tin; do
  for sort in cf.f2 -cf.f2; do echo "/api/clients?limit=50&cf.f1=$option&sort=$sort" >> "$PATHS"; done
done
next="/api/clients?limit=50&cf.f1=gold&sort=cf.f2"
for _ in $(seq 1 40); do
  link=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $ORBIT_TOKEN" "$BASE$next" | tr -d '\r' \
    | sed -n 's/^[Ll]ink: <\([^>]*\)>; rel="next".*/\1/p')
  [ -n "$link" ] || break
  next=$(python3 -c 'import sys, urllib.parse as u; x = u.urlsplit(sys.argv[1]); print(x.path + "?" + x.query)' "$link")
  echo "$next" >> "$PATHS"
done
echo "$(wc -l < "$PATHS") paths; one of them:"
curl -sf -H "Authorization: Bearer $ORBIT_TOKEN" "$BASE$(sed -n 11p "$PATHS")" \
  | python3 -c 'import sys, json; r = json.load(sys.stdin); print(len(r), "clients, f2 of the first and last:", r[0]["customFields"]["f2"], r[-1]["customFields"]["f2"])'

echo "== warm up, then wrk: 1 connection, $DURATION"
ORBIT_SCENARIO=warmup wrk -t1 -c1 -d10s -s bench/custom-fields-api.lua "$BASE" | grep RESULT || true
ORBIT_SCENARIO=custom-fields-api wrk -t1 -c1 -d"$DURATION" -s bench/custom-fields-api.lua "$BASE" | grep RESULT
"${PSQL[@]}" -d postgres -c "drop database $DB with (force)" || true
