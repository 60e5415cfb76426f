# max_connections=1, Timeout(10, pool=0.9), 3 concurrent requests of 0.6 s. When the connection is released
# httpcore 1.0.9 hands it to both queued requests; the loser re-queues with a fresh pool deadline and is served
# at 1.2 s. httpcore2 hands it to one only, so the other keeps its first deadline and gets PoolTimeout at 0.9 s.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]


async def get(client, i):
    try:
        r = await client.get(f"{URL}/?sleep=0.6&i={i}")
        return "ok"
    except httpx.PoolTimeout:
        return "PoolTimeout"


client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(10, pool=0.9))
results = await asyncio.gather(*[get(client, i) for i in range(3)], return_exceptions=True)
print(results)
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
