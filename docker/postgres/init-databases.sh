#!/bin/sh
# Runs once, when the postgres container starts on an EMPTY data volume
# (it is mounted into /docker-entrypoint-initdb.d). It creates two login roles:
#   baton    - owns the `baton` database (the app, the migrations)
#   temporal - may create databases; temporal-schema creates `temporal` and `temporal_visibility`
# Changing the passwords in .env later does NOT change them here: use ALTER ROLE ... PASSWORD.
set -eu

: "${BATON_DB_PASSWORD:?BATON_DB_PASSWORD is not set}"
: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD is not set}"

# psql variables (:'name') quote the passwords safely, whatever characters they contain.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v baton_password="$BATON_DB_PASSWORD" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE baton LOGIN PASSWORD :'baton_password';
CREATE DATABASE baton OWNER baton;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
