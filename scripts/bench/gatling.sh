#!/usr/bin/env bash
# Open-model load tests with Gatling (issue 21 target 7; bench/gatling, not part of the default build or ./test.sh):
# starts the packaged jar with demo data on a fresh embedded PostgreSQL (like request-path.sh), then
#   contact: ContactReadSimulation, GET /api/v1/contacts/{id} as rep.zhang over that rep's contacts, at each rate in
#            RATES (req/s, a fixed arrival rate), each after a WARMUP at the same rate; and beside it, in the same run,
#            pgbench on the same database and the same ids: the same primary-key SELECT at the same fixed rate
#            (pgbench -R, latency counted from each transaction's scheduled start) and unthrottled (its capacity);
#   mixed:   (first) MixedWorkloadSimulation, a 500-rep team at peak (docs/benchmarks.md), at each multiple in SCALES.
# Prints p50/p95/p99/max, failed requests and the achieved rate of each run, with the load average before and after
# (the machine is shared: read figures only beside the baseline of the same run).
#   scripts/bench/gatling.sh                          # mixed at 1×, then contact at 2000 req/s
#   MODE=contact RATES="100 250 500 1000 2000" DURATION=30 scripts/bench/gatling.sh
#   MODE=mixed SCALES="1 4 16" scripts/bench/gatling.sh
#   BASE_URL=http://127.0.0.1:18500 MODE=mixed scripts/bench/gatling.sh   # a service already running (no pgbench)
# Needs the jar (cd backend && ../mvnw -B -q package -DskipTests -Dskip.frontend), pgbench, psql, curl, jq.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
MODE=${MODE:-both}; RATES=${RATES:-2000}; SCALES=${SCALES:-1}
# CONTACTS: the demo default; with 1 000 or more the demo seeding sometimes fails (more demo redemptions of the
# thermos than its stock of 200: reward_stock_check), so a bigger volume needs another data set.
DURATION=${DURATION:-60}; WARMUP=${WARMUP:-10}; CONTACTS=${CONTACTS:-300}; CONNS=${CONNS:-8}
PORT=${PORT:-18295}; DB_PORT=${DB_PORT:-18297}
JAR=${JAR:-$root/backend/target/quarkus-app/quarkus-run.jar}; HEAP=${HEAP:--Xmx512m}
OUT=${OUT:-$(mktemp -d /tmp/guanxi-gatling.XXXXXX)}; mkdir -p "$OUT"
pom="$root/bench/gatling/pom.xml"; mvnw="$root/mvnw"

app=""; data=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  if [ -n "$data" ]; then rm -rf "$data"; fi
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

"$mvnw" -B -q -f "$pom" test-compile

if [ -z "${BASE_URL:-}" ]; then
  BASE_URL=http://127.0.0.1:$PORT
  data=$(mktemp -d /tmp/guanxi-gatling-db.XXXXXX)
  java $HEAP -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" -Dquarkus.management.port=$((PORT + 1)) \
    -Dguanxi.demo.contacts="$CONTACTS" -Dquarkus.transaction-manager.default-transaction-timeout=900s \
    -Dguanxi.embedded-db.data-dir="$data/pgdata" -Dguanxi.embedded-db.port="$DB_PORT" \
    -jar "$JAR" > "$OUT/service.log" 2>&1 &
  app=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + 1))/q/health/ready")" = 200 ]; do
    kill -0 "$app" 2>/dev/null || { tail -20 "$OUT/service.log"; exit 1; }; sleep 1
  done
  db=(-h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres)
  export PGPASSWORD=postgres
  echo "service $BASE_URL: $(psql -X -At "${db[@]}" -c "SELECT count(*) FROM contact") contacts (demo data), heap $HEAP"
else
  db=()
  echo "service $BASE_URL (already running; no pgbench baseline)"
fi

