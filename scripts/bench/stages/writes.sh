#!/usr/bin/env bash
# Write cost with and without the V49 triggers, each statement in a rolled-back transaction, pgbench -c 1. DB=... ./writes.sh
DB=${DB:-guanxi_stages_1m}; N=${N:-300}
q() { psql -h 127.0.0.1 -U postgres -d "$DB" -qc "$1"; }
q "CREATE TABLE IF NOT EXISTS stages_ids AS SELECT row_number() OVER () AS n, id, owner_id FROM (SELECT id, owner_id FROM contact WHERE archived_at IS NULL ORDER BY random() LIMIT 200000) c; CREATE UNIQUE INDEX IF NOT EXISTS stages_ids_n ON stages_ids (n); ANALYZE stages_ids"
TRIGS="contact:contact_stage_count_after_update contact:contact_stage_count_after_insert contact:contact_stage_move_count_after_contact_update contact_stage_history:contact_stage_move_count_after_insert"
toggle() { for t in $TRIGS; do q "ALTER TABLE ${t%%:*} $1 TRIGGER ${t##*:}"; done; }
for pass in 1 2; do
for mode in with without; do
  [ $mode = without ] && toggle DISABLE
  for w in move handover touch insert; do
    echo "$mode $w pass $pass: $(pgbench -h 127.0.0.1 -U postgres -n -c 1 -t $N -r -f w-$w.sql "$DB" 2>&1 | grep -E '^ +[0-9.]+ +[0-9]+ +(UPDATE|INSERT)' | awk '{printf "%s ", $1}')ms  load $(cut -d' ' -f1 /proc/loadavg)"
  done
  toggle ENABLE
done
done
