"""Handle 429s yourself: read Retry-After from the error's response and wait that long.

With max_retries=0 the SDK raises RateLimitError at once; the caller decides how to wait.
The mock's fault header makes the first attempt of every even-numbered job a 429.
"""
import asyncio
import time

import openai
from openai import AsyncOpenAI

client = AsyncOpenAI(max_retries=0)


def retry_after_seconds(error: openai.RateLimitError) -> float:
    headers = error.response.headers
    if "retry-after-ms" in headers:
        return float(headers["retry-after-ms"]) / 1000
    return float(headers.get("retry-after", "1"))


async def job(n: int, log: list) -> str:
    attempt = 0
    while True:
        attempt += 1
        fault = {"x-poolplay-fault": "429"} if n % 2 == 0 and attempt == 1 else {}
        try:
            r = await client.chat.completions.create(
                model="gpt-4o-mini",
                messages=[{"role": "user", "content": f"job {n}"}],
                extra_headers=fault,
            )
            return r.choices[0].message.content
        except openai.RateLimitError as err:
            wait = retry_after_seconds(err)
            log.append((n, err.status_code, err.code, wait))
            await asyncio.sleep(min(wait, 0.05))


async def main():
    log = []
    started = time.perf_counter()
    answers = await asyncio.gather(*(job(n, log) for n in range(6)))
    elapsed = time.perf_counter() - started
    print(answers)
    for entry in sorted(log):
        print("429 for job", entry[0], "code", entry[2], "server asked", entry[3], "s")
    print("finished in under 5 s:", elapsed < 5)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
