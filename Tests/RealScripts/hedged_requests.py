"""Hedging: send the same request twice, keep whichever answers first, cancel the other.

asyncio.wait(return_when=FIRST_COMPLETED) is the building block.
"""
import asyncio

from openai import AsyncOpenAI


async def ask(client: AsyncOpenAI, label: str, latency: str) -> str:
    r = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": label}],
        extra_headers={"x-poolplay-latency": latency},
    )
    return r.choices[0].message.content


async def hedged(client: AsyncOpenAI) -> str:
    primary = asyncio.create_task(ask(client, "primary", "500ms"), name="primary")
    backup = asyncio.create_task(ask(client, "backup", "20ms"), name="backup")
    done, pending = await asyncio.wait({primary, backup}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    winner = done.pop()
    print("winner:", winner.get_name(), "| loser cancelled:", all(t.cancelled() for t in pending))
    return winner.result()


async def main():
    client = AsyncOpenAI(max_retries=0)
    print(await hedged(client))
    done, pending = await asyncio.wait(
        [asyncio.create_task(ask(client, f"all {i}", "0ms")) for i in range(3)], timeout=10
    )
    print(len(done), len(pending), sorted(t.result() for t in done))
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
