#!/usr/bin/env bash
# Fault f: PostgreSQL killed (pg_ctl stop -m immediate) and restarted under a write load. A throwaway server is
# initdb'd on 127.0.0.1:55432 for this (the 5432 server is never stopped); one replica runs on it (:18521).
# Every write is an interaction POST with its own Idempotency-Key; acknowledged keys are recorded, writes with an
# unknown outcome (no answer, 5xx, 409 in flight) are retried afterwards with the same key and body.
# Afterwards: each acknowledged write exists exactly once, each retried one exactly once, and the service is ready
# (and answers a request that reads the database) within 5 s of the database accepting connections again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=55432
rate=${FAULT_F_RATE:-3}
down_s=${FAULT_F_DOWN:-5}
pgdir="$CLUSTER_DIR/pg$PORT"
id=f; http=18521; mgmt=18522
fpsql() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d "${1:-cluster_f}" "${@:2}"; }
pgctl() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir" "$@"; }
cleanup() {
    touch "$CLUSTER_DIR/run/f.stop" 2>/dev/null || true
    stop_replica "$id"
    [ ! -f "$pgdir/postmaster.pid" ] || pgctl stop -m fast -w >/dev/null 2>&1 || true
    [ -n "${KEEP_PG:-}" ] || rm -rf "$pgdir"
}
trap cleanup EXIT

if [ ! -f "$pgdir/PG_VERSION" ]; then
    install -d -o postgres -m 700 "$pgdir"
    runuser -u postgres -- "$PGBIN/initdb" -D "$pgdir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
pglog="$CLUSTER_DIR/logs/pg$PORT.log"
[ -f "$pglog" ] || install -o postgres -m 644 /dev/null "$pglog"   # the server (user postgres) appends to it
pgctl start -w -l "$pglog" \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pgdir -c shared_buffers=32MB -c max_connections=40" >/dev/null
[ "$(fpsql postgres -c "SELECT 1 FROM pg_database WHERE datname = 'cluster_f'")" = 1 ] || fpsql postgres -c "CREATE DATABASE cluster_f"
CLUSTER_DEMO_CONTACTS=50 start_replica "$id" cluster_f "$http" "$mgmt" "127.0.0.1:$PORT"
wait_replica "$id" "$mgmt"

base="http://127.0.0.1:$http"
tok=$(token rep.zhang "" "$base"); [ -n "$tok" ] || die "rep login failed"
contact=$(curl -fsS -m 10 -H "Authorization: Bearer $tok" "$base/api/v1/contacts?size=1" | jq -r '.items[0].id')
[ -n "$contact" ] && [ "$contact" != null ] || die "no contact visible to rep.zhang"
prefix="faultf$(date +%s)"
# Warm-up: a freshly started JVM answers its first writes slowly; these are not counted.
for k in $(seq 1 20); do
    curl -sS -m 30 -o /dev/null -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' -H "Idempotency-Key: warm-$prefix-$k" \
        -d '{"channel":"PHONE","direction":"OUTBOUND","summary":"warm-up"}' "$base/api/v1/contacts/$contact/interactions" || true
done
acked="$CLUSTER_DIR/f-acked.txt"; unknown="$CLUSTER_DIR/f-unknown.txt"; stop_file="$CLUSTER_DIR/run/f.stop"
rm -f "$stop_file" "$acked" "$unknown"
load url="$base/api/v1/contacts/$contact/interactions" token="$tok" mode=write rate="$rate" duration=600 timeout=10 \
    prefix="$prefix" acked="$acked" unknown="$unknown" stop-file="$stop_file" >"$CLUSTER_DIR/f-load.txt" 2>&1 &
