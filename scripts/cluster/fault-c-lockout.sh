#!/usr/bin/env bash
# Fault c: five wrong passwords spread over three replicas lock the account on all of them; wrong passwords through
# HAProxy each with a new X-Forwarded-For do not escape the lock either. Each run uses fresh users.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
fault_cluster_up 3
stamp=$(date +%s%N | cut -c1-13)
pw='Cluster-Fault-2026!x'
login() { # login <base url> <user> <password> [X-Forwarded-For]: the HTTP status
    curl -sS -m 10 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' ${4:+-H "X-Forwarded-For: $4"} \
        -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$1/api/v1/auth/token"
}
replica_url() { echo "http://127.0.0.1:$(http_port "$1")"; }
lb="http://127.0.0.1:$CLUSTER_LB_PORT"

# c0, the control: 5 wrong passwords on one replica lock the account there (the test can pass).
u0="fault.c0.$stamp"; create_user "$u0" SALES_REP "$pw" >/dev/null
for k in 1 2 3 4 5; do login "$(replica_url 1)" "$u0" 'wrong-password-0' >/dev/null; done
result c-control-one-replica INFO "after 5 wrong passwords on replica 1 the right one answers $(login "$(replica_url 1)" "$u0" "$pw") there (429 = locked)"

# c1: 2 + 2 + 1 wrong passwords on replicas 1, 2, 3; then the right password on each replica.
u1="fault.c1.$stamp"; create_user "$u1" SALES_REP "$pw" >/dev/null
wrong=""
for r in 1 2 3 1 2; do wrong+="$(login "$(replica_url $r)" "$u1" 'wrong-password-1') "; done
right=""; locked=0
for r in 1 2 3; do s=$(login "$(replica_url $r)" "$u1" "$pw"); right+="r$r=$s "; [ "$s" = 429 ] && locked=$((locked + 1)); done
v1=PASS; [ "$locked" = 3 ] || v1=FAIL
result c-lockout-across-replicas "$v1" "wrong_attempts=5 statuses=[${wrong% }] right_password_after:[${right% }] replicas_locked=$locked/3"

# c2: 5 wrong passwords through HAProxy, each with a new forged X-Forwarded-For; then the right one on each replica.
u2="fault.c2.$stamp"; create_user "$u2" SALES_REP "$pw" >/dev/null
wrong=""
for k in 1 2 3 4 5; do wrong+="$(login "$lb" "$u2" 'wrong-password-2' "203.0.113.$k") "; done
right=""; locked=0
for r in 1 2 3; do s=$(login "$(replica_url $r)" "$u2" "$pw" "198.51.100.$r"); right+="r$r=$s "; [ "$s" = 429 ] && locked=$((locked + 1)); done
v2=PASS; [ "$locked" = 3 ] || v2=FAIL
result c-lockout-rotating-xff "$v2" "wrong_attempts=5 (via HAProxy, new X-Forwarded-For each) statuses=[${wrong% }] right_password_after:[${right% }] replicas_locked=$locked/3"
verdict=PASS; [ "$v1" = PASS ] && [ "$v2" = PASS ] || verdict=FAIL
result c-lockout "$verdict" "c1=$v1 c2=$v2"
[ "$verdict" = PASS ]
