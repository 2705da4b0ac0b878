# Shared settings and helpers of the one-machine cluster (sourced, not run).
#
# Port layout (all within 18500-18599):
#   18500        HAProxy (the service, balanced)      18599  HAProxy stats page (/stats)
#   18500+i      replica i's HTTP port (i = 1..9)     18510+i replica i's management port (/q/health)
#   18521/18522  the fault-f replica (its own PostgreSQL on 55432)
#   18541-18542 / 18551-18552  test-two-replicas.sh (own database, so it can run beside a cluster)
#   18531/18532  the fault-h replica (a primary on 5433 and its standby on 5434)
# PostgreSQL: database cluster_guanxi on 127.0.0.1:5432; fault f initdb's a throwaway server on 55432, fault h a
# streaming-replication pair on 5433/5434 (lib-replication.sh).

CLUSTER_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$CLUSTER_HOME/../.." && pwd)"
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/guanxi-cluster}"
CLUSTER_JAR="${CLUSTER_JAR:-$REPO_ROOT/backend/target/quarkus-app/quarkus-run.jar}"
CLUSTER_DB="${CLUSTER_DB:-cluster_guanxi}"
CLUSTER_PGHOST="${CLUSTER_PGHOST:-127.0.0.1}"
CLUSTER_PGPORT="${CLUSTER_PGPORT:-5432}"
CLUSTER_LB_PORT=18500
CLUSTER_STATS_PORT=18599
CLUSTER_HEAP="${CLUSTER_HEAP:--Xmx384m}"
CLUSTER_DEMO_CONTACTS="${CLUSTER_DEMO_CONTACTS:-100}"
CLUSTER_READY_TIMEOUT="${CLUSTER_READY_TIMEOUT:-600}"
PASSWORD_DEMO=demo1234
mkdir -p "$CLUSTER_DIR/logs" "$CLUSTER_DIR/run"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }

http_port() { echo $((18500 + $1)); }
mgmt_port() { echo $((18510 + $1)); }

# psql on the cluster's database (or another: PGDATABASE=...).
cpsql() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$CLUSTER_PGHOST" -p "$CLUSTER_PGPORT" -U postgres -d "${PGDATABASE:-$CLUSTER_DB}" "$@"; }

