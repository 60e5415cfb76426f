# A semaphore caps concurrency in the program itself: 10 calls, at most 3 in flight, through an
# openai client whose pool allows 5; the pool never holds more than 3 connections.
import asyncio
import httpx2
from openai import AsyncOpenAI
client = AsyncOpenAI(
    http_client=httpx2.AsyncClient(limits=httpx2.Limits(max_connections=5)),
    default_headers={"x-poolplay-latency": "50ms"},
)
sem = asyncio.Semaphore(3)
peak = [0, 0]
async def call(i):
    async with sem:
        peak[0] += 1
        peak[1] = max(peak[1], peak[0])
        page = await client.models.list()
        peak[0] -= 1
        return i, len(page.data) > 0
results = await asyncio.gather(*[call(i) for i in range(10)])
print(results[:3], len(results), peak[1])
print(client._client._transport._pool)
print(len(client._client._transport._pool.connections))
lock = asyncio.Lock()
async with lock:
    print(lock.locked())
print(lock.locked(), sem.locked())
