#!/usr/bin/env bash
# Fresh database for the redemption benchmark: demo users, 10 000 generated contacts, their points
# (generate-points.sql). Usage: DB=guanxi_bench_points JAR=backend/target/quarkus-app/quarkus-run.jar points-setup.sh
set -euo pipefail
DB=${DB:?database}; JAR=${JAR:-backend/target/quarkus-app/quarkus-run.jar}
here=$(cd "$(dirname "$0")" && pwd)
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
  java -Dquarkus.profile=demo -jar "$JAR" generate-contacts 10000 2>&1 | grep -E "Generated|ERROR" || true
psql -h 127.0.0.1 -U postgres -d "$DB" -qf "$here/generate-points.sql" 2>&1 | grep -v NOTICE
