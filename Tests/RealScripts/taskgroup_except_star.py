"""Python 3.11 structured concurrency: TaskGroup + except* around API calls.

Some calls are forced to fail by the mock server (x-poolplay-fault), so the TaskGroup
raises an ExceptionGroup that the caller splits by error type.
"""
import asyncio

import openai
from openai import AsyncOpenAI


async def fetch_model_count(client: AsyncOpenAI) -> int:
    page = await client.models.list()
    return len(page.data)


async def run_batch(client: AsyncOpenAI) -> list[int]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_model_count(client)) for _ in range(5)]
    return [t.result() for t in tasks]


async def main() -> None:
    healthy = AsyncOpenAI(max_retries=0)
    counts = await run_batch(healthy)
    print("healthy batch:", len(counts), "results, all equal:", len(set(counts)) == 1)

    broken = AsyncOpenAI(max_retries=0, default_headers={"x-poolplay-fault": "500"})
    try:
        await run_batch(broken)
    except* openai.InternalServerError as group:
        codes = sorted({exc.status_code for exc in group.exceptions})
        print("server errors:", codes, "group type:", type(group).__name__)
    except* openai.APIConnectionError:
        print("connection trouble")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch_model_count(healthy))
            tg.create_task(asyncio.sleep(0))
            raise ValueError("bad input")
    except* ValueError as group:
        print("caught", [str(e) for e in group.exceptions])

    await healthy.close()
    await broken.close()


if __name__ == "__main__":
    asyncio.run(main())
