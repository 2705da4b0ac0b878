#!/usr/bin/env bash
# Benchmark data for the analytics endpoints (docs/benchmarks.md, issue 18) in a database of its own:
# the schema by Flyway's migrations (psql, in version order), then 1 000 000 customers, 10 000 000
# purchases, 5 000 000 interactions (generate-churn.sql), 1 000 000 leads with one more interaction each
# (generate-leads.sql), 1 100 000 complaints (100 000 from generate-churn.sql, 1 000 000 from
# generate-complaints.sql), 200 000 NPS answers (generate-churn-surveys.sql), ~400 000 stage moves
# (generate-stage-moves.sql). About 45 minutes on 2 cores.
# DB=guanxi_bench_analytics scripts/bench/generate-analytics.sh
set -euo pipefail
DB=${DB:-guanxi_bench_analytics}
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
# The migrations before the rollups first; the rollups (V38 on) after the data, each with its set-based backfill: their
# triggers keep them current one write at a time, and bulk inserts of 10 000 000 purchases through them would take a lock
# per customer in one transaction (out of shared memory).
migrations() { ls "$root"/backend/src/main/resources/db/migration/V*.sql | sort -t V -k2 -n; }
version() { basename "$1" | sed -E 's/^V([0-9]+)__.*/\1/'; }
for f in $(migrations); do if [ "$(version "$f")" -lt "${ROLLUPS_FROM:-38}" ]; then psql -d "$DB" -f "$f"; fi; done
time psql -d "$DB" -f "$here/generate-churn.sql"
time psql -d "$DB" -v leads=1000000 -v per=1 -f "$here/generate-leads.sql"
# The reps sell; generate-complaints.sql assigns its complaints to a service agent, which must exist first.
psql -d "$DB" -c "INSERT INTO app_user_role SELECT id, 'SALES_REP' FROM app_user WHERE username LIKE 'bench.rep%' ON CONFLICT DO NOTHING" \
  -c "INSERT INTO app_user (id, username, display_name, password_hash, created_at, updated_at)
      VALUES (gen_random_uuid(), 'bench.agent', '基准客服', 'x', now(), now())" \
  -c "INSERT INTO app_user_role SELECT id, 'SERVICE_AGENT' FROM app_user WHERE username = 'bench.agent'"
time psql -d "$DB" -f "$here/generate-complaints.sql"
time psql -d "$DB" -f "$here/generate-churn-surveys.sql"
time psql -d "$DB" -f "$here/generate-stage-moves.sql"
time for f in $(migrations); do if [ "$(version "$f")" -ge "${ROLLUPS_FROM:-38}" ]; then psql -d "$DB" -f "$f"; fi; done
psql -d "$DB" -c "VACUUM ANALYZE"
psql -d "$DB" -Atc "SELECT (SELECT count(*) FROM contact) || ' contacts, ' || (SELECT count(*) FROM purchase) || ' purchases, '
  || (SELECT count(*) FROM interaction) || ' interactions, ' || (SELECT count(*) FROM lead) || ' leads, '
  || (SELECT count(*) FROM complaint) || ' complaints, ' || (SELECT count(*) FROM survey_answer) || ' NPS answers'"
