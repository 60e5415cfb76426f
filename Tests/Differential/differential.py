"""Runs one differential scenario through real Python and through `poolplay run`, and prints both results.

    python differential.py --scenario NAME --lib httpx|httpx2 --poolplay PATH [--runner both|cpython|poolplay]

The scenario file (scenarios/NAME.py) is written against `import httpx`; for --lib httpx2 that one line
becomes `import httpx2 as httpx`. The resulting text is written to ONE temporary file that both runners
execute: CPython through cpython_runner.py (top-level await), PoolPlay through `poolplay run FILE`.
Each run gets a fresh counting_server.py. Output: one JSON object {runner: result}, where a result holds
the exit status, stdout lines with server ports replaced by ORIGIN0/ORIGIN1, the server ledger (connections
and request order) and the stderr tail. Comparison is the caller's job (the Swift test).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (origins, server idle timeout, whether arrival order is deterministic)
SCENARIOS = {
    "churn_5_2": (1, None, False),
    "churn_5_5": (1, None, False),
    "keepalive_expiry": (1, None, True),
    "pool_timeout": (1, None, True),
    "server_idle_close": (1, 1.0, True),
    "fifo": (1, None, True),
    "max_connections_zero": (1, None, True),
    "max_keepalive_zero": (1, None, True),
    "two_origins": (2, None, False),
    "two_origins_load": (2, None, False),
    "requeue_timer": (1, None, True),
    "cancel_active": (1, None, True),
    "aclose_in_flight": (1, None, True),
    "burst_2000": (1, None, False),
    "burst_600_instant": (1, None, False),
    "cancel_two_tasks": (1, None, True),
    "pooltimeout_churn": (1, None, False),
    "trace_cancel_matrix": (1, None, True),
    "trace_sync_client": (1, None, True),
    "wait_for_churn": (1, None, False),
    "trace_cancel_matrix_close": (1, None, True),
    "trace_raise_matrix": (1, None, True),
}
# Scenarios whose server answers with "Connection: close" and closes every connection (counting_server --close).
CLOSING_SERVER = {"pooltimeout_churn", "trace_cancel_matrix_close"}
# Scenarios that run another scenario's script against a different server.
SAME_SCRIPT = {"trace_cancel_matrix_close": "trace_cancel_matrix", "trace_raise_matrix": "trace_cancel_matrix"}
# Extra environment for a scenario's script (both runners).
SCENARIO_ENV = {"trace_raise_matrix": {"TRACE_RAISE": "1"}}


def script_text(name, lib):
    with open(os.path.join(HERE, "scenarios", SAME_SCRIPT.get(name, name) + ".py")) as f:
        text = f.read()
    if lib == "httpx2":
        lines = text.split("\n")
        assert lines.count("import httpx") == 1, "scenario must have one `import httpx` line"
        text = "\n".join("import httpx2 as httpx" if line == "import httpx" else line for line in lines)
    return text


def run_once(name, script_path, command):
    origins, idle, ordered = SCENARIOS[name]
    server_args = [sys.executable, os.path.join(HERE, "counting_server.py"), "--origins", str(origins)]
    if idle is not None:
        server_args += ["--idle-timeout", str(idle)]
    if name in CLOSING_SERVER:
        server_args.append("--close")
    server = subprocess.Popen(server_args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ports = json.loads(server.stdout.readline())["ports"]
        env = dict(os.environ)
        env["DIFF_URL"] = f"http://127.0.0.1:{ports[0]}"
        env["DIFF_URL2"] = f"http://127.0.0.1:{ports[-1]}"
        env["NO_COLOR"] = "1"
        env.update(SCENARIO_ENV.get(name, {}))
        for key in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                    "http_proxy", "https_proxy", "all_proxy"):
            env.pop(key, None)
        done = subprocess.run(command + [script_path], env=env, capture_output=True, text=True, timeout=60)
        with urllib.request.urlopen(f"http://127.0.0.1:{ports[0]}/_ledger", timeout=10) as reply:
            ledger = json.loads(reply.read())
    finally:
        server.stdin.close()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    stdout = done.stdout
    for index, port in enumerate(ports):
        stdout = stdout.replace(f"127.0.0.1:{port}", f"ORIGIN{index}")
    connections = [[c["origin"], c["requests"], c["closed_by"]] for c in ledger["connections"]]
    requests = [[r["origin"], r["tag"]] for r in ledger["requests"]]
    # Per connection: the tags it served, in order.
    served = [[r["tag"] for r in ledger["requests"] if r["conn"] == c["id"]] for c in ledger["connections"]]
    if not ordered:  # concurrent connects: which TCP connection the server accepts first is not determined
        connections.sort(key=lambda c: (c[0], c[1], str(c[2])))
        requests.sort(key=lambda r: (r[0], int(r[1]) if r[1] is not None else -1))
        served = sorted(len(s) for s in served)
    return {
        "status": done.returncode,
        "stdout": stdout.splitlines(),
        "connections_opened": len(connections),
        "connections": connections,
        "requests": requests,
        "served": served,
        "stderr": done.stderr[-2000:],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True, choices=sorted(SCENARIOS))
    parser.add_argument("--lib", required=True, choices=["httpx", "httpx2"])
    parser.add_argument("--poolplay", default=None)
    parser.add_argument("--runner", default="both", choices=["both", "cpython", "poolplay"])
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"{args.scenario}_{args.lib}.py")
        with open(path, "w") as f:
            f.write(script_text(args.scenario, args.lib))
        if args.runner in ("both", "cpython"):
            results["cpython"] = run_once(args.scenario, path, [sys.executable, os.path.join(HERE, "cpython_runner.py")])
        if args.runner in ("both", "poolplay"):
            results["poolplay"] = run_once(args.scenario, path, [args.poolplay, "run"])
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
