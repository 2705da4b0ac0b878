#!/usr/bin/env bash
# Tier recompute benchmark (docs/benchmarks.md): times a full and a no-change recompute through the
# API, samples the service's memory meanwhile, and runs the one-statement SQL baseline in the same run.
# Needs a running service (BASE) on database DB (psql to 127.0.0.1:5432) already holding the data of
# generate-purchases.sql, and the service's pid (PID) for its resident memory. MANAGER_USER / MANAGER_PASSWORD: a
# manager's login (default: the demo seed's manager.wang). tier-recompute-bench.sh runs it before/after on a copy.
set -euo pipefail
BASE=${BASE:-http://localhost:8092}; MANAGEMENT=${MANAGEMENT:-http://localhost:9000}; DB=${DB:?database}; PID=${PID:?service pid}
token=$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"${MANAGER_USER:-manager.wang}\",\"password\":\"${MANAGER_PASSWORD:-demo1234}\"}" | jq -r .access_token)
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT 'customers: ' || count(DISTINCT contact_id) || ', purchases: ' || count(*) FROM purchase"

recompute() {
  local job started finished peak=0 rss heap
  job=$(curl -s -X POST "$BASE/api/v1/tiers/recompute" -H "Authorization: Bearer $token" | jq -r .id)
  while :; do
    rss=$(ps -o rss= -p "$PID"); (( rss > peak )) && peak=$rss
    state=$(curl -s "$BASE/api/v1/jobs/$job" -H "Authorization: Bearer $token" | jq -r .state)
    [[ $state != RUNNING ]] && break
    sleep 1
  done
  heap=$(curl -s "$MANAGEMENT/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')
  local result; result=$(curl -s "$BASE/api/v1/jobs/$job" -H "Authorization: Bearer $token")
  local seconds; seconds=$(echo "$(date -d "$(jq -r .finishedAt <<<"$result")" +%s.%N) - $(date -d "$(jq -r .startedAt <<<"$result")" +%s.%N)" | bc)
  jq -c --arg seconds "$seconds" --arg peak "$((peak / 1024))" --arg heap "$heap" \
    '{state, seconds: ($seconds | tonumber), customers: .total, changed: .report.changedCustomers,
      tiers: [.report.tiers[] | "\(.key): \(.customerShare) % of customers, \(.revenueShare) % of revenue"],
      timings: .report.timings, peakRssMiB: $peak, heapUsedAfterMiB: $heap}' <<<"$result"
}
echo "full recompute:"; recompute
echo "no-change recompute:"; recompute
echo "baseline (one hand-written statement):"
psql -h 127.0.0.1 -U postgres -d "$DB" -f "$(dirname "$0")/tiers-baseline.sql" | grep -E 'Time|^ [ABC] '
