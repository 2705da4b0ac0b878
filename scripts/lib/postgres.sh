# shellcheck shell=bash
# Shared by scripts/backup.sh and scripts/restore.sh (docs/backup.md): which database, which client tools.
# Sourced, not run. Everything goes to libpq's own variables (PGHOST, PGPORT, PGUSER, PGDATABASE,
# PGPASSWORD, PGSSLMODE...), so a password never appears on a command line.

# Backup names sort by their timestamp whatever the locale.
export LC_COLLATE=C

GUANXI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

die() {
  echo "$(basename "$0"): FAILED: $*" >&2
  exit 1
}

say() {
  echo "$(basename "$0"): $*" >&2
}

# The database the service uses, from the first of:
#  1. QUARKUS_DATASOURCE_JDBC_URL (+ QUARKUS_DATASOURCE_USERNAME / _PASSWORD): what the service reads itself;
#  2. libpq's PGHOST / PGPORT / PGUSER / PGDATABASE (password from PGPASSWORD or ~/.pgpass);
#  3. the one-command demo's embedded PostgreSQL: its port is in postmaster.pid, which PostgreSQL writes
#     into the data directory (GUANXI_EMBEDDED_DB_DATA_DIR, default .guanxi/pgdata) while it runs.
# Sets DB_SOURCE to a sentence saying which one was used.
resolve_connection() {
  if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    connection_from_jdbc_url "$QUARKUS_DATASOURCE_JDBC_URL"
    if [ -n "${QUARKUS_DATASOURCE_USERNAME:-}" ]; then export PGUSER=$QUARKUS_DATASOURCE_USERNAME; fi
    if [ -n "${QUARKUS_DATASOURCE_PASSWORD:-}" ]; then export PGPASSWORD=$QUARKUS_DATASOURCE_PASSWORD; fi
    DB_SOURCE="QUARKUS_DATASOURCE_JDBC_URL"
  elif [ -n "${PGHOST:-}${PGPORT:-}${PGDATABASE:-}" ]; then
    # libpq would fall back to a database named like the user; a backup of the wrong one looks fine until it is needed.
    [ -n "${PGDATABASE:-}" ] || die "PGHOST/PGPORT are set but PGDATABASE is not: name the Guanxi database"
    DB_SOURCE="PGHOST/PGPORT/PGDATABASE"
  else
    connection_from_embedded_demo
  fi
  export PGHOST PGPORT PGDATABASE
  DB_LABEL="database '$PGDATABASE' on ${PGHOST:-local socket}:${PGPORT:-5432} as ${PGUSER:-$(id -un)}"
}

# jdbc:postgresql://host[:port][,host2[:port2]]/database[?user=..&password=..&sslmode=..]
# and jdbc:postgresql:database (localhost:5432), as pgjdbc reads them.
connection_from_jdbc_url() {
  local url=$1 rest hosts db query entry host port host_list="" port_list="" pair key value
  case $url in
    jdbc:postgresql://*) rest=${url#jdbc:postgresql://} ;;
    jdbc:postgresql:*) rest="localhost/${url#jdbc:postgresql:}" ;;
    *) die "QUARKUS_DATASOURCE_JDBC_URL is not a jdbc:postgresql: URL" ;;
  esac
  query=""
  if [[ $rest == *\?* ]]; then
    query=${rest#*\?}
    rest=${rest%%\?*}
  fi
  [[ $rest == */* ]] || die "QUARKUS_DATASOURCE_JDBC_URL names no database (jdbc:postgresql://host:port/database)"
  hosts=${rest%%/*}
  db=$(url_decode "${rest#*/}")
  [ -n "$db" ] || die "QUARKUS_DATASOURCE_JDBC_URL names no database (jdbc:postgresql://host:port/database)"
  IFS=',' read -ra entries <<<"${hosts:-localhost}"
  for entry in "${entries[@]}"; do
    if [[ $entry == \[*\]* ]]; then # [IPv6]:port
      host=${entry%%]*}
      host=${host#[}
      port=${entry#*]}
      port=${port#:}
    elif [[ $entry == *:* ]]; then
      host=${entry%%:*}
      port=${entry##*:}
    else
      host=$entry
      port=""
    fi
    host_list+="${host_list:+,}${host:-localhost}"
    port_list+="${port_list:+,}${port:-5432}"
  done
  PGHOST=$host_list
  PGPORT=$port_list
  PGDATABASE=$db
  if [ -n "$query" ]; then
    IFS='&' read -ra pairs <<<"$query"
    for pair in "${pairs[@]}"; do
      key=${pair%%=*}
      value=$(url_decode "${pair#*=}")
      case $key in
        user) export PGUSER=$value ;;
        password) export PGPASSWORD=$value ;;
        sslmode) export PGSSLMODE=$value ;;
        sslrootcert) export PGSSLROOTCERT=$value ;;
        sslcert) export PGSSLCERT=$value ;;
        sslkey) export PGSSLKEY=$value ;;
        *) ;; # pgjdbc-only settings (currentSchema, prepareThreshold...) do not change what is dumped
      esac
    done
  fi
}

