#!/usr/bin/env bash
# Soak (issue 14): `poolplay serve` for DURATION (default 10m) at about 1,000 req/s across 50 connections, printing
# the mock's RSS every minute. 50 connections with latency=50ms carry 1,000 req/s (Little's law: 50 / 0.05 s).
# Once the ledger's rings are full (10,000 requests: about 10 s in), RSS should stay within 5 MB of its value then.
# Not a test; not run by CI. Build first: swift build -c release --product poolplay --scratch-path .build-bench
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION="${DURATION:-10m}"
POOLPLAY="$(bench_poolplay)"
bench_need wrk wrk

PORT="$(bench_free_port)"
bench_spawn "$BENCH_TMP/mock.log" "$POOLPLAY" serve --host 127.0.0.1 --port "$PORT" --quiet latency=50ms
PID="${BENCH_PIDS[-1]}"
URL="http://127.0.0.1:$PORT/v1/models"
bench_wait_http "$URL"

rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$PID/status"; }
bench_show "wrk -t1 -c50 -d$DURATION $URL &"
wrk -t1 -c50 -d"$DURATION" "$URL" >"$BENCH_TMP/wrk.out" 2>&1 &
WRK=$!
BENCH_PIDS+=("$WRK")
START=$(date +%s)
sleep 15
FULL="$(rss)"
echo "after 15 s (ledger rings full): RSS $FULL MB"
MINUTE=1
while kill -0 "$WRK" 2>/dev/null; do
    sleep 60 &
    wait $! || true
    kill -0 "$WRK" 2>/dev/null || break
    NOW="$(rss)"
    echo "minute $MINUTE ($(( $(date +%s) - START )) s): RSS $NOW MB (growth since full: $(python3 -c "print(f'{$NOW - $FULL:+.1f}')") MB)"
    MINUTE=$((MINUTE + 1))
done
wait "$WRK" || true
grep -E "Requests/sec|requests in" "$BENCH_TMP/wrk.out"
FINAL="$(rss)"
echo "final RSS $FINAL MB; growth since the rings were full: $(python3 -c "print(f'{$FINAL - $FULL:+.1f}')") MB (target < 5 MB)"
