"""Retries as the SDK makes them, counted in the server's ledger (x-stainless-retry-count per attempt).

Faults are asked for per request with the `x-poolplay-fault` header (e.g. `503`, `429`,
`500+noretry`, `400+retry`, `close`). The SDK's retry decision and computed delay are real; only the sleep is
capped at 20 ms (the computed delays are reported), so the suite does not wait through real backoff.

Run: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 OPENAI_API_KEY=sk-x .venv/openai3/bin/python Tests/Compat/retries.py
"""
import openai
from compat_common import BASE_URL, error_result, ledger, reset, run

MESSAGES = [{"role": "user", "content": "retry me"}]


class RecordingClient(openai.OpenAI):
    """Records each retry delay the SDK computes, then sleeps at most 20 ms."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.delays = []

    def _calculate_retry_timeout(self, *args, **kwargs):
        delay = super()._calculate_retry_timeout(*args, **kwargs)
        self.delays.append(round(delay, 4))
        return min(delay, 0.02)


def attempt(fault, retries=2):
    reset()
    c = RecordingClient(base_url=BASE_URL, max_retries=retries, _strict_response_validation=True)
    try:
        c.chat.completions.create(model="mock-gpt", messages=MESSAGES, extra_headers={"x-poolplay-fault": fault})
        result = {"error": None}
    except openai.APIError as exc:
        result = error_result(exc)
        response = getattr(exc, "response", None)
        if response is not None:
            result["retryAfterMs"] = response.headers.get("retry-after-ms")
            result["retryAfter"] = response.headers.get("retry-after")
            result["shouldRetry"] = response.headers.get("x-should-retry")
    view = ledger()
    result["attempts"] = len(view["requests"])
    result["statuses"] = [r["status"] for r in view["requests"]]
    result["retryCounts"] = [None if r["retryCount"] is None else str(r["retryCount"]) for r in view["requests"]]
    result["connectionsUsed"] = len({r["connectionID"] for r in view["requests"]})
    result["delays"] = c.delays
    c.close()
    return result


CHECKS = {"fault_503": lambda: attempt("503"), "fault_500": lambda: attempt("500"),
          "fault_429": lambda: attempt("429"), "fault_400": lambda: attempt("400"),
          "fault_500_no_retry": lambda: attempt("500+noretry"),
          "fault_400_force_retry": lambda: attempt("400+retry"),
          "fault_close": lambda: attempt("close")}
# Every status maps to an SDK exception class; 408, 409, 429 and 5xx are retried.
CHECKS.update({f"status_{code}": (lambda code=code: attempt(str(code)))
               for code in (401, 403, 404, 408, 409, 413, 422, 431, 502)})

if __name__ == "__main__":
    run(CHECKS)
