"""A fixed pool of async workers draining an asyncio.Queue of prompts.

Pattern from the parallel-request processors people copy around: the producer fills a
queue, N workers call the API, `queue.join()` waits for every `task_done()`, then the
workers are cancelled.
"""
import asyncio
import os

from openai import AsyncOpenAI

NUM_WORKERS = 3


async def worker(name: str, queue: asyncio.Queue, client: AsyncOpenAI, results: dict) -> None:
    while True:
        index, prompt = await queue.get()
        try:
            reply = await client.chat.completions.create(
                model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}]
            )
            results[index] = reply.choices[0].message.content.upper()
        except Exception as exc:  # keep the worker alive
            results[index] = f"error: {type(exc).__name__}"
        finally:
            queue.task_done()


async def main():
    client = AsyncOpenAI(base_url=os.environ["OPENAI_BASE_URL"])
    queue: asyncio.Queue = asyncio.Queue(maxsize=5)
    results: dict[int, str] = {}
    workers = [asyncio.create_task(worker(f"worker-{i}", queue, client, results)) for i in range(NUM_WORKERS)]

    for index in range(9):
        await queue.put((index, f"item {index}"))
    await queue.join()

    for task in workers:
        task.cancel()
    outcomes = await asyncio.gather(*workers, return_exceptions=True)
    print("workers stopped:", [type(o).__name__ for o in outcomes])
    for index in sorted(results):
        print(index, results[index])
    print("queue empty:", queue.empty())
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
