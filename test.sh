#!/usr/bin/env bash
# Runs every test of the project on a fresh machine (JDK 17+, Node 20; no database, no Docker needed),
# then checks that the committed OpenAPI contract is what the build generates.
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests drive Debian's Chromium (with CJK fonts, so screenshots show Chinese text).
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  echo "Installing Chromium and CJK fonts for the browser tests (Debian packages)..."
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo "sudo")
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

# Backend tests (JUnit + REST Assured on an embedded PostgreSQL), the SPA's checks (generated API
# types up to date, tsc, ESLint, Vitest with the i18n completeness check), then the packaged service
# with the SPA in it, tested end to end in Chromium.
./mvnw -B verify

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  if ! git diff --quiet -- openapi || [ -n "$(git ls-files --others --exclude-standard -- openapi)" ]; then
    echo "FAIL: openapi/ differs from what the build generates. Review and commit it:" >&2
    git status --short -- openapi >&2
    git diff --stat -- openapi >&2
    exit 1
  fi
  echo "OpenAPI contract: openapi/ matches the build."
else
  echo "Not a git checkout: skipped the OpenAPI drift check." >&2
fi

# Backups that restore (docs/backup.md): backup.sh → restore.sh into an empty database → the packaged
# service started on the copy answers the same books (counts, ledger sums, row digests, API answers).
if psql -X -w -h 127.0.0.1 -U postgres -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
  scripts/test-backup-restore.sh
elif [ -n "${CI:-}" ]; then
  echo "FAIL: no PostgreSQL at 127.0.0.1:5432 (user postgres) for the backup/restore test" >&2
  exit 1
else
  echo "No PostgreSQL at 127.0.0.1:5432: skipped the backup/restore test (docs/backup.md)." >&2
fi
