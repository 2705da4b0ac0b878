#!/usr/bin/env bash
# Analytics endpoints at a million customers (docs/benchmarks.md, issue 18). Needs the data of
# generate-analytics.sh in $SRC_DB with every migration applied by psql (V32+ after it) and VACUUM ANALYZE,
# and the packaged backend (./mvnw -B package -DskipTests -Dskip.frontend). Then, in one run:
#  1. a copy of $SRC_DB ($DB) with an admin inserted (bcrypt by the service's own BcryptUtil), the packaged
#     service on it (Flyway baselined at the last version the copy holds), a MANAGER created through the
#     users API and bench.rep1's password reset through it;
#  2. per section, GET /api/v1/analytics/{SECTION}?period=THIS_YEAR as the manager and as the rep: $WARM
#     warm-up requests, then $RUNS timed ones one after another (curl time_total): median and p95;
#  3. the hand-written statements of analytics-baseline.sql, team and rep scope, 1 warm + $BASE_RUNS timed runs each,
#     median — same run, between the endpoint runs;
#  4. one drill page and one XLSX drill export (time, bytes);
#     The service runs with its scheduler off (QUARKUS_SCHEDULER_ENABLED=false): on this data its start-up jobs
#     (lead re-scoring of 1 000 000 leads) would otherwise run beside the measurement.
#  5. the plans: the service restarted with auto_explain (log_min_duration $EXPLAIN_MS, ANALYZE, BUFFERS) on
#     the copy, one request per section and role, the statements over $EXPLAIN_MS ms cut from the server log.
# SRC_DB=guanxi_bench_analytics RUNS=30 scripts/bench/analytics.sh | tee /tmp/analytics-bench.txt
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
SRC_DB=${SRC_DB:-guanxi_bench_analytics}; DB=${DB:-${SRC_DB}_http}; PORT=${PORT:-8090}; BASE=http://127.0.0.1:$PORT
WARM=${WARM:-5}; BASE_RUNS=${BASE_RUNS:-3}; EXPORT_MAX_S=${EXPORT_MAX_S:-300}; RUNS=${RUNS:-30}; EXPLAIN_MS=${EXPLAIN_MS:-200}; SECTIONS=${SECTIONS:-"FUNNEL LIFECYCLE VALUE REPS SERVICE RETENTION LOYALTY"}
PGLOG=${PGLOG:-/var/log/postgresql/postgresql-15-main.log}; PLANS=${PLANS:-/tmp/analytics-plans.log}
APPDIR=${APPDIR:-$root/backend/target/quarkus-app}; work=$(mktemp -d)
# DRILLS=0 skips §4, PLANS=0 skips §5 (e.g. for a "before" run of an older build: APPDIR=<its quarkus-app>).
DRILLS=${DRILLS:-1}; PLANS_PASS=${PLANS_PASS:-1}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1"
ADMIN_PW='Bench-Admin-2026!x'; MANAGER_PW='Bench-Manager-2026!x'; REP_PW='Bench-Rep-2026!x'
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== data ($SRC_DB): $($PSQL -d "$SRC_DB" -Atc "SELECT (SELECT count(*) FROM contact) || ' contacts, ' || (SELECT count(*) FROM purchase)
  || ' purchases, ' || (SELECT count(*) FROM interaction) || ' interactions, ' || (SELECT count(*) FROM lead) || ' leads, '
  || (SELECT count(*) FROM complaint) || ' complaints, ' || (SELECT count(*) FROM survey_answer) || ' NPS answers, '
  || (SELECT count(*) FROM points_entry) || ' points entries, ' || (SELECT count(*) FROM churn_record) || ' churn records'")"
echo "cores: $(nproc); load before: $(load); $(date -u +%FT%TZ)"

# ---- 1. the copy, an admin, the service (NO_COPY=1: on $SRC_DB itself, e.g. while a generator still holds it open)
if [ "${NO_COPY:-0}" = 1 ]; then DB=$SRC_DB; else
$PSQL -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
time createdb -h 127.0.0.1 -U postgres -S FILE_COPY -T "$SRC_DB" "$DB"
fi
last=$(ls "$root"/backend/src/main/resources/db/migration/V*.sql | sed 's/.*\/V\([0-9]*\)__.*/\1/' | sort -n | tail -1)
cp="$(find "$APPDIR/lib" -name '*.jar' | tr '\n' ':')"
cat > "$work/Hash.java" <<'JAVA'
public class Hash { public static void main(String[] a) { System.out.print(io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(a[0])); } }
JAVA
hash=$(java -cp "$cp" "$work/Hash.java" "$ADMIN_PW")
$PSQL -d "$DB" -q -v hash="$hash" <<'SQL'
INSERT INTO app_user (id, username, display_name, password_hash, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-00000000a001', 'bench.admin', 'Bench admin', :'hash', now(), now())
ON CONFLICT (id) DO UPDATE SET password_hash = EXCLUDED.password_hash;
INSERT INTO app_user_role VALUES ('00000000-0000-0000-0000-00000000a001', 'ADMIN') ON CONFLICT DO NOTHING;
-- generate-churn.sql creates the bench reps without a role: the service would refuse them (403).
INSERT INTO app_user_role SELECT id, 'SALES_REP' FROM app_user WHERE username LIKE 'bench.rep%' ON CONFLICT DO NOTHING;
SQL
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
start_app() { # $1 = log file
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1)) QUARKUS_FLYWAY_BASELINE_ON_MIGRATE=true QUARKUS_FLYWAY_BASELINE_VERSION=$last \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/public.pem" \
    QUARKUS_SCHEDULER_ENABLED=false \
    java -jar "$APPDIR/quarkus-run.jar" > "$1" 2>&1 &
  app=$!
  for _ in $(seq 1 180); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/me")" = 401 ] && return 0; kill -0 $app || break; sleep 1; done
  echo "service did not start:"; tail -30 "$1"; exit 1
}
app=; trap '[ -n "$app" ] && { kill $app 2>/dev/null; wait $app 2>/dev/null; }; rm -rf "$work"' EXIT  # waits: a next run on the port must not meet this service shutting down
start_app /tmp/guanxi-analytics-bench.log
login() { curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .access_token; }
ADMIN=$(login bench.admin "$ADMIN_PW")
curl -sf -o /dev/null -X POST "$BASE/api/v1/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench.manager\",\"displayName\":\"压测经理\",\"password\":\"$MANAGER_PW\",\"roles\":[\"MANAGER\"]}" || true
REP_ID=$($PSQL -d "$DB" -Atc "SELECT id FROM app_user WHERE username = 'bench.rep1'")
curl -sf -X POST "$BASE/api/v1/users/$REP_ID/password" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"password\":\"$REP_PW\"}"
MANAGER=$(login bench.manager "$MANAGER_PW"); REP=$(login bench.rep1 "$REP_PW")
echo "rep bench.rep1 ($REP_ID): $($PSQL -d "$DB" -Atc "SELECT count(*) FROM contact WHERE owner_id = '$REP_ID'") customers, $($PSQL -d "$DB" -Atc "SELECT count(*) FROM lead WHERE owner_id = '$REP_ID'") leads"

