#!/usr/bin/env python3
"""Time from Ctrl-C during a 200-request burst to the next `>>> ` prompt, in a real terminal (tmux).

Usage: python3 scripts/bench/ctrl-c-to-prompt.py [POOLPLAY_BINARY] [RUNS]
Prints each run and the median, min and max in milliseconds. A benchmark, not a test: nothing is asserted.
The aim (issue: the shell) is under 100 ms.
"""
import os, statistics, subprocess, sys, tempfile, time

binary = sys.argv[1] if len(sys.argv) > 1 else subprocess.check_output(
    ["swift", "build", "--show-bin-path"], text=True).strip() + "/poolplay"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
socket = f"poolplay-ctrlc-{os.getpid()}"
home = tempfile.mkdtemp(prefix="poolplay-ctrlc-")


def tmux(*args):
    return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args], capture_output=True, text=True).stdout


def last_line():
    lines = tmux("capture-pane", "-p", "-t", "b").rstrip("\n").split("\n")
    return lines[-1].rstrip() if lines else ""


def wait(predicate, limit=30.0, step=0.002):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return time.monotonic()
        time.sleep(step)
    raise SystemExit("timed out; screen:\n" + tmux("capture-pane", "-p", "-t", "b"))


tmux("new-session", "-d", "-s", "b", "-x", "100", "-y", "30", "-e", f"HOME={home}", "-e", "NO_COLOR=1",
     f"{binary} --latency 2s")
try:
    wait(lambda: last_line() == ">>>")
    for line in ["import asyncio", "from openai import AsyncOpenAI",
                 "import httpx", "client = AsyncOpenAI(http_client=httpx.AsyncClient(limits=httpx.Limits(max_connections=10)))"]:
        tmux("send-keys", "-t", "b", "-l", line)
        tmux("send-keys", "-t", "b", "Enter")
        time.sleep(0.3)
    samples = []
    for run in range(runs):
        tmux("send-keys", "-t", "b", "C-l")
        time.sleep(0.2)
        tmux("send-keys", "-t", "b", "-l", "r = await asyncio.gather(*[client.models.list() for _ in range(200)])")
        tmux("send-keys", "-t", "b", "Enter")
        wait(lambda: "done" in tmux("capture-pane", "-p", "-t", "b"))  # the gauge: the burst is running
        sent = time.monotonic()
        tmux("send-keys", "-t", "b", "C-c")
        back = wait(lambda: last_line() == ">>>" and "KeyboardInterrupt" in tmux("capture-pane", "-p", "-t", "b"))
        samples.append((back - sent) * 1000)
        print(f"run {run + 1}: {samples[-1]:.0f} ms")
    print(f"Ctrl-C to prompt over {runs} runs: median {statistics.median(samples):.0f} ms, "
          f"min {min(samples):.0f} ms, max {max(samples):.0f} ms (polling every 2 ms)")
finally:
    tmux("kill-server")
