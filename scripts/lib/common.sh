# Shared helpers for the scripts: logging and installing what is missing.

log() { printf '==> %s\n' "$*" >&2; }

# apt_install PACKAGE...: installs Debian packages that are not installed yet.
apt_install() {
    local missing=()
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]} from Debian"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# require_swift: fails with a clear message when no Swift toolchain is on PATH.
require_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        [ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 || { log "Swift 6.1 or newer is needed (swift.org/install)"; exit 1; }
}

# free_port: prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# pip_add PIP_ARGUMENT...: `python3 -m pip install --quiet PIP_ARGUMENT...`, again with
# --break-system-packages where the system's Python refuses (Debian's is externally managed).
pip_add() {
    python3 -m pip install --quiet "$@" || python3 -m pip install --quiet --break-system-packages "$@"
}

# pip_install [--no-deps] MODULE:PACKAGE...: installs from PyPI the packages whose module python3
# cannot find (found, not imported: importing pandas or scikit-learn just to see that they are there
# takes seconds). --no-deps installs them without their dependencies.
pip_install() {
    local options=() missing
    if [ "${1:-}" = --no-deps ]; then
        options+=(--no-deps)
        shift
    fi
    missing=$(python3 - "$@" <<'PY'
import importlib.util, sys
print(" ".join(p.split(":", 1)[1] for p in sys.argv[1:] if importlib.util.find_spec(p.split(":", 1)[0]) is None))
PY
    ) || return 1
    [ -n "$missing" ] || return 0
    log "installing $missing from PyPI"
    # shellcheck disable=SC2086  # one word per package
    pip_add "${options[@]}" $missing
}
