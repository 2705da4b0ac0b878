#!/usr/bin/env bash
# The web app on a phone (docs/benchmarks.md, "Phone: bundle and Lighthouse"):
#   1. a production build of frontend/ with Vite's manifest: every JS chunk raw and gzip, and the
#      initial JS of the login page (index.html's entry and its static imports, plus the login route's
#      chunk and its static imports: what a browser must fetch before the login form shows);
#   2. Lighthouse 12.2.3, mobile profile (its defaults: Moto G Power, slow 4G, 4× CPU), performance only,
#      against the packaged service (its real cache and compression headers), on /login and, signed in
#      as rep.zhang through the refresh cookie the web app restores its session from, on /today.
# Each page RUNS times (default 3); the median run by performance score is reported.
# Needs Node 20, /usr/bin/chromium, jq, curl and the jar (./mvnw -B -q package -DskipTests, or
# -Dskip.frontend after step 1 to package the SPA just built); SKIP_LIGHTHOUSE=1 for step 1 only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
PORT=${PORT:-18095}; BASE=http://127.0.0.1:$PORT; RUNS=${RUNS:-3}
APP=${APP:-$root/backend/target/quarkus-app/quarkus-run.jar}
OUT=${OUT:-$(mktemp -d /tmp/guanxi-spa-bench.XXXXXX)}; mkdir -p "$OUT"

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
// The login page: the entry's static import closure, plus the login route's chunk (if split off).
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  (chunk.imports ?? []).forEach(visit);
};
Object.entries(manifest).forEach(([key, c]) => {
  if (c.isEntry || key.endsWith('features/auth/LoginPage.tsx') || key.endsWith('app/routes/login.tsx')) visit(key);
});
const login = [...initial].filter((f) => f.endsWith('.js')).map(sizes);
const sum = login.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
console.log(`${`login page initial JS (${login.length} files)`.padEnd(48)} ${kb(sum.raw)} ${kb(sum.gzip)}`);
EOF
[ "${SKIP_LIGHTHOUSE:-}" = 1 ] && exit 0

echo "== Lighthouse 12.2.3 mobile, $RUNS runs per page (median by score), service on $BASE"
data=$(mktemp -d /tmp/guanxi-spa-bench-db.XXXXXX)
java -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" -Dquarkus.management.port=$((PORT + 1)) \
  -Dguanxi.embedded-db.data-dir="$data/pgdata" -jar "$APP" > "$OUT/service.log" 2>&1 &
app=$!; trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + 1))/q/health/ready")" = 200 ]; do
  kill -0 $app 2>/dev/null || { tail -20 "$OUT/service.log"; exit 1; }; sleep 1
done
# A fresh web session per run: the refresh token rotates, and the page spends it once on load.
refresh_cookie() {
  curl -s -D - -o /dev/null -X POST "$BASE/api/v1/auth/session" -H 'Content-Type: application/json' \
    -H 'X-Requested-With: XMLHttpRequest' -d '{"username":"rep.zhang","password":"demo1234"}' \
    | sed -n 's/^[Ss]et-[Cc]ookie: \(guanxi_refresh=[^;]*\).*/\1/p'
}
lighthouse() { # $1 = path, $2 = report file, $3 = extra headers (JSON) or empty
  CHROME_PATH=/usr/bin/chromium npx -y lighthouse@12.2.3 "$BASE$1" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu" --only-categories=performance \
    ${3:+--extra-headers="$3"} --output=json --output-path="$2" > /dev/null 2>&1
}
for page in login today; do
  for run in $(seq 1 "$RUNS"); do
    headers=""
    [ "$page" = today ] && headers="{\"Cookie\":\"$(refresh_cookie)\"}"
    lighthouse "/$page" "$OUT/$page-$run.json" "$headers"
  done
  for run in $(seq 1 "$RUNS"); do
    jq -r '[.categories.performance.score * 100,
            (.audits["largest-contentful-paint"].numericValue / 1000 * 10 | round / 10),
            (.audits["total-blocking-time"].numericValue | round),
            (.audits["first-contentful-paint"].numericValue / 1000 * 10 | round / 10),
            .finalDisplayedUrl] | @tsv' "$OUT/$page-$run.json"
  done | sort -n | awk -v page="$page" -v runs="$RUNS" '
    { row[NR] = $0; scores = scores (NR > 1 ? " " : "") $1 }
    END { split(row[int((runs + 1) / 2)], m, "\t");
          printf "%-6s performance %s  LCP %s s  TBT %s ms  FCP %s s  (%s; runs: %s)\n", page, m[1], m[2], m[3], m[4], m[5], scores }'
done
echo "reports in $OUT"
