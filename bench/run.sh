#!/usr/bin/env bash
# Orbit CRM benchmark: 1,000,000 clients in ten workspaces (100,000 in the measured one), the app on the
# local PostgreSQL, and wrk at 20 concurrent connections on the clients list, search, detail and page, and
# on the pipeline board (8,000 deals in the measured workspace) and deal moves.
#
#   bench/run.sh [duration per scenario, default 30s]
#
# Needs: PostgreSQL on 127.0.0.1:5432 that lets `postgres` in (as on the dev machine), wrk
# (apt-get install -y wrk; installed here when missing), curl, python3. Writes bench/target/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export ORBIT_BENCH_DIR=$ROOT/bench
OUT=$ROOT/bench/target
DB=${ORBIT_BENCH_DB:-orbit_bench}
PORT=${ORBIT_BENCH_PORT:-18080}
DURATION=${1:-30s}
CONNECTIONS=20
BASE=http://127.0.0.1:$PORT
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
. "$ROOT/.mvn/find-jdk.sh"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

echo "== build"
./mvnw -q -DskipTests package
echo "== fresh database $DB"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== start the app on :$PORT"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  ORBIT_DB_APP_USERNAME=orbit_bench_app ORBIT_DB_APP_PASSWORD=orbit-bench-app \
  "$JAVA" -Xmx2g -jar crm-app/target/crm-app-*.jar --server.port="$PORT" --orbit.demo.enabled=false \
  --logging.level.root=warn > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

echo "== sign up and create a token over HTTP"
EMAIL=bench-$RANDOM@bench.example
SIGNUP=$(curl -sf -X POST "$BASE/api/signup" -H 'Content-Type: application/json' \
  -d "{\"workspace\": \"Bench Co\", \"name\": \"Bench Owner\", \"email\": \"$EMAIL\", \"password\": \"bench-password-2026\"}")
TENANT=$(echo "$SIGNUP" | python3 -c 'import sys, json; print(json.load(sys.stdin)["tenantId"])')
OWNER=$(echo "$SIGNUP" | python3 -c 'import sys, json; print(json.load(sys.stdin)["userId"])')
export ORBIT_TOKEN=$(curl -sf -X POST "$BASE/api/tokens" -u "$EMAIL:bench-password-2026" \
  -H 'Content-Type: application/json' -d '{"name": "bench"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')

echo "== generate 1,000,000 clients"
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v owner="$OWNER" -f bench/generate.sql
"${PSQL[@]}" -d "$DB" -At -c "select id from clients where tenant_id = '$TENANT' order by md5(id::text) limit 5000" > "$OUT/ids.txt"
"${PSQL[@]}" -d "$DB" -At -c "select id from crm_deals where tenant_id = '$TENANT' and stage not like 'closed%' order by md5(id::text) limit 2000" > "$OUT/deal-ids.txt"

echo "== sign in for the HTML page"
rm -f "$OUT/cookies"
CSRF=$(curl -s -c "$OUT/cookies" -b "$OUT/cookies" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -c "$OUT/cookies" -b "$OUT/cookies" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=bench-password-2026" --data-urlencode "_csrf=$CSRF" "$BASE/login"
export ORBIT_COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$OUT/cookies")"

echo "== warm up"
ORBIT_SCENARIO=warmup wrk -t2 -c$CONNECTIONS -d15s -s bench/search.lua "$BASE" >/dev/null
ORBIT_SCENARIO=warmup wrk -t2 -c$CONNECTIONS -d10s -s bench/list.lua "$BASE" >/dev/null
ORBIT_SCENARIO=warmup wrk -t2 -c$CONNECTIONS -d10s -s bench/board.lua "$BASE" >/dev/null

echo "== measure: $CONNECTIONS connections, $DURATION each"
: > "$OUT/results.txt"
for scenario in list search detail page board move; do
  ORBIT_SCENARIO=$scenario wrk -t2 -c$CONNECTIONS -d"$DURATION" -s "bench/$scenario.lua" "$BASE" \
    | grep '^RESULT' | tee -a "$OUT/results.txt"
done
echo "== one connection at a time (latency without queueing), 10s each"
for scenario in list search detail page board move; do
  ORBIT_SCENARIO="$scenario-c1" wrk -t1 -c1 -d10s -s "bench/$scenario.lua" "$BASE" \
    | grep '^RESULT' | tee -a "$OUT/results.txt"
done
echo "== results in $OUT/results.txt"
