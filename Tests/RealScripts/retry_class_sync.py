"""Retrying with a small policy object and a sync client.

`Retrying` mimics the shape of tenacity's API (stop after N, wait exponential) without
the dependency. Backoff delays are tiny here so the script finishes quickly.
"""
import time
from dataclasses import dataclass

import openai
from openai import OpenAI


@dataclass
class Retrying:
    attempts: int = 3
    multiplier: float = 0.005
    retry_on: tuple = (openai.RateLimitError, openai.InternalServerError)

    def wait_for(self, attempt: int) -> float:
        return self.multiplier * (2 ** attempt)

    def __call__(self, fn, *args, **kwargs):
        last = None
        for attempt in range(self.attempts):
            try:
                return fn(*args, **kwargs)
            except self.retry_on as exc:
                last = exc
                print(f"  attempt {attempt + 1}: {exc.status_code} {exc.__class__.__name__}")
                time.sleep(self.wait_for(attempt))
        raise RuntimeError(f"still failing after {self.attempts} attempts") from last


def main():
    client = OpenAI(max_retries=0)
    policy = Retrying(attempts=3)
    print(policy)

    faults = iter(["429", "500", None])

    def flaky_call():
        fault = next(faults)
        headers = {"x-poolplay-fault": fault} if fault else None
        return client.embeddings.create(model="text-embedding-3-small", input="hi", extra_headers=headers)

    print("flaky call:")
    result = policy(flaky_call)
    print("  ok, dims:", len(result.data[0].embedding))

    print("hopeless call:")
    try:
        policy(client.models.list, extra_headers={"x-poolplay-fault": "500"})
    except RuntimeError as exc:
        print(" ", exc, "| cause:", type(exc.__cause__).__name__)


if __name__ == "__main__":
    main()