url_decode() {
  local encoded=${1//+/ }
  printf '%b' "${encoded//%/\\x}"
}

connection_from_embedded_demo() {
  local data_dir=${GUANXI_EMBEDDED_DB_DATA_DIR:-.guanxi/pgdata} pid_file pid port listen
  # run.sh starts the service from the repository root, so a relative data directory is relative to it.
  [[ $data_dir == /* ]] || data_dir="$GUANXI_ROOT/$data_dir"
  pid_file="$data_dir/postmaster.pid"
  [ -f "$pid_file" ] || die "no database given and the demo's embedded PostgreSQL is not running ($pid_file absent).
  Start the demo (./run.sh) or point the script at a server: QUARKUS_DATASOURCE_JDBC_URL (+ QUARKUS_DATASOURCE_USERNAME,
  QUARKUS_DATASOURCE_PASSWORD) or PGHOST, PGPORT, PGUSER, PGDATABASE."
  # postmaster.pid: line 1 the server's pid, line 4 its port, line 6 its first listen address.
  pid=$(sed -n 1p "$pid_file")
  port=$(sed -n 4p "$pid_file")
  listen=$(sed -n 6p "$pid_file")
  [[ $pid =~ ^[0-9]+$ && $port =~ ^[0-9]+$ ]] || die "$pid_file is not a PostgreSQL pid file"
  kill -0 "$pid" 2>/dev/null || [ -d "/proc/$pid" ] ||
    die "$pid_file is left over from a server that is no longer running (pid $pid): start the demo (./run.sh)"
  case $listen in
    "" | "*" | "0.0.0.0" | "::") listen=localhost ;;
  esac
  PGHOST=$listen
  PGPORT=$port
  PGDATABASE=${GUANXI_EMBEDDED_DB_DATABASE:-postgres}
  export PGUSER=postgres # zonky's initdb superuser; local connections are trusted
  DB_SOURCE="the demo's embedded PostgreSQL (port from $pid_file)"
}

# PG_DUMP, PG_RESTORE, PSQL from GUANXI_PG_BIN, else the newest PostgreSQL on the machine
# (Debian/Ubuntu /usr/lib/postgresql/N/bin, RHEL /usr/pgsql-N/bin), else PATH. The embedded demo's
# zonky binaries hold only initdb, pg_ctl and postgres, so the machine's client tools are used for it too.
find_pg_tools() {
  local dir="" candidate best="" best_major=0 major tool
  if [ -n "${GUANXI_PG_BIN:-}" ]; then
    dir=$GUANXI_PG_BIN
  else
    for candidate in /usr/lib/postgresql/*/bin /usr/pgsql-*/bin; do
      [ -x "$candidate/pg_dump" ] || continue
      major=$(client_major "$candidate/pg_dump")
      if [ "$major" -gt "$best_major" ]; then
        best=$candidate
        best_major=$major
      fi
    done
    dir=$best
  fi
  for tool in pg_dump pg_restore psql; do
    local path
    if [ -n "$dir" ]; then
      path="$dir/$tool"
      [ -x "$path" ] || die "$path not found (GUANXI_PG_BIN=$dir)"
    else
      path=$(command -v "$tool") || die "$tool not found: install the PostgreSQL client (Debian: apt-get install postgresql-client-15) or set GUANXI_PG_BIN"
    fi
    # shellcheck disable=SC2034 # read by the scripts that source this file
    case $tool in
      pg_dump) PG_DUMP=$path ;;
      pg_restore) PG_RESTORE=$path ;;
      psql) PSQL=$path ;;
    esac
  done
}

# The major version of a client tool: "pg_dump (PostgreSQL) 15.20 (Debian ...)" -> 15.
client_major() {
  "$1" --version | awk '{ split($3, v, "."); print v[1] + 0 }'
}

# Runs SQL read from stdin against a database (default PGDATABASE), tuples only; psql variables may follow.
sql() {
  local db=$1
  shift
  "$PSQL" -X -w -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"
}

# Connects (or fails saying why) and sets SERVER_MAJOR; refuses a client older than the server,
# whose dump or restore would be incomplete or refused.
check_server_and_client() {
  local tool=$1 db=$2 out num client
  out=$(echo "SHOW server_version_num" | sql "$db" 2>&1) || die "cannot connect to $DB_LABEL (from $DB_SOURCE): $out"
  num=$(echo "$out" | tail -1)
  [[ $num =~ ^[0-9]+$ ]] || die "unexpected answer to SHOW server_version_num: $out"
  SERVER_MAJOR=$((num / 10000))
  client=$(client_major "$tool")
  [ "$client" -ge "$SERVER_MAJOR" ] || die "$tool is PostgreSQL $client but the server is $SERVER_MAJOR: \
a client must be at least the server's major version. Install postgresql-client-$SERVER_MAJOR or set GUANXI_PG_BIN."
}
