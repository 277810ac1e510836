# shellcheck shell=bash
# A throwaway PostgreSQL server for tests: source this file, then
#
#   postgres_start            # installs PostgreSQL from Debian if missing, starts a server
#   trap postgres_stop EXIT   # on 127.0.0.1, a free port, data in a temp dir
#   ... tests use $TASKFORGE_TEST_POSTGRES_URL ...
#   postgres_stop             # stops the server and removes its directory
#
# Extra arguments to postgres_start are passed to the server (`-c name=value ...`).
# postgres cannot run as root: as root the server runs as the `postgres` system user (created
# when missing); as any other user it runs as that user. Both functions are safe to call twice.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Runs a PostgreSQL binary as the user that owns the server.
_postgres_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The bin directory (initdb, pg_ctl) of an installed PostgreSQL (the last by version directory name), or nothing.
_postgres_bindir() {
    local candidate found=""
    for candidate in /usr/lib/postgresql/*/bin/initdb; do
        [ -x "$candidate" ] && found=$(dirname "$candidate")
    done
    [ -z "$found" ] || echo "$found"
}

_postgres_install() {
    if [ -n "$(_postgres_bindir)" ]; then return 0; fi
    apt_install postgresql || return 1
    [ -n "$(_postgres_bindir)" ] || { log "initdb not found after installing postgresql"; return 1; }
}

postgres_start() {
    if [ -n "${TASKFORGE_PG_ROOT:-}" ] && [ -d "$TASKFORGE_PG_ROOT/data" ]; then
        log "PostgreSQL is already running on $TASKFORGE_TEST_POSTGRES_URL"
        return 0
    fi
    _postgres_install || return 1
    command -v python3 >/dev/null || apt_install python3 || return 1
    local bin root port attempt
    bin=$(_postgres_bindir)
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd -r -m postgres || return 1
    fi
    root=$(mktemp -d "${TMPDIR:-/tmp}/taskforge-pg.XXXXXX") || return 1
    chmod 755 "$root"
    mkdir -p "$root/sock"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$root"; fi
    if ! _postgres_as_owner "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --no-sync \
        >"$root/initdb.log" 2>&1; then
        log "initdb failed:"
        cat "$root/initdb.log" >&2
        rm -rf "$root"
        return 1
    fi
    # A free port can be taken by someone else before the server binds it: try a few.
    for attempt in 1 2 3; do
        port=$(free_port) || break
        if _postgres_as_owner "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 30 \
            -o "-p $port -k $root/sock -c listen_addresses=127.0.0.1 -c max_connections=200 $*" start >/dev/null; then
            export TASKFORGE_PG_ROOT="$root"
            export TASKFORGE_PG_BIN="$bin"
            export TASKFORGE_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
            log "PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on $TASKFORGE_TEST_POSTGRES_URL"
            return 0
        fi
        log "starting PostgreSQL on port $port failed (attempt $attempt)"
    done
    log "could not start PostgreSQL; server log:"
    cat "$root/server.log" >&2 2>/dev/null || true
    rm -rf "$root"
    return 1
}

postgres_stop() {
    local root=${TASKFORGE_PG_ROOT:-}
    [ -n "$root" ] || return 0
    if [ -d "$root/data" ]; then
        _postgres_as_owner "$TASKFORGE_PG_BIN/pg_ctl" -D "$root/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            _postgres_as_owner "$TASKFORGE_PG_BIN/pg_ctl" -D "$root/data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
            true
    fi
    rm -rf "$root"
    unset TASKFORGE_PG_ROOT TASKFORGE_PG_BIN TASKFORGE_TEST_POSTGRES_URL
}
