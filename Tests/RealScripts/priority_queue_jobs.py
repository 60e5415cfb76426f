# Urgent jobs first: an asyncio.PriorityQueue feeding a single worker (so the order is exact).
import asyncio
from dataclasses import dataclass, field

from openai import AsyncOpenAI


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)


async def worker(queue: asyncio.PriorityQueue, client: AsyncOpenAI, done: list):
    while True:
        job = await queue.get()
        try:
            r = await client.chat.completions.create(
                model="gpt-4o-mini", messages=[{"role": "user", "content": job.name}]
            )
            done.append((job.priority, r.choices[0].message.content))
        finally:
            queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for priority, name in [(5, "low"), (1, "urgent"), (3, "normal"), (1, "also urgent"), (9, "someday")]:
        queue.put_nowait(Job(priority, name))
    print("queued:", queue.qsize())
    done = []
    async with AsyncOpenAI() as client:
        task = asyncio.create_task(worker(queue, client, done))
        await queue.join()
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("worker cancelled")
    for priority, answer in done:
        print(priority, answer)


if __name__ == "__main__":
    asyncio.run(main())
