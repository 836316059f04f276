#!/usr/bin/env bash
# Orbit CRM benchmark: 1,000,000 clients in ten workspaces (100,000 in the measured one), the app on the
# local PostgreSQL, and wrk at 20 concurrent connections on the clients list (first pages and 100 pages
# deep), search, detail and page, and on the pipeline board (8,000 deals in the measured workspace), its
# deepest "load more" and deal moves; the dashboard (page and API) of a second workspace with 50,000
# deals and 1,000,000 activities; and the meetings calendar (week page and range API) over 20,000 meetings.
#
#   bench/run.sh [duration per scenario, default 30s]
#
# Needs: PostgreSQL on 127.0.0.1:5432 that lets `postgres` in (as on the dev machine), wrk
# (apt-get install -y wrk; installed here when missing), curl, python3. Writes bench/target/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DB=${ORBIT_BENCH_DB:-orbit_bench}
PORT=${ORBIT_BENCH_PORT:-18080}
DURATION=${1:-30s}
CONNECTIONS=20
BASE=http://127.0.0.1:$PORT
. "$ROOT/bench/lib.sh"

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
SIGNUP=$(sign_up "$BASE" "$EMAIL" "Bench Co" "Bench Owner")
TENANT=$(field "$SIGNUP" tenantId)
OWNER=$(field "$SIGNUP" userId)
export ORBIT_TOKEN=$(token_for "$BASE" "$EMAIL")

echo "== generate 1,000,000 clients"
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v owner="$OWNER" -f bench/generate.sql
"${PSQL[@]}" -d "$DB" -At -c "select id from clients where tenant_id = '$TENANT' order by md5(id::text) limit 5000" > "$OUT/ids.txt"
"${PSQL[@]}" -d "$DB" -At -c "select id from crm_deals where tenant_id = '$TENANT' and stage not like 'closed%' order by md5(id::text) limit 2000" > "$OUT/deal-ids.txt"

echo "== generate 20,000 meetings"
"${PSQL[@]}" -d "$DB" -v tenant="$TENANT" -v owner="$OWNER" -f bench/generate-meetings.sql
# 60 weeks (Mondays in New York) spread over the two years of meetings, as API ranges and calendar pages.
"${PSQL[@]}" -d "$DB" -At > "$OUT/meeting-weeks.txt" <<'SQL'
select to_char(d, 'YYYY-MM-DD')
from generate_series(date_trunc('week', now() - interval '350 days'), now() + interval '350 days', interval '12 days') d
limit 60;
SQL
: > "$OUT/meeting-weeks-api.txt"; : > "$OUT/meeting-weeks-page.txt"
python3 - "$OUT" <<'PY'
import sys, datetime, zoneinfo
out, ny = sys.argv[1], zoneinfo.ZoneInfo("America/New_York")
utc = lambda d: datetime.datetime.combine(d, datetime.time(), ny).astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
with open(out + "/meeting-weeks.txt") as days, open(out + "/meeting-weeks-api.txt", "w") as api, \
     open(out + "/meeting-weeks-page.txt", "w") as page:
    for line in days:
        monday = datetime.date.fromisoformat(line.strip())
        api.write(f"/api/crm/meetings?from={utc(monday)}&to={utc(monday + datetime.timedelta(days=7))}&limit=500\n")
        page.write(f"/meetings?view=week&date={monday}\n")
PY

echo "== sign in for the HTML page"
export ORBIT_COOKIE=$(sign_in "$BASE" "$EMAIL")

echo "== the dashboard's workspace: sign up over HTTP, 50,000 deals and 1,000,000 activities"
DASH_EMAIL=dash-$RANDOM@bench.example
DASH=$(sign_up "$BASE" "$DASH_EMAIL" "Dash Co" "Dash Owner")
DASH_TENANT=$(field "$DASH" tenantId)
export ORBIT_DASH_OWNER=$(field "$DASH" userId)
export ORBIT_DASH_TOKEN=$(token_for "$BASE" "$DASH_EMAIL")
"${PSQL[@]}" -d "$DB" -v tenant="$DASH_TENANT" -v owner="$ORBIT_DASH_OWNER" -f bench/generate-dashboard.sql
export ORBIT_DASH_COOKIE=$(sign_in "$BASE" "$DASH_EMAIL")

