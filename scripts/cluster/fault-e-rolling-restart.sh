#!/usr/bin/env bash
# Fault e: a rolling restart of every replica (SIGTERM, wait for exit, start, wait for readiness, next) under a
# fixed-arrival-rate load through HAProxy (Load.java: open model, latency from each request's due time).
# Target: zero failed requests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rate=${FAULT_E_RATE:-5}
fault_cluster_up 3
tok=$(token manager.wang); [ -n "$tok" ] || die "manager login failed"
stop_file="$CLUSTER_DIR/run/e.stop"; rm -f "$stop_file"
out="$CLUSTER_DIR/e-load.txt"
load url="http://127.0.0.1:$CLUSTER_LB_PORT/api/v1/contacts?size=10" token="$tok" rate="$rate" duration=900 \
    stop-file="$stop_file" timeout=10 >"$out" 2>&1 &
load_pid=$!
trap 'touch "$stop_file"' EXIT
sleep 5   # a steady stretch of load before the first restart (part of the figures), not a wait for a condition
t0=$(now_ms)
for r in 1 2 3; do
    stop_replica "$r"
    start_replica "$r"; wait_replica "$r"
    wait_until 60 haproxy_servers_up 3 || die "HAProxy does not see replica $r back"
done
restart_ms=$(( $(now_ms) - t0 ))
sleep 5
touch "$stop_file"; wait "$load_pid" || true
figures=$(grep '^requests=' "$out" || cat "$out")
failed=$(sed -n 's/.*failed=\([0-9]*\).*/\1/p' <<<"$figures")
verdict=PASS; [ "${failed:-1}" = 0 ] || verdict=FAIL
result e-rolling-restart "$verdict" "rolling_restart_of_3_took=${restart_ms}ms rate=${rate}/s $figures"
[ "$verdict" = PASS ]
