# A PostgreSQL 15 primary and a streaming standby on one machine, for fault h (sourced after lib.sh, not run).
# Plain streaming replication: the standby is a pg_basebackup -R of the primary; failover is a manual
# pg_ctl promote. Ports 5433 and 5434; data directories under $CLUSTER_DIR (removed by pair_cleanup); the 5432
# server is never touched. Every server runs as the postgres user with the binaries of $PGBIN.

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PAIR_DB=${PAIR_DB:-cluster_h}
# The standby's name in synchronous_standby_names and pg_stat_replication.
STANDBY_NAME=standby1

pair_dir() { echo "$CLUSTER_DIR/pg$1"; }
ppsql() { # ppsql <port> [database] [psql args...]
    local port=$1 db=${2:-$PAIR_DB}; shift; [ $# -eq 0 ] || shift
    psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" "$@"
}
pg_as() { runuser -u postgres -- "$@"; }

# pg_start <port>: starts the server whose data directory is pair_dir <port>, listening on 127.0.0.1:<port> only.
pg_start() {
    local port=$1 dir; dir=$(pair_dir "$1")
    local pglog="$CLUSTER_DIR/logs/pg$port.log"
    [ -f "$pglog" ] || install -o postgres -m 644 /dev/null "$pglog"   # the server (user postgres) appends to it
    pg_as "$PGBIN/pg_ctl" -D "$dir" -w -t 120 -l "$pglog" start \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c shared_buffers=32MB -c max_connections=40" >/dev/null
}

# primary_init <port> <sync|async>: a fresh primary. sync: every commit waits until the standby has applied it
# (synchronous_commit=remote_apply, the standby named in synchronous_standby_names); async: commits do not wait.
primary_init() {
    local port=$1 mode=$2 dir; dir=$(pair_dir "$1")
    rm -rf "$dir"; install -d -o postgres -m 700 "$dir"
    pg_as "$PGBIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$dir/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
CONF
    pg_start "$port"
    # Before the mode: a synchronous primary without its standby yet would wait forever on this commit.
    ppsql "$port" postgres -c "CREATE DATABASE $PAIR_DB" >/dev/null
    replication_mode "$port" "$mode"
}

# replication_mode <primary port> <sync|async>: switched on the running primary (ALTER SYSTEM + reload).
replication_mode() {
    local port=$1 mode=$2
    if [ "$mode" = sync ]; then
        ppsql "$port" postgres -c "ALTER SYSTEM SET synchronous_standby_names = '$STANDBY_NAME'" \
            -c "ALTER SYSTEM SET synchronous_commit = 'remote_apply'" -c "SELECT pg_reload_conf()" >/dev/null
    else
        ppsql "$port" postgres -c "ALTER SYSTEM SET synchronous_standby_names = ''" \
            -c "ALTER SYSTEM SET synchronous_commit = 'on'" -c "SELECT pg_reload_conf()" >/dev/null
    fi
}

# standby_init <standby port> <primary port>: a fresh standby of the primary (pg_basebackup -R writes
# primary_conninfo, with our application_name, and standby.signal), started and streaming.
standby_init() {
    local port=$1 primary=$2 dir; dir=$(pair_dir "$1")
    rm -rf "$dir"; install -d -o postgres -m 700 "$dir"
    pg_as "$PGBIN/pg_basebackup" -D "$dir" -R -X stream -c fast \
        -d "host=127.0.0.1 port=$primary user=postgres application_name=$STANDBY_NAME" >/dev/null
    # The copied configuration may name the primary's synchronous standby; a standby names none.
    pg_start "$port"
    ppsql "$port" postgres -c "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()" >/dev/null
    wait_until 60 standby_streaming "$primary" || die "standby on $port does not stream from $primary"
}
standby_streaming() { [ "$(ppsql "$1" postgres -c "SELECT count(*) FROM pg_stat_replication WHERE application_name = '$STANDBY_NAME' AND state = 'streaming'")" = 1 ]; }

# sync_state <primary port>: sync or async, as the primary sees its standby.
sync_state() { ppsql "$1" postgres -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$STANDBY_NAME'"; }

# partition_standby <standby port>: cuts the standby's replication link (its primary_conninfo emptied, reloaded:
# the WAL receiver stops and does not come back), as a network partition between the two servers would.
partition_standby() {
    ppsql "$1" postgres -c "ALTER SYSTEM SET primary_conninfo = ''" -c "SELECT pg_reload_conf()" >/dev/null
}

# kill_server <port>: the machine dies: SIGKILL to the postmaster and every one of its processes at once.
kill_server() {
    local dir; dir=$(pair_dir "$1")
    local pid; pid=$(head -1 "$dir/postmaster.pid")
    kill -9 "$pid" $(pgrep -P "$pid") 2>/dev/null || true
    wait_until 30 eval "! kill -0 $pid 2>/dev/null" || die "postmaster $pid still alive"
}

# promote <port>: the standby becomes the primary (pg_ctl promote waits until it accepts writes).
promote() { pg_as "$PGBIN/pg_ctl" -D "$(pair_dir "$1")" -w -t 60 promote >/dev/null; }

# pair_cleanup <ports...>: stops what still runs and removes the data directories.
pair_cleanup() {
    local port dir
    for port in "$@"; do
        dir=$(pair_dir "$port")
        if [ -f "$dir/postmaster.pid" ] && kill -0 "$(head -1 "$dir/postmaster.pid")" 2>/dev/null; then
            pg_as "$PGBIN/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
        fi
        [ -n "${KEEP_PG:-}" ] || rm -rf "$dir"
    done
}

# retry_unknown <base url> <token> <contact> <prefix> <unknown keys file> <ok keys file>: every write whose outcome
# was unknown (no answer, 5xx, 409 in flight) sent again with the same key and body until answered (or 180 s pass
# for all together). Prints "<retried> <ok>".
retry_unknown() {
    local base=$1 tok=$2 contact=$3 prefix=$4 unknown=$5 ok_file=$6 key s retried=0 ok=0
    : >"$ok_file"; touch "$unknown"
    local until=$(( $(now_ms) + ${RETRY_SECONDS:-180} * 1000 ))
    while read -r key; do
        [ -n "$key" ] || continue
        retried=$((retried + 1))
        while [ "$(now_ms)" -lt "$until" ]; do
            s=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
                -H "Idempotency-Key: $key" -d "{\"channel\":\"PHONE\",\"direction\":\"OUTBOUND\",\"summary\":\"$prefix $key\"}" \
                "$base/api/v1/contacts/$contact/interactions" || true)
            if [ "$s" = 201 ] || [ "$s" = 200 ]; then ok=$((ok + 1)); echo "$key" >>"$ok_file"; break; fi
            [ "$s" = 000 ] || [ "$s" -ge 500 ] || [ "$s" = 409 ] || break
            sleep 0.5
        done
    done <"$unknown"
    echo "$retried $ok"
}

# count_keys <port> <prefix> <keys file>: "<keys> <exactly once> <missing> <duplicated>" on the server at <port>.
count_keys() {
    ppsql "$1" "$PAIR_DB" -F ' ' <<SQL
CREATE TEMP TABLE k (key text PRIMARY KEY);
\copy k FROM '$3'
SELECT count(*), count(*) FILTER (WHERE n = 1), count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1)
FROM (SELECT k.key, (SELECT count(*) FROM interaction i WHERE i.summary = '$2 ' || k.key) AS n FROM k) c;
SQL
}
