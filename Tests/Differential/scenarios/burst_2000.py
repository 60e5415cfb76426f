# 2000 concurrent requests through Limits(1000, 100) to a 0.2 s server: asyncio runs every task's first step
# before it polls a socket, so all 2000 are queued before the first connect completes. httpcore2 opens exactly
# 1000 connections and uses each twice (httpcore 1.0.9 needs minutes here: every release wakes every waiter).
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]


async def get(client, i):
    r = await client.get(f"{URL}/?sleep=0.2&i={i}")
    return r.status_code


client = httpx.AsyncClient(limits=httpx.Limits(max_connections=1000, max_keepalive_connections=100), timeout=60)
results = await asyncio.gather(*[get(client, i) for i in range(2000)])
print(f"ok={results.count(200)}")
print(len(client._transport._pool.connections))
await client.aclose()
