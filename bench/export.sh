#!/usr/bin/env bash
# CSV export at scale (issue 15): 1,000,000 clients with three custom fields each in one workspace, the app with
# a deliberately small heap (-Xmx256m: an export that held its rows in memory would fail), and GET
# /api/clients/export three times with curl: seconds, rows/s, bytes, and the heap after each GC (GC log).
#
#   bench/export.sh [rows, default 1000000]
#
# Needs: PostgreSQL on 127.0.0.1:5432 that lets `postgres` in, curl, python3. Writes bench/target/export-*.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${1:-1000000}
DB=${ORBIT_BENCH_DB:-orbit_bench_export}
PORT=${ORBIT_BENCH_PORT:-18081}
BASE=http://127.0.0.1:$PORT
. "$ROOT/bench/lib.sh"

ls crm-app/target/crm-app-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  ORBIT_DB_APP_USERNAME=orbit_bench_app ORBIT_DB_APP_PASSWORD=orbit-bench-app \
  "$JAVA" -Xmx256m -Xlog:gc:file="$OUT/export-gc.log" -jar crm-app/target/crm-app-*.jar --server.port="$PORT" \
  --orbit.demo.enabled=false --logging.level.root=warn > "$OUT/export-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

EMAIL=export-$RANDOM@bench.example
SIGNUP=$(sign_up "$BASE" "$EMAIL" "Export Co" "Export Owner")
TENANT=$(field "$SIGNUP" tenantId)
TOKEN=$(token_for "$BASE" "$EMAIL")
echo "== $ROWS clients with 3 custom fields each"
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v rows="$ROWS" -f bench/generate-export.sql

for run in 1 2 3; do
  : > "$OUT/export-gc.log.mark"
  read -r seconds bytes < <(curl -sf -o "$OUT/export-clients.csv" -w '%{time_total} %{size_download}\n' \
    -H "Authorization: Bearer $TOKEN" "$BASE/api/clients/export")
  lines=$(($(wc -l < "$OUT/export-clients.csv") - 1))
  python3 -c "import sys; s, b, n = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]); \
print(f'run $run: {n} rows in {s:.2f} s = {n / s:,.0f} rows/s, {b / 1e6:.0f} MB')" "$seconds" "$bytes" "$lines"
done
echo "== filtered (cf.tier=gold, status=active, sorted by spend)"
curl -sf -o "$OUT/export-gold.csv" -w '%{time_total} s\n' -H "Authorization: Bearer $TOKEN" \
  "$BASE/api/clients/export?cf.tier=gold&status=active&sort=-estimatedMonthlySpend"
echo "rows: $(($(wc -l < "$OUT/export-gold.csv") - 1))"
echo "== heap: largest 'after' of the GC log (MB), max heap 256"
grep -o '[0-9]*M->[0-9]*M' "$OUT/export-gc.log" | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -n 1
head -c 600 "$OUT/export-clients.csv"; echo
