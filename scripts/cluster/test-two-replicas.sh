#!/usr/bin/env bash
# The fast cluster check for ./test.sh: two replicas of the packaged jar on one fresh database (cluster_fast on
# 127.0.0.1:5432), ports 18541/18542 (management 18551/18552), so it can run beside a started cluster.
# Checks: both ready; a write on one is read on the other; its Idempotency-Key replays on the other; a scheduled
# job (churn-risk recompute, firing every 2 s on both) runs once per firing (TWO_REPLICAS_JOBS=0 skips this).
# Exit 0 when all hold; otherwise 1, with the logs kept.
set -euo pipefail
export CLUSTER_DIR
CLUSTER_DIR=$(mktemp -d /tmp/guanxi-2r.XXXXXX)
source "$(dirname "$0")/lib.sh"
export CLUSTER_DEMO_CONTACTS=${CLUSTER_DEMO_CONTACTS_FAST:-20}
export GUANXI_CHURN_RISK_RECOMPUTE_CRON='0/2 * * * * ?'
db=cluster_fast
t_start=$(now_ms)
failures=0
check() { # check <name> <ok?> <figures>
    if [ "$2" = 0 ]; then echo "ok   $1 $3"; else echo "FAIL $1 $3"; failures=$((failures + 1)); fi
}
finish() {
    local rc=$?
    stop_replica t1; stop_replica t2
    if [ "$rc" = 0 ] && [ "$failures" = 0 ]; then rm -rf "$CLUSTER_DIR"; else echo "logs kept in $CLUSTER_DIR/logs"; fi
}
trap finish EXIT
PGDATABASE=postgres cpsql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
ensure_database "$db"
start_replica t1 "$db" 18541 18551; wait_replica t1 18551
start_replica t2 "$db" 18542 18552; wait_replica t2 18552
check ready 0 "both replicas ready after $(( ($(now_ms) - t_start) / 1000 ))s"

a=http://127.0.0.1:18541; b=http://127.0.0.1:18542
tok=$(token rep.zhang "" "$a")
contact=$(curl -fsS -m 10 -H "Authorization: Bearer $tok" "$b/api/v1/contacts?size=1" | jq -r '.items[0].id // empty')
[ -n "$tok" ] && [ -n "$contact" ] || { check login 1 "a token from replica 1 is not accepted on replica 2"; exit 1; }
key="two-replicas-$(date +%s%N)"
body="{\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"summary\":\"$key\"}"
post() { curl -sS -m 10 -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" -d "$body" "$1/api/v1/contacts/$contact/interactions"; }
id1=$(post "$a" | jq -r '.id // empty')
read_back=$(curl -sS -m 10 -H "Authorization: Bearer $tok" "$b/api/v1/contacts/$contact/interactions/$id1" | jq -r '.summary // empty')
check write-then-read "$([ -n "$id1" ] && [ "$read_back" = "$key" ]; echo $?)" "written on replica 1, read on replica 2"
id2=$(post "$b" | jq -r '.id // empty')
rows=$(PGDATABASE=$db cpsql -c "SELECT count(*) FROM interaction WHERE summary = '$key'")
check idempotency-across-replicas "$([ "$id2" = "$id1" ] && [ "$rows" = 1 ]; echo $?)" "retry on replica 2 answered the same id, rows=$rows"

if [ "${TWO_REPLICAS_JOBS:-1}" = 1 ]; then
    now_s() { PGDATABASE=$db cpsql -c "SELECT extract(epoch FROM now())::bigint"; }
    skipped() { cat "$CLUSTER_DIR"/logs/replica-t?.log | grep -c 'Churn-risk recompute skipped' || true; }
    first=$(( $(now_s) / 2 + 1 )); last=$(( first + 4 )); skipped0=$(skipped)
    wait_until 30 eval "[ \$(now_s) -ge $(( (last + 1) * 2 + 2 )) ]" || true
    read -r runs max <<<"$(PGDATABASE=$db cpsql -F ' ' -c "
        SELECT coalesce(sum(n), 0), coalesce(max(n), 0) FROM (
          SELECT floor(extract(epoch FROM created_at) / 2) AS slot, count(*) AS n FROM job
          WHERE kind = 'CHURN_RISK_RECOMPUTE' AND created_at >= to_timestamp($first * 2) AND created_at < to_timestamp(($last + 1) * 2)
          GROUP BY 1) s")"
    extra=$(( $(skipped) - skipped0 ))  # fired on the other replica too, stopped only by the one-RUNNING index
    check job-once-per-firing "$([ "$runs" = 5 ] && [ "$max" = 1 ] && [ "$extra" = 0 ]; echo $?)" \
        "churn-risk recompute: 5 firings, runs=$runs, max per firing=$max, also fired on the other replica=$extra"
fi
echo "two-replica check took $(( ($(now_ms) - t_start) / 1000 ))s, failures=$failures"
[ "$failures" = 0 ]
