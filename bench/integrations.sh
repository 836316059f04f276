#!/usr/bin/env bash
# Integrations (issue 20): the batch endpoints' throughput, and a deal move with webhooks registered.
#   1. POST /api/clients/batch and /api/crm/deals/batch, 1,000 records a call (bench/batch.py): one caller and
#      two at once, without and with two custom fields, and an upsert of the same records (all updated).
#   2. PATCH /api/crm/deals/{id}/stage (bench/move.lua) over 2,000 deals with no endpoint registered, then with
#      three endpoints subscribed to deal.* whose receiver (a local Python server) answers 204: p50/p95 at one
#      connection and at 20. The app runs with orbit.webhooks.allow-private-networks=true for that receiver.
# Needs what bench/run.sh needs; builds nothing: run `./mvnw -q -DskipTests -pl crm-app -am package` first.
#
#   bench/integrations.sh [duration per move scenario, default 20s] [batches per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DB=${ORBIT_BENCH_DB:-orbit_bench_integrations}
PORT=${ORBIT_BENCH_PORT:-18291}
RECEIVER_PORT=${ORBIT_BENCH_RECEIVER_PORT:-18292}
DURATION=${1:-20s}
BATCHES=${2:-20}
BASE=http://127.0.0.1:$PORT
. "$ROOT/bench/lib.sh"

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  ORBIT_DB_APP_USERNAME=orbit_bench_app ORBIT_DB_APP_PASSWORD=orbit-bench-app \
  "$JAVA" -Xmx1g -jar crm-app/target/crm-app-*.jar --server.port="$PORT" --orbit.demo.enabled=false \
  --orbit.webhooks.allow-private-networks=true --logging.level.root=warn > "$OUT/app-integrations.log" 2>&1 &
APP=$!
python3 -c '
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0))); self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()' "$RECEIVER_PORT" &
RECEIVER=$!
sleep 1
kill -0 $RECEIVER 2>/dev/null || { echo "the receiver could not listen on $RECEIVER_PORT (set ORBIT_BENCH_RECEIVER_PORT)"; kill $APP; exit 1; }
trap 'kill $APP $RECEIVER 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 90); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

EMAIL=integrations-$RANDOM@bench.example
SIGNUP=$(sign_up "$BASE" "$EMAIL" "Integrations Co" "Integrations Owner")
export ORBIT_TOKEN=$(token_for "$BASE" "$EMAIL")
auth=(-H "Authorization: Bearer $ORBIT_TOKEN" -H 'Content-Type: application/json')
curl -sf "${auth[@]}" "$BASE/api/crm/custom-fields" -d '{"entityType": "client", "fieldLabel": "Tier", "fieldType": "select", "options": ["gold", "silver", "bronze"]}' >/dev/null
curl -sf "${auth[@]}" "$BASE/api/crm/custom-fields" -d '{"entityType": "client", "fieldLabel": "Seats", "fieldType": "number"}' >/dev/null
curl -sf "${auth[@]}" "$BASE/api/crm/custom-fields" -d '{"entityType": "deal", "fieldLabel": "Budget", "fieldType": "number"}' >/dev/null

if [ "${ORBIT_BENCH_MOVE_ONLY:-0}" = 1 ]; then
  # Only the move scenarios: 2,000 deals made by two batches.
  python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" deals 2 1
else
echo "== batch endpoints (1,000 records a call; warm-up first)"
python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" clients 5 1 >/dev/null
python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" clients "$BATCHES" 1
python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" clients "$BATCHES" 2
python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" clients "$BATCHES" 1 1
python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" deals 5 1 >/dev/null
python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" deals "$BATCHES" 1
python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" deals "$BATCHES" 2
python3 bench/batch.py "$BASE" "$ORBIT_TOKEN" deals "$BATCHES" 1 1
fi

echo "== deal move with and without webhooks"
curl -sf "$BASE/api/crm/deals?limit=200&stage=lead" "${auth[@]}" >/dev/null
"${PSQL[@]}" -d "$DB" -At -c "select id from crm_deals where deleted_at is null and stage in ('lead', 'qualified', 'proposal') order by id limit 2000" > "$OUT/deal-ids.txt"
move() {  # move LABEL
  ORBIT_SCENARIO=warmup wrk -t1 -c1 -d5s -s bench/move.lua "$BASE" >/dev/null
  ORBIT_SCENARIO="$1-c1" wrk -t1 -c1 -d"$DURATION" -s bench/move.lua "$BASE" | grep RESULT || true
  ORBIT_SCENARIO="$1-c20" wrk -t2 -c20 -d"$DURATION" -s bench/move.lua "$BASE" | grep RESULT || true
}
move move-no-webhooks
for i in 1 2 3; do
  curl -sf "${auth[@]}" "$BASE/api/webhooks" \
    -d "{\"url\": \"http://127.0.0.1:$RECEIVER_PORT/hook$i\", \"eventTypes\": [\"deal.*\"]}" >/dev/null
done
move move-3-webhooks
sleep 5
"${PSQL[@]}" -d "$DB" -At -c "select status, count(*), round(avg(a.duration_ms), 1) from webhook_deliveries d
  left join webhook_attempts a on a.tenant_id = d.tenant_id and a.delivery_id = d.id group by status" \
  | sed 's/^/deliveries (status|count|avg ms): /'
