#!/usr/bin/env bash
# The today endpoint for a rep with 300 000 customers and 1 000 000 activities (docs/benchmarks.md):
# a fresh database on 127.0.0.1:5432, the packaged service on it, generate-today.sql, then wrk on
# GET /api/v1/today beside GET /api/v1/me (the same auth and HTTP path, no query) in the same run, and
# the plans of the today queries as the service sends them.
# Needs backend/target/quarkus-app (./mvnw -DskipTests package), wrk, jq, psql.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
DB=${DB:-guanxi_today_bench}; PORT=${PORT:-18093}; BASE=http://localhost:$PORT
CUSTOMERS=${CUSTOMERS:-300000}; ACTIVITIES=${ACTIVITIES:-1000000}; LEADS=${LEADS:-50000}
SECONDS_EACH=${SECONDS_EACH:-20}; CONNS=${CONNS:-4}
APP=${APP:-$root/backend/target/quarkus-app/quarkus-run.jar}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1"

$PSQL -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1)) \
  GUANXI_ADMIN_PASSWORD='Bench-Admin-2026!x' GUANXI_DEMO_ENABLED=false \
  java -Dquarkus.profile=demo -jar "$APP" > /tmp/guanxi-today-bench.log 2>&1 &
app=$!; trap 'kill $app 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/me")" = 401 ]; do sleep 1; done
login() { curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "$1" | jq -r .access_token; }
ADMIN=$(login '{"username":"admin","password":"Bench-Admin-2026!x"}')
REP=$(curl -s -X POST "$BASE/api/v1/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"username":"bench.rep","displayName":"压测销售","password":"Bench-Rep-2026!x","roles":["SALES_REP"],"seniority":"SENIOR"}' | jq -r .id)
echo "== data (rep $REP)"
time $PSQL -d "$DB" -q -v rep="$REP" -v customers="$CUSTOMERS" -v leads="$LEADS" -v activities="$ACTIVITIES" \
  -f "$here/generate-today.sql" | tail -1
TOKEN=$(login '{"username":"bench.rep","password":"Bench-Rep-2026!x"}')
curl -s "$BASE/api/v1/today" -H "Authorization: Bearer $TOKEN" | jq -c '{overdue: .overdue.total, dueToday: .dueToday.total, nextSevenDays, newLeads: .newLeads.total, quietCustomers: .quietCustomers.total}'

run() { # $1 = path
  wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $TOKEN" "$BASE$1" \
    | grep -E "Requests/sec|^ +(50|75|90|99)%|Non-2xx"
}
echo "== warm-up 20 s (JIT), not reported"; wrk -t2 -c"$CONNS" -d20s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/today" >/dev/null
echo "== GET /api/v1/today, $CONNS connections, ${SECONDS_EACH}s"; run /api/v1/today
echo "== baseline GET /api/v1/me, same run"; run /api/v1/me
seq_p95() { # $1 = path: 300 requests one after another, the p50 and p95 of their times
  for _ in $(seq 1 300); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$1"; done \
    | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "  one client, 300 requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
}
echo "== GET /api/v1/today, one client"; seq_p95 /api/v1/today
echo "== baseline GET /api/v1/me, one client"; seq_p95 /api/v1/me
echo "== plans (EXPLAIN ANALYZE, warm)"
$PSQL -d "$DB" -v rep="$REP" -f "$here/today-plans.sql"
