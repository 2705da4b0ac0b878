#!/usr/bin/env bash
# The web app on a phone (docs/benchmarks.md, "Phone: bundle and Lighthouse"):
#   1. a production build of frontend/ with Vite's manifest: every JS chunk raw and gzip, and the
#      initial JS of the login page (index.html's entry and its static imports and the Chinese texts:
#      opened at /login, the form shows from the entry alone);
#   2. Lighthouse 12.2.3, mobile profile (its defaults: Moto G Power, slow 4G, 4× CPU), performance only,
#      against the packaged service (its real cache and compression headers), on /login and, signed in
#      as rep.zhang through the refresh cookie the web app restores its session from, on /today.
# Each page RUNS times (default 3); the median run by performance score is reported, with Lighthouse's
# benchmarkIndex of the host for that run (a shared machine: compare runs made close together).
# BEFORE=another jar measures it beside APP, run for run (before 1, after 1, before 2, …), both services up,
# so a load that comes and goes on a shared host falls on both alike. PAGES="today" for one page only.
# Needs Node 20, /usr/bin/chromium, jq, curl and the jar (./mvnw -B -q package -DskipTests, or
# -Dskip.frontend after step 1 to package the SPA just built); SKIP_LIGHTHOUSE=1 for step 1 only,
# SKIP_BUNDLE=1 (with APP=another jar) for step 2 only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
PORT=${PORT:-18095}; BASE=http://127.0.0.1:$PORT; RUNS=${RUNS:-3}
APP=${APP:-$root/backend/target/quarkus-app/quarkus-run.jar}
OUT=${OUT:-$(mktemp -d /tmp/guanxi-spa-bench.XXXXXX)}; mkdir -p "$OUT"

