#!/usr/bin/env bash
# Fault e: a rolling restart of every replica (SIGTERM, wait for exit, start, wait for readiness, next) under a
# fixed-arrival-rate load through HAProxy (open model, latency from each request's due time): Load.java, or Gatling with
# FAULT_E_LOAD=gatling (bench/gatling RollingRestartSimulation; its HTML report under $CLUSTER_DIR/gatling-e).
# Target: zero failed requests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rate=${FAULT_E_RATE:-5}
fault_cluster_up 3
tok=$(token manager.wang); [ -n "$tok" ] || die "manager login failed"
stop_file="$CLUSTER_DIR/run/e.stop"; rm -f "$stop_file"
out="$CLUSTER_DIR/e-load.txt"
if [ "${FAULT_E_LOAD:-java}" = gatling ]; then
    # The simulation signs in as manager.wang itself; requests time out after 10 s (bench/gatling gatling.conf).
    rm -rf "$CLUSTER_DIR/gatling-e"
    "$REPO_ROOT/mvnw" -B -q -f "$REPO_ROOT/bench/gatling/pom.xml" gatling:test \
        -Dgatling.simulationClass=io.guanxi.crm.bench.RollingRestartSimulation -Dgatling.resultsFolder="$CLUSTER_DIR/gatling-e" \
        -DbaseUrl="http://127.0.0.1:$CLUSTER_LB_PORT" -Dpath="/api/v1/contacts?size=10" -Drate="$rate" -DmaxDuration=900 \
        -DstopFile="$stop_file" >"$out" 2>&1 &
    load_pid=$!
    trap 'touch "$stop_file"' EXIT
    # Gatling's JVM takes a while to start on a busy machine: the restarts begin once it sends.
    wait_until 600 grep -q "Simulation io.guanxi.crm.bench.RollingRestartSimulation started" "$out" || die "Gatling did not start: $out"
else
    load url="http://127.0.0.1:$CLUSTER_LB_PORT/api/v1/contacts?size=10" token="$tok" rate="$rate" duration=900 \
        stop-file="$stop_file" timeout=10 >"$out" 2>&1 &
    load_pid=$!
    trap 'touch "$stop_file"' EXIT
fi
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
if [ "${FAULT_E_LOAD:-java}" = gatling ]; then
    # Gatling's table row: requests, failed, ok/s, p50, p95, p99, max → the key=value figures Load.java prints.
    report=$(ls -d "$CLUSTER_DIR"/gatling-e/*/ 2>/dev/null | tail -1)
    [ -n "$report" ] || die "no Gatling report: $out"
    figures=$("$REPO_ROOT/scripts/bench/gatling-stats.py" "$report" e 1 | sed "s/ |$//" | awk -F' [|] ' '{ printf "requests=%s failed=%s p50_ms=%s p95_ms=%s p99_ms=%s max_ms=%s load=gatling", $3, $4, $6, $7, $8, $9 }')
else
    figures=$(grep '^requests=' "$out" || cat "$out")
fi
failed=$(sed -n 's/.*failed=\([0-9]*\).*/\1/p' <<<"$figures")
verdict=PASS; [ "${failed:-1}" = 0 ] || verdict=FAIL
result e-rolling-restart "$verdict" "rolling_restart_of_3_took=${restart_ms}ms rate=${rate}/s $figures"
[ "$verdict" = PASS ]