ensure_database() {
    local db="$1"
    if [ "$(PGDATABASE=postgres cpsql -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
        log "creating database $db on $CLUSTER_PGHOST:$CLUSTER_PGPORT"
        PGDATABASE=postgres cpsql -c "CREATE DATABASE $db"
    fi
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
replica_pid() { cat "$CLUSTER_DIR/run/replica-$1.pid" 2>/dev/null || true; }

# ready <mgmt port>: the readiness check answers UP.
ready() { curl -fsS -m 2 "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }

# wait_until <seconds> <command...>: polls the condition every 200 ms until it holds or the deadline passes.
wait_until() {
    local limit=$1; shift
    local deadline=$(( $(now_ms) + limit * 1000 ))
    until "$@"; do
        [ "$(now_ms)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

# start_replica <i> [database] [http port] [mgmt port] [jdbc host:port]: starts replica i unless it runs; extra env
# (e.g. GUANXI_CHURN_RISK_RECOMPUTE_CRON) is inherited from the caller.
start_replica() {
    local i=$1 db=${2:-$CLUSTER_DB} port=${3:-$(http_port "$1")} mport=${4:-$(mgmt_port "$1")} hostport=${5:-$CLUSTER_PGHOST:$CLUSTER_PGPORT}
    local pid; pid=$(replica_pid "$i")
    if pid_alive "$pid"; then
        return 0
    fi
    [ -f "$CLUSTER_JAR" ] || die "no jar at $CLUSTER_JAR: ./mvnw -B -q package -DskipTests -Dskip.frontend"
    log "starting replica $i on :$port (management :$mport, database $db)"
    # The demo profile: dev keys shared by every replica (a token from one is valid on all), demo data seeded once.
    # CLUSTER_JDBC_PARAMS: more driver settings, e.g. targetServerType=primary for a multi-host URL (fault h).
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$hostport/$db?ApplicationName=guanxi-r$i${CLUSTER_JDBC_PARAMS:+&$CLUSTER_JDBC_PARAMS}" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    QUARKUS_DATASOURCE_JDBC_MAX_SIZE="${CLUSTER_POOL:-8}" \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT="${CLUSTER_ACQUISITION_TIMEOUT:-30s}" \
    QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT="${CLUSTER_TX_TIMEOUT:-300s}" \
    QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$mport" \
    GUANXI_DEMO_CONTACTS="$CLUSTER_DEMO_CONTACTS" \
    GUANXI_PUBLIC_BASE_URL="http://127.0.0.1:$CLUSTER_LB_PORT" \
    GUANXI_SECURITY_LOGIN_ADDRESS_MAX_FAILURES="${CLUSTER_ADDRESS_MAX_FAILURES:-1000}" \
        nohup java $CLUSTER_HEAP -XX:+UseSerialGC -Dquarkus.profile=demo -jar "$CLUSTER_JAR" \
        >>"$CLUSTER_DIR/logs/replica-$i.log" 2>&1 </dev/null &
    echo $! >"$CLUSTER_DIR/run/replica-$i.pid"
    echo "${GUANXI_CHURN_RISK_RECOMPUTE_CRON:-}" >"$CLUSTER_DIR/run/replica-$i.cron"
}

# wait_replica <i> [mgmt port]
wait_replica() {
    local i=$1 mport=${2:-$(mgmt_port "$1")}
    local t0; t0=$(now_ms)
    wait_until "$CLUSTER_READY_TIMEOUT" replica_ready_or_dead "$i" "$mport" || die "replica $i not ready within ${CLUSTER_READY_TIMEOUT}s (log $CLUSTER_DIR/logs/replica-$i.log)"
    pid_alive "$(replica_pid "$i")" || die "replica $i exited (log $CLUSTER_DIR/logs/replica-$i.log)"
    log "replica $i ready after $(( ($(now_ms) - t0) ))ms"
}
replica_ready_or_dead() { ready "$2" || ! pid_alive "$(replica_pid "$1")"; }

# stop_replica <i> [signal]: TERM (graceful, waits up to 40 s, then KILL) or KILL.
stop_replica() {
    local i=$1 sig=${2:-TERM}
    local pid; pid=$(replica_pid "$i")
    if pid_alive "$pid"; then
        log "stopping replica $i (pid $pid, SIG$sig)"
        kill -s "$sig" "$pid" 2>/dev/null || true
        if ! wait_until 40 eval "! kill -0 $pid 2>/dev/null"; then
            log "replica $i did not stop in 40 s: SIGKILL"
            kill -9 "$pid" 2>/dev/null || true
            wait_until 10 eval "! kill -0 $pid 2>/dev/null" || true
        fi
    fi
    rm -f "$CLUSTER_DIR/run/replica-$i.pid"
}

running_replicas() {
    local f
    for f in "$CLUSTER_DIR"/run/replica-[0-9].pid; do
        [ -e "$f" ] || continue
        local i=${f##*replica-}; i=${i%.pid}
        pid_alive "$(cat "$f")" && echo "$i"
    done
}

# HAProxy in front of replicas 1..N: health check on the readiness endpoint (management port), the client
# address put in X-Forwarded-For by the proxy, overwriting whatever the client sent.
write_haproxy_cfg() {
    local n=$1 cfg="$CLUSTER_DIR/haproxy.cfg" i
    {
        cat <<EOF
global
    maxconn 2000
    log stdout format raw local0 warning
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout http-request 10s
    # A check slower than this counts as failed; on a loaded machine a shorter one marks healthy replicas down.
    timeout check 3s
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response
frontend guanxi
    bind 127.0.0.1:$CLUSTER_LB_PORT
    # Overwrite style: a client's own X-Forwarded-For never reaches a replica.
    http-request del-header X-Forwarded-For
    option forwardfor
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /q/health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
EOF
        for ((i = 1; i <= n; i++)); do
            echo "    server r$i 127.0.0.1:$(http_port "$i") check port $(mgmt_port "$i")"
        done
        cat <<EOF
listen stats
    bind 127.0.0.1:$CLUSTER_STATS_PORT
    stats enable
    stats uri /stats
EOF
    } >"$cfg"
}

ensure_haproxy_installed() {
    command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { log "installing haproxy"; apt-get install -y haproxy >/dev/null; }
}

restart_haproxy() {
    local n=$1 pid
    ensure_haproxy_installed
    write_haproxy_cfg "$n"
    /usr/sbin/haproxy -c -q -f "$CLUSTER_DIR/haproxy.cfg" || die "bad haproxy.cfg"
    stop_haproxy
    /usr/sbin/haproxy -D -f "$CLUSTER_DIR/haproxy.cfg" -p "$CLUSTER_DIR/run/haproxy.pid" >>"$CLUSTER_DIR/logs/haproxy.log" 2>&1
    wait_until 30 haproxy_servers_up "$n" || die "HAProxy does not see $n servers up"
    log "HAProxy on :$CLUSTER_LB_PORT with $n replica(s) up"
}

stop_haproxy() {
    local pid; pid=$(cat "$CLUSTER_DIR/run/haproxy.pid" 2>/dev/null || true)
    if pid_alive "$pid"; then
        kill "$pid" 2>/dev/null || true
        wait_until 10 eval "! kill -0 $pid 2>/dev/null" || kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$CLUSTER_DIR/run/haproxy.pid"
}

haproxy_servers_up() {
    [ "$(curl -fsS -m 2 "http://127.0.0.1:$CLUSTER_STATS_PORT/stats;csv" 2>/dev/null | awk -F, '$1=="replicas" && $2 ~ /^r[0-9]/ && $18=="UP"' | wc -l)" -ge "$1" ]
}

# token <username> [password] [base url]: a bearer token (empty on failure).
token() {
    curl -sS -m 10 -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"${2:-$PASSWORD_DEMO}\"}" "${3:-http://127.0.0.1:$CLUSTER_LB_PORT}/api/v1/auth/token" | jq -r '.access_token // empty'
}

# The load generator, compiled once per change of its source.
load() {
    local classes="$CLUSTER_DIR/classes"
    if [ ! -f "$classes/Load.class" ] || [ "$CLUSTER_HOME/Load.java" -nt "$classes/Load.class" ]; then
        mkdir -p "$classes" && javac -d "$classes" "$CLUSTER_HOME/Load.java" || die "javac Load.java"
    fi
    java -Xmx256m -cp "$classes" Load "$@"
}

# result <test> <PASS|FAIL> <figures...>: one summary line, also appended to $CLUSTER_DIR/results.txt.
result() {
    local name=$1 verdict=$2; shift 2
    printf 'RESULT %s %s %s\n' "$name" "$verdict" "$*" | tee -a "$CLUSTER_DIR/results.txt"
}

# The fault tests' cluster: three replicas with two set-based jobs firing every 5 s (fault a counts them; the
# other tests do not mind). A replica started with other settings is restarted first.
FAULT_CRON="${FAULT_CRON:-0/5 * * * * ?}"
fault_cluster_up() {
    local n=${1:-3} i
    export GUANXI_CHURN_RISK_RECOMPUTE_CRON="$FAULT_CRON" GUANXI_LOYALTY_EXPIRY_CRON="$FAULT_CRON"
    for i in $(running_replicas); do
        [ "$(cat "$CLUSTER_DIR/run/replica-$i.cron" 2>/dev/null)" = "$FAULT_CRON" ] || stop_replica "$i"
    done
    "$CLUSTER_HOME/start.sh" "$n"
}

# A fresh user (admin API through the balancer): prints its id. create_user <username> <role> <password>
create_user() {
    local admin; admin=$(token admin)
    [ -n "$admin" ] || die "admin login failed"
    curl -fsS -m 10 -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"displayName\":\"$1\",\"password\":\"$3\",\"roles\":[\"$2\"]}" \
        "http://127.0.0.1:$CLUSTER_LB_PORT/api/v1/users" | jq -r .id
}
