#!/usr/bin/env bash
# g: throughput of 1, 2 and 3 replicas behind HAProxy under the same fixed-arrival-rate load (Load.java, open
# model): achieved req/s, p50 and p99 from each request's due time. The machine's cores are shared by every
# replica, the balancer, the load generator and PostgreSQL, so this shows the cost of the hop, not scale-out.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rates=${FAULT_G_RATES:-15 60}   # a light rate (latency) and one near saturation (throughput)
warm=${FAULT_G_WARMUP:-15}
secs=${FAULT_G_SECONDS:-20}
path=${FAULT_G_PATH:-/api/v1/contacts?size=10}
fault_cluster_up 3
tok=$(token manager.wang); [ -n "$tok" ] || die "manager login failed"
for n in 1 2 3; do
    "$CLUSTER_HOME/start.sh" "$n" 2>/dev/null
    # warm-up (a replica just started is still compiling): the light load, figures discarded
    load url="http://127.0.0.1:$CLUSTER_LB_PORT$path" token="$tok" rate="${rates%% *}" duration="$warm" timeout=10 >/dev/null
    for rate in $rates; do
        figures=$(load url="http://127.0.0.1:$CLUSTER_LB_PORT$path" token="$tok" rate="$rate" duration="$secs" timeout=10)
        # The figures mean something only on a quiet machine: the load average goes beside each.
        result "g-throughput-${n}-replicas" INFO "GET $path rate=${rate}/s for ${secs}s: $figures | load_avg=$(cut -d' ' -f1-3 /proc/loadavg)"
    done
done
