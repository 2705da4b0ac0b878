#!/usr/bin/env bash
# Runs Guanxi CRM with demo data on http://localhost:8080 (Swagger UI at /q/swagger-ui).
# Needs only a JDK 17+: PostgreSQL is embedded (data kept in .guanxi/pgdata) unless
# QUARKUS_DATASOURCE_JDBC_URL (with _USERNAME/_PASSWORD) names a server.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests package
exec java -Dquarkus.profile=demo ${JAVA_OPTS:-} -jar backend/target/quarkus-app/quarkus-run.jar "$@"
