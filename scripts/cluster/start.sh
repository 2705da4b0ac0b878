#!/usr/bin/env bash
# start.sh [N=3]: N replicas of the packaged jar on one database (cluster_guanxi on 127.0.0.1:5432) behind HAProxy
# on 127.0.0.1:18500. Idempotent: running replicas are kept, replicas above N are stopped, HAProxy is rewritten.
# Replica 1 starts first and alone, so Flyway and the demo data run once; the others follow together.
# Extra settings reach every replica from the environment (e.g. GUANXI_CHURN_RISK_RECOMPUTE_CRON='0/5 * * * * ?').
set -euo pipefail
source "$(dirname "$0")/lib.sh"
n=${1:-3}
[[ "$n" =~ ^[1-9]$ ]] || die "N must be 1..9"
ensure_database "$CLUSTER_DB"
for i in $(running_replicas); do
    [ "$i" -le "$n" ] || stop_replica "$i"
done
start_replica 1
wait_replica 1
for ((i = 2; i <= n; i++)); do start_replica "$i"; done
for ((i = 2; i <= n; i++)); do wait_replica "$i"; done
restart_haproxy "$n"
log "cluster up: http://127.0.0.1:$CLUSTER_LB_PORT (stats http://127.0.0.1:$CLUSTER_STATS_PORT/stats), logs in $CLUSTER_DIR/logs"
