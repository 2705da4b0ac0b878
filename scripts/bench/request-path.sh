#!/usr/bin/env bash
# The authenticated request path (issue 21, targets 1 and 2; docs/request-path.md):
# for each jar given (default: the one just built), start it with demo data on a fresh embedded
# PostgreSQL at a fixed port, then, one after another, at CONNS connections for DURATION each
# (after a WARMUP on each URL):
#   wrk  GET /q/health/live            (management port) no authentication, no database: the floor
#   wrk  GET /api/v1/me                a rep's web-session access token (reads the user row)
#   wrk  GET /api/v1/users             the same token: refused 403 by role after the whole token path
#                                      (verify, session, user status) and touching no table
#   wrk  GET /api/v1/contacts/{id}     the same token, a contact the rep may see
#   pgbench -S style: the same primary-key SELECT of that contact, prepared, same database, same CONNS
# and print req/s, p99 and the ratios (me / floor, contact / pgbench).
#   scripts/bench/request-path.sh                               # the jar in backend/target
#   JARS="/tmp/before.jar:backend/target/quarkus-app/quarkus-run.jar" LABELS="before after" scripts/bench/request-path.sh
#   JFR=1 ...   also record a JFR profile of each jar under /api/v1/me load (summaries printed, files in OUT)
# A jar path means its quarkus-app directory must sit beside it (copy the whole quarkus-app directory).
# Needs wrk (apt-get install -y wrk), pgbench, curl, jq. The machine is shared: compare runs made together.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
PORT=${PORT:-18195}; DB_PORT=${DB_PORT:-18197}; BASE=http://127.0.0.1:$PORT
CONNS=${CONNS:-8}; THREADS=${THREADS:-2}; DURATION=${DURATION:-15s}; WARMUP=${WARMUP:-5s}
JARS=${JARS:-$root/backend/target/quarkus-app/quarkus-run.jar}; LABELS=${LABELS:-}
OUT=${OUT:-$(mktemp -d /tmp/guanxi-request-path.XXXXXX)}; mkdir -p "$OUT"
JFR_TOOL=${JFR_TOOL:-$(ls -d /usr/lib/jvm/temurin-25*/bin/jfr 2>/dev/null | head -1 || echo jfr)}

app=""; data=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  if [ -n "$data" ]; then rm -rf "$data"; fi
  app=""; data=""
}
trap cleanup EXIT

# wrk's summary as "req/s p99" (p99 in ms); $1 = label, then wrk's URL and extra arguments.
measure() {
  local label=$1; shift
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$@" > /dev/null 2>&1 || true
  wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$@" > "$OUT/$label.wrk" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %s\n", rps, p99, (bad == "" ? 0 : bad) }' "$OUT/$label.wrk"
}

