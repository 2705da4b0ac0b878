#!/usr/bin/env bash
# Runs every test of the project on a fresh machine (JDK 17+; no database, no Docker needed),
# then checks that the committed OpenAPI contract is what the build generates.
set -euo pipefail
cd "$(dirname "$0")"

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
