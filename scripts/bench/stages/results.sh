#!/usr/bin/env bash
# Same answers: old vs new outputs. DB=... REP=... ./results.sh
DB=${DB:-guanxi_bench_stages}
p() { psql -h 127.0.0.1 -U postgres -d "$DB" -X -q -At -v rep="$REP" "$@"; }
NOW=$(p -c "select now()")
for who in team rep; do for v in old new flow; do
  echo "== lifecycle 2026 $who $v"; p -v asof='2026-01-01 00:00+08' -v asofmonth=2026-01-01 -v asofmonthstart='2026-01-01 00:00+08' -f lifecycle-$v-$who.sql | sort
  echo "== retention $who $v"; p -f retention-$v-$who.sql
  [ $v != flow ] && { echo "== moves 2026 $who $v"; p -f moves-$v-$who.sql; }
done; done