i=0
summary=()
for jar in ${JARS//:/ }; do
  i=$((i + 1)); label=$(echo "$LABELS" | awk -v n=$i '{ print $n }'); label=${label:-jar$i}
  data=$(mktemp -d /tmp/guanxi-request-path-db.XXXXXX)
  jfr_opt=()
  if [ "${JFR:-}" = 1 ]; then
    jfr_opt=(-XX:StartFlightRecording=filename="$OUT/$label.jfr",settings=profile,dumponexit=true)
  fi
  java "${jfr_opt[@]}" -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" -Dquarkus.management.port=$((PORT + 1)) \
    -Dquarkus.transaction-manager.default-transaction-timeout=900s \
    -Dguanxi.embedded-db.data-dir="$data/pgdata" -Dguanxi.embedded-db.port="$DB_PORT" \
    -jar "$jar" > "$OUT/$label.service.log" 2>&1 &
  app=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + 1))/q/health/ready")" = 200 ]; do
    kill -0 "$app" 2>/dev/null || { tail -20 "$OUT/$label.service.log"; exit 1; }; sleep 1
  done
  token=$(curl -sf -X POST "$BASE/api/v1/auth/session" -H 'Content-Type: application/json' \
    -H 'X-Requested-With: XMLHttpRequest' -d '{"username":"rep.zhang","password":"demo1234"}' | jq -r .access_token)
  contact=$(curl -sf "$BASE/api/v1/contacts?size=1" -H "Authorization: Bearer $token" | jq -r '.items[0].id')
  [ -n "$contact" ] && [ "$contact" != null ] || { echo "no contact visible to rep.zhang"; exit 1; }
  auth=(-H "Authorization: Bearer $token")
  echo "== $label ($jar): contact $contact, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  read -r live_rps live_p99 live_bad < <(measure "$label-live" "http://127.0.0.1:$((PORT + 1))/q/health/live")
  read -r me_rps me_p99 me_bad < <(measure "$label-me" "${auth[@]}" "$BASE/api/v1/me")
  read -r probe_rps probe_p99 probe_bad < <(measure "$label-403" "${auth[@]}" "$BASE/api/v1/users")
  read -r contact_rps contact_p99 contact_bad < <(measure "$label-contact" "${auth[@]}" "$BASE/api/v1/contacts/$contact")
  printf "SELECT * FROM contact WHERE id = '%s';\n" "$contact" > "$OUT/contact.sql"
  PGPASSWORD=postgres pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$CONNS" -j "$THREADS" \
    -T "${DURATION%s}" -f "$OUT/contact.sql" postgres > "$OUT/$label.pgbench" 2>&1
  pg_tps=$(awk '/^tps/ { printf "%.0f", $3 }' "$OUT/$label.pgbench")
  pg_lat=$(awk '/^latency average/ { print $4 }' "$OUT/$label.pgbench")
  if [ "${JFR:-}" = 1 ]; then
    # A profile of /api/v1/me alone: a second recording around one more run of it.
    jcmd "$app" JFR.start name=me settings=profile filename="$OUT/$label-me.jfr" > /dev/null
    measure "$label-me-profiled" "${auth[@]}" "$BASE/api/v1/me" > /dev/null
    jcmd "$app" JFR.stop name=me > /dev/null
  fi
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  cleanup
  printf "%-8s %-24s %8s req/s  p99 %7s ms  non-2xx %s\n" "$label" "GET /q/health/live" "$live_rps" "$live_p99" "$live_bad"
  printf "%-8s %-24s %8s req/s  p99 %7s ms  non-2xx %s  (%.1f %% of the floor)\n" "$label" "GET /api/v1/me" "$me_rps" "$me_p99" "$me_bad" \
    "$(echo "100 * $me_rps / $live_rps" | bc -l)"
  printf "%-8s %-24s %8s req/s  p99 %7s ms  non-2xx %s  (403 expected; %.1f %% of the floor)\n" "$label" "GET /api/v1/users (rep)" "$probe_rps" "$probe_p99" "$probe_bad" \
    "$(echo "100 * $probe_rps / $live_rps" | bc -l)"
  printf "%-8s %-24s %8s req/s  p99 %7s ms  non-2xx %s  (%.1f %% of pgbench)\n" "$label" "GET /api/v1/contacts/{id}" "$contact_rps" "$contact_p99" "$contact_bad" \
    "$(echo "100 * $contact_rps / $pg_tps" | bc -l)"
  printf "%-8s %-24s %8s tps    avg %7s ms\n" "$label" "pgbench same SELECT" "$pg_tps" "$pg_lat"
  echo "         load average after: $load"
  summary+=("$label|$live_rps|$me_rps|$me_p99|$probe_rps|$probe_p99|$contact_rps|$contact_p99|$pg_tps|$load")
  if [ "${JFR:-}" = 1 ]; then
    echo "-- $label: hottest methods under GET /api/v1/me (JFR execution samples, top frame)"
    "$here/jfr-summary.py" "$OUT/$label-me.jfr" "$JFR_TOOL" || true
    "$JFR_TOOL" view --width 160 hot-methods "$OUT/$label-me.jfr" 2>/dev/null | head -20 || true
  fi
done

echo
echo "| jar | live req/s | /me req/s (p99 ms) | /me ÷ live | 403 probe req/s (p99 ms) | probe ÷ live | contact req/s (p99 ms) | pgbench tps | contact ÷ pgbench | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for row in "${summary[@]}"; do
  IFS='|' read -r l live me mep pr prp c cp pg ld <<< "$row"
  printf "| %s | %s | %s (%s) | %.1f %% | %s (%s) | %.1f %% | %s (%s) | %s | %.1f %% | %s |\n" "$l" "$live" "$me" "$mep" \
    "$(echo "100 * $me / $live" | bc -l)" "$pr" "$prp" "$(echo "100 * $pr / $live" | bc -l)" "$c" "$cp" "$pg" \
    "$(echo "100 * $c / $pg" | bc -l)" "$ld"
done
echo "outputs in $OUT"
