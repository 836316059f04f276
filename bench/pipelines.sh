#!/usr/bin/env bash
# The board with pipelines of one's own (issue 16): the measured workspace's 8,000 deals (5,000 open) on its
# default pipeline, the board (bench/board.lua) measured with that one pipeline, then again after four more
# pipelines of 2,000 deals each are added to the workspace (bench/generate-pipelines.sql), and the board of one
# of those (bench/board-other.lua). 20 connections, then one. Needs what bench/run.sh needs; builds nothing:
# run `./mvnw -q -DskipTests -pl crm-app -am package` first.
#
#   bench/pipelines.sh [duration per scenario, default 20s]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DB=${ORBIT_BENCH_DB:-orbit_bench_pipes}
PORT=${ORBIT_BENCH_PORT:-18183}
DURATION=${1:-20s}
BASE=http://127.0.0.1:$PORT
. "$ROOT/bench/lib.sh"

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  ORBIT_DB_APP_USERNAME=orbit_bench_app ORBIT_DB_APP_PASSWORD=orbit-bench-app \
  "$JAVA" -Xmx1g -jar crm-app/target/crm-app-*.jar --server.port="$PORT" --orbit.demo.enabled=false \
  --logging.level.root=warn > "$OUT/app-pipes.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

EMAIL=pipes-$RANDOM@bench.example
SIGNUP=$(sign_up "$BASE" "$EMAIL" "Pipes Co" "Pipes Owner")
TENANT=$(field "$SIGNUP" tenantId)
OWNER=$(field "$SIGNUP" userId)
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v owner="$OWNER" -f bench/generate-pipelines.sql
export ORBIT_COOKIE=$(sign_in "$BASE" "$EMAIL")
# One request first: the session gets its CSRF token before 20 connections share it.
curl -s -o /dev/null -b "$ORBIT_COOKIE" "$BASE/pipeline"

measure() {  # measure LABEL SCRIPT
  ORBIT_SCENARIO=warmup wrk -t2 -c20 -d10s -s "bench/$2.lua" "$BASE" >/dev/null
  ORBIT_SCENARIO="$1" wrk -t2 -c20 -d"$DURATION" -s "bench/$2.lua" "$BASE" | grep RESULT || true
  ORBIT_SCENARIO="$1-c1" wrk -t1 -c1 -d10s -s "bench/$2.lua" "$BASE" | grep RESULT || true
}

echo "== one pipeline (8,000 deals, 5,000 open)"
measure board-1-pipeline board
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v owner="$OWNER" -v more=1 -f bench/generate-pipelines.sql
echo "== five pipelines (+4 x 2,000 deals)"
measure board-5-pipelines board
export ORBIT_PIPELINE=$("${PSQL[@]}" -d "$DB" -At -c "select id from pipelines where tenant_id = '$TENANT' and name = 'Partners'")
measure board-other-pipeline board-other
