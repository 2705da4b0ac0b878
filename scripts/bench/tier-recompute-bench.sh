#!/usr/bin/env bash
# Tier recompute before/after on a copy of the analytics benchmark data (issue 21 target 5; docs/tiers.md "How the
# recompute runs"). In one run, on database $DB (a copy: this script writes to it):
#  1. an admin inserted (bcrypt by the service's own BcryptUtil), as analytics.sh does;
#  2. BEFORE_APP (a quarkus-app directory of the build before, optional): the service on $DB, a manager created through
#     the users API, tier-recompute.sh (full, no-change, one-statement baseline); then customer_value and tier_history
#     emptied, so that the next first run also writes every customer;
#  3. APPDIR (the build after): the same, then: $SALES sales of random customers written by SQL (the triggers mark
#     them) and a recompute; a review (levels may fall: every customer classified again from tier_input).
# The services run with their scheduler off; Flyway is baselined at BASELINE (the last migration the copy holds).
# DB=guanxi_bench_tiers BEFORE_APP=/tmp/tiers-before/quarkus-app scripts/bench/tier-recompute-bench.sh | tee /tmp/tiers-bench.txt
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
DB=${DB:?a copy of the benchmark database}; PORT=${PORT:-8194}; MGMT=${MGMT:-9194}; BASE=http://127.0.0.1:$PORT
APPDIR=${APPDIR:-$root/backend/target/quarkus-app}; BEFORE_APP=${BEFORE_APP:-}; BASELINE=${BASELINE:-55}; SALES=${SALES:-200}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -d $DB"
ADMIN_PW='Bench-Admin-2026!x'; MANAGER_PW='Bench-Manager-2026!x'
work=$(mktemp -d); app=
trap '[ -n "$app" ] && { kill $app 2>/dev/null; wait $app 2>/dev/null; }; rm -rf "$work"' EXIT
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"

cp="$(find "$APPDIR/lib" -name '*.jar' | tr '\n' ':')"
cat > "$work/Hash.java" <<'JAVA'
public class Hash { public static void main(String[] a) { System.out.print(io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(a[0])); } }
JAVA
hash=$(java -cp "$cp" "$work/Hash.java" "$ADMIN_PW")
$PSQL -q -v hash="$hash" <<'SQL'
INSERT INTO app_user (id, username, display_name, password_hash, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-00000000a001', 'bench.admin', 'Bench admin', :'hash', now(), now())
ON CONFLICT (id) DO UPDATE SET password_hash = EXCLUDED.password_hash;
INSERT INTO app_user_role VALUES ('00000000-0000-0000-0000-00000000a001', 'ADMIN') ON CONFLICT DO NOTHING;
SQL
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"

start_app() { # $1 = quarkus-app directory, $2 = log file
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT QUARKUS_FLYWAY_BASELINE_ON_MIGRATE=true QUARKUS_FLYWAY_BASELINE_VERSION=$BASELINE \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/public.pem" \
    QUARKUS_SCHEDULER_ENABLED=false GUANXI_TIERS_RECOMPUTE_TIMEOUT=3600 \
    java -jar "$1/quarkus-run.jar" > "$2" 2>&1 &
  app=$!
  for _ in $(seq 1 300); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/me")" = 401 ] && return 0; kill -0 $app || break; sleep 1; done
  echo "service did not start:"; tail -30 "$2"; exit 1
}
stop_app() { kill $app; wait $app 2>/dev/null || true; app=; }
login() { curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .access_token; }
manager() {
  local admin; admin=$(login bench.admin "$ADMIN_PW")
  curl -s -o /dev/null -X POST "$BASE/api/v1/users" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench.tiers\",\"displayName\":\"分层经理\",\"password\":\"$MANAGER_PW\",\"roles\":[\"MANAGER\"]}" || true
}
bench() { # $1 = label
  echo "== $1: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
  BASE=$BASE MANAGEMENT=http://127.0.0.1:$MGMT DB=$DB PID=$app MANAGER_USER=bench.tiers MANAGER_PASSWORD=$MANAGER_PW "$here/tier-recompute.sh"
}
run_job() { # $1 = label, $2 = query string
  local token job state result
  token=$(login bench.tiers "$MANAGER_PW")
  job=$(curl -s -X POST "$BASE/api/v1/tiers/recompute$2" -H "Authorization: Bearer $token" | jq -r .id)
  while :; do
    state=$(curl -s "$BASE/api/v1/jobs/$job" -H "Authorization: Bearer $token" | jq -r .state)
    [[ $state != RUNNING ]] && break
    sleep 0.2
  done
  result=$(curl -s "$BASE/api/v1/jobs/$job" -H "Authorization: Bearer $token")
  local seconds; seconds=$(echo "$(date -d "$(jq -r .finishedAt <<<"$result")" +%s.%N) - $(date -d "$(jq -r .startedAt <<<"$result")" +%s.%N)" | bc)
  echo "$1: $(jq -c --arg seconds "$seconds" '{state, seconds: ($seconds | tonumber), customers: .total,
    changed: .report.changedCustomers, timings: .report.timings,
    moved: [.report.movements[] | "\(.dimension) \(.from)->\(.to): \(.customers)"][:6]}' <<<"$result")"
}

if [ -n "$BEFORE_APP" ]; then
  start_app "$BEFORE_APP" /tmp/guanxi-tiers-before.log; manager
  bench "before ($BEFORE_APP)"
  stop_app
  $PSQL -qc "TRUNCATE customer_value, tier_history"
fi
start_app "$APPDIR" /tmp/guanxi-tiers-after.log; manager
bench "after ($APPDIR)"
$PSQL -q <<SQL
INSERT INTO purchase (id, contact_id, amount, channel, occurred_at, recorded_by, created_at)
SELECT gen_random_uuid(), c.id, (50 + random() * 2000)::numeric(14, 2), 'STORE', now() - random() * interval '2 days',
       '00000000-0000-0000-0000-00000000a001', now()
FROM (SELECT id FROM contact TABLESAMPLE SYSTEM (1) LIMIT $SALES) c;
SQL
run_job "after $SALES sales written by SQL" ""
run_job "nothing changed again" ""
run_job "review (every customer from tier_input)" "?review=true"
grep -E "Tier recompute .*: (PURCHASES|INPUTS|CHANGED)" /tmp/guanxi-tiers-after.log | sed 's/^.*Tier recompute/Tier recompute/' || true
stop_app
