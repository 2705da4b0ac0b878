#!/usr/bin/env bash
# Lead rescore benchmark (issue 21 target 6; docs/benchmarks.md "Lead rescoring"), all in one run:
#   0. the policy in force as the starting point (PUT weights 0.6 / 0.4 unless they are in force already);
#   1. SELECT alone: POST /lead-scoring/policy/preview of weights 0.5 / 0.5 (the scoring statement, writing nothing);
#   2. baseline: the same scores by one hand-written UPDATE (fixed CASE rules, GROUP BY counts), rolled back —
#      once writing every open lead, once writing only the leads whose numbers change;
#   3. (a) PUT weights 0.5 / 0.5 through the API: moves almost every score;
#   4. (b) PUT a rule change that moves few scores (INDUSTRY $FEW_INDUSTRY +5 points);
#   5. (c) PUT the same policy again: a new version that moves no score;
#   6. PUT weights 0.6 / 0.4 back (the next run starts where this one did).
# Each step reports seconds, lead rows written and history rows added; VACUUM (ANALYZE) lead and
# lead_score_history before every step, so no step pays for the dead rows of the one before.
# Needs the service (BASE, demo profile: user admin / demo1234) on database DB with the data of generate-leads.sql,
# and psql to 127.0.0.1:5432. The machine is shared: compare only the figures of one run.
#   DB=guanxi_bench_rescore BASE=http://localhost:8080 scripts/bench/lead-rescore.sh
set -euo pipefail
BASE=${BASE:-http://localhost:8080}; DB=${DB:?database}; FEW_INDUSTRY=${FEW_INDUSTRY:-零售}
here=$(cd "$(dirname "$0")" && pwd)
q() { psql -h 127.0.0.1 -U postgres -d "$DB" -X -Atq "$@"; }
token=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"demo1234"}' | jq -r .access_token)
auth=(-H "Authorization: Bearer $token")

# Lead rows the last policy change wrote (they carry its creation time) and history rows so far.
writes() { q -c "SELECT (SELECT count(*) FROM lead WHERE scored_at = (SELECT created_at FROM lead_scoring_policy ORDER BY version DESC LIMIT 1)) || ' ' || (SELECT count(*) FROM lead_score_history)"; }
clean() { q -c "VACUUM (ANALYZE) lead" -c "VACUUM (ANALYZE) lead_score_history"; sleep 1; }
# $1 = label, then the command; prints seconds, lead rows written, history rows added.
step() {
  local label=$1; shift
  clean
  local before after t0 t1 out
  before=$(writes); t0=$(date +%s.%N)
  out=$("$@")
  t1=$(date +%s.%N); after=$(writes)
  read -r u0 h0 <<<"$before"; read -r u1 h1 <<<"$after"
  # Lead rows written: by a policy change, those stamped with its time; by the baseline, what psql says (UPDATE n).
  [ "$u1" = "$u0" ] && u1=0
  printf '%-62s %8.1f s  lead rows %8d  history rows %8d  %s\n' "$label" "$(echo "$t1 - $t0" | bc)" \
    "$u1" $((h1 - h0)) "$out"
}
policy() { curl -sf "$BASE/api/v1/lead-scoring/policy" "${auth[@]}"; }
# PUT the policy in force changed by the jq filter $1; prints the new version and how many leads got a new score.
put() {
  local etag body
  etag=$(curl -sf -D - -o /dev/null "$BASE/api/v1/lead-scoring/policy" "${auth[@]}" | awk -F': ' 'tolower($1) == "etag" { print $2 }' | tr -d '\r')
  body=$(policy | jq -c "del(.version, .createdAt, .createdBy, .rescoredLeads) | $1")
  curl -sf -X PUT "$BASE/api/v1/lead-scoring/policy" "${auth[@]}" -H "If-Match: $etag" -H 'Content-Type: application/json' \
    -d "$body" | jq -c '{version, rescoredLeads}'
}
preview() {
  curl -sf -X POST "$BASE/api/v1/lead-scoring/policy/preview" "${auth[@]}" -H 'Content-Type: application/json' \
    -d "$(policy | jq -c "del(.version, .createdAt, .createdBy, .rescoredLeads) | $1")" | jq -c '{leads, changed}'
}
baseline() { q -v only_changed="$1" -f "$here/lead-rescore-baseline.sql" | tr '\n' ' '; }

q -c "ALTER TABLE lead SET (autovacuum_enabled = off)" -c "ALTER TABLE lead_score_history SET (autovacuum_enabled = off)"
echo "open leads: $(q -c "SELECT count(*) FROM lead WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED')"), interactions: $(q -c 'SELECT count(*) FROM interaction'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$(policy | jq -r '.matchWeight == 0.6 and .activityWeight == 0.4')" != true ]; then
  step "0. start: weights 0.6 / 0.4" put '.matchWeight = 0.6 | .activityWeight = 0.4'
fi
step "1. SELECT alone (preview 0.5 / 0.5)" preview '.matchWeight = 0.5 | .activityWeight = 0.5'
step "2. baseline UPDATE 0.5 / 0.5, every open lead (rolled back)" baseline false
step "2'. baseline UPDATE 0.5 / 0.5, changed leads only (rolled back)" baseline true
step "3. (a) API: weights 0.5 / 0.5" put '.matchWeight = 0.5 | .activityWeight = 0.5'
step "4. (b) API: INDUSTRY $FEW_INDUSTRY +5 points" put ".matchRules += [{field: \"INDUSTRY\", value: \"$FEW_INDUSTRY\", points: 5}]"
step "5. (c) API: the same policy again" put '.'
step "6. back: weights 0.6 / 0.4, without the rule" put ".matchWeight = 0.6 | .activityWeight = 0.4 | .matchRules |= map(select(.value != \"$FEW_INDUSTRY\"))"
q -c "ALTER TABLE lead RESET (autovacuum_enabled)" -c "ALTER TABLE lead_score_history RESET (autovacuum_enabled)"
