# Progress reporting with asyncio.as_completed: handle each answer as soon as it lands.
import asyncio

from openai import AsyncOpenAI

PROMPTS = [("slow", "300ms"), ("medium", "150ms"), ("fast", "0ms")]


async def timed_call(client, name, latency):
    reply = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": name}],
        extra_headers={"x-poolplay-latency": latency},
    )
    return reply.choices[0].message.content


async def main():
    client = AsyncOpenAI()
    tasks = [timed_call(client, name, latency) for name, latency in PROMPTS]
    for done, coro in enumerate(asyncio.as_completed(tasks), start=1):
        name = await coro
        print(f"[{done}/{len(tasks)}] {name}")
    await client.close()


asyncio.run(main())