echo "== deep cursors: 100 pages of 50 down the clients list (following Link), the board's deepest pages"
# The API's cursors are opaque: follow `Link: <…>; rel="next"` 100 times from the first page, per sort, and
# keep the URL of page 101 (after 5,000 rows) without scheme and host.
: > "$OUT/deep-clients.txt"
for sort in name -estimatedMonthlySpend createdAt; do
  url="$BASE/api/clients?limit=50&sort=$sort"
  for _ in $(seq 1 100); do
    url=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $ORBIT_TOKEN" -H 'Accept: application/json' "$url" \
      | tr -d '\r' | sed -n 's/^[Ll][Ii][Nn][Kk]: *<\([^>]*\)>; *rel="next".*/\1/p')
    [ -n "$url" ] || { echo "no next page of /api/clients?sort=$sort before page 101" >&2; exit 1; }
  done
  echo "$url" | sed 's#^https\?://[^/]*##' >> "$OUT/deep-clients.txt"
done
# The board's "load more" continues after the rank of a column's last shown card. The deepest page that
# exists: after card 1,240 of the 1,250 in each open column (its last page, the 63rd of 20) and after card
# 1,980 of the 2,000 in Closed Won (its 100th page).
"${PSQL[@]}" -d "$DB" -At -v tenant="$TENANT" > "$OUT/deep-board.txt" <<'SQL'
select '/pipeline/columns/' || stage || '?after=' || rank
from (select d.stage, d.rank, row_number() over (partition by d.stage order by d.rank) as n,
             count(*) over (partition by d.stage) as cards
      from crm_deals d join pipelines p on p.tenant_id = d.tenant_id and p.id = d.pipeline_id and p.is_default
      where d.tenant_id = :'tenant' and d.deleted_at is null and d.stage <> 'closed_lost') c
where n = (cards - 1) / 20 * 20
order by stage;
SQL
[ "$(wc -l < "$OUT/deep-board.txt")" -eq 5 ] || { echo "expected 5 deep board pages" >&2; exit 1; }

echo "== warm up"
ORBIT_SCENARIO=warmup wrk -t2 -c$CONNECTIONS -d15s -s bench/search.lua "$BASE" >/dev/null
ORBIT_SCENARIO=warmup wrk -t2 -c$CONNECTIONS -d10s -s bench/list.lua "$BASE" >/dev/null
ORBIT_SCENARIO=warmup wrk -t2 -c$CONNECTIONS -d10s -s bench/board.lua "$BASE" >/dev/null
ORBIT_SCENARIO=warmup wrk -t2 -c$CONNECTIONS -d10s -s bench/dashboard.lua "$BASE" >/dev/null

echo "== measure: $CONNECTIONS connections, $DURATION each"
: > "$OUT/results.txt"
for scenario in list list-deep search detail page board board-deep move dashboard dashboard-api meetings-api calendar; do
  ORBIT_SCENARIO=$scenario wrk -t2 -c$CONNECTIONS -d"$DURATION" -s "bench/$scenario.lua" "$BASE" \
    | grep '^RESULT' | tee -a "$OUT/results.txt"
done
echo "== one connection at a time (latency without queueing), 10s each"
for scenario in list list-deep search detail page board board-deep move dashboard dashboard-api meetings-api calendar; do
  ORBIT_SCENARIO="$scenario-c1" wrk -t1 -c1 -d10s -s "bench/$scenario.lua" "$BASE" \
    | grep '^RESULT' | tee -a "$OUT/results.txt"
done
echo "== results in $OUT/results.txt"
