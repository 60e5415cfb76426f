"""Asks a running `poolplay serve` which features it supports, with the standard library only.

Prints one JSON object of booleans; the Swift compat tests enable each scenario on its flag, so a
scenario whose mock feature has not landed yet is skipped with a clear message instead of failing.

Run: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 python3 Tests/Compat/probe.py
"""
import json
import os
import urllib.error
import urllib.request

BASE_URL = os.environ["OPENAI_BASE_URL"]
CHAT = {"model": "mock-gpt", "messages": [{"role": "user", "content": "probe"}]}


def post(path, body, headers=None):
    """Returns (status, lower-cased headers, body bytes) of one POST; never raises on HTTP errors."""
    request = urllib.request.Request(BASE_URL + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"content-type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
    except OSError:
        return 0, {}, b""


def is_stream(result):
    return result[0] == 200 and result[1].get("content-type", "").startswith("text/event-stream")


def fault(spec):
    return post("/chat/completions", CHAT, {"x-poolplay-fault": spec})


flags = {
    "chatStream": is_stream(post("/chat/completions", {**CHAT, "stream": True})),
    "embeddings": post("/embeddings", {"model": "e", "input": "x", "encoding_format": "float"})[0] == 200,
    "responses": post("/responses", {"model": "m", "input": "x"})[0] == 200,
    "responsesStream": is_stream(post("/responses", {"model": "m", "input": "x", "stream": True})),
    "completions": post("/completions", {"model": "m", "prompt": "x"})[0] == 200,
}
for status in (400, 429, 500, 503):
    flags[f"fault{status}"] = fault(str(status))[0] == status
no_retry = fault("500+noretry")
flags["shouldRetryFalse"] = no_retry[0] == 500 and no_retry[1].get("x-should-retry") == "false"
force_retry = fault("400+retry")
flags["shouldRetryTrue"] = force_retry[0] == 400 and force_retry[1].get("x-should-retry") == "true"
try:
    with urllib.request.urlopen(BASE_URL[: -len("/v1")] + "/_poolplay/knobs", timeout=10) as response:
        flags["knobsRoute"] = response.status == 200
except OSError:
    flags["knobsRoute"] = False
flags["faultClose"] = flags["fault503"] and fault("close")[0] == 0  # read the request, closed, no response
print(json.dumps(flags, sort_keys=True))
