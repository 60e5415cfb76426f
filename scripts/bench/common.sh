# Shared helpers for the benchmark commands in scripts/bench/ (sourced, not run).
# Every process started through `bench_spawn` is recorded and killed by `bench_cleanup` (trap EXIT).

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="$BENCH_ROOT/scripts/bench"
BENCH_PIDS=()
BENCH_TMP="$(mktemp -d /tmp/poolplay-bench.XXXXXX)"

bench_cleanup() {
    local pid
    for pid in "${BENCH_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${BENCH_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$BENCH_TMP"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# Prints and runs a command line (the exact commands go into the report).
bench_show() { printf '$ %s\n' "$*" >&2; }

# Starts a background process, remembering its pid. Usage: bench_spawn LOGFILE cmd args...
bench_spawn() {
    local log="$1"; shift
    bench_show "$* &"
    "$@" >"$log" 2>&1 &
    BENCH_PIDS+=("$!")
}

# A free TCP port on 127.0.0.1.
bench_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits (bounded: 10 s) until URL answers 200.
bench_wait_http() {
    local url="$1" i
    for i in $(seq 1 100); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "error: $url did not answer within 10 s" >&2
    return 1
}

# The poolplay binary: $POOLPLAY_BIN, else the release build in .build-bench, else fail.
bench_poolplay() {
    local bin="${POOLPLAY_BIN:-$BENCH_ROOT/.build-bench/release/poolplay}"
    if [[ ! -x "$bin" ]]; then
        echo "error: no poolplay binary at $bin" >&2
        echo "build it: swift build -c release --product poolplay --scratch-path .build-bench" >&2
        exit 2
    fi
    printf '%s\n' "$bin"
}

# Installs Debian packages when a command is missing. Usage: bench_need COMMAND PACKAGE...
bench_need() {
    local cmd="$1"; shift
    command -v "$cmd" >/dev/null 2>&1 && return 0
    local sudo=""; [[ "$(id -u)" != 0 ]] && sudo="sudo"
    bench_show "$sudo apt-get install -y $*"
    $sudo apt-get install -y "$@" >/dev/null || { echo "error: could not install $*" >&2; exit 2; }
}
