#!/usr/bin/env bash
# Analytics on a streaming replica (issue 22, docs/operations.md "The reporting replica"): a primary (5433) and an
# asynchronous standby (5434) as in fault h (lib-replication.sh), one service whose main datasource is the primary and
# whose reporting datasource is the standby. Checks, through the API:
#   1. a manager's analytics answer 200, and the standby serves them (its pg_stat_activity holds the service's
#      reporting connections, application_name guanxi-reporting; the primary holds none);
#   2. a sale recorded on the primary shows in the VALUE section read from the standby (replication delivers it);
#   3. the standby stopped: analytics answers 503 (service-unavailable, Retry-After) while contacts still answer 200;
#      the standby back: analytics 200 again without a restart.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$CLUSTER_HOME/lib-replication.sh"
A=5433; B=5434
id=rep; http=18541; mgmt=18542; base="http://127.0.0.1:$http"
cleanup() {
    stop_replica "$id"
    pair_cleanup "$A" "$B"
}
trap cleanup EXIT
pair_cleanup "$A" "$B"
primary_init "$A" async
standby_init "$B" "$A"
wait_until 30 standby_streaming "$A" || die "standby not streaming"

QUARKUS_DATASOURCE_REPORTING_JDBC_URL="jdbc:postgresql://127.0.0.1:$B/$PAIR_DB?ApplicationName=guanxi-reporting" \
CLUSTER_DEMO_CONTACTS=50 start_replica "$id" "$PAIR_DB" "$http" "$mgmt" "127.0.0.1:$A"
wait_replica "$id" "$mgmt"
manager=$(token manager.wang "" "$base"); rep=$(token rep.zhang "" "$base")
[ -n "$manager" ] && [ -n "$rep" ] || die "sign-in failed"
status() { curl -s -o /dev/null -w '%{http_code}' -m 20 -H "Authorization: Bearer $1" "$base$2"; }
revenue() {
    curl -fsS -m 20 -H "Authorization: Bearer $manager" "$base/api/v1/analytics/VALUE?period=THIS_MONTH" \
        | jq -r '[.cards[] | select(.code == "value.revenue") | .value][0]'
}

fail=0
check() { if [ "$2" = "$3" ]; then log "PASS $1 ($2)"; else log "FAIL $1: $2, expected $3"; fail=1; fi; }

for section in FUNNEL LIFECYCLE VALUE REPS SERVICE RETENTION LOYALTY; do
    check "analytics $section on the standby" "$(status "$manager" "/api/v1/analytics/$section?period=THIS_YEAR")" 200
done
check "reporting connections on the standby" \
    "$(ppsql "$B" postgres -c "SELECT count(*) > 0 FROM pg_stat_activity WHERE application_name = 'guanxi-reporting'")" t
check "reporting connections on the primary" \
    "$(ppsql "$A" postgres -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'guanxi-reporting'")" 0

before=$(revenue)
contact=$(curl -fsS -m 10 -H "Authorization: Bearer $rep" "$base/api/v1/contacts?size=1" | jq -r '.items[0].id')
curl -fsS -m 20 -o /dev/null -H "Authorization: Bearer $rep" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: reporting-$(date +%s%N)" \
    -d "{\"contactId\":\"$contact\",\"amount\":1234.50,\"channel\":\"STORE\",\"occurredAt\":\"$(date -u +%FT%TZ)\"}" \
    "$base/api/v1/purchases"
wait_until 10 eval '[ "$(revenue)" != "$before" ]' || true
after=$(revenue)
check "a sale on the primary reaches the standby's figure" "$(jq -n --arg a "$after" --arg b "$before" '($a|tonumber) - ($b|tonumber)')" 1234.5

pg_as "$PGBIN/pg_ctl" -D "$(pair_dir "$B")" -m fast -w stop >/dev/null
check "standby down: analytics" "$(status "$manager" "/api/v1/analytics/VALUE?period=THIS_MONTH")" 503
check "standby down: contacts" "$(status "$rep" "/api/v1/contacts?size=1")" 200
pg_start "$B"
wait_until 30 eval '[ "$(status "$manager" "/api/v1/analytics/VALUE?period=THIS_MONTH")" = 200 ]' || true
check "standby back: analytics" "$(status "$manager" "/api/v1/analytics/VALUE?period=THIS_MONTH")" 200
[ "$fail" = 0 ] && log "reporting replica: all checks passed" || die "reporting replica: a check failed"
