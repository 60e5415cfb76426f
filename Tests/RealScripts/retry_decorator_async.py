"""A hand-rolled, tenacity-style retry decorator with exponential backoff.

Many codebases do not want a dependency for this, so they write ~20 lines: catch the
retryable errors, sleep base * 2**attempt (+ jitter), give up after N attempts.
The mock answers 429 to the first calls (x-poolplay-fault via extra_headers).
"""
import asyncio
import functools
import random

import openai
from openai import AsyncOpenAI

RETRYABLE = (openai.RateLimitError, openai.APIConnectionError, openai.InternalServerError)


def retry(max_attempts=4, base_delay=0.01, max_delay=0.05, jitter=0.0):
    def decorator(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            attempt = 0
            while True:
                try:
                    return await fn(*args, **kwargs)
                except RETRYABLE as exc:
                    attempt += 1
                    if attempt >= max_attempts:
                        print(f"{fn.__name__}: giving up after {attempt} attempts ({type(exc).__name__})")
                        raise
                    delay = min(max_delay, base_delay * 2 ** (attempt - 1)) + random.uniform(0, jitter)
                    print(f"{fn.__name__}: attempt {attempt} failed with {exc.status_code}, sleeping {delay:.2f}s")
                    await asyncio.sleep(delay)

        return wrapper

    return decorator


client = AsyncOpenAI(max_retries=0)
calls = {"n": 0}


@retry(max_attempts=4)
async def ask(prompt: str) -> str:
    calls["n"] += 1
    headers = {"x-poolplay-fault": "429"} if calls["n"] <= 2 else {}
    response = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
        extra_headers=headers,
    )
    return response.choices[0].message.content


@retry(max_attempts=2)
async def always_down() -> None:
    await client.models.list(extra_headers={"x-poolplay-fault": "503"})


async def main():
    print(ask.__name__, ask.__wrapped__.__name__)
    print("answer:", await ask("eventually works"))
    print("calls made:", calls["n"])
    try:
        await always_down()
    except openai.APIStatusError as exc:
        print("final error:", exc.status_code, type(exc).__name__)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
