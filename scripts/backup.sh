#!/usr/bin/env bash
# A verified pg_dump (custom format) of the Guanxi database, timestamped, keeping the newest N (docs/backup.md).
#   scripts/backup.sh [--dir DIR] [--keep N]
# Database: QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME/_PASSWORD), else PGHOST/PGPORT/PGUSER/PGDATABASE, else the
# running demo's embedded PostgreSQL. DIR: GUANXI_BACKUP_DIR, default .guanxi/backups; N: GUANXI_BACKUP_KEEP,
# default 7 (a week of daily backups). Prints the backup's path on stdout; any failure exits non-zero and
# leaves no file that looks like a backup.
set -euo pipefail
# shellcheck source=scripts/lib/postgres.sh
source "$(dirname "$0")/lib/postgres.sh"

backup_dir=${GUANXI_BACKUP_DIR:-$GUANXI_ROOT/.guanxi/backups}
keep=${GUANXI_BACKUP_KEEP:-7}
while [ $# -gt 0 ]; do
  case $1 in
    --dir) backup_dir=${2:?--dir needs a directory}; shift 2 ;;
    --keep) keep=${2:?--keep needs a number}; shift 2 ;;
    -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (usage: scripts/backup.sh [--dir DIR] [--keep N])" ;;
  esac
done
[[ $keep =~ ^[0-9]+$ && $keep -ge 1 ]] || die "--keep / GUANXI_BACKUP_KEEP must be a whole number of at least 1, not '$keep'"

resolve_connection
find_pg_tools
check_server_and_client "$PG_DUMP" "$PGDATABASE"

# Backups hold every customer's personal data: readable by their owner only.
umask 077
mkdir -p "$backup_dir" || die "cannot create the backup directory $backup_dir"
if command -v flock >/dev/null; then
  exec 9>"$backup_dir/.backup.lock"
  flock -n 9 || die "another backup into $backup_dir is running"
fi

prefix="$(printf '%s' "$PGDATABASE" | tr -c 'A-Za-z0-9_.-' '_')-"
final="$backup_dir/${prefix}$(date -u +%Y%m%dT%H%M%SZ).dump"
partial="$final.partial"
[ ! -e "$final" ] || die "$final already exists"
trap 'rm -f "$partial"' EXIT

say "dumping $DB_LABEL (from $DB_SOURCE) with $PG_DUMP ($($PG_DUMP --version | awk '{print $3}'), server $SERVER_MAJOR)"
started=$(date +%s)
# One snapshot: the dump is consistent even while the service writes.
"$PG_DUMP" --format=custom --no-password --file="$partial" "$PGDATABASE" || die "pg_dump of $DB_LABEL failed"

# Verify: the archive reads back, and it is a Guanxi database (Flyway's history is in every one).
toc=$("$PG_RESTORE" --list "$partial" 2>&1) || die "the dump does not read back (pg_restore --list): $toc"
grep -Eq '^[0-9]+; [0-9]+ [0-9]+ TABLE DATA [^ ]+ flyway_schema_history ' <<<"$toc" ||
  die "the dump of $DB_LABEL holds no flyway_schema_history: is '$PGDATABASE' the Guanxi database?"
tables=$(grep -Ec '^[0-9]+; [0-9]+ [0-9]+ TABLE DATA ' <<<"$toc")
mv "$partial" "$final"
trap - EXIT
say "verified: $tables tables, $(du -h "$final" | cut -f1) in $(($(date +%s) - started)) s -> $final"

# Retention: the newest $keep backups of this database (names sort by time); only after a good one.
shopt -s nullglob
backups=("$backup_dir/$prefix"[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z.dump)
if [ "${#backups[@]}" -gt "$keep" ]; then
  for old in "${backups[@]:0:${#backups[@]}-keep}"; do
    rm -f -- "$old" && say "retention ($keep kept): removed $(basename "$old")"
  done
fi
echo "$final"
