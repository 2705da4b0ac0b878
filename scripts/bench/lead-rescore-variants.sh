#!/usr/bin/env bash
# What each part of a lead rescore costs (issue 21 target 6), by psql in one run, each variant in its own transaction,
# rolled back, with VACUUM (ANALYZE) of lead and lead_score_history before each: the service's rescore statement
# (LeadScoreRepository.RESCORE, printed from the compiled classes) under a new policy version inserted in the same
# transaction, against the hand-written baseline (lead-rescore-baseline.sql), with the parts taken away one at a time.
# Needs backend/target (./mvnw package) for the statement, and a database holding the data of generate-leads.sql
# scored under the policy in force (weights 0.6 / 0.4: run one policy change or POST /lead-scoring/rescore first).
#   DB=guanxi_bench_rescore scripts/bench/lead-rescore-variants.sh            # all variants
#   DB=... VARIANTS="select new baseline" scripts/bench/lead-rescore-variants.sh
#   DB=... POLICY_CHANGE="care_after_days = care_after_days" VARIANTS="old new" ...   # a version that moves no score
# Variants: select (the scoring SELECT alone), baseline, baseline_changed (only rows whose numbers change), old (the
# statement before: every row whose numbers or version differ, history unsorted), new, new_unsorted, new_no_fk (no
# foreign key from lead_score_history to lead), new_no_triggers / baseline_no_triggers (lead's rollup triggers off),
# new_no_policy_fk / baseline_no_policy_fk, new_bare / baseline_bare (all of those off), drop:<index>,
# baseline_drop:<index>.
set -euo pipefail
DB=${DB:?database}
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
OUT=${OUT:-$(mktemp -d /tmp/guanxi-rescore.XXXXXX)}; mkdir -p "$OUT"
VARIANTS=${VARIANTS:-select baseline baseline_changed old new new_unsorted new_no_fk new_no_fk_unsorted}
q() { psql -h 127.0.0.1 -U postgres -d "$DB" -X -q "$@"; }

# The statement as the service runs it; its :parameters are psql variables below.
if [ ! -s "$OUT/rescore.sql" ]; then
  cat > "$OUT/Print.java" <<'EOF'
public class Print {
    public static void main(String[] args) throws Exception {
        var field = Class.forName("io.guanxi.crm.lead.LeadScoreRepository").getDeclaredField(args[0]);
        field.setAccessible(true);
        System.out.println(String.valueOf(field.get(null)).strip() + ";");
    }
}
EOF
  cp="$root/backend/target/classes:$root/backend/target/quarkus-app/lib/main/*"
  javac -d "$OUT" "$OUT/Print.java"
  java -cp "$OUT:$cp" Print RESCORE > "$OUT/rescore.sql"
fi
new=$(cat "$OUT/rescore.sql")
# The statement before issue 21 target 6: every row whose numbers or policy version differ, history unsorted.
old=$(sed -e 's/AND (:alwaysRecord OR (l.match_score, l.activity_count, l.activity_score, l.score)/AND (:alwaysRecord OR (l.match_score, l.activity_count, l.score, l.policy_version)/' \
          -e 's/IS DISTINCT FROM (f.match_score, f.activity_count, f.activity_score, f.score))/IS DISTINCT FROM (f.match_score, f.activity_count, f.score, f.version))/' \
          -e '/^ORDER BY id;$/d' -e 's/^FROM changed WHERE :alwaysRecord OR score <> old_score$/&;/' "$OUT/rescore.sql")
grep -q 'l.policy_version)' <<<"$old" || { echo "could not derive the old statement" >&2; exit 1; }
unsorted=$(sed -e '/^ORDER BY id;$/d' -e 's/^FROM changed WHERE :alwaysRecord OR score <> old_score$/&;/' "$OUT/rescore.sql")
select_only="$(sed '/^, changed AS (/,$d' "$OUT/rescore.sql")
SELECT count(*) AS leads, count(*) FILTER (WHERE score <> old_score) AS changed FROM final;"

POLICY_CHANGE=${POLICY_CHANGE:-"match_weight = 0.5, activity_weight = 0.5"}
# SUBSET=n: rescore only n open leads (the statement's id list, as for one lead; the baseline restricted to the same
# leads and their customers' interactions) when the whole set takes too long on a busy machine.
SUBSET=${SUBSET:-}
all=true; idlist=""
if [ -n "$SUBSET" ]; then
  all=false
  idlist=$(q -Atc "SELECT string_agg(CAST(id AS text), ',') FROM (SELECT id FROM lead WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED') ORDER BY id LIMIT $SUBSET) AS s")
