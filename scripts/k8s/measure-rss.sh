#!/usr/bin/env bash
# Memory and throughput of one replica under a small mixed load, for sizing the Kubernetes resources
# (docs/operations.md, "Sizing"). Starts the packaged jar with demo data on a PostgreSQL database you name,
# signs in as a rep and a manager, runs CONNS curl loops over everyday reads for SECONDS, and samples the
# process's RSS and the JVM's heap once a second.
#   JAR=backend/target/quarkus-app/quarkus-run.jar DB_URL=jdbc:postgresql://127.0.0.1:5432/k8s_sizing \
#     PORT=18620 MGMT_PORT=19620 SECONDS_LOAD=60 CONNS=8 scripts/k8s/measure-rss.sh
set -euo pipefail
JAR=${JAR:-backend/target/quarkus-app/quarkus-run.jar}
DB_URL=${DB_URL:?jdbc url of an empty or demo database}
DB_USER=${DB_USER:-postgres}
DB_PASSWORD=${DB_PASSWORD:-}
PORT=${PORT:-18620}
MGMT_PORT=${MGMT_PORT:-19620}
SECONDS_LOAD=${SECONDS_LOAD:-60}
CONNS=${CONNS:-8}
JAVA_OPTS=${JAVA_OPTS:--XX:MaxRAMPercentage=60}
OUT=$(mktemp -d)
B=http://127.0.0.1:$PORT/api/v1

QUARKUS_DATASOURCE_JDBC_URL=$DB_URL QUARKUS_DATASOURCE_USERNAME=$DB_USER QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT \
  java $JAVA_OPTS -Dquarkus.profile=demo -jar "$JAR" >"$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$OUT"' EXIT
started=$(date +%s)
until curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null; do
  kill -0 $PID 2>/dev/null || { tail -50 "$OUT/service.log"; exit 1; }
  (( $(date +%s) - started < 300 )) || { echo "not ready after 300 s"; exit 1; }
  sleep 1
done
echo "ready after $(( $(date +%s) - started )) s; RSS idle $(awk '/VmRSS/{print $2}' /proc/$PID/status) kB"

token() {
  curl -s -X POST $B/auth/token -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"demo1234\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
REP=$(token rep.zhang)
MGR=$(token manager.wang)
CONTACT=$(curl -s "$B/contacts?size=1" -H "Authorization: Bearer $REP" | sed -E 's/.*"id":"([^"]+)".*/\1/')

loop() {
  local n=0 deadline=$(( $(date +%s) + SECONDS_LOAD ))
  while (( $(date +%s) < deadline )); do
    for req in "me|$REP" "today|$REP" "contacts?page=0&size=20|$REP" "contacts/$CONTACT|$REP" "leads?page=0&size=20|$REP" \
               "contacts?page=0&size=20&q=%E5%BC%A0|$MGR" "analytics/VALUE|$MGR" "complaints?page=0&size=20|$MGR"; do
      curl -s -o /dev/null -w '%{http_code}\n' "$B/${req%%|*}" -H "Authorization: Bearer ${req##*|}" >>"$OUT/codes.$1"
    done
  done
}
for i in $(seq 1 "$CONNS"); do loop "$i" & done
peak=0
deadline=$(( $(date +%s) + SECONDS_LOAD ))
while (( $(date +%s) < deadline )); do
  rss=$(awk '/VmRSS/{print $2}' /proc/$PID/status)
  (( rss > peak )) && peak=$rss
  sleep 1
done
wait $(jobs -p | grep -v "^$PID$") 2>/dev/null || true
heap=$(curl -s "http://127.0.0.1:$MGMT_PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/{s+=$NF} END{printf "%.0f", s/1048576}')
nonheap=$(curl -s "http://127.0.0.1:$MGMT_PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="nonheap"/{s+=$NF} END{printf "%.0f", s/1048576}')
total=$(cat "$OUT"/codes.* | wc -l)
echo "requests $total in ${SECONDS_LOAD} s ($(( total / SECONDS_LOAD )) req/s, $CONNS loops); status codes:"
cat "$OUT"/codes.* | sort | uniq -c
echo "RSS peak $(( peak / 1024 )) MiB, after load $(( $(awk '/VmRSS/{print $2}' /proc/$PID/status) / 1024 )) MiB; heap used $heap MiB, non-heap $nonheap MiB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
