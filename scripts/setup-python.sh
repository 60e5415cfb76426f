#!/usr/bin/env bash
# Creates the two pinned Python environments the compatibility and differential tests use:
#   .venv/openai3  CPython 3.11 · openai 3.57.0 · httpx2 2.16.2 (httpcore2) · httpx 0.28.1 (httpcore 1.0.9)
#   .venv/openai2  CPython 3.11 · openai 2.54.0 · httpx 0.28.1 · httpcore 1.0.9
# Idempotent: an environment whose stamp matches its pins is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
            PYTHON="$candidate"
            break
        fi
    done
fi
if [ -z "$PYTHON" ]; then
    echo "setup-python: CPython 3.11 not found (set PYTHON=...)" >&2
    exit 1
fi

make_env() {
    local name="$1"
    shift
    local dir=".venv/$name"
    local stamp="$dir/.poolplay-pins"
    local wanted="$*"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && [ -x "$dir/bin/python" ]; then
        return 0
    fi
    echo "setup-python: creating $dir ($wanted)"
    rm -rf "$dir"
    "$PYTHON" -m venv "$dir"
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check --retries 10 --timeout 60 "$@"
    echo "$wanted" > "$stamp"
}

make_env openai3 "openai==3.57.0" "httpx2==2.16.2" "httpx==0.28.1" "httpcore==1.0.9"
make_env openai2 "openai==2.54.0" "httpx==0.28.1" "httpcore==1.0.9"
