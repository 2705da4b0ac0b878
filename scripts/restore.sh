#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh into an empty database, then prints the main tables' row counts
# (docs/backup.md).
#   scripts/restore.sh [--force] <dump> [target-database]
# Server and user: as for backup.sh (QUARKUS_DATASOURCE_JDBC_URL + _USERNAME/_PASSWORD, else PGHOST/PGPORT/PGUSER/
# PGDATABASE, else the running demo's embedded PostgreSQL); run it as the user the service connects with, who then
# owns the restored objects. The target (default: the database those settings name) is created when missing and
# must be empty; --force drops and creates it again (refused while anyone is connected to it: stop the service).
# One transaction: a failed restore leaves the target empty.
set -euo pipefail
# shellcheck source=scripts/lib/postgres.sh
source "$(dirname "$0")/lib/postgres.sh"

force=false
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --force) force=true; shift ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) die "unknown option '$1' (usage: scripts/restore.sh [--force] <dump> [target-database])" ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ "${#args[@]}" -lt 1 ] || [ "${#args[@]}" -gt 2 ]; then die "usage: scripts/restore.sh [--force] <dump> [target-database]"; fi
dump=${args[0]}
if [ ! -f "$dump" ] || [ ! -r "$dump" ]; then die "$dump is not a readable file"; fi

resolve_connection
find_pg_tools
target=${args[1]:-$PGDATABASE}
# CREATE/DROP DATABASE run from another database of the same server.
maintenance=${GUANXI_MAINTENANCE_DB:-postgres}
[ "$maintenance" != "$target" ] || maintenance=template1
DB_LABEL="database '$target' on ${PGHOST:-local socket}:${PGPORT:-5432} as ${PGUSER:-$(id -un)}"
check_server_and_client "$PG_RESTORE" "$maintenance"

toc=$("$PG_RESTORE" --list "$dump" 2>&1) || die "$dump is not a readable pg_dump custom-format archive: $toc"
dumped_from=$(sed -n 's/^;[[:space:]]*Dumped from database version: \([0-9]*\).*/\1/p' <<<"$toc")
[ -z "$dumped_from" ] || [ "$dumped_from" -le "$SERVER_MAJOR" ] ||
  die "$dump comes from PostgreSQL $dumped_from; restoring it into the older PostgreSQL $SERVER_MAJOR is not supported"

exists=$(sql "$maintenance" -v db="$target" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'")
if [ "$exists" = 0 ]; then
  say "creating the empty $DB_LABEL"
  sql "$maintenance" -v db="$target" <<<'CREATE DATABASE :"db"' || die "could not create $DB_LABEL"
else
  objects=$(sql "$target" <<'SQL'
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
SQL
  ) || die "cannot read $DB_LABEL"
  if [ "$objects" != 0 ]; then
    $force || die "$DB_LABEL is not empty ($objects tables, views or sequences). Restore into a new or empty database,
  or add --force to drop it and create it again."
    sessions=$(sql "$maintenance" -v db="$target" <<<"SELECT count(*) FROM pg_stat_activity WHERE datname = :'db' AND pid <> pg_backend_pid()")
    [ "$sessions" = 0 ] || die "--force: $sessions sessions are connected to $DB_LABEL; stop the service (and other clients) first"
    say "--force: dropping and creating again $DB_LABEL ($objects tables, views or sequences in it)"
    sql "$maintenance" -v db="$target" <<<'DROP DATABASE :"db"' || die "could not drop $DB_LABEL"
    sql "$maintenance" -v db="$target" <<<'CREATE DATABASE :"db"' || die "could not create $DB_LABEL"
  fi
fi

say "restoring $dump into $DB_LABEL with $PG_RESTORE"
started=$(date +%s)
"$PG_RESTORE" --no-owner --exit-on-error --single-transaction --no-password --dbname="$target" "$dump" ||
  die "pg_restore into $DB_LABEL failed; nothing was restored (one transaction)"
say "restored in $(($(date +%s) - started)) s"

# The main tables' rows, and the schema version the service will migrate forward from on its next start.
sql "$target" -F $'\t' <<'SQL' | awk -F'\t' '{ printf "  %-22s %s\n", $1, $2 }'
SELECT format('SELECT %s', string_agg(format('%L, (SELECT count(*) FROM %I)', t, t), ' UNION ALL SELECT ' ORDER BY o))
FROM unnest(ARRAY['app_user', 'contact', 'interaction', 'lead', 'purchase', 'refund', 'complaint', 'loyalty_account',
                  'points_entry', 'redemption', 'survey_answer', 'campaign', 'activity', 'churn_record'])
     WITH ORDINALITY AS x(t, o)
WHERE to_regclass(format('public.%I', t)) IS NOT NULL
\gexec
SELECT 'schema version', max(version::int) FROM flyway_schema_history WHERE success AND version IS NOT NULL;
SQL