# gatling <simulation> <label> -Dkey=value...: runs it and prints one line per request name (warm-up left out).
gatling() {
  local sim=$1 label=$2; shift 2
  local before; before=$(load)
  "$mvnw" -B -q -f "$pom" gatling:test -Dgatling.simulationClass="io.guanxi.crm.bench.$sim" \
    -Dgatling.resultsFolder="$OUT/gatling/$label" -DbaseUrl="$BASE_URL" -Dduration="$DURATION" -Dwarmup="$WARMUP" "$@" \
    > "$OUT/$label.gatling.log" 2>&1 || { tail -40 "$OUT/$label.gatling.log"; echo "(Gatling failed: $OUT/$label.gatling.log)"; }
  local report; report=$(ls -d "$OUT"/gatling/"$label"/*/ 2>/dev/null | tail -1)
  [ -f "$report/index.html" ] || { echo "no report for $label"; return 0; }
  "$here/gatling-stats.py" "$report" "$label" "$DURATION" "$before" "$(load)" | tee -a "$OUT/rows.md"
}

echo "| run | request | requests | failed | achieved req/s | p50 ms | p95 ms | p99 ms | max ms | load before | load after |" | tee "$OUT/rows.md"
echo "|---|---|---|---|---|---|---|---|---|---|---|" | tee -a "$OUT/rows.md"

# The mixed workload first: the contact rates end above what the service can serve, and an overload's backlog
# would spill into what follows.
if [ "$MODE" = mixed ] || [ "$MODE" = both ]; then
  for scale in $SCALES; do
    gatling MixedWorkloadSimulation "mixed-x$scale" -Dscale="$scale"
  done
fi

if [ "$MODE" = contact ] || [ "$MODE" = both ]; then
  ids="$OUT/ids.txt"
  if [ ${#db[@]} -gt 0 ]; then
    # The rep's own live contacts: the ids the simulation reads and pgbench reads.
    psql -X -At "${db[@]}" -c "SELECT c.id FROM contact c JOIN app_user u ON u.id = c.owner_id
      WHERE u.username = 'rep.zhang' AND c.archived_at IS NULL ORDER BY c.id" > "$ids"
    psql -X -q "${db[@]}" -c "DROP TABLE IF EXISTS bench_ids; CREATE TABLE bench_ids (n int PRIMARY KEY, id uuid NOT NULL);
      INSERT INTO bench_ids SELECT row_number() OVER (ORDER BY c.id), c.id FROM contact c JOIN app_user u ON u.id = c.owner_id
      WHERE u.username = 'rep.zhang' AND c.archived_at IS NULL; ANALYZE bench_ids;"
    n=$(wc -l < "$ids")
    printf '\\set n random(1, %s)\nSELECT c.* FROM contact c WHERE c.id = (SELECT id FROM bench_ids WHERE n = :n);\n' "$n" > "$OUT/contact.sql"
  fi
  for rate in $RATES; do
    if [ ${#db[@]} -gt 0 ]; then
      gatling ContactReadSimulation "contact-$rate" -Drate="$rate" -DidsFile="$ids"
      # The same SELECT at the same fixed rate: latency from each transaction's scheduled start (time + lag, µs).
      before=$(load)
      rm -f "$OUT"/pgbench_log.*
      (cd "$OUT" && pgbench -n -M prepared -c "$CONNS" -j 2 -R "$rate" -T "$DURATION" -l -f contact.sql "${db[@]:0:6}" postgres \
        > "$OUT/pgbench-$rate.txt" 2>&1)
      sort -n <(cat "$OUT"/pgbench_log.* | awk '{ printf "%.3f\n", ($3 + $7) / 1000 }') > "$OUT/pgbench-$rate.lat"
      awk -v d="$DURATION" -v rate="$rate" -v before="$before" -v after="$(load)" '
        { v[NR] = $1 }
        function pct(q) { i = int(q * NR + 0.999999); if (i < 1) i = 1; return v[i] }
        END { printf "| pgbench-%s | same SELECT, -R %s | %d | 0 | %.1f | %.2f | %.2f | %.2f | %.2f | %s | %s |\n",
                rate, rate, NR, NR / d, pct(0.50), pct(0.95), pct(0.99), v[NR], before, after }' "$OUT/pgbench-$rate.lat" \
        | tee -a "$OUT/rows.md"
    else
      gatling ContactReadSimulation "contact-$rate" -Drate="$rate"
    fi
  done
  if [ ${#db[@]} -gt 0 ]; then
    before=$(load)
    pgbench -n -M prepared -c "$CONNS" -j 2 -T "$DURATION" -f "$OUT/contact.sql" "${db[@]:0:6}" postgres > "$OUT/pgbench-max.txt" 2>&1
    printf "| pgbench-max | same SELECT, unthrottled, %s clients | %s tps | | | | | | | %s | %s |\n" "$CONNS" \
      "$(awk '/^tps/ { printf "%.0f", $3 }' "$OUT/pgbench-max.txt")" "$before" "$(load)" | tee -a "$OUT/rows.md"
  fi
fi

echo "outputs in $OUT (Gatling HTML reports under gatling/)"
