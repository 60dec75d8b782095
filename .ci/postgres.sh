# Sourced by .ci/run: starts Debian's PostgreSQL on loopback with a fresh database for the short-link
# tests and exports LRP_TEST_POSTGRES_URL/_USER/_PASSWORD. Without root (or apt) and without a
# running server, or when any step fails, it says so and the PostgreSQL tests are skipped: an
# optional database must never turn the whole CI run red.

lrp_postgres() {
    local db=lrp_ci user=lrp_ci password=lrp_ci
    if ! command -v pg_lsclusters >/dev/null || [[ -z "$(pg_lsclusters -h 2>/dev/null)" ]]; then
        if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
            echo "PostgreSQL is not installed and this is no root shell with apt-get: the PostgreSQL tests are skipped."
            return 0
        fi
        echo "Installing Debian's postgresql for the short-link tests"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update </dev/null || return 1
        apt-get install -y postgresql </dev/null || return 1
    fi
    # The newest cluster: "<version> <name> <port> <status> …"
    local version name port status
    read -r version name port status _ < <(pg_lsclusters -h | sort -V | tail -1)
    if [[ "$status" != online* ]]; then
        if [[ "$(id -u)" != 0 ]]; then
            echo "PostgreSQL $version/$name is $status and this is no root shell: the PostgreSQL tests are skipped."
            return 0
        fi
        pg_ctlcluster "$version" "$name" start || return 1
    fi
    # A fresh database each run (from /, which the postgres user can enter), so that the Flyway migration is tested from an empty schema.
    (cd / && PGOPTIONS=--client-min-messages=warning runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 <<SQL
DROP DATABASE IF EXISTS $db;
DROP ROLE IF EXISTS $user;
CREATE ROLE $user LOGIN PASSWORD '$password';
CREATE DATABASE $db OWNER $user;
SQL
    ) || return 1
    export LRP_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/$db"
    export LRP_TEST_POSTGRES_USER="$user"
    export LRP_TEST_POSTGRES_PASSWORD="$password"
    echo "PostgreSQL $version on 127.0.0.1:$port, database $db, for the short-link tests"
}
lrp_postgres || echo "Setting up PostgreSQL failed: the PostgreSQL tests are skipped."
