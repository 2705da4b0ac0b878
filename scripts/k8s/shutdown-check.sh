#!/usr/bin/env bash
# What a replica does on SIGTERM (docs/operations.md, "Graceful shutdown"): starts the packaged jar in the prod profile,
# polls readiness (management port) and an authenticated API call every 0.2 s, sends SIGTERM, and prints when
# readiness went DOWN, until when the API still answered, and when the process exited.
#   JAR=… DB_URL=jdbc:postgresql://127.0.0.1:5432/k8s_migrate SIGN_KEY=… VERIFY_KEY=… ADMIN_PASSWORD=… scripts/k8s/shutdown-check.sh
set -euo pipefail
JAR=${JAR:-backend/target/quarkus-app/quarkus-run.jar}
PORT=${PORT:-18641}
MGMT_PORT=${MGMT_PORT:-19641}
LOG=$(mktemp)
QUARKUS_DATASOURCE_JDBC_URL=${DB_URL:?} QUARKUS_DATASOURCE_USERNAME=${DB_USER:-postgres} QUARKUS_DATASOURCE_PASSWORD=${DB_PASSWORD:-} \
  SMALLRYE_JWT_SIGN_KEY_LOCATION=${SIGN_KEY:?} MP_JWT_VERIFY_PUBLICKEY_LOCATION=${VERIFY_KEY:?} GUANXI_ADMIN_PASSWORD=${ADMIN_PASSWORD:?} \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT java -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
started=$(date +%s)
until curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null; do
  kill -0 $PID 2>/dev/null || { tail -30 "$LOG"; exit 1; }
  (( $(date +%s) - started < 300 )) || { kill $PID; echo "not ready after 300 s"; exit 1; }
  sleep 1
done
TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
for _ in 1 2 3 4 5; do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/me" -H "Authorization: Bearer $TOKEN"; done  # warm-up
now() { date +%s.%N | cut -c1-14; }
T0=$(now)
kill -TERM $PID
echo "SIGTERM at 0.0 s"
last=""
while kill -0 $PID 2>/dev/null; do
  t=$(echo "$(now) - $T0" | bc)
  ready=$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$MGMT_PORT/q/health/ready" || true)
  api=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/me" -H "Authorization: Bearer $TOKEN" || true)
  state="ready $ready, GET /api/v1/me $api"
  [[ $state != "$last" ]] && printf '%5.1f s  %s\n' "$t" "$state" && last=$state
  sleep 0.2
done
printf '%5.1f s  process exited\n' "$(echo "$(now) - $T0" | bc)"
grep -E "stopped in|shutdown|Shutdown" "$LOG" | tail -3 | cut -c1-160
rm -f "$LOG"
