#!/usr/bin/env bash
# Fault a: each scheduled job runs once per firing across three replicas. The churn-risk recompute and the points
# expiry fire every 5 s on every replica (FAULT_CRON); each run is a row in `job`. Over FIRINGS firings we count the
# runs per firing (5-second slot) and per kind, plus the "skipped: one is already running" log lines (a replica that
# fired at the same moment and lost the race on the one-RUNNING-per-kind index).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
firings=${FIRINGS:-10}
fault_cluster_up 3
t0=$(cpsql -c "SELECT extract(epoch FROM now())::bigint")
first=$(( t0 / 5 + 1 ))               # the first whole slot after now
last=$(( first + firings - 1 ))
skips() { cat "$CLUSTER_DIR"/logs/replica-[1-3].log 2>/dev/null | grep -c "$1" || true; }
declare -A skip0=([CHURN_RISK_RECOMPUTE]=$(skips 'Churn-risk recompute skipped') [POINTS_EXPIRY]=$(skips 'Points expiry skipped'))
log "fault a: counting runs over $firings firings (slots $first..$last, ~$(( (last + 1) * 5 - t0 + 3 )) s)"
# Wait until the last slot is over and its runs have finished (a run takes well under a second here).
wait_until $(( (last + 1) * 5 - t0 + 30 )) eval "[ \$(cpsql -c \"SELECT extract(epoch FROM now())::bigint\") -ge $(( (last + 1) * 5 + 3 )) ]" \
    || die "clock did not advance?"
declare -A skip1=([CHURN_RISK_RECOMPUTE]=$(skips 'Churn-risk recompute skipped') [POINTS_EXPIRY]=$(skips 'Points expiry skipped'))
verdict=PASS
for kind in CHURN_RISK_RECOMPUTE POINTS_EXPIRY; do
    read -r slots runs max over missing <<<"$(cpsql -F ' ' -c "
        WITH slots AS (SELECT generate_series($first, $last) AS slot),
             runs AS (SELECT floor(extract(epoch FROM created_at) / 5)::bigint AS slot, count(*) AS n
                      FROM job WHERE kind = '$kind' AND created_at >= to_timestamp($first * 5)
                        AND created_at < to_timestamp(($last + 1) * 5) GROUP BY 1)
        SELECT count(*), coalesce(sum(r.n), 0), coalesce(max(r.n), 0), count(*) FILTER (WHERE r.n > 1),
               count(*) FILTER (WHERE r.n IS NULL)
        FROM slots s LEFT JOIN runs r USING (slot)")"
    # A firing that reached several replicas shows as a run plus "skipped" lines (the unique index stopped it).
    extra=$(( ${skip1[$kind]} - ${skip0[$kind]} ))
    v=PASS; { [ "$runs" -eq "$firings" ] && [ "$max" -le 1 ] && [ "$extra" -eq 0 ]; } || { v=FAIL; verdict=FAIL; }
    result "a-jobs-once:$kind" "$v" "firings=$slots runs=$runs max_runs_per_firing=$max firings_run_more_than_once=$over firings_not_run=$missing fired_elsewhere_too(skipped_by_the_index)=$extra"
done
result a-jobs-once "$verdict" "3 replicas"
[ "$verdict" = PASS ]
