#!/usr/bin/env bash
# Benchmark (issues 3 and 12): requests per second through PoolPlay's pool (`poolplay run`) and through CPython's
# httpx 0.28.1 and httpx2 2.16.2 AsyncClient, running the SAME scripts, against two servers: nginx serving the
# mock's models body as a static file, and `poolplay serve` with no added latency. Two shapes:
#   workers: BENCH_W (50) workers share Limits(10, 10), each awaiting its requests in turn (issue 12's target:
#            poolplay >= 10x CPython httpx2 against nginx, in the same run);
#   gather:  batches of BENCH_C concurrent requests through asyncio.gather.
# wrk on the same 10 connections gives the ceiling. Also PoolPlay's start-up time and each run's peak memory.
# Prints a table and the exact commands it ran. Not a test; not run by CI.
# Options (environment): REQUESTS (20000), CONNECTIONS (10), WORKERS (50), RUN_TIMEOUT (600 s),
# POOLPLAY_BIN (default .build-bench/release/poolplay), PYTHON (default .venv/openai3/bin/python: httpx 0.28.1
# and httpx2 2.16.2).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REQUESTS="${REQUESTS:-20000}"
CONNECTIONS="${CONNECTIONS:-10}"
WORKERS="${WORKERS:-50}"
RUN_TIMEOUT="${RUN_TIMEOUT:-600}"
PYTHON="${PYTHON:-$BENCH_ROOT/.venv/openai3/bin/python}"
POOLPLAY="$(bench_poolplay)"
[[ -x "$PYTHON" ]] || { echo "error: no $PYTHON (run: bash scripts/setup-python.sh)" >&2; exit 2; }
bench_need wrk wrk
bench_need nginx nginx-light

MOCK_PORT="$(bench_free_port)"
bench_spawn "$BENCH_TMP/mock.log" "$POOLPLAY" serve --host 127.0.0.1 --port "$MOCK_PORT" --quiet latency=0ms
MOCK_URL="http://127.0.0.1:$MOCK_PORT/v1/models"
bench_wait_http "$MOCK_URL"
bench_nginx_serving "$MOCK_URL"
export BENCH_N="$REQUESTS" BENCH_C="$CONNECTIONS" BENCH_W="$WORKERS"
echo "env: BENCH_N=$BENCH_N BENCH_C=$BENCH_C BENCH_W=$BENCH_W" >&2

# The scripts, once per library: httpx2 runs the same text with its one `import httpx` swapped.
for shape in workers gather; do
    src="$BENCH_DIR/pool_throughput.py"
    [[ "$shape" == workers ]] && src="$BENCH_DIR/pool_throughput_workers.py"
    cp "$src" "$BENCH_TMP/$shape-httpx.py"
    sed 's/^import asyncio, httpx, os, time$/import asyncio, httpx2 as httpx, os, time/' "$src" >"$BENCH_TMP/$shape-httpx2.py"
    grep -q 'httpx2 as httpx' "$BENCH_TMP/$shape-httpx2.py" || { echo "error: no import line to swap in $src" >&2; exit 1; }
done

# Runs one engine under /usr/bin/time -v; prints "rps elapsed_s max_rss_MB done failed status".
run_engine() {
    local out="$BENCH_TMP/run.out" err="$BENCH_TMP/run.err" status=0
    bench_show "BENCH_URL=$BENCH_URL timeout $RUN_TIMEOUT /usr/bin/time -v $*"
    timeout "$RUN_TIMEOUT" /usr/bin/time -v "$@" >"$out" 2>"$err" || status=$?
    if [[ "$status" != 0 ]]; then
        echo "--- exited with status $status; stdout tail:" >&2; tail -5 "$out" >&2
        sed '/Command being timed/,$d' "$err" | tail -20 >&2
    fi
    printf '%s %s %s %s %s %s\n' \
        "$(awk '$1=="rps" {printf "%.0f", $2}' "$out")" "$(awk '$1=="elapsed" {printf "%.2f", $2}' "$out")" \
        "$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$err")" \
        "$(awk '$1=="requests" {print $2}' "$out")" "$(awk '$1=="failed" {print $2}' "$out")" "$status"
}

# wrk's requests per second on CONNECTIONS connections (one thread, 5 s).
wrk_rps() {
    bench_show "wrk -t1 -c$CONNECTIONS -d5s $1"
    wrk -t1 -c"$CONNECTIONS" -d5s "$1" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}

declare -A RPS
ROWS=()
for server in nginx mock; do
    url="$NGINX_URL"; [[ "$server" == mock ]] && url="$MOCK_URL"
    export BENCH_URL="$url"
    for shape in workers gather; do
        for engine in poolplay httpx2 httpx; do
            case "$engine" in
                poolplay) cmd=("$POOLPLAY" run "$BENCH_TMP/$shape-httpx2.py") ;;
                httpx2) cmd=("$PYTHON" "$BENCH_DIR/run_async.py" "$BENCH_TMP/$shape-httpx2.py") ;;
                httpx) cmd=("$PYTHON" "$BENCH_DIR/run_async.py" "$BENCH_TMP/$shape-httpx.py") ;;
            esac
            read -r rps elapsed rss done failed status < <(run_engine "${cmd[@]}")
            RPS["$server/$shape/$engine"]="$rps"
            ROWS+=("$(printf '%-6s %-8s %-22s | %8s %9s %10s %9s %7s %5s' "$server" "$shape" "$engine" \
                "${rps:--}" "${elapsed:--}" "${rss:--}" "${done:--}" "${failed:--}" "$status")")
        done
    done
    RPS["$server/wrk"]="$(wrk_rps "$url")"
done

# Start-up: an empty script, 20 runs.
EMPTY="$BENCH_DIR/empty.py"
bench_show "for i in 1..20: $POOLPLAY run $EMPTY (timed with date +%s.%N)"
t0="$(date +%s.%N)"; for _ in $(seq 1 20); do "$POOLPLAY" run "$EMPTY" >/dev/null; done; t1="$(date +%s.%N)"
startup="$(python3 -c "print(f'{($t1 - $t0) / 20 * 1000:.1f}')")"

ratio() { python3 -c "import sys; a, b = sys.argv[1:]; print(f'{float(a) / float(b):.2f}' if a and b else '-')" "${1:-}" "${2:-}"; }
echo
echo "GET /v1/models x $REQUESTS on $CONNECTIONS connections; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "poolplay runs the httpx2 text (the pool rules follow the import); CPython: $("$PYTHON" -c 'import httpx, httpx2; print("httpx", httpx.__version__, "/ httpx2", httpx2.__version__)')"
printf '%-6s %-8s %-22s | %8s %9s %10s %9s %7s %5s\n' server shape engine rps "elapsed s" "max RSS MB" requests failed exit
for row in "${ROWS[@]}"; do echo "$row"; done
for server in nginx mock; do
    echo "$server: wrk -t1 -c$CONNECTIONS: ${RPS[$server/wrk]} rps" \
        "| workers: poolplay/httpx2 $(ratio "${RPS[$server/workers/poolplay]}" "${RPS[$server/workers/httpx2]}")x," \
        "poolplay/httpx $(ratio "${RPS[$server/workers/poolplay]}" "${RPS[$server/workers/httpx]}")x," \
        "poolplay/wrk $(ratio "${RPS[$server/workers/poolplay]}" "${RPS[$server/wrk]}")" \
        "| gather: poolplay/httpx2 $(ratio "${RPS[$server/gather/poolplay]}" "${RPS[$server/gather/httpx2]}")x"
done
echo "poolplay start-up (empty script, mean of 20): $startup ms"