load_pid=$!
sleep 10   # writes before the fault
log "fault f: pg_ctl stop -m immediate"
pgctl stop -m immediate >/dev/null
sleep "$down_s"   # the outage itself
pgctl start -w -l "$pglog" \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pgdir -c shared_buffers=32MB -c max_connections=40" >/dev/null
wait_until 60 eval "$PGBIN/pg_isready -q -h 127.0.0.1 -p $PORT -U postgres -d cluster_f" || die "PostgreSQL did not come back"
t_db=$(now_ms)
ok_read() { [ "$(curl -sS -m 3 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$base/api/v1/contacts?size=1")" = 200 ]; }
ready_ms=never; read_ms=never
deadline=$(( t_db + 60000 ))
while [ "$(now_ms)" -lt "$deadline" ] && { [ "$ready_ms" = never ] || [ "$read_ms" = never ]; }; do
    [ "$ready_ms" != never ] || ! ready "$mgmt" || ready_ms=$(( $(now_ms) - t_db ))
    [ "$read_ms" != never ] || ! ok_read || read_ms=$(( $(now_ms) - t_db ))
    sleep 0.1
done
sleep 10   # writes after the fault
touch "$stop_file"; wait "$load_pid" || true
figures=$(grep '^requests=' "$CLUSTER_DIR/f-load.txt" || cat "$CLUSTER_DIR/f-load.txt")

# Retry every unknown outcome with the same key and body until it is answered (or 60 s pass).
retried=0; retried_ok=0
touch "$acked" "$unknown"
retried_keys="$CLUSTER_DIR/f-retried-ok.txt"; : >"$retried_keys"
retry_until=$(( $(now_ms) + ${FAULT_F_RETRY_SECONDS:-180} * 1000 ))  # for all retries together
while read -r key; do
    [ -n "$key" ] || continue
    retried=$((retried + 1))
    while [ "$(now_ms)" -lt "$retry_until" ]; do
        s=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
            -H "Idempotency-Key: $key" -d "{\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"summary\":\"$prefix $key\"}" \
            "$base/api/v1/contacts/$contact/interactions" || true)
        if [ "$s" = 201 ] || [ "$s" = 200 ]; then retried_ok=$((retried_ok + 1)); echo "$key" >>"$retried_keys"; break; fi
        [ "$s" = 000 ] || [ "$s" -ge 500 ] || [ "$s" = 409 ] || break
        sleep 0.5
    done
done <"$unknown"

# Count rows per key in the database.
count_keys() { # count_keys <file>: "<keys> <exactly once> <missing> <duplicated>"
    fpsql cluster_f -F ' ' <<SQL
CREATE TEMP TABLE k (key text PRIMARY KEY);
\copy k FROM '$1'
SELECT count(*), count(*) FILTER (WHERE n = 1), count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1)
FROM (SELECT k.key, (SELECT count(*) FROM interaction i WHERE i.summary = '$prefix ' || k.key) AS n FROM k) c;
SQL
}
read -r n_acked acked_once lost acked_dup <<<"$(count_keys "$acked")"
read -r n_retried retried_once retried_missing retried_dup <<<"$(count_keys "$retried_keys")"
total_rows=$(fpsql cluster_f -c "SELECT count(*) FROM interaction WHERE summary LIKE '$prefix %'")
verdict=PASS
{ [ "$lost" = 0 ] && [ "$acked_dup" = 0 ] && [ "$retried_once" = "$retried_ok" ] && [ "$retried_dup" = 0 ] \
  && [ "$ready_ms" != never ] && [ "$ready_ms" -le 5000 ] && [ "$read_ms" != never ] && [ "$read_ms" -le 5000 ]; } || verdict=FAIL
result f-db-restart "$verdict" "$figures | acknowledged=$n_acked exactly_once=$acked_once lost=$lost duplicated=$acked_dup | unknown=$retried retried_ok=$retried_ok retried_exactly_once=$retried_once retried_duplicated=$retried_dup | rows=$total_rows | db_down=${down_s}s ready_after_db=${ready_ms}ms first_db_read_after_db=${read_ms}ms"
[ "$verdict" = PASS ]
