"""Guarding calls against a slow backend: the SDK's per-request timeout vs asyncio.timeout.

x-poolplay-latency makes the mock take its time on the requests that carry it.
"""
import asyncio

import openai
from openai import AsyncOpenAI

SLOW = {"x-poolplay-latency": "400ms"}


async def main():
    client = AsyncOpenAI(max_retries=0)

    # 1. the SDK's own timeout -> APITimeoutError
    try:
        await client.with_options(timeout=0.1).models.list(extra_headers=SLOW)
    except openai.APITimeoutError as exc:
        print("sdk timeout:", type(exc).__name__, "|", exc)

    # 2. asyncio.timeout around the call -> TimeoutError (the request is cancelled)
    try:
        async with asyncio.timeout(0.1):
            await client.models.list(extra_headers=SLOW)
    except TimeoutError:
        print("asyncio.timeout fired")

    # 3. wait_for, the pre-3.11 spelling
    try:
        await asyncio.wait_for(client.models.list(extra_headers=SLOW), timeout=0.1)
    except asyncio.TimeoutError:
        print("wait_for timed out")

    # 4. a generous budget: the slow call completes
    async with asyncio.timeout(5):
        page = await client.models.list(extra_headers={"x-poolplay-latency": "50ms"})
    print("slow but fine:", len(page.data) > 0)

    # the pool is still usable after the cancellations
    reply = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "still here"}])
    print(reply.choices[0].message.content)
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