if [ "${SKIP_BUNDLE:-}" != 1 ]; then
echo "== bundle (vite build --manifest)"
(cd "$root/frontend" && npx vite build --manifest > "$OUT/build.log" 2>&1)
node --input-type=module - "$root/frontend/dist" <<'EOF'
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const dist = process.argv[2];
const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8'));
const sizes = (file) => {
  const bytes = readFileSync(`${dist}/${file}`);
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
};
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const chunks = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
let total = { raw: 0, gzip: 0 };
console.log(`${'chunk'.padEnd(48)}      raw KB  gzip KB`);
for (const c of chunks.sort((a, b) => sizes(b.file).raw - sizes(a.file).raw)) {
  const s = sizes(c.file);
  total = { raw: total.raw + s.raw, gzip: total.gzip + s.gzip };
  console.log(`${c.file.padEnd(48)} ${kb(s.raw)} ${kb(s.gzip)}`);
}
console.log(`${'all JS'.padEnd(48)} ${kb(total.raw)} ${kb(total.gzip)}`);
// What index.html loads (the entry and its static imports, all modulepreloaded), and with the login
// route's chunk and its static imports (what must arrive before the login form shows).
const closure = (roots) => {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    (chunk.imports ?? []).forEach(visit);
  };
  Object.entries(manifest).forEach(([key, c]) => roots(key, c) && visit(key));
  const js = [...files].filter((f) => f.endsWith('.js')).map(sizes);
  return { count: js.length, ...js.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 }) };
};
// The texts of the shown language (zh-CN by default) are a chunk of their own, fetched at once and needed
// before the first render: counted with the entry.
const texts = (key) => key.endsWith('lib/i18n/locales/zh-CN.json');
const entry = closure((key, c) => c.isEntry || texts(key));
// Opened at /login, main.tsx shows the form from the entry alone (features/auth/LoginForm.tsx, no antd, no
// router): the login page is the entry. The router's login route (after signing out) is counted beside it.
const login = closure((key, c) => c.isEntry || texts(key) || key.endsWith('features/auth/LoginPage.tsx'));
console.log(`${`index.html scripts + modulepreloads + texts (${entry.count} files)`.padEnd(48)} ${kb(entry.raw)} ${kb(entry.gzip)}`);
console.log(`${`(the router's login route: + ${login.count - entry.count} files)`.padEnd(48)} ${kb(login.raw)} ${kb(login.gzip)}`);
// Opened at /today, the light page (app/LightShell.tsx, no antd) shows the day: the entry and its chunk.
const today = closure((key, c) => c.isEntry || texts(key) || key.endsWith('app/LightShell.tsx'));
console.log(`${`/today before the day shows (+ ${today.count - entry.count} files)`.padEnd(48)} ${kb(today.raw)} ${kb(today.gzip)}`);
EOF
fi
[ "${SKIP_LIGHTHOUSE:-}" = 1 ] && exit 0

echo "== Lighthouse 12.2.3 mobile, $RUNS runs per page (median by score)"
PAGES=${PAGES:-login today}
data=$(mktemp -d /tmp/guanxi-spa-bench-db.XXXXXX); services=()
trap 'for p in "${services[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$data"' EXIT
start() { # $1 = side, $2 = jar, $3 = port
  java -Dquarkus.profile=demo -Dquarkus.http.port="$3" -Dquarkus.management.port=$(($3 + 1)) \
    -Dguanxi.embedded-db.data-dir="$data/$1" -jar "$2" > "$OUT/service-$1.log" 2>&1 &
  services+=($!)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(($3 + 1))/q/health/ready")" = 200 ]; do
    kill -0 "${services[-1]}" 2>/dev/null || { tail -20 "$OUT/service-$1.log"; exit 1; }; sleep 1
  done
}
sides=(after); start after "$APP" "$PORT"
if [ -n "${BEFORE:-}" ]; then sides=(before after); start before "$BEFORE" $((PORT + 10)); fi
base() { [ "$1" = before ] && echo "http://127.0.0.1:$((PORT + 10))" || echo "$BASE"; }
echo "service(s) on $BASE${BEFORE:+ (after) and $(base before) (before)}"
# A fresh web session per run: the refresh token rotates, and the page spends it once on load.
refresh_cookie() { # $1 = base URL
  curl -s -D - -o /dev/null -X POST "$1/api/v1/auth/session" -H 'Content-Type: application/json' \
    -H 'X-Requested-With: XMLHttpRequest' -d '{"username":"rep.zhang","password":"demo1234"}' \
    | sed -n 's/^[Ss]et-[Cc]ookie: \(guanxi_refresh=[^;]*\).*/\1/p'
}
lighthouse() { # $1 = URL, $2 = report file, $3 = extra headers (JSON) or empty
  CHROME_PATH=/usr/bin/chromium npx -y lighthouse@12.2.3 "$1" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu" --only-categories=performance \
    ${3:+--extra-headers="$3"} --output=json --output-path="$2" > /dev/null 2>&1
}
for page in $PAGES; do
  for run in $(seq 1 "$RUNS"); do
    for side in "${sides[@]}"; do
      headers=""
      [ "$page" = today ] && headers="{\"Cookie\":\"$(refresh_cookie "$(base "$side")")\"}"
      lighthouse "$(base "$side")/$page" "$OUT/$side-$page-$run.json" "$headers"
    done
  done
  for side in "${sides[@]}"; do
    for run in $(seq 1 "$RUNS"); do
      # A run where the page never painted (NO_FCP: the host was starved) has no score: left out.
      jq -r 'select(.categories.performance.score != null) | [(.categories.performance.score * 100 | round),
              (.audits["largest-contentful-paint"].numericValue / 1000 * 10 | round / 10),
              (.audits["total-blocking-time"].numericValue | round),
              (.audits["first-contentful-paint"].numericValue / 1000 * 10 | round / 10),
              (.environment.benchmarkIndex | round), .finalDisplayedUrl] | @tsv' "$OUT/$side-$page-$run.json"
    done | sort -n | awk -v page="$page" -v side="$side" '
      { row[NR] = $0; scores = scores (NR > 1 ? " " : "") $1; hosts = hosts (NR > 1 ? " " : "") $5 }
      END { split(row[int((NR + 1) / 2)], m, "\t");
            printf "%-6s %-6s performance %s  LCP %s s  TBT %s ms  FCP %s s  (%s, host benchmarkIndex %s; runs: %s; hosts: %s)\n", page, side, m[1], m[2], m[3], m[4], m[6], m[5], scores, hosts }'
  done
done
echo "reports in $OUT; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
