#!/usr/bin/env bash
# Benchmark (issue 3): requests per second through PoolPlay's pool (`poolplay run`) and through httpx's
# AsyncClient in CPython, running the SAME script (pool_throughput.py) against the same `poolplay serve`
# mock (no added latency); plus PoolPlay's start-up time and the peak memory of each run.
# Prints a table and the exact commands it ran. Not a test; not run by CI.
# Options (environment): REQUESTS (default 20000), CONNECTIONS (default 10), RUN_TIMEOUT (default 600 s),
# POOLPLAY_BIN (default .build-bench/release/poolplay), PYTHON (default .venv/openai3/bin/python).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REQUESTS="${REQUESTS:-20000}"
CONNECTIONS="${CONNECTIONS:-10}"
RUN_TIMEOUT="${RUN_TIMEOUT:-600}"
PYTHON="${PYTHON:-$BENCH_ROOT/.venv/openai3/bin/python}"
POOLPLAY="$(bench_poolplay)"
SCRIPT="$BENCH_DIR/pool_throughput.py"
[[ -x "$PYTHON" ]] || { echo "error: no $PYTHON (run: bash scripts/setup-python.sh)" >&2; exit 2; }

MOCK_PORT="$(bench_free_port)"
bench_spawn "$BENCH_TMP/mock.log" "$POOLPLAY" serve --host 127.0.0.1 --port "$MOCK_PORT" --latency 0ms
bench_wait_http "http://127.0.0.1:$MOCK_PORT/v1/models"
export BENCH_URL="http://127.0.0.1:$MOCK_PORT/v1/models" BENCH_N="$REQUESTS" BENCH_C="$CONNECTIONS"
echo "env: BENCH_URL=$BENCH_URL BENCH_N=$BENCH_N BENCH_C=$BENCH_C" >&2

# Runs one engine under /usr/bin/time -v; fills NAME_rps, NAME_elapsed, NAME_rss, NAME_wall, NAME_status.
run_engine() {
    local name="$1"; shift
    local out="$BENCH_TMP/$name.out" err="$BENCH_TMP/$name.err" status=0
    bench_show "timeout $RUN_TIMEOUT /usr/bin/time -v $*"
    local t0 t1
    t0="$(date +%s.%N)"
    timeout "$RUN_TIMEOUT" /usr/bin/time -v "$@" >"$out" 2>"$err" || status=$?
    t1="$(date +%s.%N)"
    printf -v "${name}_status" '%s' "$status"
    printf -v "${name}_wall" '%.2f' "$(python3 -c "print($t1 - $t0)")"
    printf -v "${name}_rss" '%s' "$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$err")"
    printf -v "${name}_done" '%s' "$(awk '$1=="requests" {print $2}' "$out")"
    printf -v "${name}_failed" '%s' "$(awk '$1=="failed" {print $2}' "$out")"
    printf -v "${name}_elapsed" '%s' "$(awk '$1=="elapsed" {printf "%.2f", $2}' "$out")"
    printf -v "${name}_rps" '%s' "$(awk '$1=="rps" {printf "%.0f", $2}' "$out")"
    if [[ "$status" != 0 ]]; then
        echo "--- $name exited with status $status; stdout tail:" >&2; tail -5 "$out" >&2
        echo "--- $name stderr (without /usr/bin/time's report):" >&2
        sed '/Command being timed/,$d' "$err" | tail -20 >&2
    fi
}

# What the mock saw so far: "requests connections" from its ledger (proves the runs did real HTTP).
ledger_counts() {
    curl -sS --max-time 30 "http://127.0.0.1:$MOCK_PORT/_poolplay/ledger" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d.get("totalRequests", len(d["requests"])), d.get("acceptedConnections", len(d["connections"])))'
}
read -r l0_req l0_conn < <(ledger_counts)
run_engine poolplay "$POOLPLAY" run "$SCRIPT"
read -r l1_req l1_conn < <(ledger_counts)
run_engine python "$PYTHON" "$BENCH_DIR/run_async.py" "$SCRIPT"
read -r l2_req l2_conn < <(ledger_counts)
# Each ledger read opens one connection (admin requests are not counted as requests).
# Totals, not list lengths: the ledger keeps only the last ledger_limit records.
poolplay_seen="$((l1_req - l0_req)) req / $((l1_conn - l0_conn - 1)) conn"
python_seen="$((l2_req - l1_req)) req / $((l2_conn - l1_conn - 1)) conn"

# Start-up: an empty script, 20 runs (hyperfine when available, else a timed loop).
EMPTY="$BENCH_DIR/empty.py"
if command -v hyperfine >/dev/null 2>&1; then
    bench_show "hyperfine -N --warmup 3 --runs 20 --export-json FILE '$POOLPLAY run $EMPTY' '$PYTHON $BENCH_DIR/run_async.py $EMPTY'"
    hyperfine -N --warmup 3 --runs 20 --export-json "$BENCH_TMP/startup.json" \
        "$POOLPLAY run $EMPTY" "$PYTHON $BENCH_DIR/run_async.py $EMPTY" >/dev/null 2>&1
    read -r pp_start py_start < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
f = lambda x: "%.1f±%.1f" % (x["mean"] * 1000, x["stddev"] * 1000)
print(f(r[0]), f(r[1]))' "$BENCH_TMP/startup.json")
else
    bench_show "for i in 1..20: $POOLPLAY run $EMPTY (timed with date +%s.%N)"
    t0="$(date +%s.%N)"; for _ in $(seq 1 20); do "$POOLPLAY" run "$EMPTY" >/dev/null; done; t1="$(date +%s.%N)"
    pp_start="$(python3 -c "print(f'{($t1 - $t0) / 20 * 1000:.1f}')")"
    py_start="n/a"
fi

echo
echo "GET /v1/models x $REQUESTS, $CONNECTIONS in flight (gather batches), mock: poolplay serve --latency 0ms"
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s | %-9s %-7s %-10s %-8s %-9s %-11s %-6s | %-26s | %s\n' \
    engine requests failed "elapsed s" rps "wall s" "max RSS MB" exit "start-up ms (empty script)" "mock saw"
printf '%-22s | %-9s %-7s %-10s %-8s %-9s %-11s %-6s | %-26s | %s\n' \
    "poolplay run (pool)" "${poolplay_done:--}" "${poolplay_failed:--}" "${poolplay_elapsed:--}" \
    "${poolplay_rps:--}" "$poolplay_wall" "$poolplay_rss" "$poolplay_status" "$pp_start" "$poolplay_seen"
printf '%-22s | %-9s %-7s %-10s %-8s %-9s %-11s %-6s | %-26s | %s\n' \
    "CPython httpx 0.28.1" "${python_done:--}" "${python_failed:--}" "${python_elapsed:--}" \
    "${python_rps:--}" "$python_wall" "$python_rss" "$python_status" "$py_start" "$python_seen"
if [[ -n "${poolplay_rps:-}" && -n "${python_rps:-}" ]]; then
    echo "poolplay / httpx rps ratio: $(python3 -c "print(f'{$poolplay_rps / $python_rps:.2f}')")"
fi
