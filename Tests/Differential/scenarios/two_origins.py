# Two origins at the cap (max_connections=2): with both connections idle on origin A, a request to origin B
# evicts the oldest idle connection (of any origin) and opens its own.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]
URL2 = os.environ["DIFF_URL2"]


async def get(client, url, i):
    r = await client.get(f"{url}/?sleep=0.2&i={i}")
    return r.status_code


client = httpx.AsyncClient(limits=httpx.Limits(max_connections=2), timeout=30)
results = await asyncio.gather(*[get(client, URL, i) for i in range(2)], return_exceptions=True)
print(results)
print(client._transport._pool)
r = await client.get(f"{URL2}/?i=2")
print(client._transport._pool)
print(client._transport._pool.connections)
r = await client.get(f"{URL2}/?i=3")
r = await client.get(f"{URL}/?i=4")
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
