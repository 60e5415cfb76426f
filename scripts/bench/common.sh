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

# nginx (`worker_processes auto`) serving the body of MOCK_URL as a static file at the same path, from a
# throwaway config in the temp dir; sets NGINX_URL and BODY_BYTES. Usage: bench_nginx_serving MOCK_URL
bench_nginx_serving() {
    local MOCK_URL="$1"
    chmod 755 "$BENCH_TMP"
    mkdir -p "$BENCH_TMP/www/v1" "$BENCH_TMP/nginx"
    bench_show "curl -s $MOCK_URL > $BENCH_TMP/www/v1/models"
    curl -fsS "$MOCK_URL" >"$BENCH_TMP/www/v1/models"
    chmod -R a+rX "$BENCH_TMP/www"
    BODY_BYTES="$(wc -c <"$BENCH_TMP/www/v1/models")"
    NGINX_PORT="$(bench_free_port)"
    cat >"$BENCH_TMP/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $BENCH_TMP/nginx/nginx.pid;
error_log $BENCH_TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $BENCH_TMP/nginx/body;
    proxy_temp_path $BENCH_TMP/nginx/proxy;
    fastcgi_temp_path $BENCH_TMP/nginx/fastcgi;
    uwsgi_temp_path $BENCH_TMP/nginx/uwsgi;
    scgi_temp_path $BENCH_TMP/nginx/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $BENCH_TMP/www;
        default_type application/json;
        location / { try_files \$uri =404; }
    }
}
CONF
    bench_spawn "$BENCH_TMP/nginx.log" nginx -p "$BENCH_TMP/nginx" -c "$BENCH_TMP/nginx/nginx.conf"
    NGINX_URL="http://127.0.0.1:$NGINX_PORT/v1/models"
    bench_wait_http "$NGINX_URL"
    if ! cmp -s <(curl -fsS "$NGINX_URL") "$BENCH_TMP/www/v1/models"; then
        echo "error: nginx does not serve the mock's body" >&2; exit 1
    fi
}
