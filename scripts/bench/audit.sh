#!/usr/bin/env bash
# What the audit trail costs a write (docs/benchmarks.md "Audit trail", docs/audit.md): PUT /api/v1/contacts/{id}
# with the trail and without it, in the same run. Two instances of the packaged service on one fresh database
# (127.0.0.1:5432): one as shipped, one with GUANXI_AUDIT_ENABLED=false (the switch exists for this script
# only). After a warm-up, the PUTs alternate between the two (one with, one without, …), each a real change
# (the city) with If-Match, one after another from one client, so both see the same machine at the same time.
# The audit table is first filled with AUDIT_ROWS entries, so the trail's tail read runs on a grown table.
# Needs backend/target/quarkus-app (./mvnw -DskipTests package), curl, jq, psql.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
DB=${DB:-guanxi_audit_bench}; PORT_ON=${PORT_ON:-18291}; PORT_OFF=${PORT_OFF:-18293}
N=${N:-500}; WARMUP=${WARMUP:-300}; AUDIT_ROWS=${AUDIT_ROWS:-500000}
APP=${APP:-$root/backend/target/quarkus-app/quarkus-run.jar}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1"
work=$(mktemp -d)

$PSQL -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
start() { # $1 = port, $2 = audit enabled
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_PORT=$1 QUARKUS_MANAGEMENT_PORT=$(($1 + 1)) \
    GUANXI_ADMIN_PASSWORD='Bench-Admin-2026!x' GUANXI_DEMO_ENABLED=false GUANXI_AUDIT_ENABLED=$2 \
    java -Dquarkus.profile=demo -jar "$APP" > "/tmp/guanxi-audit-bench-$1.log" 2>&1 &
}
started() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$1/api/v1/me")" = 401 ]; do sleep 1; done; }
start "$PORT_ON" true; on=$!
trap 'kill $on ${off:-} 2>/dev/null || true; rm -rf "$work"' EXIT
started "$PORT_ON"
login() { curl -s -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' -d "$2" | jq -r .access_token; }
ADMIN_CREDENTIALS='{"username":"admin","password":"Bench-Admin-2026!x"}'
# The first instance has migrated and created the admin, so the second neither waits on Flyway's lock nor
# races it to the first admin.
until [ "$(login "http://localhost:$PORT_ON" "$ADMIN_CREDENTIALS")" != null ]; do sleep 1; done
start "$PORT_OFF" false; off=$!
started "$PORT_OFF"

echo "== $AUDIT_ROWS audit entries already in the table"
$PSQL -d "$DB" -q -c "INSERT INTO audit_entry (id, at, user_id, username, action, entity_type, entity_id, contact_id, changes,
    client_address, request_id, prev_hash, hash)
  SELECT gen_random_uuid(), now() - make_interval(secs => $AUDIT_ROWS - g), NULL, 'bench', 'READ_PROFILE', 'contact',
         gen_random_uuid(), gen_random_uuid(), '[]', '127.0.0.1', md5(g::text), repeat('0', 64), repeat('0', 64)
  FROM generate_series(1, $AUDIT_ROWS) g" -c "ANALYZE audit_entry"

curl -s -o /dev/null -X POST "http://localhost:$PORT_ON/api/v1/users" -H "Authorization: Bearer $(login "http://localhost:$PORT_ON" "$ADMIN_CREDENTIALS")" \
  -H 'Content-Type: application/json' \
  -d '{"username":"bench.rep","displayName":"压测销售","password":"Bench-Rep-2026!x","roles":["SALES_REP"],"seniority":"SENIOR"}'
REP_CREDENTIALS='{"username":"bench.rep","password":"Bench-Rep-2026!x"}'

prepare() { # $1 = base url, $2 = name; the rep's token and contact for this instance, its ETag in a file
  local token id
  token=$(login "$1" "$REP_CREDENTIALS")
  id=$(curl -s -X POST "$1/api/v1/contacts" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -D "$work/$2.headers" -d "{\"name\":\"压测客户$2\",\"mobile\":\"$3\",\"city\":\"上海\"}" | jq -r .id)
  grep -i '^etag:' "$work/$2.headers" | awk '{print $2}' | tr -d '\r' > "$work/$2.etag"
  echo "$token $id"
}
read -r TOKEN_ON ID_ON < <(prepare "http://localhost:$PORT_ON" on 13900000001)
read -r TOKEN_OFF ID_OFF < <(prepare "http://localhost:$PORT_OFF" off 13900000002)

put() { # $1 = base url, $2 = token, $3 = id, $4 = name, $5 = mobile, $6 = n; prints the request's time in ms
  local out
  out=$(curl -s -o /dev/null -D "$work/$4.headers" -w '%{http_code} %{time_total}' -X PUT "$1/api/v1/contacts/$3" \
    -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -H "If-Match: $(cat "$work/$4.etag")" \
    -d "{\"name\":\"压测客户$4\",\"mobile\":\"$5\",\"city\":\"城市$6\"}")
  [ "${out% *}" = 200 ] || { echo "PUT answered ${out% *}" >&2; exit 1; }
  grep -i '^etag:' "$work/$4.headers" | awk '{print $2}' | tr -d '\r' > "$work/$4.etag"
  awk -v s="${out#* }" 'BEGIN { printf "%.3f\n", s * 1000 }'
}
round() { # $1 = n: one PUT with the trail, one without
  put "http://localhost:$PORT_ON" "$TOKEN_ON" "$ID_ON" on 13900000001 "$1" >> "$work/with.$2"
  put "http://localhost:$PORT_OFF" "$TOKEN_OFF" "$ID_OFF" off 13900000002 "$1" >> "$work/without.$2"
}
echo "== warm-up: $WARMUP PUTs on each, not reported"
for i in $(seq 1 "$WARMUP"); do round "$i" warm; done
echo "== $N PUTs on each, alternating, one client"
for i in $(seq 1 "$N"); do round "$((WARMUP + i))" measured; done

stats() { sort -n "$1" | awk '{ t[NR] = $1 } END { printf "%.2f %.2f\n", t[int((NR + 1) / 2)], t[int(NR * 0.95)] }'; }
read -r MED_ON P95_ON < <(stats "$work/with.measured")
read -r MED_OFF P95_OFF < <(stats "$work/without.measured")
printf "  with the audit trail:    median %s ms, p95 %s ms\n" "$MED_ON" "$P95_ON"
printf "  without the audit trail: median %s ms, p95 %s ms\n" "$MED_OFF" "$P95_OFF"
awk -v a="$MED_ON" -v b="$MED_OFF" -v c="$P95_ON" -v d="$P95_OFF" \
  'BEGIN { printf "  ratio with/without: median %.3f, p95 %.3f\n", a / b, c / d }'
echo "== entries the measured run wrote (UPDATE of the audited contact)"
$PSQL -d "$DB" -Atc "SELECT count(*) FROM audit_entry WHERE action = 'UPDATE' AND contact_id = '$ID_ON'"
$PSQL -d "$DB" -Atc "SELECT count(*) FROM audit_entry WHERE contact_id = '$ID_OFF'"
