#!/usr/bin/env bash
# Custom fields under row-level security (issue 13): a scratch database migrated from db/, 100,000 clients with
# 10 custom fields each, the EXPLAIN ANALYZE of "filtered by a select field, sorted by a number field" and of the
# API's cf. filters as the application role, then pgbench on that page (one connection) with p50/p95.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres), psql and pgbench. Usage: bench/custom-fields.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=orbit_bench_fields
SECONDS_TO_RUN=${1:-20}
PSQL="psql -h 127.0.0.1 -v ON_ERROR_STOP=1 -q"
$PSQL -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB owner orbit_owner"
for f in $(ls db/src/main/resources/db/migration/*.sql | sort -V); do
  sed 's/\${appRole}/orbit_app/g' "$f" | $PSQL -U orbit_owner -d $DB >/dev/null
done
$PSQL -U orbit_owner -d $DB -c "insert into tenants (id, name) values ('aaaaaaaa-0000-0000-0000-000000000001', 'Bench')"
$PSQL -U orbit_owner -d $DB -v tenant=aaaaaaaa-0000-0000-0000-000000000001 -f bench/generate-custom-fields.sql 2>/dev/null
psql -h 127.0.0.1 -U orbit_app -d $DB -f bench/explain-custom-fields.sql
log=$(mktemp -d)
(cd "$log" && pgbench -h 127.0.0.1 -U orbit_app -n -c 1 -T "$SECONDS_TO_RUN" -f "$OLDPWD/bench/custom-fields-page.sql" -l $DB \
  | grep -E "processed|latency average")
cat "$log"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
  printf "pages=%d p50=%.1fms p95=%.1fms max=%.1fms\n", NR, a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[NR]/1000}'
rm -rf "$log"
$PSQL -U postgres -c "drop database $DB with (force)"
