#!/usr/bin/env bash
# Import of N (100 000) contacts from an XLSX with dedupe and pinyin, beside COPY of the same rows into a bare table,
# in the same run (docs/import.md "Benchmark"). The packaged service on a fresh database guanxi_bench_import
# (127.0.0.1:5432); a manager uploads the file (POST /api/v1/imports: read, validate, dedupe, store the rows) and
# commits it (the job: check again, write contacts with pinyin, completeness, stage and audit entries), polled until
# COMMITTED. Then \copy of the same rows, as CSV, into an unindexed table. Prints both and the load average.
# Needs backend/target/quarkus-app (./mvnw -DskipTests package), curl, jq, psql, java, and fastexcel in ~/.m2.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
DB=${DB:-guanxi_bench_import}; PORT=${PORT:-18391}; N=${N:-100000}
APP=${APP:-$root/backend/target/quarkus-app/quarkus-run.jar}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1"
M2=${M2:-$HOME/.m2/repository}
CP="$M2/org/dhatim/fastexcel/0.19.0/fastexcel-0.19.0.jar:$M2/com/github/rzymek/opczip/1.2.0/opczip-1.2.0.jar"
work=$(mktemp -d)
ms() { date +%s%3N; }

echo "== generating $N rows (XLSX and the same rows as CSV)"
java -cp "$CP" "$here/ImportFile.java" "$N" "$work/contacts.xlsx" "$work/contacts.csv"
ls -l "$work/contacts.xlsx" "$work/contacts.csv" | awk '{print "  " $5 " bytes  " $9}'

$PSQL -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1)) \
  GUANXI_ADMIN_PASSWORD='Bench-Admin-2026!x' GUANXI_DEMO_ENABLED=false \
  java ${JAVA_OPTS:-} -Dquarkus.profile=demo -jar "$APP" > /tmp/guanxi-import-bench.log 2>&1 &
app=$!
# KEEP_DB=1 leaves the database for a look at what the import wrote.
trap 'kill $app 2>/dev/null || true; rm -rf "$work"; [ -n "${KEEP_DB:-}" ] || $PSQL -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT
BASE="http://localhost:$PORT"
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/me")" = 401 ]; do sleep 1; done
login() { curl -s -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' -d "$1" | jq -r .access_token; }
ADMIN=$(login '{"username":"admin","password":"Bench-Admin-2026!x"}')
curl -s -o /dev/null -X POST "$BASE/api/v1/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"username":"bench.manager","displayName":"压测经理","password":"Bench-Mgr-2026!x","roles":["MANAGER"]}'
TOKEN=$(login '{"username":"bench.manager","password":"Bench-Mgr-2026!x"}')

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
t0=$(ms)
curl -s -f -o "$work/preview.json" -X POST "$BASE/api/v1/imports" -H "Authorization: Bearer $TOKEN" \
  -F "file=@$work/contacts.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
t1=$(ms)
ID=$(jq -r .id "$work/preview.json")
echo "  preview: $(jq -c .counts "$work/preview.json")"
curl -s -f -o /dev/null -X POST "$BASE/api/v1/imports/$ID/commit" -H "Authorization: Bearer $TOKEN"
until [ "$(curl -s "$BASE/api/v1/imports/$ID" -H "Authorization: Bearer $TOKEN" | jq -r .state)" != COMMITTING ]; do sleep 0.2; done
t2=$(ms)
curl -s "$BASE/api/v1/imports/$ID" -H "Authorization: Bearer $TOKEN" | jq -c '{state, result}'
CONTACTS=$($PSQL -d "$DB" -tAc "SELECT count(*) FROM contact")

$PSQL -d "$DB" -qc "CREATE TABLE bench_bare (name text, mobile text, email text, company text, city text, region text, birthday date, tags text)"
t3=$(ms)
$PSQL -d "$DB" -qc "\\copy bench_bare FROM '$work/contacts.csv' WITH (FORMAT csv)"
t4=$(ms)
# The database's share, the floor of any import into the live table: the same contacts inserted into a copy of the
# contact table with its indexes (the search grams, trigram and tag GIN indexes among them).
$PSQL -d "$DB" -qc "CREATE TABLE bench_indexed (LIKE contact INCLUDING ALL)"
t5=$(ms)
$PSQL -d "$DB" -qc "INSERT INTO bench_indexed SELECT * FROM contact"
t6=$(ms)
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
upload=$((t1 - t0)); commit=$((t2 - t1)); total=$((t2 - t0)); copy=$((t4 - t3))
echo "  import upload + dry run: ${upload} ms"
echo "  import commit (job):     ${commit} ms"
echo "  import total:            ${total} ms ($CONTACTS contacts in the table)"
echo "  COPY of the same rows:   ${copy} ms"
indexed=$((t6 - t5))
echo "  INSERT into an indexed copy of contact: ${indexed} ms"
awk -v a="$total" -v b="$copy" 'BEGIN { printf "  ratio import / COPY:     %.1fx\n", a / b }'
awk -v a="$total" -v b="$indexed" 'BEGIN { printf "  ratio import / indexed INSERT: %.1fx\n", a / b }'
