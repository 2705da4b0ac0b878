#!/usr/bin/env bash
# Backups that restore (docs/backup.md, issue 19): the packaged service seeds a fresh database with the demo data;
# scripts/backup.sh dumps it while the service runs; scripts/restore.sh restores the dump into an empty database; the
# service starts on the restored copy. Every count, sum and row digest below must be equal in both databases (SQL),
# and so must what the API answers a signed-in manager; the restored service then takes a new write. Any difference
# fails with the figures side by side.
# Needs: the packaged service (./mvnw -B package, or verify), a PostgreSQL at 127.0.0.1:5432 whose user postgres may
# create databases (trust; as on CI), PostgreSQL client tools at least the server's version, curl and node.
#   scripts/test-backup-restore.sh        (databases guanxi_backup_src and guanxi_backup_restored, dropped at the end)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
PG_HOST=${GUANXI_TEST_PGHOST:-127.0.0.1}
PG_PORT=${GUANXI_TEST_PGPORT:-5432}
SRC_DB=${SRC_DB:-guanxi_backup_src}
RESTORED_DB=${RESTORED_DB:-guanxi_backup_restored}
HTTP_PORT=${HTTP_PORT:-18471}
CONTACTS=${CONTACTS:-100}
READY_TIMEOUT=${READY_TIMEOUT:-240}
JAR=$root/backend/target/quarkus-app/quarkus-run.jar
MANAGER=manager.wang
DEMO_PASSWORD=demo1234

started_at=$(date +%s)
phase_at=$started_at
work=$(mktemp -d)
pids=()
ok=false

fail() {
  echo "test-backup-restore: FAIL: $*" >&2
  exit 1
}
phase() {
  local now
  now=$(date +%s)
  echo "test-backup-restore: $1 ($((now - phase_at)) s)"
  phase_at=$now
}
admin_sql() {
  psql -X -w -q -A -t -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
}
db_sql() { # $1 database; SQL on stdin
  psql -X -w -q -A -t -F ' ' -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$1"
}
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    if kill "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; fi
  done
  if [ "${KEEP_DATABASES:-false}" != true ]; then
    admin_sql -c "DROP DATABASE IF EXISTS $SRC_DB WITH (FORCE)" -c "DROP DATABASE IF EXISTS $RESTORED_DB WITH (FORCE)" || true
  fi
  if $ok; then
    rm -rf "$work"
  else
    echo "test-backup-restore: logs and dump kept in $work" >&2
  fi
}
trap cleanup EXIT

[ -f "$JAR" ] || fail "$JAR not found: package the service first (./mvnw -B package -DskipTests)"
for tool in psql curl node java; do command -v "$tool" >/dev/null || fail "$tool not found"; done
admin_sql -c "SELECT 1" >/dev/null || fail "no PostgreSQL for user postgres at $PG_HOST:$PG_PORT"
admin_sql -c "DROP DATABASE IF EXISTS $SRC_DB WITH (FORCE)" -c "DROP DATABASE IF EXISTS $RESTORED_DB WITH (FORCE)" \
  -c "CREATE DATABASE $SRC_DB"

# The demo profile (dev keys, demo users) on a given database. The scheduler is off, so nothing but the
# seeding (source) and the restore (copy) decides what the databases hold when they are compared.
start_service() { # $1 database, $2 HTTP port, $3 log, then VAR=value settings
  local db=$1 port=$2 log=$3
  shift 3
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT=$((port + 1)) QUARKUS_SCHEDULER_ENABLED=false \
    GUANXI_DEMO_CONTACTS="$CONTACTS" "$@" \
    java -Dquarkus.profile=demo -jar "$JAR" >"$log" 2>&1 &
  pids+=($!)
  local pid=$! deadline=$(($(date +%s) + READY_TIMEOUT))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((port + 1))/q/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$log" >&2; fail "the service on $db stopped before it was ready (log above)"; }
    [ "$(date +%s)" -lt "$deadline" ] || { tail -40 "$log" >&2; fail "the service on $db was not ready within $READY_TIMEOUT s"; }
    sleep 1
  done
  SERVICE_PID=$pid
}
stop_service() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

json() { # prints the value at a dotted path of the JSON on stdin
  node -e 'let s = ""; process.stdin.on("data", d => (s += d)).on("end", () => {
    let v = JSON.parse(s); for (const k of process.argv[1].split(".")) v = v == null ? v : v[k];
    console.log(typeof v === "object" ? JSON.stringify(v) : String(v)); });' "$1"
}
api_get() { # $1 port, $2 token, $3 path -> body (fails on anything but 200)
  local body
  body=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $2" "http://127.0.0.1:$1$3")
  [ "${body##*$'\n'}" = 200 ] || fail "GET $3 on port $1 answered ${body##*$'\n'}: ${body%$'\n'*}"
  printf '%s' "${body%$'\n'*}"
}
sign_in() { # $1 port -> access token of the demo manager
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$MANAGER\",\"password\":\"$DEMO_PASSWORD\"}" | json access_token || fail "signing in on port $1 failed"
}

