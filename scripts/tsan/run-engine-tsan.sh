#!/usr/bin/env bash
# Thread-sanitizer run of the pool (issue 3): builds PoolCore, PoolEngine and their tests with -sanitize=thread in
# its own scratch folder (.build-tsan, so the normal .build is untouched), runs PoolCoreTests and PoolEngineTests,
# and prints one summary line: tests run, pass/fail, and how many ThreadSanitizer reports appeared.
# Not part of CI (the first build compiles swift-nio instrumented: many minutes on a small machine).
# Usage: bash scripts/tsan/run-engine-tsan.sh        (from anywhere; the full log goes to .build-tsan/tsan.log)
# Environment: SWIFT (default swift), FILTER (default 'PoolCoreTests|PoolEngineTests').
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SWIFT="${SWIFT:-swift}"
FILTER="${FILTER:-PoolCoreTests|PoolEngineTests}"
SCRATCH="$ROOT/.build-tsan"
LOG="$SCRATCH/tsan.log"
mkdir -p "$SCRATCH"
cd "$ROOT"
# Only these targets (and their test targets) take part; see Package.swift.
export POOLPLAY_TARGETS="PoolCore PoolEngine"
# Keep going after the first report so that every race is listed; TSan's exit code is kept.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0 second_deadlock_stack=1}"

build=( "$SWIFT" build --build-tests --scratch-path "$SCRATCH" -Xswiftc -sanitize=thread --sanitize=thread )
run=( "$SWIFT" test --skip-build --scratch-path "$SCRATCH" --sanitize=thread --filter "$FILTER" )
echo "+ POOLPLAY_TARGETS=\"$POOLPLAY_TARGETS\" ${build[*]}" | tee "$LOG"
if ! "${build[@]}" >>"$LOG" 2>&1; then
    tail -30 "$LOG"
    echo "tsan: BUILD FAILED (log: $LOG)"
    exit 2
fi
echo "+ POOLPLAY_TARGETS=\"$POOLPLAY_TARGETS\" TSAN_OPTIONS=\"$TSAN_OPTIONS\" ${run[*]}" | tee -a "$LOG"
"${run[@]}" >>"$LOG" 2>&1
status=$?

reports=$(grep -c "WARNING: ThreadSanitizer" "$LOG" || true)
testing=$(grep -E "Test run with [0-9]+ tests?" "$LOG" | tail -1 | sed 's/^[^A-Za-z]*//')
xctest=$(grep -E "Executed [0-9]+ tests?" "$LOG" | tail -1 | sed 's/^[[:space:]]*//')
if (( reports > 0 )); then
    echo "--- ThreadSanitizer reports (first 3, full log: $LOG) ---"
    awk '/WARNING: ThreadSanitizer/{n++} n>=1 && n<=3' "$LOG" | grep -E "WARNING|#[0-9]+ |Location|Previous|Write|Read" | head -80
fi
# Calibration: the same toolchain on a program whose only shared state is a Mutex (see mutex-calibration.swift).
"$SWIFT" -version >/dev/null 2>&1
calibration="not run"
if swiftc -sanitize=thread -O "$ROOT/scripts/tsan/mutex-calibration.swift" -o "$SCRATCH/mutex-calibration" >>"$LOG" 2>&1; then
    "$SCRATCH/mutex-calibration" >"$SCRATCH/mutex-calibration.log" 2>&1
    calibration="$(grep -c "WARNING: ThreadSanitizer" "$SCRATCH/mutex-calibration.log" || true) reports on a correct Mutex-only program"
fi
# Reports whose first frame is in code that touches shared state only inside `Mutex.withLock` (ConnectionPool+Actions'
# `inout State`, MockClock's state): the calibration's kind. Anything else is counted as "outside" and needs reading.
outside=$(awk '/WARNING: ThreadSanitizer/{getline; getline; print}' "$LOG" | grep -vcE "withLock|MockClock|ConnectionPool\+Actions|closure" || true)
echo "calibration: $calibration"
echo "tsan: exit $status; swift-testing: ${testing:-no summary}; xctest: ${xctest:-none}; ThreadSanitizer reports: $reports ($outside outside Mutex-protected code); log: $LOG"
if (( status == 0 && reports == 0 )); then exit 0; else exit 1; fi
