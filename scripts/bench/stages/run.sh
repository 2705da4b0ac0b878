#!/usr/bin/env bash
# Alternating old/new statement timings on the bench copy. DB=guanxi_bench_stages REP=<uuid> RUNS=5 ./run.sh
set -u
DB=${DB:-guanxi_bench_stages}; RUNS=${RUNS:-5}
p() { psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -At -v rep="$REP" "$@"; }
NOW=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select now()")
NOWMONTH=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select date_trunc('month', now() at time zone 'Asia/Shanghai')::date")
NOWMONTHSTART=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select (date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')")
t() { # label file vars...
  local label=$1 f=$2; shift 2
  local ms
  ms=$( { echo '\timing on'; cat "$f"; } | p "$@" 2>&1 | grep -o 'Time: [0-9.]*' | awk '{print $2}')
  echo "$label $ms"
}
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%T)"
for r in $(seq 1 "$RUNS"); do
  for who in team rep; do
    for v in old new flow; do
      [ $v != flow ] && t "lifecycle-now-$who-$v" lifecycle-$v-$who.sql -v asof="$NOW" -v asofmonth="$NOWMONTH" -v asofmonthstart="$NOWMONTHSTART"
      t "lifecycle-2026-$who-$v" lifecycle-$v-$who.sql -v asof='2026-01-01 00:00+08' -v asofmonth=2026-01-01 -v asofmonthstart='2026-01-01 00:00+08'
      t "retention-$who-$v" retention-$v-$who.sql
      [ $v != flow ] && t "moves2026-$who-$v" moves-$v-$who.sql
    done
  done
  echo "load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%T)"
done
