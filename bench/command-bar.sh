#!/usr/bin/env bash
# The command bar's search (issue 17): GET /command?q=… over the measured workspace of bench/generate.sql
# (100,000 clients among 1,000,000, 8,000 deals) plus bench/generate-meetings.sql (20,000 meetings), one
# connection (the latency a person typing sees) and then 20. Short prefixes ("a", "s": the widest ranges of the
# word indexes), longer words and two-word searches, and misses. Also EXPLAINs each type's word search as the
# application role. Needs what bench/run.sh needs; builds nothing: run
# `./mvnw -q -DskipTests -pl crm-app -am package` first.
#
#   bench/command-bar.sh [duration per scenario, default 20s]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DB=${ORBIT_BENCH_DB:-orbit_bench_command}
PORT=${ORBIT_BENCH_PORT:-18185}
DURATION=${1:-20s}
BASE=http://127.0.0.1:$PORT
. "$ROOT/bench/lib.sh"

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  ORBIT_DB_APP_USERNAME=orbit_bench_app ORBIT_DB_APP_PASSWORD=orbit-bench-app \
  "$JAVA" -Xmx2g -jar crm-app/target/crm-app-*.jar --server.port="$PORT" --orbit.demo.enabled=false \
  --logging.level.root=warn > "$OUT/app-command.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

EMAIL=command-$RANDOM@bench.example
SIGNUP=$(sign_up "$BASE" "$EMAIL" "Bench Co" "Bench Owner")
TENANT=$(field "$SIGNUP" tenantId)
OWNER=$(field "$SIGNUP" userId)
echo "== generate 1,000,000 clients, 80,000 deals, 20,000 meetings"
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v owner="$OWNER" -f bench/generate.sql > "$OUT/generate-command.log"
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v owner="$OWNER" -f bench/generate-meetings.sql > /dev/null
"${PSQL[@]}" -d "$DB" -c "analyze deal_search_words" -c "analyze meeting_search_words" -c "analyze client_search_words"
"${PSQL[@]}" -d "$DB" -At -c "select 'words: clients ' || (select count(*) from client_search_words where tenant_id = '$TENANT')
  || ', deals ' || (select count(*) from deal_search_words where tenant_id = '$TENANT')
  || ', meetings ' || (select count(*) from meeting_search_words where tenant_id = '$TENANT')"

echo "== plans as the application role (prefix 'a')"
for t in "client_search_words:client_id" "deal_search_words:deal_id" "meeting_search_words:meeting_id"; do
  PGPASSWORD=orbit-bench-app psql -h 127.0.0.1 -U orbit_bench_app -d "$DB" -q <<SQL | grep -E "Index|Scan|Limit|Execution" | head -6
begin;
select set_config('orbit.tenant_id', '$TENANT', true);
explain (analyze, costs off) select ${t#*:} from ${t%%:*} w where tenant_id = '$TENANT'
  and word between 'a' and 'a' || chr(1114111) order by word, ${t#*:} limit 20;
commit;
SQL
done

export ORBIT_COOKIE=$(sign_in "$BASE" "$EMAIL")
curl -s -o /dev/null -b "$ORBIT_COOKIE" "$BASE/dashboard"
for terms in short long none; do
  ORBIT_SCENARIO=warmup ORBIT_TERMS=$terms wrk -t1 -c1 -d5s -s bench/command-bar.lua "$BASE" >/dev/null
  ORBIT_SCENARIO="command-$terms-c1" ORBIT_TERMS=$terms wrk -t1 -c1 -d"$DURATION" -s bench/command-bar.lua "$BASE" \
    | grep RESULT || true
  ORBIT_SCENARIO="command-$terms-c20" ORBIT_TERMS=$terms wrk -t2 -c20 -d"$DURATION" -s bench/command-bar.lua "$BASE" \
    | grep RESULT || true
done
