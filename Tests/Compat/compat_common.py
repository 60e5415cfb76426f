"""Shared helpers for PoolPlay's SDK compatibility scripts.

Each script runs a group of checks with the real `openai` SDK against `poolplay serve` and prints ONE
JSON object on stdout: {"sdk": "<openai version>", "httpx": "<module name>", "checks": {name: result}}.
A result is a dict of what the check observed; an exception becomes {"error": <class name>,
"message": <first line>, ...}. The Swift side (Tests/EndToEndTests/SDKCompat*.swift) asserts on it.

Environment: OPENAI_BASE_URL (http://127.0.0.1:PORT/v1) and OPENAI_API_KEY.
The ledger is read with the standard library, so it never disturbs the SDK's pool.
"""
import json
import os
import sys
import time
import traceback
import urllib.request

import openai

BASE_URL = os.environ["OPENAI_BASE_URL"]
ROOT_URL = BASE_URL[: -len("/v1")] if BASE_URL.endswith("/v1") else BASE_URL
SDK_MAJOR = int(openai.__version__.split(".")[0])

if SDK_MAJOR >= 3:
    import httpx2 as hx  # openai >= 3 is built on httpx2
else:
    import httpx as hx  # openai 2.x is built on httpx 0.28


def client(max_retries=0, **kwargs):
    """A strict sync client (every response is validated against the SDK's models)."""
    return openai.OpenAI(base_url=BASE_URL, max_retries=max_retries, _strict_response_validation=True, **kwargs)


def async_client(max_retries=0, **kwargs):
    """A strict async client."""
    return openai.AsyncOpenAI(base_url=BASE_URL, max_retries=max_retries, _strict_response_validation=True, **kwargs)


def admin(path, method="GET", data=None):
    """Calls an admin route (`/_poolplay/...`) and decodes its JSON body (or returns None)."""
    if method == "POST" and data is None:
        data = b""
    request = urllib.request.Request(ROOT_URL + path, method=method, data=data)
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
    return json.loads(body) if body.strip() else None


def reset():
    """Clears the ledger once the previous check's requests have ended: a reset keeps requests still in
    flight (such as a stream whose end the server holds back after the client left), which would
    otherwise count in the next check. Bounded: 3 s."""
    for _ in range(300):
        if all(r.get("endedAt") is not None for r in admin("/_poolplay/ledger").get("requests", [])):
            break
        time.sleep(0.01)
    admin("/_poolplay/reset", method="POST")


def ledger():
    """A compact view of the ledger: request rows, connection rows and the peaks."""
    raw = admin("/_poolplay/ledger")
    return {
        "requests": [
            {"connectionID": r.get("connectionID"), "path": r.get("path"), "status": r.get("status"),
             "retryCount": r.get("retryCount")}
            for r in raw.get("requests", [])
        ],
        "connections": [
            {"id": c.get("id"), "requestsServed": c.get("requestsServed"), "closedBy": c.get("closedBy")}
            for c in raw.get("connections", [])
        ],
        "acceptedConnections": raw.get("acceptedConnections"),
        "peakConcurrentConnections": raw.get("peakConcurrentConnections"),
    }


def used_connections(view):
    """The connections that served at least one recorded request (ids, in order)."""
    return sorted({r["connectionID"] for r in view["requests"]})


def error_result(exc):
    result = {"error": type(exc).__name__, "message": str(exc).splitlines()[0][:300] if str(exc) else ""}
    cause = exc.__cause__
    if isinstance(exc, openai.APIResponseValidationError) and hasattr(cause, "errors"):
        # pydantic's detail: which fields strict validation found missing (a union lists every variant's).
        missing = {str(error["loc"][-1]) for error in cause.errors() if error.get("type") == "missing" and error["loc"]}
        result["missingFields"] = sorted(missing)[:40]
    for attribute in ("status_code", "code", "type", "request_id"):
        value = getattr(exc, attribute, None)
        if isinstance(value, (str, int)):
            result[attribute] = value
    return result


def run(checks):
    """Runs each named check (a function returning a dict), prints one JSON object, exits 0."""
    results = {}
    only = set(sys.argv[1:])
    for name, check in checks.items():
        if only and name not in only:
            continue
        try:
            results[name] = check()
        except Exception as exc:  # a check's failure is data for the Swift side, not a crash
            results[name] = error_result(exc)
            results[name]["traceback"] = traceback.format_exc().splitlines()[-3:]
    print(json.dumps({"sdk": openai.__version__, "httpx": hx.__name__, "checks": results}, sort_keys=True))
