#!/usr/bin/env bash
# Export of 1 000 000 contacts with bounded memory (docs/export.md, "Benchmark"). Needs the packaged
# backend (./mvnw -B package -DskipTests -Dskip.frontend) and the local PostgreSQL at 127.0.0.1:5432.
#  1. a fresh database $DB: the service (heap -Xmx$HEAP) migrates it and creates its admin, then stops;
#  2. $ROWS contacts by generate_series (name, mobile, email, company, city, region, tags, 3 owners), VACUUM ANALYZE;
#  3. the service again, scheduler off, the job threshold above $ROWS: GET /api/v1/contacts/export as the admin
#     (sees every row), CSV then XLSX, streamed: wall time (curl), bytes, rows; the process's resident set sampled
#     every 0.2 s (peak), and its VmHWM;
#  4. the default threshold (100 000): the same CSV answered 202 and written by a job; time until the file
#     is downloaded;
#  5. DROP DATABASE (KEEP=1 keeps it).
# scripts/bench/export.sh | tee /tmp/export-bench.txt
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
DB=${DB:-guanxi_bench_export}; PORT=${PORT:-8094}; BASE=http://127.0.0.1:$PORT; ROWS=${ROWS:-1000000}; HEAP=${HEAP:-256m}
APPDIR=${APPDIR:-$root/backend/target/quarkus-app}; work=$(mktemp -d)
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1"
ADMIN_PW='Bench-Export-2026!x'
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "cores: $(nproc); load before: $(load); heap -Xmx$HEAP; $(date -u +%FT%TZ)"

$PSQL -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
createdb -h 127.0.0.1 -U postgres "$DB"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
app=
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; rm -rf "$work"; [ "${KEEP:-0}" = 1 ] || $PSQL -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; }
trap cleanup EXIT
start_app() { # $1 = log file, $2 = async threshold
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1)) GUANXI_ADMIN_PASSWORD="$ADMIN_PW" \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/public.pem" \
    QUARKUS_SCHEDULER_ENABLED=false GUANXI_EXPORT_DIRECTORY="$work/exports" GUANXI_EXPORT_ASYNC_THRESHOLD="$2" \
    java -Xmx"$HEAP" -jar "$APPDIR/quarkus-run.jar" > "$1" 2>&1 &
  app=$!
  for _ in $(seq 1 180); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/me")" = 401 ] && return 0; kill -0 $app || break; sleep 1; done
  echo "service did not start:"; tail -30 "$1"; exit 1
}
stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=; }
rss() { awk '/VmRSS/ { print $2 }' /proc/"$app"/status; }
hwm() { awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' /proc/"$app"/status; }
sample() { while kill -0 "$app" 2>/dev/null; do rss; sleep 0.2; done > "$work/rss.txt"; }
peak() { sort -n "$work/rss.txt" | tail -1 | awk '{ printf "%.0f MB", $1 / 1024 }'; }

# ---- 1. schema and admin
start_app /tmp/guanxi-export-bench.log 100000
stop_app

# ---- 2. the data
echo "== $ROWS contacts"
time $PSQL -d "$DB" -q -v rows="$ROWS" <<'SQL'
-- The search indexes cost minutes to fill and an export does not read them (as generate-churn.sql).
DROP INDEX IF EXISTS contact_search_grams_idx, contact_name_pinyin_idx, contact_name_initials_idx, contact_mobile_trgm_idx,
    contact_email_trgm_idx, contact_tags_idx;
INSERT INTO app_user (id, username, display_name, password_hash, created_at, updated_at)
SELECT gen_random_uuid(), 'bench.rep' || k, '基准' || k, 'x', now(), now() FROM generate_series(1, 3) k;
INSERT INTO app_user_role SELECT id, 'SALES_REP' FROM app_user WHERE username LIKE 'bench.rep%';
CREATE TEMP TABLE reps AS SELECT array_agg(id ORDER BY username) AS ids FROM app_user WHERE username LIKE 'bench.rep%';
INSERT INTO contact (id, name, mobile, email, company, city, region, tags, owner_id, lifecycle_stage, created_at, updated_at)
SELECT gen_random_uuid(), '客户' || n, '139' || lpad(n::text, 8, '0'), 'c' || n || '@example.cn', '上海云帆科技有限公司' || (n % 1000),
       '上海', (ARRAY['EAST', 'NORTH', 'SOUTH', 'CENTRAL'])[1 + n % 4], ARRAY['预算充足', 'k' || (n % 50)],
       r.ids[1 + n % 3], CASE WHEN n % 10 = 0 THEN 'LOYALTY' ELSE 'PURCHASE' END,
       now() - (n % 1000) * interval '1 hour', now()
FROM generate_series(1, :rows) n CROSS JOIN reps r;
VACUUM ANALYZE contact;
SQL
echo "rows: $($PSQL -d "$DB" -Atc "SELECT count(*) FROM contact")"

# ---- 3. streamed
start_app /tmp/guanxi-export-bench.log $((ROWS * 10))
login() { curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .access_token; }
ADMIN=$(login admin "$ADMIN_PW")
# a warm-up (class loading): the first 100 contacts by id
ids=$($PSQL -d "$DB" -Atc "SELECT string_agg(id::text, ',') FROM (SELECT id FROM contact ORDER BY id LIMIT 100) c")
curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/contacts/export?format=csv&ids=$ids"
echo "RSS after start and warm-up: $(rss | awk '{ printf "%.0f MB", $1 / 1024 }')"
for format in csv xlsx; do
  sample & sampler=$!
  stats=$(curl -s -o "$work/contacts.$format" -w '%{http_code} %{time_total} %{size_download} %{time_starttransfer}' \
    -H "Authorization: Bearer $ADMIN" -H 'Accept-Language: en' "$BASE/api/v1/contacts/export?format=$format")
  kill $sampler; wait $sampler 2>/dev/null || true
  read -r code total bytes first <<< "$stats"
  rows=-
  [ "$format" = csv ] && rows=$(( $(wc -l < "$work/contacts.csv") - 1 ))
  [ "$format" = xlsx ] && rows=$(( $(unzip -p "$work/contacts.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l) - 1 ))
  echo "$format: HTTP $code, ${total}s (first byte ${first}s), $((bytes / 1024 / 1024)) MB, $rows rows; RSS peak $(peak), VmHWM $(hwm); load $(load)"
  rm -f "$work/contacts.$format"
done
stop_app

# ---- 4. as a job
start_app /tmp/guanxi-export-bench.log 100000
ADMIN=$(login admin "$ADMIN_PW")
sample & sampler=$!
started=$(date +%s.%N)
id=$(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/contacts/export?format=csv" | jq -r .id)
while [ "$(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/exports/$id" | jq -r .state)" = RUNNING ]; do sleep 0.5; done
state=$(curl -sf -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/exports/$id" | jq -c '{state, processed, report}')
bytes=$(curl -sf -o "$work/job.csv" -w '%{size_download}' -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/exports/$id/file")
done_at=$(date +%s.%N)
kill $sampler; wait $sampler 2>/dev/null || true
echo "job: $state; $(echo "$done_at - $started" | bc)s to the downloaded file, $((bytes / 1024 / 1024)) MB; RSS peak $(peak), VmHWM $(hwm)"
stop_app
echo "load after: $(load)"
