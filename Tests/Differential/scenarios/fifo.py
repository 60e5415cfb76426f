# max_connections=1 and 4 concurrent requests: they reach the server in arrival order 0, 1, 2, 3.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]


async def get(client, i):
    r = await client.get(f"{URL}/?sleep=0.1&i={i}")
    return r.status_code


client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=30)
results = await asyncio.gather(*[get(client, i) for i in range(4)], return_exceptions=True)
print(results)
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
