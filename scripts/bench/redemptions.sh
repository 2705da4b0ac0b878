#!/usr/bin/env bash
# Redemption throughput (docs/benchmarks.md): wrk against POST /api/v1/redemptions on one hot account
# and spread over 10 000 accounts, beside pgbench running the raw conditional update (and update +
# ledger row) with the same concurrency in the same run; then checks the ledger still adds up.
# Needs a running service (BASE) on database DB (127.0.0.1:5432) loaded with generate-points.sql.
set -euo pipefail
BASE=${BASE:-http://localhost:8092}; DB=${DB:?database}; SECONDS_EACH=${SECONDS_EACH:-30}; CONNS=${CONNS:-16}
here=$(cd "$(dirname "$0")" && pwd)
export TOKEN; TOKEN=$(curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"manager.wang","password":"demo1234"}' | jq -r .access_token)
export IDS=/tmp/guanxi-bench-ids.txt
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT contact_id FROM bench_ids ORDER BY n" > "$IDS"
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT 'accounts: ' || count(*) || ', entries: ' || (SELECT count(*) FROM points_entry) FROM loyalty_account"

api() { # $1 = 1 (hot) or 10000
  echo "== API, $1 account(s), $CONNS connections, ${SECONDS_EACH}s"
  ACCOUNTS=$1 RUN="$1-$(date +%s)" wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" -s "$here/redeem.lua" "$BASE" | grep -E "Requests/sec|status|p50|Non-2xx|errors"
}
sql() { # $1 = script, $2 = spread (0 hot, 10000)
  echo "== SQL baseline $(basename "$1" .sql), spread $2, $CONNS clients, ${SECONDS_EACH}s"
  pgbench -h 127.0.0.1 -U postgres -n -c"$CONNS" -j2 -T"$SECONDS_EACH" -D spread="$2" -f "$1" "$DB" 2>/dev/null | grep -E "^tps|latency average"
}
echo "== warm-up (JIT): 20 s over the 10 000 accounts, not reported"
ACCOUNTS=10000 RUN="warm-$(date +%s)" wrk -t2 -c"$CONNS" -d20s -s "$here/redeem.lua" "$BASE" > /dev/null
api 1; api 10000
echo "== ledger check after the API runs: balance = sum of entries = sum of lots for every account"
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "
  SELECT 'accounts that do not add up: ' || count(*) FROM loyalty_account a
  LEFT JOIN (SELECT contact_id, sum(points) s FROM points_entry GROUP BY contact_id) e USING (contact_id)
  LEFT JOIN (SELECT contact_id, sum(remaining) r FROM points_lot GROUP BY contact_id) l USING (contact_id)
  WHERE a.balance <> COALESCE(e.s, 0) OR a.balance <> COALESCE(l.r, 0)"
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT 'redemptions recorded: ' || count(*) || ', distinct ledger entries: ' || count(DISTINCT entry_id) FROM redemption"
# The baselines touch only the account (and its entry): run them last, they leave lots behind on purpose.
sql "$here/baseline-update.sql" 0; sql "$here/baseline-ledger.sql" 0
sql "$here/baseline-update.sql" 10000; sql "$here/baseline-ledger.sql" 10000
