# 600 concurrent requests through Limits(30, 10) to a server that answers at once: the whole burst is queued
# before the first connect completes, so each of the 30 connections carries about 20 requests (19-21 in CPython
# over five runs, both libraries).
import asyncio
import os
import httpx

URL = os.environ["DIFF_URL"]


async def get(client, i):
    r = await client.get(f"{URL}/?i={i}")
    return r.status_code


client = httpx.AsyncClient(limits=httpx.Limits(max_connections=30, max_keepalive_connections=10), timeout=60)
results = await asyncio.gather(*[get(client, i) for i in range(600)])
print(f"ok={results.count(200)}")
print(len(client._transport._pool.connections))
await client.aclose()
