"""Mixing a legacy sync client into async code with asyncio.to_thread.

The sync helper blocks, so it is pushed to a worker thread while async calls proceed.
"""
import asyncio

from openai import AsyncOpenAI, OpenAI

sync_client = OpenAI(max_retries=0)
async_client = AsyncOpenAI(max_retries=0)


def legacy_lookup(key: str) -> str:
    r = sync_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": key}])
    return "legacy:" + r.choices[0].message.content


async def modern_lookup(key: str) -> str:
    r = await async_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": key}])
    return "modern:" + r.choices[0].message.content


async def main():
    results = await asyncio.gather(
        asyncio.to_thread(legacy_lookup, "a"),
        modern_lookup("b"),
        asyncio.to_thread(legacy_lookup, "c"),
        modern_lookup("d"),
    )
    print(results)
    loop = asyncio.get_running_loop()
    value = await loop.run_in_executor(None, legacy_lookup, "executor")
    print(value)
    await async_client.close()
    sync_client.close()


if __name__ == "__main__":
    asyncio.run(main())
