#!/bin/bash
# One PostgreSQL server for the compose suite, one database and one owner role per service (as
# in Kubernetes, where each has its own CloudNativePG cluster) plus Keycloak's. Runs once, when
# the data volume is empty.
set -euo pipefail
for db in referral directory caseload outcomes keycloak; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v db="$db" -v pw="$LINKWORK_DB_PASSWORD" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"db";
SQL
done
