#!/usr/bin/env bash
# Validates the manifests against the Kubernetes API schemas (npm kubernetes-models) and, given CloudNativePG's CRDs,
# the Cluster and ScheduledBackup against them with unknown fields refused — no cluster needed.
#   scripts/k8s/schema-check.sh [clusters-crd.yaml [scheduledbackups-crd.yaml]]
# The CRDs: from the CloudNativePG release you install (config/crd/bases/postgresql.cnpg.io_clusters.yaml), or
# `kubectl get crd clusters.postgresql.cnpg.io -o yaml` on a cluster that has the operator.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=${K8S_SCHEMA_TOOLS:-${TMPDIR:-/tmp}/guanxi-k8s-schema}
if [[ ! -d $TOOLS/node_modules/kubernetes-models ]]; then
  mkdir -p "$TOOLS" && (cd "$TOOLS" && npm init -y >/dev/null && npm install --no-audit --no-fund kubernetes-models@5.1.0 js-yaml@4 ajv@8 >/dev/null)
fi
cp scripts/k8s/schema-core.mjs scripts/k8s/schema-crd.mjs "$TOOLS/"
mkdir -p deploy/kubernetes/generated && cp backend/target/kubernetes/kubernetes.yml deploy/kubernetes/generated/
status=0
kubectl kustomize deploy/kubernetes | node "$TOOLS/schema-core.mjs" || status=1
node "$TOOLS/schema-core.mjs" < deploy/kubernetes/secrets.example.yaml || status=1
[[ -n ${1:-} ]] && { node "$TOOLS/schema-crd.mjs" "$1" < deploy/kubernetes/database/cluster.yaml || status=1; }
[[ -n ${2:-} ]] && { node "$TOOLS/schema-crd.mjs" "$2" < deploy/kubernetes/database/backup.example.yaml || status=1; }
exit $status