# Counts, sums and an md5 over every row of the tables that hold the books, as "name value" lines.
SQL_FIGURES=$(
  cat <<'SQL'
SELECT 'app_user.count', count(*)::text FROM app_user
UNION ALL SELECT 'contact.count', count(*)::text FROM contact
UNION ALL SELECT 'interaction.count', count(*)::text FROM interaction
UNION ALL SELECT 'lead.count', count(*)::text FROM lead
UNION ALL SELECT 'purchase.count', count(*)::text FROM purchase
UNION ALL SELECT 'purchase.amount.sum', sum(amount)::text FROM purchase
UNION ALL SELECT 'purchase.refunded_amount.sum', sum(refunded_amount)::text FROM purchase
UNION ALL SELECT 'refund.count', count(*)::text FROM refund
UNION ALL SELECT 'refund.amount.sum', coalesce(sum(amount), 0)::text FROM refund
UNION ALL SELECT 'complaint.count', count(*)::text FROM complaint
UNION ALL SELECT 'complaint.compensation_points.sum', sum(compensation_points)::text FROM complaint
UNION ALL SELECT 'points_entry.count', count(*)::text FROM points_entry
UNION ALL SELECT 'points_entry.points.sum', sum(points)::text FROM points_entry
UNION ALL SELECT 'loyalty_account.balance.sum', sum(balance)::text FROM loyalty_account
UNION ALL SELECT 'loyalty_account.debt.sum', sum(debt)::text FROM loyalty_account
UNION ALL SELECT 'points_lot.remaining.sum', sum(remaining)::text FROM points_lot
UNION ALL SELECT 'redemption.count', count(*)::text FROM redemption
UNION ALL SELECT 'survey_answer.count', count(*)::text FROM survey_answer
UNION ALL SELECT 'contact.rows.md5', md5(string_agg(t::text, '|' ORDER BY t.id)) FROM contact t
UNION ALL SELECT 'interaction.rows.md5', md5(string_agg(t::text, '|' ORDER BY t.id)) FROM interaction t
UNION ALL SELECT 'purchase.rows.md5', md5(string_agg(t::text, '|' ORDER BY t.id)) FROM purchase t
UNION ALL SELECT 'complaint.rows.md5', md5(string_agg(t::text, '|' ORDER BY t.id)) FROM complaint t
UNION ALL SELECT 'points_entry.rows.md5', md5(string_agg(t::text, '|' ORDER BY t.id)) FROM points_entry t
UNION ALL SELECT 'loyalty_account.rows.md5', md5(string_agg(t::text, '|' ORDER BY t.contact_id)) FROM loyalty_account t
UNION ALL SELECT 'flyway.version', max(version::int)::text FROM flyway_schema_history WHERE success AND version IS NOT NULL;
SQL
)
# What the API answers the manager: totals of the lists, the points liability, one customer and their points.
api_figures() { # $1 port, $2 contact id
  local port=$1 id=$2 token
  token=$(sign_in "$port")
  echo "api.contacts.total $(api_get "$port" "$token" '/api/v1/contacts?size=1' | json total)"
  echo "api.purchases.total $(api_get "$port" "$token" '/api/v1/purchases?size=1' | json total)"
  echo "api.complaints.total $(api_get "$port" "$token" '/api/v1/complaints?size=1' | json total)"
  echo "api.liability.points $(api_get "$port" "$token" /api/v1/loyalty/liability | json total.points)"
  echo "api.liability.accounts $(api_get "$port" "$token" /api/v1/loyalty/liability | json total.accounts)"
  echo "api.contact.body.md5 $(api_get "$port" "$token" "/api/v1/contacts/$id" | md5sum | cut -d' ' -f1)"
  echo "api.contact.points.balance $(api_get "$port" "$token" "/api/v1/loyalty/accounts/$id" | json balance)"
  echo "api.contact.interactions.total $(api_get "$port" "$token" "/api/v1/contacts/$id/interactions?size=1" | json total)"
}
compare() { # $1 label, $2 file expected, $3 file actual
  if ! diff -u "$2" "$3" >"$work/diff"; then
    cat "$work/diff" >&2
    fail "$1 differ between the source and the restored database (- source, + restored)"
  fi
  echo "test-backup-restore: $1 equal: $(wc -l <"$2") figures"
}

