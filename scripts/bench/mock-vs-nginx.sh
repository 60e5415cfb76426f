#!/usr/bin/env bash
# Benchmark (issue 14, pinned method): requests per second of PoolPlay's built-in mock
# (`poolplay serve latency=0ms --quiet`, GET /v1/models, ledger on, per-request log off) next to nginx
# (`worker_processes auto`) serving the mock's exact body as a static file, under `wrk -t1 -d5s` at -c10 then
# -c100 in the same run. The figure is the worse of the two mock/nginx ratios (target: 0.7); the tail target is
# the mock's p99 at most 2x nginx's (column "p99 x": mock p99 / nginx p99).
# Prints a table (with p99) and the exact commands it ran. Not a test; not run by CI.
# Build first: swift build -c release --product poolplay --scratch-path .build-bench
# Options (environment), for experiments only (the pinned figure uses the defaults): DURATION (5s), THREADS (1),
# CONNECTIONS ("10 100"), POOLPLAY_BIN (.build-bench/release/poolplay), RUNS (1: repeat the pinned pair of runs
# against the same two servers and also print each run's figures and their medians; loopback timing on a
# 2-core VM varies by 10-20% from run to run, the p99s more).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-5s}"
THREADS="${THREADS:-1}"
RUNS="${RUNS:-1}"
CONNECTIONS="${CONNECTIONS:-10 100}"

POOLPLAY="$(bench_poolplay)"
bench_need wrk wrk
bench_need nginx nginx-light

# 1. The mock, no added latency.
MOCK_PORT="$(bench_free_port)"
bench_spawn "$BENCH_TMP/mock.log" "$POOLPLAY" serve --host 127.0.0.1 --port "$MOCK_PORT" --quiet latency=0ms
MOCK_URL="http://127.0.0.1:$MOCK_PORT/v1/models"
MOCK_PID="${BENCH_PIDS[-1]}"
bench_wait_http "$MOCK_URL"

# 2. nginx serving the mock's exact body (common.sh).
bench_nginx_serving "$MOCK_URL"

# Runs wrk and prints "rps p50_ms p99_ms errors" for one server.
run_wrk() {
    local conns="$1" url="$2" out="$BENCH_TMP/wrk.out"
    bench_show "wrk -t$THREADS -c$conns -d$DURATION --latency $url"
    wrk -t"$THREADS" -c"$conns" -d"$DURATION" --latency "$url" >"$out"
    python3 - "$out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", v)
    n, u = float(m.group(1)), m.group(2)
    return n * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[u]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
errs = re.search(r"Socket errors:.*|Non-2xx.*", text)
print(f"{rps:.0f} {p50:.3f} {p99:.3f} {'yes' if errs else 'none'}")
PY
}

echo "body: $BODY_BYTES bytes of application/json (GET /v1/models), wrk -t$THREADS -d$DURATION, 127.0.0.1" >&2
RESULTS=()
ALL_RUNS=()
for run in $(seq "$RUNS"); do
    RESULTS=()
    for c in $CONNECTIONS; do
        read -r m_rps m_p50 m_p99 m_err < <(run_wrk "$c" "$MOCK_URL")
        read -r n_rps n_p50 n_p99 n_err < <(run_wrk "$c" "$NGINX_URL")
        RESULTS+=("$c $m_rps $m_p50 $m_p99 $m_err $n_rps $n_p50 $n_p99 $n_err")
    done
    ALL_RUNS+=("${RESULTS[*]}")
    if [ "$RUNS" -gt 1 ]; then
        echo "run $run: ${RESULTS[*]}" >&2
    fi
done

echo
echo "GET /v1/models ($BODY_BYTES-byte JSON body), wrk -t$THREADS -d$DURATION, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s | %-10s %-9s %-9s %-6s | %-10s %-9s %-9s %-6s | %-10s %s\n' \
    conns "mock rps" "p50 ms" "p99 ms" errors "nginx rps" "p50 ms" "p99 ms" errors "mock/nginx" "p99 x"
for row in "${RESULTS[@]}"; do
    read -r c m_rps m_p50 m_p99 m_err n_rps n_p50 n_p99 n_err <<<"$row"
    ratio="$(python3 -c "print(f'{$m_rps / $n_rps:.2f}')")"
    tail_ratio="$(python3 -c "print(f'{$m_p99 / $n_p99:.2f}')")"
    printf '%-6s | %-10s %-9s %-9s %-6s | %-10s %-9s %-9s %-6s | %-10s %s\n' \
        "$c" "$m_rps" "$m_p50" "$m_p99" "$m_err" "$n_rps" "$n_p50" "$n_p99" "$n_err" "$ratio" "$tail_ratio"
done
echo "figure (the worse mock/nginx ratio): $(python3 -c "
rows = '''${RESULTS[*]}'''.split()
pairs = [(float(rows[i + 1]), float(rows[i + 5])) for i in range(0, len(rows), 9)]
tails = [(float(rows[i + 3]), float(rows[i + 7])) for i in range(0, len(rows), 9)]
print(f'{min(m / n for m, n in pairs):.2f}x nginx (target 0.70x); '
      f'mock p99 at worst {max(m / n for m, n in tails):.2f}x nginx p99 (target at most 2x)')")"
if [ "$RUNS" -gt 1 ]; then
    python3 - "${ALL_RUNS[@]}" <<'PY'
import statistics, sys
worst_ratio, worst_tail = [], []
for run in sys.argv[1:]:
    rows = run.split()
    pairs = [(float(rows[i + 1]), float(rows[i + 5])) for i in range(0, len(rows), 9)]
    tails = [(float(rows[i + 3]), float(rows[i + 7])) for i in range(0, len(rows), 9)]
    worst_ratio.append(min(m / n for m, n in pairs))
    worst_tail.append(max(m / n for m, n in tails))
print("per run, the worse mock/nginx ratio: " + ", ".join(f"{r:.2f}" for r in worst_ratio)
      + f" (median {statistics.median(worst_ratio):.2f}; target 0.70)")
print("per run, the worse p99 multiple:     " + ", ".join(f"{t:.2f}" for t in worst_tail)
      + f" (median {statistics.median(worst_tail):.2f}; target at most 2)")
PY
fi
MOCK_HWM="$(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$MOCK_PID/status" 2>/dev/null || echo n/a)"
MOCK_LEDGER="$(curl -sS --max-time 30 "http://127.0.0.1:$MOCK_PORT/_poolplay/ledger" | wc -c)"
echo "mock peak RSS after all runs: $MOCK_HWM; its ledger (GET /_poolplay/ledger) is now $MOCK_LEDGER bytes"
