#!/usr/bin/env bash
# Orbit CRM, one instance against two on one database: 1,000,000 clients (bench/generate.sql), the API's client
# list (token) and the clients page (a session signed in on the first instance, used on both: sessions live in
# PostgreSQL), wrk at 20 connections per run. With two instances the connections are split 10 + 10 between them,
# as a round-robin proxy would; the figures are the sum of requests/s and the worse p95 of the two.
#
#   bench/two-instances.sh [duration per run, default 20s]
#
# Needs what bench/run.sh needs. On a machine with few cores the instances, PostgreSQL and wrk share them: read
# the figures as "a second instance costs nothing and serves any session", not as a scaling curve.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DB=${ORBIT_BENCH_DB:-orbit_bench_two}
PORTS=(18081 18082)
DURATION=${1:-20s}
. "$ROOT/bench/lib.sh"

echo "== build"
[ -n "${ORBIT_BENCH_NO_BUILD:-}" ] || ./mvnw -q -DskipTests package
echo "== fresh database $DB"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"

PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
start() {
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
    ORBIT_DB_APP_USERNAME=orbit_bench_app ORBIT_DB_APP_PASSWORD=orbit-bench-app \
    "$JAVA" -Xmx1g -jar crm-app/target/crm-app-*.jar --server.port="$1" --orbit.demo.enabled=false \
    --logging.level.root=warn > "$OUT/app-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null && return; sleep 1; done
  echo "instance on :$1 did not start (see $OUT/app-$1.log)"; exit 1
}
echo "== start instance A on :${PORTS[0]}"
start "${PORTS[0]}"
A=http://127.0.0.1:${PORTS[0]}
B=http://127.0.0.1:${PORTS[1]}

EMAIL=bench-$RANDOM@bench.example
SIGNUP=$(sign_up "$A" "$EMAIL" "Bench Co" "Bench Owner")
TENANT=$(field "$SIGNUP" tenantId)
OWNER=$(field "$SIGNUP" userId)
export ORBIT_TOKEN=$(token_for "$A" "$EMAIL")
echo "== generate 1,000,000 clients"
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v owner="$OWNER" -f bench/generate.sql > /dev/null

# A session signed in on the first instance.
export ORBIT_COOKIE=$(sign_in "$A" "$EMAIL")

# run NAME SCENARIO URL... : wrk on each URL at the same time, 20 connections split between them.
run() {
  local name=$1 scenario=$2; shift 2
  local per=$((20 / $#)) files=() loads=() i=0
  for url in "$@"; do
    ORBIT_SCENARIO="$name" wrk -t1 -c"$per" -d"$DURATION" -s "bench/$scenario.lua" "$url" > "$OUT/two-$name-$i.txt" &
    loads+=($!); files+=("$OUT/two-$name-$i.txt"); i=$((i + 1))
  done
  wait "${loads[@]}"
  python3 - "$name" "${files[@]}" <<'PY'
import re, sys
name, files = sys.argv[1], sys.argv[2:]
rows = [dict(re.findall(r'(\w+)=([\d.]+)', next(l for l in open(f) if l.startswith('RESULT')))) for f in files]
print("RESULT %s instances=%d rps=%.0f p50=%.1fms p95=%.1fms errors=%d" % (name, len(rows),
      sum(float(r['rps']) for r in rows), max(float(r['p50']) for r in rows), max(float(r['p95']) for r in rows),
      sum(int(r['errors']) for r in rows)))
PY
}

echo "== warm up, then one instance"
ORBIT_SCENARIO=warmup wrk -t2 -c20 -d10s -s bench/list.lua "$A" > /dev/null
ORBIT_SCENARIO=warmup wrk -t2 -c20 -d10s -s bench/page.lua "$A" > /dev/null
run list-one list "$A" | tee "$OUT/two-instances.txt"
run page-one page "$A" | tee -a "$OUT/two-instances.txt"

echo "== start instance B on :${PORTS[1]}; the session signed in on A is used on B"
start "${PORTS[1]}"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $ORBIT_COOKIE" "$B/clients")
[ "$code" = 200 ] || { echo "the session of A is not valid on B ($code)"; exit 1; }
ORBIT_SCENARIO=warmup wrk -t2 -c20 -d10s -s bench/list.lua "$B" > /dev/null
ORBIT_SCENARIO=warmup wrk -t2 -c20 -d10s -s bench/page.lua "$B" > /dev/null
run list-two list "$A" "$B" | tee -a "$OUT/two-instances.txt"
run page-two page "$A" "$B" | tee -a "$OUT/two-instances.txt"
echo "== figures in $OUT/two-instances.txt"
