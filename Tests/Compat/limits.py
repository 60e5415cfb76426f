"""Authentication and rate limits with the real SDK: the server's 401 for a wrong key, and 429s from the
`rps` and `max_concurrent` knobs honoured as the SDK honours api.openai.com's (retry-after-ms first).

The Swift suite starts `poolplay serve api_key=sk-poolplay-compat`, the key the scripts' environment holds, so
every other check authenticates with it. Rate limits are switched on and off through `POST /_poolplay/knobs`.
Retry delays: the SDK's own `_calculate_retry_timeout` runs; the scripts record its result next to the
`retry-after-ms` header it read, and the `rps` check really sleeps it (under a second) while the
`max_concurrent` check sleeps at most 20 ms.

Run: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 OPENAI_API_KEY=sk-poolplay-compat .venv/openai3/bin/python Tests/Compat/limits.py
"""
import asyncio
import time

import openai
from compat_common import BASE_URL, admin, error_result, ledger, reset, run

MESSAGES = [{"role": "user", "content": "limit me"}]
RATE_HEADERS = ("x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
                "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens")


def knobs(text):
    """Changes the running server's knobs (`POST /_poolplay/knobs`, body `KNOB=VALUE …`)."""
    return admin("/_poolplay/knobs", method="POST", data=text.encode())


def recorded(base, cap):
    """A subclass of an SDK client class that records each retry delay the SDK computes, with the
    retry-after-ms / retry-after headers it computed it from; the sleep is capped at `cap` seconds (None: real)."""

    class Recording(base):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.retries = []

        def _calculate_retry_timeout(self, remaining_retries, options, response_headers=None):
            delay = super()._calculate_retry_timeout(remaining_retries, options, response_headers)
            headers = response_headers or {}
            self.retries.append({"delay": delay, "retryAfterMs": headers.get("retry-after-ms"),
                                 "retryAfter": headers.get("retry-after"),
                                 "rateLimit": {name: headers.get(name) for name in RATE_HEADERS}})
            return delay if cap is None else min(delay, cap)

    return Recording


def attempts_view():
    view = ledger()
    return {"statuses": [r["status"] for r in view["requests"]],
            "retryCounts": [None if r["retryCount"] is None else str(r["retryCount"]) for r in view["requests"]],
            "connectionsUsed": len({r["connectionID"] for r in view["requests"]})}


def auth_wrong_key():
    reset()
    c = openai.OpenAI(base_url=BASE_URL, api_key="sk-wrong-key-1234", max_retries=2,
                      _strict_response_validation=True)
    try:
        c.models.list()
        result = {"error": None}
    except openai.APIError as exc:
        result = error_result(exc)
        result["str"] = str(exc)
        result["bodyMessage"] = (exc.body or {}).get("message") if isinstance(exc.body, dict) else None
    result.update(attempts_view())
    return result


def auth_no_header():
    """The SDK refuses an empty key itself; dropping the Authorization header reaches the server's other 401."""
    reset()
    c = openai.OpenAI(base_url=BASE_URL, max_retries=0, _strict_response_validation=True)
    try:
        c.models.list(extra_headers={"Authorization": openai.Omit()})
        return {"error": None}
    except openai.APIError as exc:
        result = error_result(exc)
        result["bodyMessage"] = (exc.body or {}).get("message") if isinstance(exc.body, dict) else None
        return result


def auth_right_key():
    """The key of the environment, which the server was started with."""
    reset()
    models = list(openai.OpenAI(base_url=BASE_URL, max_retries=0, _strict_response_validation=True).models.list())
    return {"models": len(models), **attempts_view()}


def rate_limit_rps():
    """rps=1: the second call gets a 429 whose retry-after-ms the SDK sleeps exactly, then gets its 200."""
    reset()
    knobs("rps=1")
    c = recorded(openai.OpenAI, cap=None)(base_url=BASE_URL, max_retries=2, _strict_response_validation=True)
    try:
        raw = c.chat.completions.with_raw_response.create(model="mock-gpt", messages=MESSAGES)
        first = {name: raw.headers.get(name) for name in RATE_HEADERS}
        started = time.monotonic()
        c.chat.completions.create(model="mock-gpt", messages=MESSAGES)
        elapsed = time.monotonic() - started
        result = {"error": None, "firstRateLimit": first, "secondCallSeconds": round(elapsed, 3)}
    except openai.APIError as exc:
        result = error_result(exc)
    finally:
        knobs("rps=none")
        c.close()
    result.update(attempts_view())
    result["retries"] = c.retries
    return result


def rate_limit_concurrent():
    """max_concurrent=1: while a slow call holds the only slot, another gets 429 on every attempt."""

    async def main():
        holder = openai.AsyncOpenAI(base_url=BASE_URL, max_retries=0, _strict_response_validation=True)
        slow = asyncio.create_task(holder.chat.completions.create(
            model="mock-gpt", messages=MESSAGES, extra_headers={"x-poolplay-latency": "1500ms"}))
        for _ in range(300):  # until the slow request is on the server (bounded: 3 s)
            if ledger()["requests"]:
                break
            await asyncio.sleep(0.01)
        c = recorded(openai.AsyncOpenAI, cap=0.02)(base_url=BASE_URL, max_retries=2,
                                                  _strict_response_validation=True)
        try:
            await c.chat.completions.create(model="mock-gpt", messages=MESSAGES)
            result = {"error": None}
        except openai.APIError as exc:
            result = error_result(exc)
        result["retries"] = c.retries
        result["rejectedView"] = attempts_view()
        completion = await slow
        result["slowModel"] = completion.model
        await c.close()
        await holder.close()
        return result

    reset()
    knobs("max_concurrent=1")
    try:
        return asyncio.run(main())
    finally:
        knobs("max_concurrent=none")


CHECKS = {"auth_wrong_key": auth_wrong_key, "auth_no_header": auth_no_header, "auth_right_key": auth_right_key,
          "rate_limit_rps": rate_limit_rps, "rate_limit_concurrent": rate_limit_concurrent}

if __name__ == "__main__":
    run(CHECKS)
