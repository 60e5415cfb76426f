#!/usr/bin/env bash
# Simulator speed: builds poolplay in release and times one million simulated requests
# (Poisson at 5000/s, exponential 10 ms service, Limits(100, 100)); start-up included. Prints, asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product poolplay --scratch-path .build-bench >/dev/null
bin=.build-bench/release/poolplay
start=$(date +%s.%N)
out=$("$bin" simulate --rate 5000 --latency exp:10ms --limits 100,100 --requests 1000000 --json)
end=$(date +%s.%N)
wall=$(echo "$end - $start" | bc -l)
echo "$out"
printf 'wall time (start-up included): %.3f s\n' "$wall"
printf 'simulated requests per wall second: %.0f\n' "$(echo "1000000 / $wall" | bc -l)"
