# max_connections=0: no connection can ever open; each request raises PoolTimeout after Timeout.pool.
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]

client = httpx.AsyncClient(limits=httpx.Limits(max_connections=0), timeout=httpx.Timeout(2, pool=0.2))
for i in range(3):
    try:
        r = await client.get(f"{URL}/?i={i}")
        print("ok", r.status_code)
    except httpx.PoolTimeout:
        print("PoolTimeout")
print(client._transport._pool)
print(client._transport._pool.connections)
await client.aclose()