# ---- 1. a populated source: the service seeds the demo data into the fresh database
start_service "$SRC_DB" "$HTTP_PORT" "$work/source.log"
source_pid=$SERVICE_PID
grep -q "Seeded demo users" "$work/source.log" || fail "the demo data was not seeded into $SRC_DB (log: $work/source.log)"
contact_id=$(db_sql "$SRC_DB" <<<"SELECT contact_id FROM loyalty_account ORDER BY balance DESC, contact_id LIMIT 1")
[ -n "$contact_id" ] || fail "the demo data has no loyalty account"
# Rows written through the API too, not only by the seeding.
token=$(sign_in "$HTTP_PORT")
for channel in PHONE WECHAT; do
  code=$(curl -s -o "$work/interaction.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"channel\": \"$channel\", \"direction\": \"OUTBOUND\", \"summary\": \"备份恢复检查 $channel\"}" \
    "http://127.0.0.1:$HTTP_PORT/api/v1/contacts/$contact_id/interactions")
  [ "$code" = 201 ] || fail "logging an interaction answered $code: $(cat "$work/interaction.json")"
done
api_figures "$HTTP_PORT" "$contact_id" >"$work/api-source.txt"
phase "source seeded ($CONTACTS demo contacts) and read through the API"

# ---- 2. backup while the service runs, with the settings the service itself was given
export QUARKUS_DATASOURCE_USERNAME=postgres
dump=$(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$SRC_DB" "$root/scripts/backup.sh" --dir "$work/backups")
[ -s "$dump" ] || fail "backup.sh printed no dump"
phase "backup.sh: $(basename "$dump"), $(wc -c <"$dump") bytes"
stop_service "$source_pid"
db_sql "$SRC_DB" <<<"$SQL_FIGURES" >"$work/sql-source.txt"

# ---- 3. restore into a database that does not exist yet (restore.sh creates it empty)
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$RESTORED_DB" "$root/scripts/restore.sh" "$dump" >"$work/restore.txt"
cat "$work/restore.txt"
db_sql "$RESTORED_DB" <<<"$SQL_FIGURES" >"$work/sql-restored.txt"
compare "SQL counts, sums and row digests" "$work/sql-source.txt" "$work/sql-restored.txt"
phase "restore.sh into the empty $RESTORED_DB"

# restore.sh refuses a database that is not empty, and an archive that is damaged.
if QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$RESTORED_DB" "$root/scripts/restore.sh" "$dump" \
  >/dev/null 2>"$work/refused.txt"; then
  fail "restore.sh restored into the non-empty $RESTORED_DB"
fi
grep -q "is not empty" "$work/refused.txt" || fail "restore.sh failed on the non-empty database without saying so: $(cat "$work/refused.txt")"
head -c $(($(wc -c <"$dump") / 2)) "$dump" >"$work/truncated.dump"
if "$root/scripts/restore.sh" "$work/truncated.dump" "${RESTORED_DB}_never" >/dev/null 2>&1; then
  fail "restore.sh accepted a truncated dump"
fi
[ -z "$(admin_sql -c "SELECT 1 FROM pg_database WHERE datname = '${RESTORED_DB}_never'")" ] ||
  { admin_sql -c "DROP DATABASE ${RESTORED_DB}_never" || true; fail "restore.sh created a database for a truncated dump"; }

# ---- 4. the service on the restored copy; no demo seeding, so a lost table cannot be filled again unseen
start_service "$RESTORED_DB" $((HTTP_PORT + 2)) "$work/restored.log" GUANXI_DEMO_ENABLED=false
restored_pid=$SERVICE_PID
api_figures $((HTTP_PORT + 2)) "$contact_id" >"$work/api-restored.txt"
compare "API answers (signed in as $MANAGER)" "$work/api-source.txt" "$work/api-restored.txt"

# A new ledger entry: the identity sequences came back with the rows, or this insert would collide.
token=$(sign_in $((HTTP_PORT + 2)))
before=$(grep '^api.contact.points.balance ' "$work/api-restored.txt" | cut -d' ' -f2)
code=$(curl -s -o "$work/adjust.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"points": 10, "reason": "backup restore check"}' "http://127.0.0.1:$((HTTP_PORT + 2))/api/v1/loyalty/accounts/$contact_id/adjustments")
[ "$code" = 201 ] || fail "a points adjustment on the restored service answered $code: $(cat "$work/adjust.json")"
after=$(api_get $((HTTP_PORT + 2)) "$token" "/api/v1/loyalty/accounts/$contact_id" | json balance)
[ "$after" = $((before + 10)) ] || fail "the balance after +10 points is $after, expected $((before + 10))"
stop_service "$restored_pid"
phase "service on the restored copy: ready, same API answers, takes a new ledger entry"

ok=true
echo "test-backup-restore: OK in $(($(date +%s) - started_at)) s: $(grep -c . "$work/sql-source.txt") SQL figures and" \
  "$(grep -c . "$work/api-source.txt") API answers equal after backup -> restore"
