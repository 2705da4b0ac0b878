#!/usr/bin/env bash
# Churn-risk recompute benchmark (docs/benchmarks.md): the service's own statement (the text
# ChurnRiskRepository.WRITE_ALL builds, printed from the compiled classes, bound to one instant) beside
# one hand-written statement (churn-risk-baseline.sql), twice each in the same run (first into an empty
# table, then over a full one), on a database holding generate-churn.sql's data. Then the two results are
# compared row by row. Needs `./mvnw -pl backend package -DskipTests` first (backend/target/classes and
# quarkus-app/lib).
# DB=guanxi_bench_churn scripts/bench/churn-risk.sh
set -euo pipefail
DB=${DB:-guanxi_bench_churn}
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd); work=$(mktemp -d)
NOW=${NOW:-$(date -u +'%Y-%m-%d %H:%M:%S+00')}
psql() { command psql -h 127.0.0.1 -U postgres -d "$DB" "$@"; }

cp="$root/backend/target/classes:$(find "$root/backend/target/quarkus-app/lib/main" -name '*.jar' | tr '\n' ':')"
cat > "$work/Print.java" <<'JAVA'
public class Print {
    public static void main(String[] args) throws Exception {
        var field = Class.forName("io.guanxi.crm.churnrisk.ChurnRiskRepository").getDeclaredField("WRITE_ALL");
        field.setAccessible(true);
        System.out.print(field.get(null));
    }
}
JAVA
java -cp "$cp" "$work/Print.java" > "$work/write-all.sql"
# Bind the named parameters as ChurnRiskRepository.bindTimes does (policy version: the current one).
version=$(psql -Atc "SELECT max(version) FROM churn_risk_policy")
within=$(psql -Atc "SELECT expiring_within_days FROM churn_risk_policy WHERE version = $version")
python3 - "$work/write-all.sql" "$NOW" "$version" "$within" > "$work/service.sql" <<'PY'
import re, sys
sql, now, version, within = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], sys.argv[4]
at = lambda days: f"(CAST('{now}' AS timestamptz) + interval '{days} days')"
values = {'policyVersion': version, 'now': f"CAST('{now}' AS timestamptz)", 'recentFrom': at(-90), 'earlierFrom': at(-455),
          'cadenceFrom': at(-365), 'expiringUntil': at(within)}
print("\\timing on\n" + re.sub(r'(?<![:\w]):(\w+)', lambda m: values[m.group(1)], sql) + ";")
PY

echo "data: $(psql -Atc "SELECT (SELECT count(*) FROM contact) || ' contacts, ' || (SELECT count(*) FROM purchase) || ' purchases, '
  || (SELECT count(*) FROM interaction) || ' interactions, ' || (SELECT count(*) FROM complaint) || ' complaints, '
  || (SELECT count(*) FROM tier_history) || ' level changes, ' || (SELECT count(*) FROM points_lot) || ' points lots, '
  || (SELECT count(*) FROM survey_answer) || ' NPS answers'")"
echo "now: $NOW; load before: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
psql -qc "TRUNCATE churn_risk" -c "DROP TABLE IF EXISTS churn_baseline"
for run in "empty table" "full table"; do
  echo "service statement, $run:"; psql -f "$work/service.sql" | grep -E 'customers|[0-9]+ \||Time'
  echo "  load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "baseline statement, $run:"; psql -v now="'$NOW'" -f "$here/churn-risk-baseline.sql" | grep -E 'Time'
  echo "  load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "rows that differ (score, level or a signal):"
psql -Atc "SELECT count(*) FROM churn_risk r FULL JOIN churn_baseline b USING (contact_id)
  WHERE (r.score, r.level, r.quiet, r.purchase_drop, r.complaint, r.detractor, r.level_down, r.expiring_points)
        IS DISTINCT FROM (b.score, b.level, b.quiet, b.purchase_drop, b.complaint, b.detractor, b.level_down, b.expiring_points)"
psql -Atc "SELECT level || ': ' || count(*) FROM churn_risk GROUP BY level ORDER BY level"
rm -rf "$work"
