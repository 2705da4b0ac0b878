#!/usr/bin/env bash
# The contact list and search at a million contacts (issue 21 target 3; docs/benchmarks.md "API latency"):
# one client, curl, WARM warm-up then N timed requests of each query, as the manager and as a rep; median and p95
# (nearest rank) in ms. Give several running services as BASES (same data) and LABELS: the requests alternate
# between them (one of each in turn), so a busy machine weighs on all of them alike.
#   BASES="http://127.0.0.1:8195 http://127.0.0.1:8196" LABELS="before after" scripts/bench/contact-search.sh
# Needs curl and jq; the demo users (generate-contacts 1) on the database the services share.
set -euo pipefail
BASES=${BASES:-http://127.0.0.1:8195}; LABELS=${LABELS:-}
N=${N:-30}; WARM=${WARM:-10}
QUERIES=${QUERIES:-"q=%E5%BC%A0%E4%BC%9F q=zhangwei q=zw - q=%E6%9C%89%E9%99%90"}   # 张伟, zhangwei, zw, no filter, 有限
read -r -a bases <<< "$BASES"; read -r -a labels <<< "${LABELS:-}"
out=$(mktemp -d /tmp/guanxi-contact-search.XXXXXX)

login() { curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$2\",\"password\":\"demo1234\"}" | jq -r .access_token; }

stats() { sort -n "$1" | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; p = int(NR * 0.95 + 0.999999);
  printf "%7.1f %7.1f", m, v[p] }'; }

printf '%-8s %-10s %-8s %7s %7s %s\n' role query label median p95 "total/totalExact"
for role in manager.wang rep.zhang; do
  declare -A token=()
  for i in "${!bases[@]}"; do token[$i]=$(login "${bases[$i]}" "$role"); done
  for q in $QUERIES; do
    query=${q/#-/}
    for i in "${!bases[@]}"; do : > "$out/$i"; done
    for n in $(seq 1 $((WARM + N))); do
      for i in "${!bases[@]}"; do
        t=$(curl -s -o "$out/body" -w '%{http_code} %{time_total}' -H "Authorization: Bearer ${token[$i]}" \
          "${bases[$i]}/api/v1/contacts?$query")
        [ "${t%% *}" = 200 ] || { echo "HTTP ${t%% *} from ${bases[$i]} for $query" >&2; exit 1; }
        if [ "$n" -gt "$WARM" ]; then echo "${t#* }" | awk '{ print $1 * 1000 }' >> "$out/$i"; fi
        if [ "$n" = 1 ]; then jq -r '"\(.total)/\(if has("totalExact") then .totalExact else "-" end)"' "$out/body" > "$out/total.$i"; fi
      done
    done
    for i in "${!bases[@]}"; do
      printf '%-8s %-10s %-8s %s %s\n' "${role%%.*}" "$(printf '%b' "${q//%/\\x}")" "${labels[$i]:-$i}" \
        "$(stats "$out/$i")" "$(cat "$out/total.$i")"
    done
  done
done
rm -rf "$out"
