#!/usr/bin/env bash
# Fault d: deactivating a user through one replica; how long until that user's token is refused on the others
# (target: within 1 s). The token is used on every replica first, so each has the user's status cached.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
limit_s=${FAULT_D_DEADLINE:-45}
fault_cluster_up 3
pw='Cluster-Fault-2026!x'
user="fault.d.$(date +%s%N | cut -c1-13)"
id=$(create_user "$user" SALES_REP "$pw")
tok=$(token "$user" "$pw" "http://127.0.0.1:$(http_port 1)"); [ -n "$tok" ] || die "login of $user failed"
me() { curl -sS -m 5 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "http://127.0.0.1:$(http_port "$1")/api/v1/me"; }
for r in 1 2 3; do [ "$(me $r)" = 200 ] || die "token not accepted on replica $r before the change"; done
admin=$(token admin "" "http://127.0.0.1:$(http_port 1)")
[ -n "$admin" ] || admin=$(token admin "$PASSWORD_DEMO" "http://127.0.0.1:$(http_port 1)")
etag=$(curl -sS -m 10 -D - -o /dev/null -H "Authorization: Bearer $admin" "http://127.0.0.1:$(http_port 1)/api/v1/users/$id" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
code=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $admin" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' -d "{\"displayName\":\"$user\",\"roles\":[\"SALES_REP\"],\"active\":false}" \
    "http://127.0.0.1:$(http_port 1)/api/v1/users/$id")
t0=$(now_ms)
[ "$code" = 200 ] || die "deactivation answered $code"
declare -A delay=()
deadline=$(( t0 + limit_s * 1000 ))
while [ "$(now_ms)" -lt "$deadline" ] && [ "${#delay[@]}" -lt 3 ]; do
    for r in 1 2 3; do
        [ -z "${delay[$r]:-}" ] || continue
        s=$(me "$r")
        [ "$s" = 200 ] || delay[$r]=$(( $(now_ms) - t0 ))
    done
done
figures=""; worst=0
for r in 1 2 3; do
    d=${delay[$r]:-">$((limit_s * 1000))"}; figures+="replica$r=${d}ms "
    if [ "$r" != 1 ]; then [ -n "${delay[$r]:-}" ] && [ "${delay[$r]}" -le "$worst" ] || worst=${delay[$r]:-999999}; fi
done
verdict=PASS; [ "$worst" -le 1000 ] || verdict=FAIL
result d-deactivate "$verdict" "token_refused_after: ${figures% } (replica 1 made the change; target <= 1000 ms on 2 and 3)"
[ "$verdict" = PASS ]
