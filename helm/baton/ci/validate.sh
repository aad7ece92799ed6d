#!/usr/bin/env bash
# Validates the Baton chart offline:
#   1. `helm lint --strict` and `helm template` with every example values file in ci/*-values.yaml;
#   2. values that must be refused (schema or template checks) are refused;
#   3. optionally, the rendered manifests against the Kubernetes schemas with kubeconform.
#
# Usage: helm/baton/ci/validate.sh
#   HELM          helm binary (default: `helm` on PATH)
#   KUBE_VERSION  Kubernetes version to render for (default: 1.30.0)
#   KUBECONFORM   kubeconform binary; when set, step 3 runs
#   KUBECONFORM_SCHEMA_LOCATION  its -schema-location (default: kubeconform's own, which downloads)
#   OUT_DIR       where rendered manifests go (default: a temporary directory)
set -euo pipefail

HELM="${HELM:-helm}"
KUBE_VERSION="${KUBE_VERSION:-1.30.0}"
chart="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT_DIR:-$(mktemp -d)}"
mkdir -p "$out"

if ! command -v "$HELM" >/dev/null 2>&1; then
  echo "validate: no helm binary ('$HELM'); set HELM=/path/to/helm" >&2
  exit 2
fi
echo "validate: $("$HELM" version --short 2>/dev/null || echo helm), Kubernetes $KUBE_VERSION, output in $out"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "  ok   $1"; }
fail() { failed=$((failed + 1)); echo "  FAIL $1" >&2; }

# --- 1. Example values must lint and render ------------------------------------------------------
shopt -s nullglob
values_files=("$chart"/ci/*-values.yaml)
if [ "${#values_files[@]}" -eq 0 ]; then
  echo "validate: no ci/*-values.yaml files" >&2
  exit 2
fi
for values in "${values_files[@]}"; do
  name="$(basename "$values" .yaml)"
  if log="$("$HELM" lint "$chart" --strict --kube-version "$KUBE_VERSION" -f "$values" 2>&1)"; then
    pass "lint $name"
  else
    fail "lint $name"; echo "$log" >&2
  fi
  if "$HELM" template baton "$chart" --namespace baton --kube-version "$KUBE_VERSION" \
      -f "$values" >"$out/$name.yaml" 2>"$out/$name.err"; then
    pass "template $name ($(grep -c '^kind:' "$out/$name.yaml") objects)"
  else
    fail "template $name"; cat "$out/$name.err" >&2
  fi
done

# --- 2. Bad values must be refused, with the message a user would need ---------------------------
base=(--set database.url=postgres://u:p@db:5432/baton --set temporal.address=temporal:7233)
expect_refusal() {
  local what="$1" needle="$2"; shift 2
  local log
  if log="$("$HELM" template baton "$chart" --kube-version "$KUBE_VERSION" "$@" 2>&1)"; then
    fail "refuses $what (it rendered)"
  elif grep -qF -- "$needle" <<<"$log"; then
    pass "refuses $what"
  else
    fail "refuses $what (message lacks '$needle')"; echo "$log" >&2
  fi
}
expect_refusal "a missing database" "database.existingSecret" --set temporal.address=temporal:7233
expect_refusal "a missing Temporal address" "temporal.address" --set database.url=postgres://u:p@db/baton
expect_refusal "a database URL and a Secret at once" "not both" "${base[@]}" --set database.existingSecret=db
expect_refusal "a non-PostgreSQL URL" "/database/url" --set database.url=mysql://db/baton --set temporal.address=t:7233
expect_refusal "a Temporal address without a port" "/temporal/address" --set database.url=postgres://u:p@db/b --set temporal.address=temporal
expect_refusal "a misspelt key" "databse" "${base[@]}" --set databse.url=x
expect_refusal "a short admin password" "/admin/password" "${base[@]}" --set admin.email=a@example.com --set admin.password=short
expect_refusal "an admin password without an email" "admin.email" "${base[@]}" --set admin.password=long-enough-password
expect_refusal "an unknown log level" "/worker/logLevel" "${base[@]}" --set worker.logLevel=verbose
expect_refusal "a replica count that is not a number" "/api/replicaCount" "${base[@]}" --set-string api.replicaCount=two
expect_refusal "minReplicas above maxReplicas" "minReplicas" "${base[@]}" \
  --set worker.autoscaling.enabled=true --set worker.autoscaling.minReplicas=5 --set worker.autoscaling.maxReplicas=2
expect_refusal "both PDB limits" "minAvailable OR maxUnavailable" "${base[@]}" --set api.pdb.minAvailable=1
expect_refusal "a short metrics token" "/metrics/token" "${base[@]}" --set metrics.enabled=true --set metrics.token=short
expect_refusal "a metrics token with metrics off" "metrics.enabled" "${base[@]}" --set metrics.token=long-enough-metrics-token
expect_refusal "a metrics token and a Secret at once" "not both" "${base[@]}" --set metrics.enabled=true \
  --set metrics.token=long-enough-metrics-token --set metrics.existingSecret=m

# --- 3. Rendered manifests against the Kubernetes API schemas (optional) -------------------------
if [ -n "${KUBECONFORM:-}" ]; then
  schema_args=()
  if [ -n "${KUBECONFORM_SCHEMA_LOCATION:-}" ]; then
    schema_args=(-schema-location "$KUBECONFORM_SCHEMA_LOCATION")
  fi
  for rendered in "$out"/*-values.yaml; do
    name="$(basename "$rendered" .yaml)"
    # ServiceMonitor is prometheus-operator's CRD: not among the Kubernetes schemas.
    if log="$("$KUBECONFORM" -strict -summary -skip ServiceMonitor -kubernetes-version "$KUBE_VERSION" "${schema_args[@]}" "$rendered" 2>&1)"; then
      pass "kubeconform $name: ${log##*$'\n'}"
    else
      fail "kubeconform $name"; echo "$log" >&2
    fi
  done
fi

echo "chart: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
