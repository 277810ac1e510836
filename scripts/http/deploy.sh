# shellcheck shell=bash
# What the HTTP benchmarks share (scripts/http/bench, scripts/http/scaling): the release `taskforge`
# built, a throwaway PostgreSQL started, processes started in the background stopped on exit.
# Source it after scripts/lib/common.sh and scripts/lib/postgres.sh. It sets `taskforge` (the
# binary), `work` (a temporary directory), `pids` (append the background processes) and defines
# stop_all, psql_admin, database_for STORE NAME and wait_ready PORT.

require_swift
apt_install curl
log "building taskforge (release)"
swift build -c release --product taskforge
taskforge=.build/release/taskforge
work=$(mktemp -d)
pids=()
stop_all() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap 'stop_all; postgres_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
postgres_start
psql_admin() { _postgres_as_owner "$(_postgres_bindir)/psql" -q -X -v ON_ERROR_STOP=1 "$TASKFORGE_TEST_POSTGRES_URL" "$@"; }

# database_for STORE NAME: the arguments that put a process on a fresh database.
database_for() {
    if [ "$1" = postgres ]; then
        psql_admin -c "CREATE DATABASE $2" >/dev/null
        echo "--database-url ${TASKFORGE_TEST_POSTGRES_URL%/*}/$2"
    else
        mkdir -p "$work/$2"
        echo "--data-dir $work/$2"
    fi
}

# wait_ready PORT: until the server answers (it migrates the database first).
wait_ready() {
    for _ in $(seq 1 600); do
        curl -fsS "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    log "the server on port $1 did not start"; exit 1
}
