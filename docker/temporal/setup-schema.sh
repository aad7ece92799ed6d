#!/bin/sh
# One-shot (temporalio/admin-tools): creates Temporal's two databases on PostgreSQL and brings
# their schemas up to date. Safe to run on every `docker compose up`: existing databases are
# kept, applied schema versions are skipped, and a newer server image's changes are applied.
set -eu

: "${POSTGRES_SEEDS:=postgres}"
: "${DB_PORT:=5432}"
: "${POSTGRES_USER:=temporal}"
: "${POSTGRES_PWD:?POSTGRES_PWD is not set}"
export SQL_PASSWORD="$POSTGRES_PWD"

echo "Waiting for PostgreSQL at ${POSTGRES_SEEDS}:${DB_PORT}..."
tries=0
until nc -z -w 5 "$POSTGRES_SEEDS" "$DB_PORT"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then echo "PostgreSQL did not answer"; exit 1; fi
  sleep 2
done

sql() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"; }
schema=/etc/temporal/schema/postgresql/v12

sql --db temporal create
sql --db temporal setup-schema -v 0.0
sql --db temporal update-schema -d "$schema/temporal/versioned"

sql --db temporal_visibility create
sql --db temporal_visibility setup-schema -v 0.0
sql --db temporal_visibility update-schema -d "$schema/visibility/versioned"

echo "Temporal schema is up to date"
