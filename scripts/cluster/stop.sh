#!/usr/bin/env bash
# stop.sh: stops HAProxy and every replica this harness started (by their pid files), gracefully then by force.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
stop_haproxy
for f in "$CLUSTER_DIR"/run/replica-*.pid; do
    [ -e "$f" ] || continue
    i=${f##*replica-}; i=${i%.pid}
    stop_replica "$i"
done
log "cluster stopped"