# ---- 2. + 3. endpoints and baselines
times() { # $1 = token, $2 = path: WARM untimed, RUNS timed; prints "median p95" in ms
  local code; code=$(curl -s -o "$work/body" -w '%{http_code}' -H "Authorization: Bearer $1" "$BASE$2")
  [ "$code" = 200 ] || { echo "HTTP $code for $2: $(head -c 300 "$work/body")" >&2; echo "- -"; return; }
  # BODIES=<dir>: keep each report (to diff the figures of two builds on the same data)
  [ -z "${BODIES:-}" ] || { mkdir -p "$BODIES"; jq -S . "$work/body" > "$BODIES/$3.json"; }
  for _ in $(seq 2 "$WARM"); do curl -s -o /dev/null -H "Authorization: Bearer $1" "$BASE$2"; done
  for _ in $(seq 1 "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $1" "$BASE$2"; done \
    | sort -n | awk '{ t[NR] = $1 * 1000 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
                                                  p = int(NR * 0.95 + 0.999); printf "%.0f %.0f\n", m, t[p] }'
}
NOW=$(date -u +'%Y-%m-%d %H:%M:%S+00'); YEAR=$(TZ=Asia/Shanghai date +%Y)
baseline() { # $1 = lscope, $2 = cscope: per statement the median of $BASE_RUNS runs after one warm-up, ms, in file order
  for i in $(seq 1 $((BASE_RUNS + 1))); do
    $PSQL -d "$DB" -q -v from="'$YEAR-01-01 00:00+08'" -v to="'$((YEAR + 1))-01-01 00:00+08'" -v now="'$NOW'" \
      -v lscope="$1" -v cscope="$2" -c 'SET jit = off' -c '\timing on' -f "$here/analytics-baseline.sql" | grep '^Time:' | awk -v run=$i '{ print run, NR, $2 }'
  done | awk '$1 > 1 { t[$2] = t[$2] " " $3 } END { for (s = 1; s <= 7; s++) { n = split(t[s], v, " "); asort(v); printf "%.0f ", n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 } print "" }'
}
echo "== baselines (analytics-baseline.sql, median of $BASE_RUNS runs after a warm-up, ms; FUNNEL LIFECYCLE VALUE REPS SERVICE RETENTION LOYALTY), load $(load)"
echo "team: $(baseline TRUE TRUE)"
echo "rep:  $(baseline "x.owner_id = '$REP_ID'" "x.contact_id IN (SELECT id FROM contact WHERE owner_id = '$REP_ID')")"
echo "== GET /api/v1/analytics/{SECTION}?period=THIS_YEAR, $WARM warm-up + $RUNS timed, one client (ms)"
echo "section | manager median p95 | rep median p95 | load"
for s in $SECTIONS; do
  echo "$s | $(times "$MANAGER" "/api/v1/analytics/$s?period=THIS_YEAR" "$s-manager") | $(times "$REP" "/api/v1/analytics/$s?period=THIS_YEAR" "$s-rep") | $(load)"
