#!/usr/bin/env bash
# Simulator speed: builds poolplay in release and times one million simulated requests
# (Poisson at 5000/s, exponential 10 ms service, Limits(100, 100)); start-up included. Prints, asserts nothing.
# Extra arguments go to `poolplay simulate` (e.g. `--lib httpx2`). SKIP_BUILD=1 uses the binary as built.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${SKIP_BUILD:-}" ]]; then
  swift build -c release --product poolplay --scratch-path .build-bench >/dev/null
fi
bin=${POOLPLAY_BIN:-.build-bench/release/poolplay}
echo "\$ $bin simulate --rate 5000 --latency exp:10ms --limits 100,100 --requests 1000000 --json $*" >&2
start=$(date +%s.%N)
out=$(/usr/bin/time -f '%U %S' -o /tmp/poolplay-simulate-bench.$$ \
  "$bin" simulate --rate 5000 --latency exp:10ms --limits 100,100 --requests 1000000 --json "$@")
end=$(date +%s.%N)
read -r user sys < /tmp/poolplay-simulate-bench.$$
rm -f /tmp/poolplay-simulate-bench.$$
wall=$(echo "$end - $start" | bc -l)
echo "$out"
printf 'wall time (start-up included): %.3f s (CPU: user %s s, sys %s s)\n' "$wall" "$user" "$sys"
printf 'simulated requests per wall second: %.0f\n' "$(echo "1000000 / $wall" | bc -l)"
