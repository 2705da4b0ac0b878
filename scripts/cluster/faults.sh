#!/usr/bin/env bash
# faults.sh [a b c ...]: runs the fault tests (all by default) on a three-replica cluster, prints every RESULT line
# again at the end (also in $CLUSTER_DIR/results.txt) and stops the cluster. Exit 1 when any test failed.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
tests=("$@"); [ ${#tests[@]} -gt 0 ] || tests=(a b c d e f g h)
: >"$CLUSTER_DIR/results.txt"
failed=()
for t in "${tests[@]}"; do
    script=$(ls "$CLUSTER_HOME"/fault-"$t"-*.sh 2>/dev/null | head -1)
    [ -n "$script" ] || { log "no fault test '$t'"; failed+=("$t"); continue; }
    log "=== fault $t: $(basename "$script")"
    "$script" || failed+=("$t")
done
[ -n "${KEEP_CLUSTER:-}" ] || "$CLUSTER_HOME/stop.sh"
echo "=== results"
cat "$CLUSTER_DIR/results.txt"
[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}"; exit 1; }