done
if [ "${BASELINE_AFTER:-1}" = 1 ]; then
  echo "== baselines again after the endpoints, load $(load)"
  echo "team: $(baseline TRUE TRUE)"
  echo "rep:  $(baseline "x.owner_id = '$REP_ID'" "x.contact_id IN (SELECT id FROM contact WHERE owner_id = '$REP_ID')")"
fi

# ---- 4. drill page and export
if [ "$DRILLS" = 1 ]; then
DRILL=${DRILL:-FUNNEL/drill/funnel.leads}
echo "== drill page GET …/$DRILL?period=THIS_YEAR&size=50 (manager), 3 runs:"
for _ in 1 2 3; do curl -s -o /dev/null -w '  %{http_code} %{time_total}s %{size_download} bytes\n' -H "Authorization: Bearer $MANAGER" \
  "$BASE/api/v1/analytics/$DRILL?period=THIS_YEAR&size=50"; done
echo "== drill export GET …/$DRILL/export?format=XLSX&period=THIS_YEAR (manager), once:"
curl -s -o "$work/drill.xlsx" -m ${EXPORT_MAX_S:-300} -w '  %{http_code} %{time_total}s %{size_download} bytes\n' -H "Authorization: Bearer $MANAGER" \
  "$BASE/api/v1/analytics/$DRILL/export?format=XLSX&period=THIS_YEAR" || echo "  curl failed ($?)"
fi
echo "load after: $(load)"
[ "$PLANS_PASS" = 1 ] || exit 0

# ---- 5. plans
kill $app; wait $app 2>/dev/null || true
$PSQL -d postgres -q -c "ALTER DATABASE $DB SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE $DB SET auto_explain.log_min_duration = $EXPLAIN_MS" -c "ALTER DATABASE $DB SET auto_explain.log_analyze = on" \
  -c "ALTER DATABASE $DB SET auto_explain.log_buffers = on" -c "ALTER DATABASE $DB SET auto_explain.log_timing = on"
from=$(stat -c %s "$PGLOG")
start_app /tmp/guanxi-analytics-bench-explain.log
MANAGER=$(login bench.manager "$MANAGER_PW"); REP=$(login bench.rep1 "$REP_PW")
for s in $SECTIONS; do
  for t in "$MANAGER" "$REP"; do curl -s -o /dev/null -w "  plans pass $s: %{time_total}s\n" -H "Authorization: Bearer $t" "$BASE/api/v1/analytics/$s?period=THIS_YEAR"; done
done
tail -c +$((from + 1)) "$PGLOG" > "$PLANS"
echo "== statements over $EXPLAIN_MS ms (auto_explain, with ANALYZE overhead), in $PLANS:"
grep -o 'duration: [0-9.]* ms' "$PLANS" | sort -t' ' -k2 -rn | head -20 | tr '\n' ';'; echo
$PSQL -d postgres -q -c "ALTER DATABASE $DB RESET ALL"
