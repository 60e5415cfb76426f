"""The `tpm` limit with the real SDK: a request whose token reservation does not fit gets a 429 naming tokens,
and the SDK's retry waits exactly its `retry-after-ms`; `x-ratelimit-*` headers read through `with_raw_response`.

The server is set to `tpm=6000` (100 tokens a second) through `POST /_poolplay/knobs`. A first call with a long
prompt keeps about 5800 tokens; a second asks for more than is left, so it gets a 429 whose wait (under a second)
the SDK sleeps for real. `openai._base_client.time.sleep` is patched to record every sleep the SDK asks for (and
then sleep it), and the client records its computed retry delay next to the headers (as limits.py does).

Run: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 OPENAI_API_KEY=sk-poolplay-compat .venv/openai3/bin/python Tests/Compat/tokens.py
"""
import time

import openai
import openai._base_client as base_client
from compat_common import BASE_URL, error_result, reset, run
from limits import RATE_HEADERS, attempts_view, knobs, recorded

LONG = "abcd" * 5800  # 5800 prompt tokens at 4 characters each


def rate_limit_tpm():
    reset()
    knobs("tpm=6000")
    sleeps = []
    real_sleep = base_client.time.sleep

    def recording_sleep(seconds):
        sleeps.append(seconds)
        real_sleep(seconds)

    c = recorded(openai.OpenAI, cap=None)(base_url=BASE_URL, max_retries=2, _strict_response_validation=True)
    strict_no_retry = openai.OpenAI(base_url=BASE_URL, max_retries=0, _strict_response_validation=True)
    base_client.time.sleep = recording_sleep
    try:
        raw = c.chat.completions.with_raw_response.create(
            model="mock-gpt", max_completion_tokens=1,
            messages=[{"role": "system", "content": LONG}, {"role": "user", "content": "hi"}])
        first = {name: raw.headers.get(name) for name in RATE_HEADERS}
        usage = raw.parse().usage
        asked = int(first["x-ratelimit-remaining-tokens"]) + 80  # about 0.8 s short
        try:
            strict_no_retry.chat.completions.create(
                model="mock-gpt", max_completion_tokens=asked, messages=[{"role": "user", "content": "hi"}])
            rejected = {"error": None}
        except openai.APIStatusError as exc:
            rejected = error_result(exc)
            rejected["headers"] = {name: exc.response.headers.get(name) for name in
                                   RATE_HEADERS + ("retry-after-ms", "retry-after")}
        started = time.monotonic()
        second = c.chat.completions.with_raw_response.create(
            model="mock-gpt", max_completion_tokens=asked, messages=[{"role": "user", "content": "hi"}])
        elapsed = time.monotonic() - started
        result = {"error": None, "firstRateLimit": first, "firstUsageTotal": usage.total_tokens,
                  "secondRateLimit": {name: second.headers.get(name) for name in RATE_HEADERS},
                  "rejected": rejected, "secondCallSeconds": round(elapsed, 3)}
    except openai.APIError as exc:
        result = error_result(exc)
    finally:
        base_client.time.sleep = real_sleep
        knobs("tpm=none")
        c.close()
        strict_no_retry.close()
    result.update(attempts_view())
    result["retries"] = c.retries
    result["sleeps"] = sleeps
    return result


CHECKS = {"rate_limit_tpm": rate_limit_tpm}

if __name__ == "__main__":
    run(CHECKS)
