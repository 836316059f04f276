#!/usr/bin/env bash
# Fast assets (issue 17): bytes per navigation and the clients page's latency, for one build of the app.
# Starts the jar on a fresh database with the demo data, signs in as the demo owner, walks five pages twice as a
# browser with a cache would (bench/navigation-bytes.py), then measures the clients page with wrk (bench/page.lua,
# plus the same with Accept-Encoding: gzip as browsers send it), 20 connections and one.
#
#   bench/assets.sh [jar, default crm-app/target/crm-app-*.jar] [duration per scenario, default 20s]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=${1:-$(ls crm-app/target/crm-app-*.jar | head -n 1)}
DURATION=${2:-20s}
DB=${ORBIT_BENCH_DB:-orbit_bench_assets}
PORT=${ORBIT_BENCH_PORT:-18184}
BASE=http://127.0.0.1:$PORT
. "$ROOT/bench/lib.sh"

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  ORBIT_DB_APP_USERNAME=orbit_bench_app ORBIT_DB_APP_PASSWORD=orbit-bench-app \
  "$JAVA" -Xmx1g -jar "$JAR" --server.port="$PORT" --logging.level.root=warn > "$OUT/app-assets.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

PASSWORD=orbit-demo-2026
export ORBIT_COOKIE=$(sign_in "$BASE" demo@orbitcrm.dev)
CLIENT=$(curl -s -b "$ORBIT_COOKIE" "$BASE/clients" | grep -o 'href="/clients/[0-9a-f-]\{36\}"' | head -n 1 | cut -d'"' -f2)
python3 bench/navigation-bytes.py "$BASE" "$ORBIT_COOKIE" /dashboard /clients "$CLIENT" /pipeline /meetings

measure() {  # measure LABEL SCRIPT
  ORBIT_SCENARIO=warmup wrk -t2 -c20 -d10s -s "bench/$2.lua" "$BASE" >/dev/null
  ORBIT_SCENARIO="$1" wrk -t2 -c20 -d"$DURATION" -s "bench/$2.lua" "$BASE" | grep RESULT || true
  ORBIT_SCENARIO="$1-c1" wrk -t1 -c1 -d10s -s "bench/$2.lua" "$BASE" | grep RESULT || true
}
measure page page
ORBIT_GZIP=1 measure page-gzip page