fi
run() { # $1 = label, $2 = SQL before the statement (same transaction, untimed), $3 = the timed statement
  # Every variant starts clean: no dead rows of the one before, no dirty pages (each pays its own full-page writes).
  q -c "VACUUM (ANALYZE) lead" -c "VACUUM (ANALYZE) lead_score_history" -c "CHECKPOINT"
  local t
  t=$(q -v policyVersion='(SELECT max(version) FROM lead_scoring_policy)' -v now='now()' -v allLeads=$all \
        -v alwaysRecord=false -v cause="'POLICY_CHANGED'" <<EOF 2>&1 | grep -E '^Time:|ERROR' | tail -1
\\set ids '''$idlist'''
SET jit = off;
BEGIN;
INSERT INTO lead_scoring_policy (version, match_rules, activity_window_days, points_per_interaction, activity_cap, match_weight,
                                 activity_weight, priority_threshold, high_value_threshold, care_after_days, reps_see_unassigned, created_at)
SELECT version + 1, match_rules, activity_window_days, points_per_interaction, activity_cap, match_weight, activity_weight,
       priority_threshold, high_value_threshold, care_after_days, reps_see_unassigned, now()
FROM lead_scoring_policy ORDER BY version DESC LIMIT 1;
UPDATE lead_scoring_policy SET $POLICY_CHANGE WHERE version = (SELECT max(version) FROM lead_scoring_policy);
$2
\timing on
$3
\timing off
ROLLBACK;
EOF
)
  printf '%-22s %s   (load %s)\n' "$1" "$t" "$(cut -d' ' -f1 /proc/loadavg)"
}
no_fk="ALTER TABLE lead_score_history DROP CONSTRAINT lead_score_history_lead_id_fkey;"
no_policy_fk="ALTER TABLE lead DROP CONSTRAINT lead_policy_version_fkey;"
no_triggers="ALTER TABLE lead DISABLE TRIGGER USER;"
baseline_sql() {
  local sql
  sql=$(sed -e '/^\\timing/d' -e '/^BEGIN;/d' -e '/^ROLLBACK;/d' "$here/lead-rescore-baseline.sql" | sed "s/:only_changed/$1/")
  if [ -n "$SUBSET" ]; then
    sql=$(sed -e "s/^      WHERE l.status IN ('NEW', 'CONTACTED', 'QUALIFIED')) AS x$/      WHERE l.status IN ('NEW', 'CONTACTED', 'QUALIFIED') AND l.id = ANY(CAST(string_to_array(:ids, ',') AS uuid[]))) AS x/" \
              -e "s/WHERE occurred_at > now() - interval '7 days' AND occurred_at <= now() GROUP BY contact_id) AS a/WHERE occurred_at > now() - interval '7 days' AND occurred_at <= now() AND contact_id IN (SELECT contact_id FROM lead WHERE id = ANY(CAST(string_to_array(:ids, ',') AS uuid[]))) GROUP BY contact_id) AS a/" <<<"$sql")
    grep -q 'AS uuid\[\])))  *AS x\|AS uuid\[\]))) AS x' <<<"$sql" || { echo "could not restrict the baseline" >&2; exit 1; }
  fi
  echo "$sql"
}
echo "leads: $(q -Atc "SELECT count(*) FROM lead WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED')"), policy change: $POLICY_CHANGE"
for v in $VARIANTS; do
  case $v in
    select) run select "" "$select_only" ;;
    baseline) run baseline "" "$(baseline_sql false)" ;;
    baseline_changed) run baseline_changed "" "$(baseline_sql true)" ;;
    old) run old "" "$old" ;;
    new) run new "" "$new" ;;
    new_unsorted) run new_unsorted "" "$unsorted" ;;
    new_no_fk) run new_no_fk "$no_fk" "$new" ;;
    new_no_fk_unsorted) run new_no_fk_unsorted "$no_fk" "$unsorted" ;;
    new_no_triggers) run new_no_triggers "$no_triggers" "$new" ;;
    baseline_no_triggers) run baseline_no_triggers "$no_triggers" "$(baseline_sql false)" ;;
    new_no_policy_fk) run new_no_policy_fk "$no_policy_fk" "$new" ;;
    baseline_no_policy_fk) run baseline_no_policy_fk "$no_policy_fk" "$(baseline_sql false)" ;;
    new_bare) run new_bare "$no_fk $no_policy_fk $no_triggers" "$new" ;;
    baseline_bare) run baseline_bare "$no_policy_fk $no_triggers" "$(baseline_sql false)" ;;
    drop:*) run "$v" "DROP INDEX ${v#drop:};" "$new" ;;
    baseline_drop:*) run "$v" "DROP INDEX ${v#baseline_drop:};" "$(baseline_sql false)" ;;
    *) echo "unknown variant $v" >&2 ;;
  esac
done
