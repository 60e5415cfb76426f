#!/usr/bin/env bash
# Long fuzz run of PoolScript (lexer, parser, inputStatus, evaluator), outside CI.
#
#   scripts/fuzz/run-fuzz.sh [gen|libfuzzer] [INPUTS] [SEED]
#
# gen (default): the seeded mutation generator of Tests/PoolScriptTests/FuzzMutator.swift, built -O, runs
#   INPUTS (default 1,000,000) inputs with a per-input watchdog (FUZZ_TIMEOUT, default 10 s of wall time); prints inputs/s, totals, crashes, hangs.
#   A crash stops the run with a backtrace; `--trace`/`--start`/`--show`/`--file` (see GeneratorMain.swift)
#   find and replay the input.
# libfuzzer: a libFuzzer target built with -sanitize=fuzzer,address, seeded with the same corpus; runs INPUTS
#   inputs (-runs) with -timeout=2 per input; crashes and hangs land in $WORK/artifacts.
#
# Both compile PoolScript's sources (every folder) together with the fuzz files directly with swiftc (no
# Package.swift target), against a release build of its one dependency, BigInt.
set -euo pipefail
mode="${1:-gen}"
inputs="${2:-1000000}"
seed="${3:-1}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${FUZZ_WORK:-$root/.build-fuzz}"
mkdir -p "$work"
swiftc="${SWIFTC:-swiftc}"
swift build -c release --scratch-path "$work/deps" --target BigInt >&2
deps="$(swift build -c release --scratch-path "$work/deps" --show-bin-path)"
modules=(-I "$deps/Modules" -I "$deps")
bigint=("$deps"/BigInt.build/*.o)
mapfile -t poolscript < <(find "$root/Sources/PoolScript" -name '*.swift' | sort)
sources=("${poolscript[@]}"
    "$root"/Tests/PoolScriptTests/FuzzHarness.swift
    "$root"/Tests/PoolScriptTests/FuzzMutator.swift
    "$root"/Tests/PoolScriptTests/FuzzCorpus.swift)

case "$mode" in
gen)
    echo "building $work/fuzz-gen (-O)…"
    "$swiftc" -O -D FUZZ_STANDALONE -module-name PoolScript -parse-as-library "${modules[@]}" \
        "${sources[@]}" "$root/scripts/fuzz/GeneratorMain.swift" "${bigint[@]}" -o "$work/fuzz-gen"
    echo "running $inputs inputs, seed $seed"
    start=$(date +%s)
    set +e
    "$work/fuzz-gen" --seed "$seed" --count "$inputs"
    rc=$?
    set -e
    echo "wall time: $(( $(date +%s) - start )) s, exit code $rc (0: no crash, no hang; 3: hang; other: crash)"
    exit $rc
    ;;
libfuzzer)
    echo "building $work/fuzz-libfuzzer (-sanitize=fuzzer,address)…"
    "$swiftc" -O -sanitize=fuzzer,address -D FUZZ_STANDALONE -module-name PoolScript -parse-as-library "${modules[@]}" \
        "${sources[@]}" "$root/scripts/fuzz/FuzzEntry.swift" "${bigint[@]}" -o "$work/fuzz-libfuzzer"
    mkdir -p "$work/corpus" "$work/artifacts"
    POOLSCRIPT_FUZZ_SEEDS="$work/corpus" "$work/fuzz-libfuzzer" || true
    # Interpreter objects form reference cycles (closures and their scopes) by design: leaks are not findings.
    set +e
    ASAN_OPTIONS=detect_leaks=0 "$work/fuzz-libfuzzer" "$work/corpus" -runs="$inputs" -timeout=2 -max_len=4096 -detect_leaks=0 \
        -rss_limit_mb=4096 -seed="$seed" -print_final_stats=1 -artifact_prefix="$work/artifacts/"
    rc=$?
    set -e
    echo "exit code $rc; crashes/hangs saved: $(ls "$work/artifacts" | wc -l) (replay one with fuzz-gen --file)"
    exit $rc
    ;;
*)
    echo "usage: $0 [gen|libfuzzer] [INPUTS] [SEED]" >&2
    exit 2
    ;;
esac
