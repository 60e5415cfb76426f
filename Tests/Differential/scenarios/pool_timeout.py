# max_connections=1, Timeout(10, pool=0.2), 3 concurrent requests of 1 s: two PoolTimeouts.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]


async def get(client, i):
    try:
        r = await client.get(f"{URL}/?sleep=1&i={i}")
        return "ok"
    except httpx.PoolTimeout:
        return "PoolTimeout"


client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(10, pool=0.2))
results = await asyncio.gather(*[get(client, i) for i in range(3)], return_exceptions=True)
print(results)
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
