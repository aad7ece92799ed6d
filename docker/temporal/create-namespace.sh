#!/bin/sh
# One-shot (temporalio/admin-tools): waits for the Temporal frontend and registers Baton's
# namespace if it does not exist yet. The temporalio/server image does not create any namespace.
set -eu

: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${TEMPORAL_NAMESPACE:=default}"
: "${TEMPORAL_NAMESPACE_RETENTION:=720h}"

tries=0
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then echo "Temporal at $TEMPORAL_ADDRESS is not healthy"; exit 1; fi
  echo "Waiting for Temporal at $TEMPORAL_ADDRESS..."
  sleep 2
done

if temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
  echo "Namespace '$TEMPORAL_NAMESPACE' exists"
else
  temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" \
    --retention "$TEMPORAL_NAMESPACE_RETENTION" --address "$TEMPORAL_ADDRESS"
  echo "Namespace '$TEMPORAL_NAMESPACE' created (closed workflows kept $TEMPORAL_NAMESPACE_RETENTION)"
fi
